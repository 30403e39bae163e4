using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// Bytes of one article as read from its source, before decoding and extraction. <see cref="Format"/> says how to
/// read them: "txt", "md", "html", "text" (UTF-8 text already decoded), "jsonl" (one JSON line), "rss" or "atom"
/// (one feed item's XML). The bytes are exactly what <see cref="Sources.ContentId"/> hashes into the article id.
/// </summary>
public sealed record RawDocument(string Origin, ReadOnlyMemory<byte> Bytes, string Format, ArticleMetadata Metadata)
{
    /// <summary>The character set the transport declared (an HTTP Content-Type charset), if any.</summary>
    public string? Charset { get; init; }
}

/// <summary>What a source yields: a document, or a failure naming the input (and line) and the reason.</summary>
public abstract record SourceItem
{
    public sealed record Document(RawDocument Raw) : SourceItem;

    /// <summary>A file in a folder that ingest does not read (its kind is not one it knows); counted and listed, not an error.</summary>
    public sealed record Skipped(string Input, string Reason) : SourceItem
    {
        public override string ToString() => $"{Input}: {Reason}";
    }

    public sealed record Failure(string Input, int? Line, string Reason) : SourceItem
    {
        public override string ToString() => Line is { } l ? $"{Input}:{l}: {Reason}" : $"{Input}: {Reason}";
    }
}

/// <summary>Options for reading inputs.</summary>
public sealed record SourceOptions
{
    /// <summary>Glob patterns (relative to a folder) of files to read in folders; empty means every supported file.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    /// <summary>Largest input read; larger files fail with a clear reason.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(20);
    public int MaxRedirects { get; init; } = 5;
    public string UserAgent { get; init; } = "Tightrope/0.1 (+self-hosted news analysis; offline by default)";
}

/// <summary>
/// A raw document that cannot be turned into an article (thrown by <see cref="Sources.ToArticle"/>). Documents that
/// came from <see cref="Sources.Open"/> have already passed the same checks, so this is rare.
/// </summary>
public sealed class SourceException : Exception
{
    public SourceException(string input, string reason)
        : base($"{input}: {reason}")
    {
        Input = input;
        Reason = reason;
    }

    public SourceException()
        : this("(unknown)", "unreadable input")
    {
    }

    public SourceException(string message)
        : this("(unknown)", message)
    {
    }

    public SourceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Input = "(unknown)";
        Reason = message;
    }

    public string Input { get; } = "(unknown)";

    public string Reason { get; } = "";

    public SourceItem.Failure ToFailure() => new(Input, null, Reason);
}
