namespace Tightrope.Clean;

/// <summary>Bylines: a bracketed byline that opens a line, and byline or credit lines ("By Jane Doe", "Reporting by ...").</summary>
internal static class Bylines
{
    /// <summary>Role words of a bracketed byline ("columnist", "text/", "记者"); "by" only with a space after it.</summary>
    private static readonly string[] BylineRoles = CleanWords.Spaced("clean-byline-roles", plain: "text", after: "word");

    private static readonly Knowledge.WordList ReporterWords = CheckedReporterWords();

    private static Knowledge.WordList CheckedReporterWords()
    {
        var list = Knowledge.LanguageData.English["clean-byline-reporter-words"];
        foreach (var (word, where) in list.Values)
        {
            if (where is not ("end" or "anywhere"))
            {
                throw new InvalidDataException($"knowledge/lang/en/clean-byline-reporter-words.yaml: '{word}' has '{where}'; expected 'end' or 'anywhere'");
            }
        }

        return list;
    }

    private static readonly string[] Credits = CleanWords.Phrases("clean-byline-credits");

    /// <summary>The length of a bracketed byline that opens a line ("[Text/Site columnist Name]"), or 0.</summary>
    public static int BracketBylineLength(ReadOnlySpan<char> line)
    {
        if (line.Length < 4 || line[0] is not ('[' or '【' or '('))
        {
            return 0;
        }

        char close = line[0] switch { '[' => ']', '【' => '】', _ => ')' };
        int end = line[..Math.Min(line.Length, 100)].IndexOf(close);
        if (end < 2)
        {
            return 0;
        }

        var inner = line[1..end];
        if (Words.Count(inner) > 8)
        {
            return 0;
        }

        foreach (var role in BylineRoles)
        {
            if (inner.Contains(role, StringComparison.OrdinalIgnoreCase))
            {
                return end + 1;
            }
        }

        return 0;
    }

    /// <summary>"BY NAME [email]", "By Jane Doe, Reuters", "Reporting by ...", "홍길동 기자".</summary>
    public static bool IsBylineLine(ReadOnlySpan<char> line, int words)
    {
        if (words == 0 || words > 12)
        {
            return false;
        }

        if (line.Length > 3 && (line.StartsWith("By ", StringComparison.Ordinal) || line.StartsWith("BY ", StringComparison.Ordinal))
            && char.IsUpper(line[3]))
        {
            return true;
        }

        foreach (var credit in Credits)
        {
            if (line.StartsWith(credit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (words <= 6 && HasReporterWord(line))
        {
            return true;
        }

        return words <= 8 && HasEmail(line) && !Words.EndsSentence(line);
    }

    /// <summary>"홍길동 기자", "记者 王明" (clean-byline-reporter-words.yaml: at the end of the line, or anywhere).</summary>
    private static bool HasReporterWord(ReadOnlySpan<char> line)
    {
        foreach (var word in ReporterWords.Words)
        {
            bool end = string.Equals(ReporterWords.Values[word], "end", StringComparison.Ordinal);
            if (end ? line.EndsWith(word, StringComparison.Ordinal) : line.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasEmail(ReadOnlySpan<char> line)
    {
        int at = line.IndexOf('@');
        return at > 0 && at < line.Length - 3 && char.IsLetterOrDigit(line[at - 1]) && line[(at + 1)..].IndexOf('.') > 0;
    }
}
