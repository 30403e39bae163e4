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

/// <summary>
/// A segment of the raw (extracted) text that cleaning removed or marked. <see cref="RawSpan"/> points into
/// <see cref="Article.RawText"/>; <see cref="CleanOffset"/> is where it would sit in the cleaned text.
/// A <see cref="RemovalKind.Truncated"/> segment is a mark, not a removal: its text stays in the cleaned text.
/// </summary>
public sealed record RemovedSegment(RemovalKind Kind, TextSpan RawSpan, int CleanOffset, string Text, string? Reason = null);
