using Tightrope.Model;

namespace Tightrope.Clean;

/// <summary>
/// Rules that recognise a whole line (or one sentence) of extracted text as noise: copyright notices, bylines
/// (<see cref="Bylines"/>), captions (<see cref="Captions"/>), site chrome, social prompts and SEO filler. Each rule is a
/// general pattern, in several languages; the words are in knowledge/lang/en/clean-*.yaml.
/// </summary>
internal static class LineRules
{
    private static readonly string[] CopyrightMarkers = CleanWords.Phrases("clean-copyright-markers");

    private static readonly string[] NoticeMarkers = CleanWords.Phrases("clean-notice-markers");

    /// <summary>Social and subscription prompts ("Follow us on ...", "Subscribe to our newsletter").</summary>
    private static readonly string[] PromptStarts = CleanWords.Spaced("clean-prompt-starts", plain: "prefix", after: "word");

    private static readonly string[] PlatformWords = CleanWords.Spaced("clean-platform-words", plain: "phrase", before: "after-space");

    private static readonly string[] ChromeMarkers = CleanWords.Phrases("clean-chrome-markers");

    private static readonly string[] SeoMarkers = CleanWords.Phrases("clean-seo-markers");

    public const int Copyright = 1;
    public const int Notice = 2;
    public const int Platform = 4;
    public const int Chrome = 8;
    public const int Seo = 16;

    private static readonly PhraseMatcher Markers = new(
        (CopyrightMarkers, Copyright), (NoticeMarkers, Notice), (PlatformWords, Platform), (ChromeMarkers, Chrome), (SeoMarkers, Seo));

    /// <summary>The marker flags (<see cref="Copyright"/>, <see cref="Notice"/>, ...) found in the text.</summary>
    public static int Match(ReadOnlySpan<char> text) => Markers.Match(text);

    private static readonly System.Buffers.SearchValues<string> PromptOpenings =
        System.Buffers.SearchValues.Create(PromptStarts, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether some sentence of the text may be a copyright notice, a notice or a prompt: the text holds a marker, or
    /// the opening of a prompt somewhere (one search over the whole text, so most paragraphs need no sentence split).
    /// </summary>
    /// <remarks><paramref name="knownFlags"/>: the text's <see cref="Match"/> flags when already read, else -1.</remarks>
    public static bool MayHoldNotice(ReadOnlySpan<char> text, int knownFlags = -1) =>
        ((knownFlags >= 0 ? knownFlags : Match(text)) & (Copyright | Notice)) != 0 || text.ContainsAny(PromptOpenings);

    public static bool IsCopyright(ReadOnlySpan<char> text) => (Match(text) & Copyright) != 0;

    /// <summary>"Follow X on WeChat ...", "Subscribe to our newsletter".</summary>
    public static bool IsPrompt(ReadOnlySpan<char> sentence)
    {
        foreach (var start in PromptStarts)
        {
            if (sentence.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return (Match(sentence) & Platform) != 0 || Words.Count(sentence) <= 6;
            }
        }

        return false;
    }

    /// <summary>"As a former official with decades in Asia, I can tell you ...": a first-person persona claim.</summary>
    public static bool IsPersona(ReadOnlySpan<char> sentence)
    {
        if (!sentence.StartsWith("As a ", StringComparison.Ordinal) && !sentence.StartsWith("As an ", StringComparison.Ordinal))
        {
            return false;
        }

        int comma = sentence.IndexOf(',');
        if (comma < 0 || comma > 160)
        {
            return false;
        }

        var after = sentence[(comma + 1)..].TrimStart();
        return after.StartsWith("I ", StringComparison.Ordinal) || after.StartsWith("I'", StringComparison.Ordinal)
            || after.StartsWith("I’", StringComparison.Ordinal) || after.StartsWith("my ", StringComparison.Ordinal)
            || after.StartsWith("we ", StringComparison.Ordinal);
    }

    /// <summary>The kind a single short line of noise belongs to, or null when it is body text.</summary>
    /// <remarks><paramref name="flags"/> gets the line's marker flags when they were read (lines of up to 30 words), else -1.</remarks>
    public static (RemovalKind Kind, string Reason)? ClassifyLine(ReadOnlySpan<char> line, int words, out int flags)
    {
        flags = words <= 30 ? Match(line) : -1;
        return Verdict(line, words, Math.Max(flags, 0));
    }

    private static (RemovalKind Kind, string Reason)? Verdict(ReadOnlySpan<char> line, int words, int flags)
    {
        if ((flags & Copyright) != 0)
        {
            return (RemovalKind.Copyright, "copyright or reproduction notice");
        }

        if (Bylines.IsBylineLine(line, words))
        {
            return (RemovalKind.Byline, "byline");
        }

        if (Captions.IsCaption(line, words))
        {
            return (RemovalKind.Boilerplate, "image caption or credit");
        }

        if (words <= 12 && (flags & Chrome) != 0)
        {
            return (RemovalKind.Boilerplate, "site chrome");
        }

        if (words <= 25 && IsPrompt(line))
        {
            return (RemovalKind.Boilerplate, "social or subscription prompt");
        }

        if ((flags & Seo) != 0)
        {
            return (RemovalKind.Boilerplate, "SEO filler");
        }

        return null;
    }
}
