using Tightrope.Dedup;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Storage;

/// <summary>Packing articles for the write (<see cref="PreparedArticle"/>): layers, keys and contributions, each form when it is needed.</summary>
public sealed partial class ArticleStore
{
    // Scratch of Keys, per thread: the pipeline's workers prepare articles in parallel.
    [ThreadStatic]
    private static List<IndexKey>? t_keyScratch;
    [ThreadStatic]
    private static List<KeyCount>? t_layerKeyScratch;
    [ThreadStatic]
    private static Dictionary<IndexKey, int>? t_keyCounts;

    /// <summary>
    /// Packs <paramref name="article"/> for a later <see cref="SaveMany(IReadOnlyList{PreparedArticle})"/>: layers, raw
    /// difference, keys, bands and the modules' contributions, both as an original and as a duplicate. Reads nothing
    /// from the backend, so the pipeline's workers call it in parallel; the article is not changed.
    /// </summary>
    public PreparedArticle Prepare(Article article)
    {
        var prepared = Common(article, Fingerprint(article), null);
        prepared.Original = Pack(article, duplicate: false);
        prepared.Duplicate = Pack(article, duplicate: true);
        return prepared;
    }

    /// <summary>
    /// As <see cref="Prepare(Article)"/> for the document at <paramref name="inputOrder"/> in a run's input (rising), but
    /// when the article looks like a copy of one prepared before it in the run (the same text, or a near-duplicate by its
    /// signature), only its duplicate form is packed: near-copies of a wire story cost their original form's layers,
    /// keys and contributions for nothing. If the write finds it an original after all, <paramref name="rebuild"/> gives
    /// the article again (the document through the pipeline once more) to pack that form; the article is not kept.
    /// </summary>
    public PreparedArticle Prepare(Article article, long inputOrder, Func<Article> rebuild)
    {
        ArgumentNullException.ThrowIfNull(rebuild);
        var fingerprint = Fingerprint(article);
        var (signature, bands) = fingerprint;
        if (_forecast.LooksLikeCopy(inputOrder, article.TextHash, signature, bands))
        {
            var copy = Common(article, fingerprint, null);
            copy.Duplicate = Pack(article, duplicate: true);
            copy.Source = rebuild;
            copy.ForeseenCopy = true;
            Interlocked.Increment(ref _foreseenCopies);
            return copy;
        }

        var packedSignature = signature is not null ? PackSignature(signature) : null;
        var prepared = Common(article, fingerprint, _forecast.Add(inputOrder, article.TextHash, packedSignature, bands));
        prepared.Original = Pack(article, duplicate: false);
        prepared.Duplicate = Pack(article, duplicate: true);
        return prepared;
    }

    /// <summary>Articles prepared as likely copies (their original form not packed), and those the write then packed after all.</summary>
    public (int Foreseen, int PackedAfterAll) CopyForecasts => (_foreseenCopies, _packedAfterAll);

    private int _foreseenCopies;
    private int _packedAfterAll;

    private static (ulong[]? Signature, long[]? Bands) Fingerprint(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Signature is { Length: TextFingerprint.SignatureLength } sig ? (sig, TextFingerprint.BandKeys(sig)) : (null, null);
    }

    /// <summary>Prepares an article in hand for a write that follows at once: each form is packed when the write needs it.</summary>
    private static PreparedArticle Lazy(Article article)
    {
        var prepared = Common(article, Fingerprint(article), null);
        prepared.Source = () => article;
        return prepared;
    }

    /// <summary>What both forms share: the row, the text's differences, the signature and bands.</summary>
    private static PreparedArticle Common(Article article, (ulong[]? Signature, long[]? Bands) fingerprint, CopyForecast.Entry? forecast)
    {
        var (signature, bands) = fingerprint;
        return new PreparedArticle(article)
        {
            RawDiff = RawTextDiff.Encode(article.RawText, article.Text, article.Offsets),
            WrittenDiff = WrittenTextDiff.Encode(article.Text, article.WrittenText),
            Signature = signature,
            PackedSignature = forecast?.Signature ?? (signature is not null ? PackSignature(signature) : null),
            Bands = bands,
            Forecast = forecast,
        };
    }

    /// <summary>One form of the article: the layers (uncompressed: the backend compresses), the keys, the contributions.</summary>
    private PackedForm Pack(Article article, bool duplicate) =>
        new(LayerPack.Pack(article, _layers, duplicate), Keys(article, duplicate), Contribution(article, duplicate));

    /// <summary>The form the write needs, packing it now from the article's source when it was left to the write.</summary>
    private PackedForm Form(PreparedArticle article, bool duplicate)
    {
        if ((duplicate ? article.Duplicate : article.Original) is { } form)
        {
            return form;
        }

        var source = article.Source ?? throw new InvalidOperationException($"Article {article.Id} was prepared without its {(duplicate ? "duplicate" : "original")} form.");
        var again = source();
        if (!string.Equals(again.Id, article.Id, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Article {article.Id} was given again as {again.Id}.");
        }

        form = Pack(again, duplicate);
        if (duplicate)
        {
            article.Duplicate = form;
        }
        else
        {
            article.Original = form;
            if (article.ForeseenCopy)
            {
                Interlocked.Increment(ref _packedAfterAll);
            }
        }

        return form;
    }

    [ThreadStatic]
    private static StoreBatch? t_contribution;

    private StoreBatch? Contribution(Article article, bool duplicate)
    {
        if (_contributors.Length == 0)
        {
            return null;
        }

        // Most articles contribute nothing (no figures, or a duplicate): gathered in this thread's scratch batch, and
        // copied out only when there is something.
        var scratch = t_contribution ??= new StoreBatch();
        scratch.Pending.Clear();
        scratch.Scoped.Clear();
        foreach (var contributor in _contributors)
        {
            contributor.Contribute(article, duplicate, scratch);
        }

        if (scratch.Pending.Count == 0 && scratch.Scoped.Count == 0)
        {
            return null;
        }

        var batch = new StoreBatch();
        batch.Pending.UnionWith(scratch.Pending);
        batch.Scoped.AddRange(scratch.Scoped);
        return batch;
    }

    /// <summary>The article's keys, counted: its capabilities' keys (not for a duplicate) and one per non-empty layer.</summary>
    private List<KeyCount> Keys(Article article, bool duplicate)
    {
        // The layer keys first (in layer order), then the records' keys counted; the list is made once at its size.
        var layerKeys = t_layerKeyScratch ??= [];
        layerKeys.Clear();
        var keys = t_keyScratch ??= [];
        keys.Clear();
        foreach (var layer in _layers)
        {
            if (duplicate && !layer.KeptForDuplicates)
            {
                continue;
            }

            if (layer.Count(article) is > 0 and var n)
            {
                layerKeys.Add(new KeyCount(new IndexKey(LayerKey, layer.Name), n));
            }

            if (!duplicate)
            {
                layer.AddKeys(article, keys);
            }
        }

        var counted = t_keyCounts ??= [];
        counted.Clear();
        foreach (var k in keys)
        {
            counted[k] = counted.GetValueOrDefault(k) + 1;
        }

        keys.Clear();
        var result = new List<KeyCount>(layerKeys.Count + counted.Count);
        result.AddRange(layerKeys);
        foreach (var (key, count) in counted)
        {
            result.Add(new KeyCount(key, count));
        }

        return result;
    }

}
