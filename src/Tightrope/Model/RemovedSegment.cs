namespace Tightrope.Model;

/// <summary>Why a piece of the extracted text was taken out of the cleaned text.</summary>
public enum RemovalKind
{
    Boilerplate,
    HtmlArtifact,
    Duplicate,
    RelatedLinks,
    Byline,
    Copyright,
    Truncated,
}

/// <summary>Removal kinds as stored, shown and exported: snake_case ("html_artifact", "related_links").</summary>
public static class RemovalKindNames
{
    public static string Name(RemovalKind kind) => kind switch
    {
        RemovalKind.HtmlArtifact => "html_artifact",
        RemovalKind.RelatedLinks => "related_links",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static RemovalKind Parse(string name) =>
        Enum.Parse<RemovalKind>(name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}

/// <summary>
/// A segment of the raw (extracted) text that cleaning removed or marked. <see cref="RawSpan"/> points into
/// <see cref="Article.RawText"/>; <see cref="CleanOffset"/> is where it would sit in the cleaned text.
/// A <see cref="RemovalKind.Truncated"/> segment is a mark, not a removal: its text stays in the cleaned text.
/// </summary>
public sealed record RemovedSegment(RemovalKind Kind, TextSpan RawSpan, int CleanOffset, string Text, string? Reason = null);
