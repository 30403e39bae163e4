namespace Tightrope.Clean;

/// <summary>Small span helpers over white-space separated words.</summary>
internal static class Words
{
    /// <summary>
    /// About how many words the text has: spaces plus one (vectorised); text in Chinese or Japanese, written without
    /// spaces, counts one word per two characters. Used for thresholds only.
    /// </summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        int n = text.Count(' ') + text.Count('\t') + 1;
        if (text.ContainsAnyInRange('\u3040', '\u9FFF'))
        {
            n = Math.Max(n, text.Length / 2);
        }

        return n;
    }

    /// <summary>The next white-space separated word of <paramref name="rest"/>, which moves past it.</summary>
    public static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> rest)
    {
        int i = 0;
        while (i < rest.Length && char.IsWhiteSpace(rest[i]))
        {
            i++;
        }

        int start = i;
        while (i < rest.Length && !char.IsWhiteSpace(rest[i]))
        {
            i++;
        }

        var word = rest[start..i];
        rest = rest[i..];
        return word;
    }

    /// <summary>The last white-space separated word.</summary>
    public static ReadOnlySpan<char> Last(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        int i = text.Length;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return text[i..];
    }

    /// <summary>Whether the text ends like a sentence (or a lead-in): terminal punctuation, maybe inside quotes.</summary>
    public static bool EndsSentence(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        while (text.Length > 0 && IsCloser(text[^1]))
        {
            text = text[..^1];
        }

        return text.Length > 0 && text[^1] is '.' or '!' or '?' or ':' or ';' or '…' or '。' or '！' or '？' or '．';
    }

    public static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '}' or '”' or '’' or '»' or '›' or '」' or '』' or '）' or '】';

    /// <summary>Whether <paramref name="word"/> is one a sentence cannot end on (articles, prepositions, conjunctions).</summary>
    public static bool IsFunctionWord(ReadOnlySpan<char> word) => FunctionWordSet.Contains(word);

    private static readonly Knowledge.WordList FunctionWordSet = Knowledge.LanguageData.English["clean-function-words"];
}
