using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Figures.Recognition;

/// <summary>The words around a number: qualifiers, change words, dates, and the word before or after a position.</summary>
internal static partial class FigureRecognizer
{
    private static readonly WordList ChangeNouns = LanguageData.English["figures-change-nouns"];
    private static readonly WordList ChangeVerbs = LanguageData.English["figures-change-verbs"];
    private static readonly WordList Qualifiers = LanguageData.English["figures-qualifiers"];

    /// <summary>The qualifier phrases with what each means, in file order.</summary>
    private static readonly (string Phrase, FigureQualifier Q)[] QualifierPhrases = [.. Qualifiers.Words.Select(w => (w, ParseQualifier(w, Qualifiers.Values[w])))];

    /// <summary>
    /// For each ASCII character, the qualifier phrases (indices into <see cref="QualifierPhrases"/>, in file order)
    /// that can end with it under OrdinalIgnoreCase: those ending in it in either case, and those ending in a character
    /// outside ASCII. A text ending in a character outside ASCII is tried against every phrase.
    /// </summary>
    private static readonly int[][] QualifiersByLastChar = IndexByLastChar(QualifierPhrases);

    private static int[][] IndexByLastChar((string Phrase, FigureQualifier Q)[] phrases)
    {
        var byChar = new int[128][];
        for (int c = 0; c < 128; c++)
        {
            var list = new List<int>();
            for (int p = 0; p < phrases.Length; p++)
            {
                char last = phrases[p].Phrase[^1];
                if (last >= 128 || char.ToLowerInvariant(last) == char.ToLowerInvariant((char)c))
                {
                    list.Add(p);
                }
            }

            byChar[c] = [.. list];
        }

        return byChar;
    }

    private static FigureQualifier ParseQualifier(string phrase, string spec)
    {
        var q = FigureQualifier.None;
        foreach (var part in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            q |= part switch
            {
                "approximate" => FigureQualifier.Approximate,
                "more-than" => FigureQualifier.MoreThan,
                "less-than" => FigureQualifier.LessThan,
                "at-least" => FigureQualifier.AtLeast,
                "at-most" => FigureQualifier.AtMost,
                _ => throw new InvalidDataException($"figures-qualifiers: '{phrase}: {spec}': unknown qualifier '{part}'"),
            };
        }

        return q;
    }

    private static bool IsSentenceStart(ReadOnlySpan<char> s, int wordStart)
    {
        int i = wordStart - 1;
        while (i >= 0 && s[i] is ' ' or '"' or '“' or '(' or '*' or '\t')
        {
            i--;
        }

        return i < 0 || s[i] is '.' or '!' or '?' or '\n' or ':';
    }

    private static bool IsChange(ReadOnlySpan<char> s, int start)
    {
        int p = start;
        bool afterBy = false;
        for (int k = 0; k < 4; k++)
        {
            var (w, ws) = PreviousWord(s, p);
            if (w.IsEmpty)
            {
                return false;
            }

            if (ChangeNouns.Contains(w) || (k == 0 || (k == 1 && afterBy)) && ChangeVerbs.Contains(w))
            {
                return true;
            }

            if (w.Equals("to", StringComparison.OrdinalIgnoreCase) || w.Equals("at", StringComparison.OrdinalIgnoreCase))
            {
                return false; // "dropped to 20%" is a level
            }

            afterBy = k == 0 && w.Equals("by", StringComparison.OrdinalIgnoreCase);
            p = ws;
        }

        return false;
    }

    private static FigureQualifier QualifierBefore(ReadOnlySpan<char> s, int start, out int qualStart)
    {
        qualStart = start;
        int i = start;
        while (i > 0 && s[i - 1] is ' ' or '(')
        {
            i--;
        }

        // Every phrase ends in a letter ("approx." in a full stop).
        if (i == 0 || !(char.IsLetter(s[i - 1]) || s[i - 1] == '.'))
        {
            return FigureQualifier.None;
        }

        var before = s[Math.Max(0, i - 16)..i];
        var best = FigureQualifier.None;
        int bestLength = 0;
        char lastChar = before[^1];
        var candidates = lastChar < 128 ? QualifiersByLastChar[lastChar] : null;
        int count = candidates?.Length ?? QualifierPhrases.Length;
        for (int c = 0; c < count; c++)
        {
            var (phrase, q) = QualifierPhrases[candidates is null ? c : candidates[c]];
            if (phrase.Length > bestLength && before.EndsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                int ps = i - phrase.Length;
                if (ps == 0 || !char.IsLetter(s[ps - 1]))
                {
                    qualStart = ps;
                    best = q;
                    bestLength = phrase.Length;
                }
            }
        }

        return best;
    }

    private static bool IsMonth(ReadOnlySpan<char> w)
    {
        return Months.Contains(w.TrimEnd('.'));
    }

    /// <summary>"November 7", "14 July", "Nov. 7", "7:59 a.m.".</summary>
    private static bool IsDate(ReadOnlySpan<char> s, NumberMatch m)
    {
        if (m.Flags != NumberFlags.Digits || m.Value > 31 && !(m.Value is >= 1800 and <= 2100))
        {
            return false;
        }

        var (pw, _) = PreviousWord(s, m.Span.Start);
        if (IsMonth(pw) && m.Value <= 31 && m.Span.Start - pw.Length <= m.Span.Start)
        {
            return true;
        }

        var (nw, ne) = NextWord(s, m.Span.End);
        if (IsMonth(nw) && m.Value <= 31)
        {
            return true;
        }

        if (nw.Equals("a", StringComparison.OrdinalIgnoreCase) || nw.Equals("p", StringComparison.OrdinalIgnoreCase))
        {
            return ne < s.Length && s[ne] == '.' && m.Value <= 12 && ne + 2 < s.Length && char.ToLowerInvariant(s[ne + 1]) == 'm';
        }

        return nw.Equals("am", StringComparison.Ordinal) || nw.Equals("pm", StringComparison.Ordinal);
    }

    private static bool IsRangeJoiner(ReadOnlySpan<char> s, int from, int to)
    {
        if (to <= from || to - from > 8)
        {
            return false;
        }

        var between = s[from..to].Trim();
        return between is "-" or "–" or "—" or "to" or "and" or "through" or "~" || between.IsEmpty;
    }

    private static WordSpan WordAt(ReadOnlySpan<char> s, int i)
    {
        int e = i;
        while (e < s.Length && char.IsLetter(s[e]))
        {
            e++;
        }

        return new WordSpan(s[i..e], e);
    }

    /// <summary>The word after <paramref name="i"/> (skipping spaces); dotted abbreviations are kept ("u.s.").</summary>
    private static WordSpan NextWord(ReadOnlySpan<char> s, int i)
    {
        int j = i;
        while (j < s.Length && s[j] == ' ')
        {
            j++;
        }

        int e = j;
        bool dotted = false;
        while (e < s.Length && (char.IsLetter(s[e]) || (s[e] == '.' && e > j && e + 1 < s.Length && char.IsLetter(s[e + 1]))))
        {
            dotted |= s[e] == '.';
            e++;
        }

        // A dotted abbreviation keeps its final dot ("U.S.", "U.K."), so the word after it is still reached.
        if (dotted && e < s.Length && s[e] == '.')
        {
            e++;
        }

        return new WordSpan(s[j..e], e);
    }

    private static WordSpan PreviousWord(ReadOnlySpan<char> s, int i)
    {
        int e = i;
        while (e > 0 && s[e - 1] is ' ' or ',' or '(' or '"' or '“')
        {
            e--;
        }

        int b = e;
        while (b > 0 && (char.IsLetter(s[b - 1]) || (s[b - 1] == '.' && b > 1 && char.IsLetter(s[b - 2]))))
        {
            b--;
        }

        return new WordSpan(s[b..e], b);
    }

    /// <summary>A word of the text and the offset past it (or of its start, for <see cref="PreviousWord"/>).</summary>
    private readonly ref struct WordSpan(ReadOnlySpan<char> text, int offset)
    {
        public ReadOnlySpan<char> Text { get; } = text;
        public int Offset { get; } = offset;

        public void Deconstruct(out ReadOnlySpan<char> text, out int offset)
        {
            text = Text;
            offset = Offset;
        }
    }
}
