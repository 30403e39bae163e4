using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>
/// Sentence bounds for the figures stage: the article's sentences when the text stage made them, else a local
/// split at ". ", "! ", "? " before a capital, digit or quote, and at line breaks (abbreviations kept whole).
/// </summary>
internal static class SentenceBounds
{
    private static readonly string[] Abbreviations =
    [
        "U.S", "U.K", "U.N", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sen", "Rep", "St", "No", "vs", "etc", "a.m", "p.m",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Co", "Corp", "Ltd", "approx",
    ];

    public static List<TextSpan> Of(Article article)
    {
        if (article.Sentences.Count > 0)
        {
            return [.. article.Sentences.Select(s => s.Span)];
        }

        return Split(article.Text);
    }

    public static List<TextSpan> Split(string text)
    {
        var result = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool cut = false;
            int end = i + 1;
            if (c == '\n')
            {
                cut = true;
                end = i;
            }
            else if (c is '.' or '!' or '?' or '。')
            {
                int j = i + 1;
                while (j < text.Length && text[j] is '"' or '”' or '’' or '\'' or ')')
                {
                    j++;
                }

                if (j >= text.Length)
                {
                    cut = true;
                    end = j;
                }
                else if (text[j] == ' ' || c == '。')
                {
                    int k = j;
                    while (k < text.Length && text[k] == ' ')
                    {
                        k++;
                    }

                    if (k < text.Length && (char.IsUpper(text[k]) || char.IsDigit(text[k]) || text[k] is '"' or '“' or '‘' or '(' or '*' or '-'))
                    {
                        cut = c != '.' || !IsAbbreviation(text, i);
                        end = j;
                    }
                }
            }

            if (cut)
            {
                Add(result, text, start, end);
                start = end;
            }
        }

        Add(result, text, start, text.Length);
        return result;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        int b = dot;
        while (b > 0 && (char.IsLetter(text[b - 1]) || text[b - 1] == '.'))
        {
            b--;
        }

        var word = text.AsSpan(b, dot - b);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        foreach (var a in Abbreviations)
        {
            if (word.Equals(a, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<TextSpan> result, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add(new TextSpan(start, end));
        }
    }
}
