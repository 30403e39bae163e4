using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// Bytes of one article as read from its source, before decoding and extraction. <see cref="Format"/> says how to
/// read them: "txt", "md", "html", or "text" for text already decoded (JSON lines, feed items).
/// </summary>
public sealed record RawDocument(string Origin, ReadOnlyMemory<byte> Bytes, string Format, ArticleMetadata Metadata);

/// <summary>What a source yields: a document, or a failure naming the input (and line) and the reason.</summary>
public abstract record SourceItem
{
    public sealed record Document(RawDocument Raw) : SourceItem;

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
