namespace Tightrope.Clean;

/// <summary>Bylines: a bracketed byline that opens a line, and byline or credit lines ("By Jane Doe", "Reporting by ...").</summary>
internal static class Bylines
{
    /// <summary>Role words of a bracketed byline ("columnist", "text/", "记者"); "by" only with a space after it.</summary>
    private static readonly string[] BylineRoles = CleanWords.Spaced("clean-byline-roles", after: "word");

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

        if (words <= 6 && (line.EndsWith("기자", StringComparison.Ordinal) || line.Contains("记者", StringComparison.Ordinal)
            || line.Contains("記者", StringComparison.Ordinal)))
        {
            return true;
        }

        return words <= 8 && HasEmail(line) && !Words.EndsSentence(line);
    }

    private static bool HasEmail(ReadOnlySpan<char> line)
    {
        int at = line.IndexOf('@');
        return at > 0 && at < line.Length - 3 && char.IsLetterOrDigit(line[at - 1]) && line[(at + 1)..].IndexOf('.') > 0;
    }
}
