using Tightrope.Model;

namespace Tightrope.Storage;

/// <summary>
/// An article packed for the store ahead of its write (<see cref="IArticleStore.Prepare(Article)"/>, on the pipeline's
/// worker): its row, its keys, LSH band keys and its two forms — as an original (every layer, the capabilities' keys,
/// what the modules contribute) and as a duplicate (which keeps fewer). Which way it is written is decided by the store
/// in the write, against what is stored then. The article itself can be let go: a batch waiting for the writer holds
/// these few blobs instead of every article's records as objects (which lived long enough to reach the oldest GC
/// generation). A form may be left to the write (<see cref="Source"/>): the original form of an article that looks
/// like a copy of one prepared just before, which it nearly always turns out to be.
/// </summary>
public sealed class PreparedArticle
{
    internal PreparedArticle(Article article)
    {
        Id = article.Id;
        Metadata = article.Metadata;
        Date = article.Date;
        Text = article.Text;
        TextHash = article.TextHash;
        DuplicateOf = article.DuplicateOf;
        Failures = article.Failures.Count == 0 ? [] : [.. article.Failures];
    }

    public string Id { get; }

    /// <summary>The stages that failed on the article (it is stored without their layers).</summary>
    public IReadOnlyList<StageFailure> Failures { get; }

    internal ArticleMetadata Metadata { get; }

    internal ArticleDate? Date { get; }

    internal string Text { get; }

    internal string? TextHash { get; }

    /// <summary>The original the pipeline already named (null: the store decides).</summary>
    internal string? DuplicateOf { get; }

    internal byte[]? RawDiff { get; init; }

    internal byte[]? WrittenDiff { get; init; }

    /// <summary>The full signature (the batch's own near-duplicate checks use every bit), null without one.</summary>
    internal ulong[]? Signature { get; init; }

    internal byte[]? PackedSignature { get; init; }

    internal long[]? Bands { get; init; }

    /// <summary>The article written as an original; null until packed (then <see cref="Source"/> gives the article).</summary>
    internal PackedForm? Original { get; set; }

    /// <summary>The article written as a duplicate; null until packed (then <see cref="Source"/> gives the article).</summary>
    internal PackedForm? Duplicate { get; set; }

    /// <summary>
    /// Gives the article again (the one in hand, or the document through the pipeline once more) when the write needs a
    /// form not packed ahead; null when both are packed.
    /// </summary>
    internal Func<Article>? Source { get; set; }

    /// <summary>Prepared as a likely copy: the original form left to the write.</summary>
    internal bool ForeseenCopy { get; set; }

    /// <summary>What the article told the forecast of copies as a likely original (null: nothing).</summary>
    internal CopyForecast.Entry? Forecast { get; init; }
}

/// <summary>One way an article is written: its layers packed, its keys counted, what the modules add to the batch (null: nothing).</summary>
internal sealed record PackedForm(byte[] Layers, IReadOnlyList<KeyCount> Keys, StoreBatch? Contribution);

/// <summary>What the write of one prepared article did: its outcome, the original it duplicates, the date it got.</summary>
internal readonly record struct WriteResult(SaveOutcome Outcome, string? DuplicateOf, ArticleDate? Date);
