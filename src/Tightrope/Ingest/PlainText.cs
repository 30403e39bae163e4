namespace Tightrope.Ingest;

/// <summary>
/// What a plain-text file says about itself. News saved as text usually opens with the headline on a line of its own;
/// that line becomes the title (it stays in the text, as the headline of a Markdown file does).
/// </summary>
internal static class PlainText
{
    private const int MaxHeadlineChars = 200;
    private const int MaxHeadlineWords = 30;

    /// <summary>The first line when it reads as a headline: short, alone on its line, followed by more text, and
    /// not ending like a sentence of running prose (a full stop, comma, colon or semicolon).</summary>
    public static string? Headline(string text)
    {
        var span = text.AsSpan().TrimStart();
        int newline = span.IndexOfAny('\n', '\r');
        if (newline <= 0)
        {
            return null;
        }

        var line = span[..newline].Trim();
        var rest = span[newline..];
        if (line.Length is < 3 or > MaxHeadlineChars || rest.IsWhiteSpace())
        {
            return null;
        }

        char last = line[^1];
        if (last is '.' or ',' or ';' or ':' && !line.EndsWith("...", StringComparison.Ordinal))
        {
            return null;
        }

        if (line.StartsWith("By ", StringComparison.Ordinal) || line.StartsWith('[') || line.StartsWith('('))
        {
            return null; // a byline or a bracketed credit, not a headline
        }

        int words = 1;
        foreach (char c in line)
        {
            if (char.IsWhiteSpace(c) && ++words > MaxHeadlineWords)
            {
                return null;
            }
        }

        return line.ToString();
    }
}
