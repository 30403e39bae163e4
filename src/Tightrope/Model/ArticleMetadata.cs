namespace Tightrope.Model;

/// <summary>What is known about an article from where it came from, before any text is read.</summary>
public sealed record ArticleMetadata
{
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Author { get; init; }
    public string? Url { get; init; }
    /// <summary>Publication date given by the input's metadata (not inferred).</summary>
    public DateOnly? Published { get; init; }
    /// <summary>Where the input was read: a file path (with ":line" for JSON lines), a feed item or a URL.</summary>
    public string? Origin { get; init; }
    /// <summary>The input format: txt, html, md, jsonl, rss, atom, url.</summary>
    public string? Format { get; init; }
}
