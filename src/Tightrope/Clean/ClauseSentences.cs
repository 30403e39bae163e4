using System.Buffers;
using Tightrope.Text;

namespace Tightrope.Clean;

/// <summary>A light sentence splitter for cleaning decisions.</summary>
internal static class ClauseSentences
{
    private static readonly SearchValues<char> Terminals = SearchValues.Create(".!?…。！？");

    /// <summary>Where the sentences of one paragraph start (a light splitter for cleaning decisions).</summary>
    internal static void SentenceStarts(ReadOnlySpan<char> text, List<int> starts)
    {
        starts.Add(0);
        int i = 0;
        while (i < text.Length)
        {
            int found = text[i..].IndexOfAny(Terminals);
            if (found < 0)
            {
                return;
            }

            i += found;
            int next = BoundaryAfter(text, i);
            if (next > 0)
            {
                starts.Add(next);
                i = next;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The start of the sentence that ends at <paramref name="end"/> (searching backwards).</summary>
    internal static int PreviousSentenceStart(ReadOnlySpan<char> text, int end)
    {
        int limit = CleanPlan.TrimEndIndex(text, end) - 1;
        while (limit > 0)
        {
            int i = text[..limit].LastIndexOfAny(Terminals);
            if (i < 0)
            {
                return 0;
            }

            int next = BoundaryAfter(text, i);
            if (next > 0 && next < end)
            {
                return next;
            }

            limit = i;
        }

        return 0;
    }

    /// <summary>When the terminal character at <paramref name="i"/> ends a sentence, where the next one starts; else 0.</summary>
    private static int BoundaryAfter(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        int j = i + 1;
        while (j < text.Length && Words.IsCloser(text[j]))
        {
            j++;
        }

        int ws = j;
        while (j < text.Length && CleanPlan.IsBlank(text[j]))
        {
            j++;
        }

        bool cjk = c is '。' or '！' or '？';
        if (j >= text.Length || (j == ws && !cjk))
        {
            return 0;
        }

        char next = text[j];
        if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '‘' or '\'' or '(' or '[' || (next > '\u2E7F' && char.IsLetter(next))))
        {
            return 0;
        }

        if (c == '.')
        {
            int w = i;
            while (w > 0 && !CleanPlan.IsBlank(text[w - 1]))
            {
                w--;
            }

            if (Abbreviations.Classify(text[w..i]) == AbbreviationKind.Prefix || (i - w == 1 && char.IsUpper(text[w])))
            {
                return 0;
            }
        }

        return j;
    }
}
