using Tightrope.Model;

namespace Tightrope.Storage;

/// <summary>
/// An article packed for the store ahead of its write (<see cref="IArticleStore.Prepare"/>, on the pipeline's worker):
/// its row with the layers packed both ways (as an original and as a duplicate, which keeps fewer), its keys, LSH band
/// keys and what the modules contribute. Which way it is written is decided by the store in the write, against what is
/// stored then. The article itself can be let go: a batch waiting for the writer holds these few blobs instead of
/// every article's records as objects (which lived long enough to reach the oldest GC generation).
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

    internal byte[] Layers { get; init; } = [];

    internal byte[] DuplicateLayers { get; init; } = [];

    internal IReadOnlyList<KeyCount> Keys { get; init; } = [];

    internal IReadOnlyList<KeyCount> DuplicateKeys { get; init; } = [];

    /// <summary>What the modules add to the batch when the article is written as an original (null: nothing).</summary>
    internal StoreBatch? Contribution { get; init; }

    /// <summary>What the modules add when it is written as a duplicate (null: nothing).</summary>
    internal StoreBatch? DuplicateContribution { get; init; }
}

/// <summary>What the write of one prepared article did: its outcome, the original it duplicates, the date it got.</summary>
internal readonly record struct WriteResult(SaveOutcome Outcome, string? DuplicateOf, ArticleDate? Date);
