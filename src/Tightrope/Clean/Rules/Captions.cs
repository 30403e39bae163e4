using Tightrope.Knowledge;

namespace Tightrope.Clean;

/// <summary>Image captions and credit lines: "File picture: ...", "Photo by ...", "资料图", "사진=".</summary>
internal static class Captions
{
    private static readonly WordList CaptionQualifiers = LanguageData.English["clean-caption-qualifiers"];

    private static readonly WordList CaptionNouns = LanguageData.English["clean-caption-nouns"];

    private static readonly string[] CaptionNativeStarts = CleanWords.Phrases("clean-caption-native-starts");

    /// <summary>An image caption or credit line: "File picture: ...", "Photo by ...", "Information picture of ...".</summary>
    public static bool IsCaption(ReadOnlySpan<char> line, int words)
    {
        if (words > 60)
        {
            return false;
        }

        foreach (var start in CaptionNativeStarts)
        {
            if (line.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var rest = line;
        var first = Words.Next(ref rest);
        var second = Words.Next(ref rest);
        if (IsOneOf(first, CaptionQualifiers) && IsOneOf(second, CaptionNouns))
        {
            return true;
        }

        if (IsOneOf(first, CaptionNouns))
        {
            // "Photo: ...", "Photo by ...", "Image courtesy of ...": the noun is followed by a credit, not a verb.
            int after = first.Length;
            var tail = line[Math.Min(after, line.Length)..];
            if (tail.StartsWith(':') || tail.StartsWith('=') || tail.StartsWith('|') || tail.StartsWith(" :")
                || StartsWithCredit(tail))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>" by ", " courtesy", " credit" (clean-caption-credits.yaml), each after one space.</summary>
    private static readonly string[] Credits = [.. CleanWords.Spaced("clean-caption-credits", plain: "prefix", after: "word").Select(c => " " + c)];

    private static bool StartsWithCredit(ReadOnlySpan<char> tail)
    {
        foreach (var credit in Credits)
        {
            if (tail.StartsWith(credit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, WordList set) => set.Contains(word.TrimEnd(":：=".AsSpan()));
}
