namespace Tightrope.Model;

/// <summary>The type of a column of a capability's records.</summary>
public enum ColumnType : byte
{
    Integer,
    Real,
    Text,
    /// <summary>Text that is, almost always, the article's text under the record's span (stored as a reference then).</summary>
    SpanText,
}

/// <summary>One column of a capability's records: what exports, stores and JSON call it and what it holds.</summary>
public readonly record struct Column(string Name, ColumnType Type, bool Nullable = false);

/// <summary>
/// Receives one row of a record, column by column in the codec's order. Implemented by every place records go: the
/// store's compact binary rows, JSON (<c>annotate --json</c>, the API), CSV and Parquet exports.
/// </summary>
public interface IRowWriter
{
    void Integer(long? value);

    void Real(double? value);

    void Text(string? value);

    /// <summary>A text that quotes the article's text at [start, end) when it equals it.</summary>
    void SpanText(string value, int start, int end);

    /// <summary>A text that usually equals <paramref name="derived"/>, which the reader can work out again (stored as a mark then).</summary>
    void Derived(string? value, string derived);

    /// <summary>The row is complete.</summary>
    void EndRow();
}

/// <summary>Gives back one row's values, column by column in the codec's order.</summary>
public interface IRowReader
{
    long? Integer();

    double? Real();

    string? Text();

    string SpanText(int start, int end);

    /// <summary>The text written with <see cref="IRowWriter.Derived"/>, given the same <paramref name="derived"/>.</summary>
    string? Derived(string derived);
}

/// <summary>
/// The one mapping of a capability's records to rows, used by every store, <c>annotate --json</c>, exports and the API
/// (Markdig's renderers per node type; Dapper's type maps). A codec is stateless and shared.
/// </summary>
public abstract class RecordCodec<T>
{
    protected RecordCodec(string name, int version, params Column[] columns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Version = version;
        Columns = columns;
    }

    /// <summary>The records' name in stores, exports and JSON ("mentions").</summary>
    public string Name { get; }

    /// <summary>Bumped when the columns change; stored rows of another version are refused with a clear message.</summary>
    public int Version { get; }

    public IReadOnlyList<Column> Columns { get; }

    public abstract void Write(T record, IRowWriter row);

    public abstract T Read(IRowReader row);
}

/// <summary>A key under which a store indexes an article for queries: ("actor", "moon-jae-in"), ("indicator", "sma-total").</summary>
public readonly record struct IndexKey(string Name, string Value);

/// <summary>
/// An article layer as stored: the records of one <see cref="AnnotationKey{T}"/> slot, their codec, and the keys a store
/// indexes them by. Each capability registers its layers with the pipeline builder; the stores, exports and JSON
/// front ends only ever see this interface.
/// </summary>
public interface ILayerCodec
{
    /// <summary>Unique, lower-case name of the layer ("mentions").</summary>
    string Name { get; }

    int Version { get; }

    IReadOnlyList<Column> Columns { get; }

    /// <summary>Whether a near-duplicate's copy keeps this layer (removed segments and failures do; mentions do not).</summary>
    bool KeptForDuplicates { get; }

    /// <summary>How many records the article holds in this layer.</summary>
    int Count(Article article);

    /// <summary>Writes every record of the layer, in order, one row each.</summary>
    void WriteRows(Article article, IRowWriter rows);

    /// <summary>Reads <paramref name="count"/> rows back into the article's slot (replacing what was there).</summary>
    void ReadRows(Article article, int count, IRowReader rows);

    /// <summary>The keys the article should be found by (each may repeat: stores count them).</summary>
    void AddKeys(Article article, ICollection<IndexKey> keys);
}

/// <summary>A layer held in a list slot on the article, written with a <see cref="RecordCodec{T}"/>.</summary>
public class ListLayer<T> : ILayerCodec
{
    private readonly Func<Article, List<T>> _slot;

    public ListLayer(RecordCodec<T> codec, Func<Article, List<T>> slot, bool keptForDuplicates = false, Action<T, ICollection<IndexKey>>? keys = null)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(slot);
        Codec = codec;
        _slot = slot;
        KeptForDuplicates = keptForDuplicates;
        Keys = keys;
    }

    public RecordCodec<T> Codec { get; }

    public string Name => Codec.Name;

    public int Version => Codec.Version;

    public IReadOnlyList<Column> Columns => Codec.Columns;

    public bool KeptForDuplicates { get; }

    private Action<T, ICollection<IndexKey>>? Keys { get; }

    public int Count(Article article) => _slot(article).Count;

    public void WriteRows(Article article, IRowWriter rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var record in _slot(article))
        {
            Codec.Write(record, rows);
            rows.EndRow();
        }
    }

    public void ReadRows(Article article, int count, IRowReader rows)
    {
        var list = _slot(article);
        list.Clear();
        list.EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            list.Add(Codec.Read(rows));
        }
    }

    public void AddKeys(Article article, ICollection<IndexKey> keys)
    {
        if (Keys is null)
        {
            return;
        }

        foreach (var record in _slot(article))
        {
            Keys(record, keys);
        }
    }
}
