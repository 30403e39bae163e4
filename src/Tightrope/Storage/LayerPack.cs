using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Tightrope.Model;

namespace Tightrope.Storage;

/// <summary>
/// The compact binary form of an article's layers, as every blob-keeping store writes them: one blob per article,
/// each layer a section (name, codec version, row count, bytes) so that a reader decodes only the layers it needs.
/// Values: integers as zig-zag varints, reals as integers or thousandths when exact, texts as UTF-8 once per section
/// and referenced afterwards, a record's quoted text as a reference to the article's text. Round trips are exact.
/// </summary>
public static class LayerPack
{
    /// <summary>
    /// The first byte of a blob (written before 2026-12-07 evening) whose sections are Deflate-compressed (raw Deflate,
    /// the fastest level, after this byte). An uncompressed blob of that form starts with its section count as a
    /// varint, which is below 0x80 (fewer than 128 layers).
    /// </summary>
    public const byte Deflated = 0xFF;

    /// <summary>
    /// The first byte of a blob whose rows are column-delta-coded (each integer column written as the difference from
    /// the same column of the row before: offsets, sentence numbers and ids that grow take a byte or two, and repeat),
    /// its sections following uncompressed.
    /// </summary>
    public const byte DeltaRows = 0xFE;

    /// <summary>As <see cref="DeltaRows"/>, the sections Deflate-compressed (the fastest level) after this byte.</summary>
    public const byte DeltaRowsDeflated = 0xFD;

    /// <summary>Blobs shorter than this are kept uncompressed (Deflate's own framing would eat most of the saving).</summary>
    public const int CompressFrom = 128;

    /// <summary>
    /// Packs the layers of <paramref name="article"/> that have records (and that a duplicate keeps, if it is one),
    /// rows column-delta-coded (<see cref="DeltaRows"/>); with <paramref name="compress"/>, a blob of
    /// <see cref="CompressFrom"/> bytes or more is Deflate-compressed (<see cref="DeltaRowsDeflated"/>) when that makes
    /// it smaller. <see cref="Unpack"/> reads every form written since schema 3.
    /// </summary>
    public static byte[] Pack(Article article, IReadOnlyList<ILayerCodec> layers, bool duplicate, bool compress = false) =>
        Pack(article, layers, duplicate, compress, delta: true);

    /// <summary>The form written before column-delta coding (rows as they are; 0xFF when compressed): for tests of stores written then.</summary>
    internal static byte[] PackLegacy(Article article, IReadOnlyList<ILayerCodec> layers, bool duplicate, bool compress = false) =>
        Pack(article, layers, duplicate, compress, delta: false);

    private static byte[] Pack(Article article, IReadOnlyList<ILayerCodec> layers, bool duplicate, bool compress, bool delta)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(layers);
        var writer = PackWriter.Rent(article.Text);
        var sections = new List<(ILayerCodec Layer, int Rows, int Start, int End)>(layers.Count);
        foreach (var layer in layers)
        {
            if (duplicate && !layer.KeptForDuplicates)
            {
                continue;
            }

            int rows = layer.Count(article);
            if (rows == 0)
            {
                continue;
            }

            writer.BeginSection(delta ? layer.Columns.Count : 0);
            int start = writer.Length;
            layer.WriteRows(article, writer);
            sections.Add((layer, rows, start, writer.Length));
        }

        if (sections.Count >= 0x7F)
        {
            throw new InvalidOperationException($"{sections.Count} layers: a packed blob holds at most 126.");
        }

        var output = new Buffer(writer.Length + 16 * sections.Count + 8);
        if (delta)
        {
            output.Byte(DeltaRows);
        }

        output.VarUInt((ulong)sections.Count);
        foreach (var (layer, rows, start, end) in sections)
        {
            output.Utf8(layer.Name);
            output.VarUInt((ulong)layer.Version);
            output.VarUInt((ulong)rows);
            output.VarUInt((ulong)(end - start));
            output.Bytes(writer.Span(start, end));
        }

        if (!compress || output.Length < CompressFrom)
        {
            return output.ToArray();
        }

        // The marker byte stays outside the compressed stream (the legacy form has none: all of it is compressed).
        int skip = delta ? 1 : 0;
        return Deflate(output.Span(skip, output.Length), delta ? DeltaRowsDeflated : Deflated, output.Span(0, output.Length));
    }

    [ThreadStatic]
    private static MemoryStream? t_deflateBuffer;

    /// <summary>
    /// <paramref name="sections"/> Deflate-compressed behind <paramref name="marker"/>, or <paramref name="whole"/> as
    /// it is when that is not smaller.
    /// </summary>
    private static byte[] Deflate(ReadOnlySpan<byte> sections, byte marker, ReadOnlySpan<byte> whole)
    {
        var buffer = t_deflateBuffer ??= new MemoryStream(8192);
        buffer.SetLength(0);
        buffer.WriteByte(marker);
        using (var z = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(sections);
        }

        return buffer.Length < whole.Length ? buffer.GetBuffer().AsSpan(0, (int)buffer.Length).ToArray() : whole.ToArray();
    }

    /// <summary>The uncompressed sections of a blob and whether its rows are delta-coded.</summary>
    private static (byte[] Sections, int Start, bool Delta) Inflate(byte[] blob)
    {
        switch (blob[0])
        {
            case DeltaRows:
                return (blob, 1, true);
            case Deflated or DeltaRowsDeflated:
                using (var input = new MemoryStream(blob, 1, blob.Length - 1, writable: false))
                using (var z = new DeflateStream(input, CompressionMode.Decompress))
                {
                    var output = new MemoryStream(blob.Length * 3);
                    z.CopyTo(output);
                    return (output.GetBuffer().AsSpan(0, (int)output.Length).ToArray(), 0, blob[0] == DeltaRowsDeflated);
                }

            default:
                return (blob, 0, false);
        }
    }

    /// <summary>
    /// Reads back into <paramref name="article"/> the sections of <paramref name="blob"/> whose layer is in
    /// <paramref name="layers"/> (others are skipped: a reader needs only what it asks for).
    /// </summary>
    public static void Unpack(byte[] blob, Article article, IReadOnlyList<ILayerCodec> layers)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length == 0)
        {
            return;
        }

        (blob, int pos, bool delta) = Inflate(blob);
        int count = (int)ReadVarUInt(blob, ref pos);
        for (int s = 0; s < count; s++)
        {
            string name = ReadUtf8(blob, ref pos);
            int version = (int)ReadVarUInt(blob, ref pos);
            int rows = (int)ReadVarUInt(blob, ref pos);
            int length = (int)ReadVarUInt(blob, ref pos);
            int start = pos;
            pos += length;
            ILayerCodec? layer = null;
            foreach (var l in layers)
            {
                if (string.Equals(l.Name, name, StringComparison.Ordinal))
                {
                    layer = l;
                    break;
                }
            }

            if (layer is null)
            {
                continue;
            }

            if (layer.Version != version)
            {
                throw new InvalidDataException(
                    $"Stored layer '{name}' of article {article.Id} is version {version}; this Tightrope reads version {layer.Version}.");
            }

            layer.ReadRows(article, rows, new PackReader(blob, article.Text, start, delta ? layer.Columns.Count : 0));
        }
    }

    /// <summary>Writes the layers' records as JSON properties (<c>"mentions": [{...}, ...]</c>) of the current object.</summary>
    public static void WriteJson(Article article, IEnumerable<ILayerCodec> layers, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(json);
        foreach (var layer in layers)
        {
            json.WritePropertyName(layer.Name);
            json.WriteStartArray();
            layer.WriteRows(article, new JsonRowWriter(json, layer.Columns));
            json.WriteEndArray();
        }
    }

    internal static ulong ReadVarUInt(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong value = 0;
        int shift = 0;
        while (true)
        {
            byte b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    internal static string ReadUtf8(ReadOnlySpan<byte> data, ref int pos)
    {
        int length = (int)ReadVarUInt(data, ref pos);
        var s = Encoding.UTF8.GetString(data.Slice(pos, length));
        pos += length;
        return s;
    }

    /// <summary>A growable byte buffer with varint writes.</summary>
    internal sealed class Buffer(int capacity)
    {
        private byte[] _data = new byte[Math.Max(16, capacity)];

        public int Length { get; private set; }

        public void Clear() => Length = 0;

        public ReadOnlySpan<byte> Span(int start, int end) => _data.AsSpan(start, end - start);

        public byte[] ToArray() => _data.AsSpan(0, Length).ToArray();

        private Span<byte> Reserve(int n)
        {
            if (Length + n > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + n));
            }

            var span = _data.AsSpan(Length, n);
            Length += n;
            return span;
        }

        public void Byte(byte b) => Reserve(1)[0] = b;

        public void VarUInt(ulong value)
        {
            while (value >= 0x80)
            {
                Byte((byte)(value | 0x80));
                value >>= 7;
            }

            Byte((byte)value);
        }

        public void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

        public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);

        public void Utf8(string s)
        {
            int n = Encoding.UTF8.GetByteCount(s);
            VarUInt((ulong)n);
            Encoding.UTF8.GetBytes(s, Reserve(n));
        }
    }

    /// <summary>Rows to bytes. Texts are kept once per section (actor ids, kinds and units repeat within an article).</summary>
    internal sealed class PackWriter(string text) : IRowWriter
    {
        [ThreadStatic]
        private static PackWriter? t_cached;

        private readonly Buffer _out = new(4096);
        private string articleText = text;
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        private readonly ColumnDeltas _deltas = new();

        /// <summary>This thread's writer, emptied, for the article text given (packing allocates nothing else).</summary>
        public static PackWriter Rent(string articleText)
        {
            var w = t_cached ??= new PackWriter(articleText);
            w.articleText = articleText;
            w._out.Clear();
            w._strings.Clear();
            return w;
        }

        public int Length => _out.Length;

        public ReadOnlySpan<byte> Span(int start, int end) => _out.Span(start, end);

        /// <summary>
        /// Starts a section; with <paramref name="columns"/> above 0 its integers are written as differences from the
        /// same column of the row before (<see cref="ColumnDeltas"/>).
        /// </summary>
        public void BeginSection(int columns = 0)
        {
            _strings.Clear();
            _deltas.Begin(columns);
        }

        public void Integer(long? value) => _out.VarUInt(value is { } v ? ZigZag(_deltas.Encode(v)) + 1 : _deltas.Skip());

        public void Real(double? value)
        {
            _deltas.Skip();
            switch (value)
            {
                case null:
                    _out.Byte(0);
                    break;
                case { } v when Math.Abs(v) < 1e15 && Math.Round(v) == v:
                    _out.Byte(1);
                    _out.VarUInt(ZigZag((long)v));
                    break;
                case { } v when Math.Abs(v) < 1e12 && Math.Round(v * 1000) / 1000 == v:
                    _out.Byte(2);
                    _out.VarUInt(ZigZag((long)Math.Round(v * 1000)));
                    break;
                case { } v:
                    _out.Byte(3);
                    _out.Double(v);
                    break;
            }
        }

        public void Text(string? value)
        {
            _deltas.Skip();
            if (value is null)
            {
                _out.VarUInt(0);
            }
            else
            {
                WriteString(value, 1);
            }
        }

        public void SpanText(string value, int start, int end)
        {
            _deltas.Skip();
            if (start >= 0 && end <= articleText.Length && start <= end && articleText.AsSpan(start, end - start).SequenceEqual(value))
            {
                _out.VarUInt(0);
            }
            else
            {
                WriteString(value, 1);
            }
        }

        /// <summary>0: null; 1: the derived text; 2: a new string follows; above: a reference.</summary>
        public void Derived(string? value, string derived)
        {
            _deltas.Skip();
            if (value is null)
            {
                _out.VarUInt(0);
            }
            else if (string.Equals(value, derived, StringComparison.Ordinal))
            {
                _out.VarUInt(1);
            }
            else
            {
                WriteString(value, 2);
            }
        }

        /// <summary><paramref name="fresh"/>: a new string follows; above it: a reference to the n-th string of the section.</summary>
        private void WriteString(string value, ulong fresh)
        {
            if (_strings.TryGetValue(value, out int index))
            {
                _out.VarUInt(fresh + 1 + (ulong)index);
                return;
            }

            _strings[value] = _strings.Count;
            _out.VarUInt(fresh);
            _out.Utf8(value);
        }

        public void EndRow()
        {
        }

        private static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));
    }

    /// <summary>Bytes to rows: the mirror of <see cref="PackWriter"/>, reading a section of <paramref name="data"/> from <paramref name="start"/>.</summary>
    internal sealed class PackReader : IRowReader
    {
        private readonly List<string> _strings = [];
        private readonly ColumnDeltas _deltas = new();
        private readonly byte[] data;
        private readonly string articleText;
        private int _pos;

        /// <summary>A reader of the section at <paramref name="start"/>; <paramref name="columns"/> as the writer's <see cref="PackWriter.BeginSection"/>.</summary>
        public PackReader(byte[] data, string articleText, int start = 0, int columns = 0)
        {
            this.data = data;
            this.articleText = articleText;
            _pos = start;
            _deltas.Begin(columns);
        }

        public long? Integer()
        {
            ulong raw = ReadVarUInt(data, ref _pos);
            if (raw == 0)
            {
                _deltas.Skip();
                return null;
            }

            return _deltas.Decode(UnZigZag(raw - 1));
        }

        public double? Real()
        {
            _deltas.Skip();
            byte tag = data[_pos++];
            return tag switch
            {
                0 => null,
                1 => UnZigZag(ReadVarUInt(data, ref _pos)),
                2 => UnZigZag(ReadVarUInt(data, ref _pos)) / 1000.0,
                _ => ReadDouble(),
            };
        }

        private double ReadDouble()
        {
            double v = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(_pos, 8));
            _pos += 8;
            return v;
        }

        public string? Text()
        {
            _deltas.Skip();
            ulong tag = ReadVarUInt(data, ref _pos);
            return tag == 0 ? null : ReadString(tag, 1);
        }

        public string SpanText(int start, int end)
        {
            _deltas.Skip();
            ulong tag = ReadVarUInt(data, ref _pos);
            return tag == 0 ? articleText[start..end] : ReadString(tag, 1);
        }

        public string? Derived(string derived)
        {
            _deltas.Skip();
            ulong tag = ReadVarUInt(data, ref _pos);
            return tag switch
            {
                0 => null,
                1 => derived,
                _ => ReadString(tag, 2),
            };
        }

        private string ReadString(ulong tag, ulong fresh)
        {
            if (tag > fresh)
            {
                return _strings[(int)(tag - fresh - 1)];
            }

            var s = ReadUtf8(data, ref _pos);
            _strings.Add(s);
            return s;
        }

        private static long UnZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
    }

    /// <summary>
    /// Column-delta coding of a section's integers: the n-th value a codec writes belongs to column n mod the codec's
    /// column count (a codec writes one value per column, in order, as JSON and the exports need), and an integer is
    /// kept as its difference from the last integer of that column (a null leaves it). Writer and reader make the same
    /// calls in the same order, so they agree on every column whatever a codec writes. Columns 0: values as they are.
    /// </summary>
    internal sealed class ColumnDeltas
    {
        private long[] _previous = new long[16];
        private int _columns;
        private int _column;

        public void Begin(int columns)
        {
            _columns = columns;
            _column = 0;
            if (_previous.Length < columns)
            {
                _previous = new long[columns];
            }

            Array.Clear(_previous);
        }

        /// <summary>Moves past a value that is not a stored integer; 0 (the null mark) for the caller's convenience.</summary>
        public ulong Skip()
        {
            if (_columns > 0 && ++_column == _columns)
            {
                _column = 0;
            }

            return 0;
        }

        public long Encode(long value)
        {
            if (_columns == 0)
            {
                return value;
            }

            int c = _column;
            long delta = unchecked(value - _previous[c]);
            _previous[c] = value;
            Skip();
            return delta;
        }

        public long Decode(long delta)
        {
            if (_columns == 0)
            {
                return delta;
            }

            int c = _column;
            long value = unchecked(_previous[c] + delta);
            _previous[c] = value;
            Skip();
            return value;
        }
    }

    /// <summary>Rows to JSON objects named by the codec's columns.</summary>
    internal sealed class JsonRowWriter(Utf8JsonWriter json, IReadOnlyList<Column> columns) : IRowWriter
    {
        private int _column;

        private void Name()
        {
            if (_column == 0)
            {
                json.WriteStartObject();
            }

            json.WritePropertyName(columns[_column++].Name);
        }

        public void Integer(long? value)
        {
            Name();
            if (value is { } v)
            {
                json.WriteNumberValue(v);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        public void Real(double? value)
        {
            Name();
            if (value is { } v && double.IsFinite(v))
            {
                json.WriteNumberValue(v);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        public void Text(string? value)
        {
            Name();
            json.WriteStringValue(value);
        }

        public void SpanText(string value, int start, int end) => Text(value);

        public void Derived(string? value, string derived) => Text(value);

        public void EndRow()
        {
            if (_column == 0)
            {
                json.WriteStartObject();
            }

            json.WriteEndObject();
            _column = 0;
        }
    }
}

/// <summary>Records kept per scope, packed with their codec (one section, no article text to quote).</summary>
public static class ScopedPack
{
    public static ScopedRecords Pack<T>(string scope, IReadOnlyList<T> records, RecordCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(codec);
        var writer = new LayerPack.PackWriter(string.Empty);
        writer.BeginSection();
        foreach (var r in records)
        {
            codec.Write(r, writer);
        }

        return new ScopedRecords(scope, records.Count, writer.Span(0, writer.Length).ToArray());
    }

    public static List<T> Unpack<T>(ScopedRecords scoped, RecordCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        ArgumentNullException.ThrowIfNull(codec);
        var reader = new LayerPack.PackReader(scoped.Data, string.Empty);
        var list = new List<T>(scoped.Count);
        for (int i = 0; i < scoped.Count; i++)
        {
            list.Add(codec.Read(reader));
        }

        return list;
    }
}
