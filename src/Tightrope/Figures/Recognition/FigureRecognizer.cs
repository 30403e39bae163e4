using Tightrope.Model;

namespace Tightrope.Figures.Recognition;

/// <summary>A figure found by the recogniser, before it is tied to a measure, an indicator and a period.</summary>
internal sealed record RecognizedFigure
{
    public required TextSpan Span { get; init; }
    public required double Value { get; init; }
    public double? ValueHigh { get; init; }
    /// <summary>Null for a bare number (no unit): kept only when an indicator claims it.</summary>
    public string? Unit { get; init; }
    public FigureKind Kind { get; init; }
    public FigureQualifier Qualifier { get; init; }
    /// <summary>The unit noun phrase after the number ("US troops", "military bases"), if any.</summary>
    public TextSpan? UnitPhrase { get; init; }
    /// <summary>Index of the figure this one restates in another currency ("(approximately RMB 8.04 billion)").</summary>
    public int? EquivalentOf { get; init; }
    /// <summary>A bare number written like a model or law number ("Ascend 950", "Article 5"): never claimed.</summary>
    public bool NameLike { get; init; }
    /// <summary>Where the figure's qualifier ("more than", "between") starts; <see cref="Span"/>.Start when it has none.</summary>
    public int QualifierStart { get; init; } = -1;
    /// <summary>The number carried a scale word or suffix ("5 billion", "20k").</summary>
    public bool Scaled { get; init; }
}

/// <summary>
/// Turns the numbers of a text into figures: money (symbols, codes and currency words, scale words), percentages,
/// fractions, counts and durations with their unit nouns, ranges, qualifiers, changes and parenthetical conversions.
/// Years, dates, clock times, ordinals and model numbers are not figures.
/// </summary>
internal static class FigureRecognizer
{
    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    private static readonly (string Phrase, FigureQualifier Q)[] Qualifiers =
    [
        ("approximately", FigureQualifier.Approximate), ("approx.", FigureQualifier.Approximate), ("about", FigureQualifier.Approximate),
        ("around", FigureQualifier.Approximate), ("roughly", FigureQualifier.Approximate), ("nearly", FigureQualifier.Approximate),
        ("almost", FigureQualifier.Approximate), ("some", FigureQualifier.Approximate), ("an estimated", FigureQualifier.Approximate),
        ("estimated", FigureQualifier.Approximate), ("close to", FigureQualifier.Approximate), ("circa", FigureQualifier.Approximate),
        ("just under", FigureQualifier.Approximate | FigureQualifier.LessThan), ("just over", FigureQualifier.Approximate | FigureQualifier.MoreThan),
        ("more than", FigureQualifier.MoreThan), ("over", FigureQualifier.MoreThan), ("above", FigureQualifier.MoreThan),
        ("exceeding", FigureQualifier.MoreThan), ("greater than", FigureQualifier.MoreThan), ("in excess of", FigureQualifier.MoreThan), ("upwards of", FigureQualifier.MoreThan),
        ("at least", FigureQualifier.AtLeast), ("no less than", FigureQualifier.AtLeast), ("no fewer than", FigureQualifier.AtLeast),
        ("up to", FigureQualifier.AtMost), ("at most", FigureQualifier.AtMost), ("no more than", FigureQualifier.AtMost),
        ("less than", FigureQualifier.LessThan), ("fewer than", FigureQualifier.LessThan), ("under", FigureQualifier.LessThan),
        ("below", FigureQualifier.LessThan),
    ];

    private static readonly string[] ChangeNouns = ["increase", "increases", "rise", "decrease", "decline", "drop", "growth", "cut", "hike", "jump", "fall", "gain", "reduction"];
    private static readonly string[] ChangeVerbs = ["up", "down", "rose", "fell", "grew", "increased", "decreased", "declined", "dropped", "jumped", "climbed", "surged", "slid", "gained", "plunged", "rising", "falling"];
    private static readonly string[] SkipAdjectiveStops =
    [
        "of", "in", "to", "the", "and", "or", "was", "were", "is", "are", "have", "has", "for", "on", "at", "by", "with", "from",
        "than", "that", "which", "who", "a", "an", "per", "as", "its", "their", "his", "her", "ago", "later", "earlier",
    ];

    public static List<RecognizedFigure> Recognize(string text) => Recognize(text, NumberExtractor.Extract(text));

    public static List<RecognizedFigure> Recognize(string text, List<NumberMatch> numbers)
    {
        var s = text.AsSpan();
        var found = new List<RecognizedFigure>(numbers.Count);
        var isDate = new bool[numbers.Count];
        for (int n = 0; n < numbers.Count; n++)
        {
            var m = numbers[n];
            if (m.Has(NumberFlags.Model) || m.Has(NumberFlags.DateOrTime))
            {
                isDate[n] = m.Has(NumberFlags.DateOrTime);
                continue;
            }

            if (IsDate(s, m) || (n > 0 && isDate[n - 1] && IsRangeJoiner(s, numbers[n - 1].Span.End, m.Span.Start)))
            {
                isDate[n] = true;
                continue;
            }

            if (Recognize(s, m) is { } fig)
            {
                found.Add(fig);
            }
        }

        MergeRanges(s, found);
        MarkEquivalents(s, found);
        return found;
    }

    private static RecognizedFigure? Recognize(ReadOnlySpan<char> s, NumberMatch m)
    {
        int start = m.Span.Start, end = m.Span.End;
        double value = m.Value;
        string? unit = null;
        var kind = FigureKind.Other;
        TextSpan? unitPhrase = null;

        // Currency before the number: "$", "US$", "US $", "NT$", "₩", "RMB", "USD".
        int before = start;
        while (before > 0 && s[before - 1] == ' ')
        {
            before--;
        }

        if (before > 0 && UnitLexicon.Symbol(s[before - 1], ReadOnlySpan<char>.Empty) is not null)
        {
            int sym = before - 1;
            // Letters glued to the symbol ("US$", "NT$", "HK$") or, in tokenised copy, one space before it ("us $", "hk $").
            int lettersEnd = sym;
            bool spaced = false;
            if (lettersEnd > 1 && s[lettersEnd - 1] == ' ' && char.IsLetter(s[lettersEnd - 2]))
            {
                lettersEnd--;
                spaced = true;
            }

            int ls = lettersEnd;
            while (ls > 0 && (char.IsLetter(s[ls - 1]) || (s[ls - 1] == '.' && ls > 1 && char.IsLetter(s[ls - 2]))))
            {
                ls--;
            }

            var letters = s[ls..lettersEnd];
            string? code = null;
            bool wordStart = ls == 0 || !char.IsLetterOrDigit(s[ls - 1]);
            if (s[sym] == '$' && letters.Length is > 0 and <= 4 && wordStart && !(spaced && letters.Length == 1 && letters[0] is 'a' or 'A' or 's' or 'S'))
            {
                code = UnitLexicon.Symbol('$', letters);
            }

            if (code is not null)
            {
                start = ls;
            }
            else
            {
                code = UnitLexicon.Symbol(s[sym], ReadOnlySpan<char>.Empty);
                start = sym;
            }

            if (code is not null)
            {
                unit = code;
                kind = FigureKind.Money;
            }
        }
        else if (before > 0 && char.IsLetter(s[before - 1]))
        {
            int ws = before;
            while (ws > 0 && char.IsLetter(s[ws - 1]))
            {
                ws--;
            }

            int prevEnd = ws;
            while (prevEnd > 0 && s[prevEnd - 1] == ' ')
            {
                prevEnd--;
            }

            // "17 USD 25": a code right after another number belongs to that number.
            bool afterNumber = prevEnd > 0 && char.IsDigit(s[prevEnd - 1]) && prevEnd < ws;
            if (!afterNumber && UnitLexicon.Code(s[ws..before]) is { } code)
            {
                unit = code;
                kind = FigureKind.Money;
                start = ws;
            }
        }

        bool vague = m.Has(NumberFlags.Vague);
        if (m.Has(NumberFlags.Multiplier))
        {
            unit = "times";
            kind = FigureKind.Change;
        }

        // After the number: percent, currency word, hyphenated unit ("15-day"), glued unit ("4nm"), count noun.
        if (unit is null)
        {
            int j = end;
            if (m.GluedUnit is { } glued)
            {
                unit = glued;
                kind = glued.Length == 3 && char.IsUpper(glued[0]) ? FigureKind.Money : FigureKind.Count;
            }
            else if (j < s.Length && s[j] == '%')
            {
                unit = "percent";
                kind = FigureKind.Percent;
                end = j + 1;
            }
            else if (j < s.Length && s[j] == ' ' && j + 1 < s.Length && s[j + 1] == '%')
            {
                unit = "percent";
                kind = FigureKind.Percent;
                end = j + 2;
            }
            else if (j < s.Length && s[j] == '-' && j + 1 < s.Length && char.IsLetter(s[j + 1]))
            {
                // "15-day", "five-year", "12-cent"
                var (w, we) = WordAt(s, j + 1);
                if (UnitLexicon.DurationUnit(w) is { } du)
                {
                    unit = du;
                    kind = FigureKind.Duration;
                    end = we;
                }
                else if (UnitLexicon.Currency(w) is { } cw && (w.Length > 3 || w.Equals("yen", StringComparison.OrdinalIgnoreCase)))
                {
                    unit = cw.Code;
                    value *= cw.Factor;
                    kind = FigureKind.Money;
                    end = we;
                }
            }
            else
            {
                var (w, we) = NextWord(s, j);
                if (!w.IsEmpty || j < s.Length)
                {
                    if (w.Equals("percent", StringComparison.OrdinalIgnoreCase) || w.Equals("percents", StringComparison.OrdinalIgnoreCase)
                        || w.Equals("percentage", StringComparison.OrdinalIgnoreCase) || w.Equals("pct", StringComparison.OrdinalIgnoreCase))
                    {
                        unit = "percent";
                        kind = FigureKind.Percent;
                        end = we;
                    }
                    else if (w.Equals("per", StringComparison.OrdinalIgnoreCase) && NextWord(s, we) is var (w2, we2) && w2.Equals("cent", StringComparison.OrdinalIgnoreCase))
                    {
                        unit = "percent";
                        kind = FigureKind.Percent;
                        end = we2;
                    }
                    else if (CurrencyAfter(s, j) is var (code, factor, ce) && code is not null)
                    {
                        unit = code;
                        value *= factor;
                        kind = FigureKind.Money;
                        end = ce;
                    }
                    else if (UnitAfter(s, j, vague) is var (u, k, phrase) && u is not null)
                    {
                        unit = u;
                        kind = k;
                        unitPhrase = phrase;
                        if (k == FigureKind.Duration)
                        {
                            end = phrase.End;
                        }
                    }
                }
            }

            if (kind == FigureKind.Percent)
            {
                var (pw, pe) = NextWord(s, end);
                if (pw.Equals("points", StringComparison.OrdinalIgnoreCase) || pw.Equals("point", StringComparison.OrdinalIgnoreCase))
                {
                    unit = "percentage points";
                    kind = FigureKind.PercentagePoints;
                    end = pe;
                }
                else if (pw.Equals("percentage", StringComparison.OrdinalIgnoreCase) && NextWord(s, pe) is var (pw2, pe2) && pw2.StartsWith("point", StringComparison.OrdinalIgnoreCase))
                {
                    unit = "percentage points";
                    kind = FigureKind.PercentagePoints;
                    end = pe2;
                }
            }
        }

        // A percentage of the money kind written in codes after the number: "50 million USD", "115USD".
        if (unit is null && m.Has(NumberFlags.Fraction))
        {
            // "second half", "the first half": a part of a period, not an amount.
            var (pw, _) = PreviousWord(s, start);
            if (m.Has(NumberFlags.Words) && m.Value == 0.5 && (pw.Equals("second", StringComparison.OrdinalIgnoreCase) || pw.Equals("first", StringComparison.OrdinalIgnoreCase)
                || pw.Equals("latter", StringComparison.OrdinalIgnoreCase) || pw.Equals("other", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            // A share needs "of" after it or a qualifier before it ("1/9 of", "over half", "nearly two-thirds of"):
            // "9/11", "24/7" and "half a century" are not shares.
            var (nw, _) = NextWord(s, end);
            bool share = nw.Equals("of", StringComparison.OrdinalIgnoreCase) && m.Value < 1
                         || QualifierBefore(s, start, out _) != FigureQualifier.None && m.Value <= 1
                         || pw.Equals("to", StringComparison.OrdinalIgnoreCase) && m.Value < 1;
            if (!share)
            {
                return null;
            }

            unit = "fraction";
            kind = FigureKind.Fraction;
        }

        if (unit is null && IsYear(s, m))
        {
            return null;
        }

        var qualifier = QualifierBefore(s, start, out int qualStart);
        if (kind == FigureKind.Duration && qualifier == FigureQualifier.MoreThan && PreviousWord(s, start).Text.Equals("over", StringComparison.OrdinalIgnoreCase)
            && s[Math.Max(0, qualStart - 60)..qualStart].IndexOfAnyInRange('0', '9') >= 0)
        {
            // "spend 43 trillion yen over five years": after an amount, a period, not "more than five years".
            qualifier = FigureQualifier.None;
            qualStart = start;
        }
        if (vague)
        {
            qualifier |= FigureQualifier.Approximate | FigureQualifier.AtLeast;
        }

        if (kind is FigureKind.Percent && IsChange(s, qualStart))
        {
            kind = FigureKind.Change;
        }

        bool nameLike = false;
        if (unit is null)
        {
            // A bare number after a capitalised word that is not a sentence start: a model, law or route number.
            var (pw, ps) = PreviousWord(s, start);
            nameLike = !pw.IsEmpty && char.IsUpper(pw[0]) && ps > 0 && !IsSentenceStart(s, ps) && !IsMonth(pw)
                       && !m.Has(NumberFlags.Grouped) && !m.Has(NumberFlags.Scaled);
        }

        return new RecognizedFigure
        {
            Span = new TextSpan(start, end),
            Value = value,
            Unit = unit,
            Kind = unit is null ? FigureKind.Other : kind,
            Qualifier = qualifier,
            UnitPhrase = unitPhrase,
            NameLike = nameLike,
            QualifierStart = qualifier == FigureQualifier.None || vague ? start : qualStart,
            Scaled = m.Has(NumberFlags.Scaled),
        };
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

            foreach (var noun in ChangeNouns)
            {
                if (w.Equals(noun, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            if (k == 0 || (k == 1 && afterBy))
            {
                foreach (var verb in ChangeVerbs)
                {
                    if (w.Equals(verb, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
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

        var before = s[Math.Max(0, i - 16)..i];
        var best = FigureQualifier.None;
        int bestLength = 0;
        foreach (var (phrase, q) in Qualifiers)
        {
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

    private static bool IsYear(ReadOnlySpan<char> s, NumberMatch m)
    {
        if (m.Flags != NumberFlags.Digits || m.Span.Length != 4)
        {
            return false;
        }

        return m.Value is >= 1800 and <= 2100;
    }

    private static bool IsMonth(ReadOnlySpan<char> w)
    {
        var t = w.TrimEnd('.');
        foreach (var month in Months)
        {
            if (t.Equals(month, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
        while (e < s.Length && (char.IsLetter(s[e]) || (s[e] == '.' && e > j && e + 1 < s.Length && char.IsLetter(s[e + 1]))))
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

    private static (string? Code, double Factor, int End) CurrencyAfter(ReadOnlySpan<char> s, int j)
    {
        // A symbol after the number ("10 €", "5 $") when no number follows it.
        int k = j;
        while (k < s.Length && s[k] == ' ')
        {
            k++;
        }

        if (k < s.Length && k - j <= 1 && UnitLexicon.Symbol(s[k], ReadOnlySpan<char>.Empty) is { } post)
        {
            int after = k + 1;
            while (after < s.Length && s[after] == ' ')
            {
                after++;
            }

            if (after >= s.Length || !char.IsDigit(s[after]))
            {
                return (post, 1, k + 1);
            }
        }

        var (w, we) = NextWord(s, j);
        if (w.IsEmpty)
        {
            return (null, 1, j);
        }

        // "US dollars", "Taiwan dollars", "new taiwan dollars", "swiss francs", "Hong Kong dollars", "finnish markka".
        if (UnitLexicon.DollarQualifier(w) is { } q0)
        {
            var (w2, we2) = NextWord(s, we);
            if (w.Equals("hong", StringComparison.OrdinalIgnoreCase) || w2.Equals("kong", StringComparison.OrdinalIgnoreCase))
            {
                (w2, we2) = NextWord(s, we2);
            }

            if (w2.StartsWith("dollar", StringComparison.OrdinalIgnoreCase) || w2.StartsWith("franc", StringComparison.OrdinalIgnoreCase))
            {
                return (q0, 1, we2);
            }
        }

        if (w.Equals("new", StringComparison.OrdinalIgnoreCase) || w.Equals("hong", StringComparison.OrdinalIgnoreCase)
            || w.Equals("finnish", StringComparison.OrdinalIgnoreCase) || w.Equals("dutch", StringComparison.OrdinalIgnoreCase)
            || w.Equals("chinese", StringComparison.OrdinalIgnoreCase) || w.Equals("japanese", StringComparison.OrdinalIgnoreCase)
            || w.Equals("korean", StringComparison.OrdinalIgnoreCase) || w.Equals("south", StringComparison.OrdinalIgnoreCase)
            || w.Equals("british", StringComparison.OrdinalIgnoreCase) || w.Equals("russian", StringComparison.OrdinalIgnoreCase))
        {
            var (w2, we2) = NextWord(s, we);
            if (w2.Equals("korean", StringComparison.OrdinalIgnoreCase) || w2.Equals("taiwan", StringComparison.OrdinalIgnoreCase)
                || w2.Equals("kong", StringComparison.OrdinalIgnoreCase))
            {
                var (w3, we3) = NextWord(s, we2);
                if (w2.Equals("korean", StringComparison.OrdinalIgnoreCase) && w3.Equals("won", StringComparison.OrdinalIgnoreCase))
                {
                    return ("KRW", 1, we3);
                }

                if (w3.StartsWith("dollar", StringComparison.OrdinalIgnoreCase))
                {
                    return (w2.Equals("kong", StringComparison.OrdinalIgnoreCase) ? "HKD" : "TWD", 1, we3);
                }
            }

            if (UnitLexicon.Currency(w2) is { } c2 && !w2.StartsWith("dollar", StringComparison.OrdinalIgnoreCase) && w2.Length > 3)
            {
                return (c2.Code, c2.Factor, we2);
            }
        }

        if (UnitLexicon.Currency(w) is { } c)
        {
            bool isCode = w.Length == 3 && !w.Equals("won", StringComparison.OrdinalIgnoreCase) && !w.Equals("yen", StringComparison.OrdinalIgnoreCase);
            if (isCode && UnitLexicon.Code(w) is null)
            {
                return (null, 1, j);
            }

            // "75 USD million": a scale word after a code.
            var (sw, swe) = NextWord(s, we);
            double scale = sw.Equals("million", StringComparison.OrdinalIgnoreCase) ? 1e6 : sw.Equals("billion", StringComparison.OrdinalIgnoreCase) ? 1e9
                : sw.Equals("trillion", StringComparison.OrdinalIgnoreCase) ? 1e12 : 0;
            return scale > 0 && isCode ? (c.Code, c.Factor * scale, swe) : (c.Code, c.Factor, we);
        }

        // Glued code: "115USD"
        if (we - j >= 3 && j < s.Length && s[j] != ' ' && UnitLexicon.Code(w) is { } glued)
        {
            return (glued, 1, we);
        }

        // Korean/Chinese currency characters right after the number: "100元", "1조원".
        if (j < s.Length && s[j] is '元' or '원')
        {
            return (s[j] == '元' ? "CNY" : "KRW", 1, j + 1);
        }

        return (null, 1, j);
    }

    /// <summary>A count or duration noun within the next three words ("US troops", "military bases", "days").</summary>
    private static (string? Unit, FigureKind Kind, TextSpan Phrase) UnitAfter(ReadOnlySpan<char> s, int j, bool vague)
    {
        int p = j;
        if (vague)
        {
            var (of, oe) = NextWord(s, p);
            if (of.Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                p = oe;
            }
        }

        int phraseStart = -1;
        for (int k = 0; k < 3; k++)
        {
            // Only spaces (or a hyphen inside a compound) between words: no punctuation.
            int q = p;
            while (q < s.Length && s[q] == ' ')
            {
                q++;
            }

            if (q == p && k > 0 || q >= s.Length || !char.IsLetter(s[q]))
            {
                break;
            }

            var (w, we) = NextWord(s, p);
            if (w.IsEmpty)
            {
                break;
            }

            if (phraseStart < 0)
            {
                phraseStart = q;
            }

            if (UnitLexicon.CountUnit(w) is { } cu)
            {
                return (cu, FigureKind.Count, new TextSpan(phraseStart, we));
            }

            if (UnitLexicon.DurationUnit(w) is { } du)
            {
                // "a year" after an amount is a rate; only a number directly before makes a duration.
                return k == 0 ? (du, FigureKind.Duration, new TextSpan(phraseStart, we)) : (null, FigureKind.Other, default);
            }

            foreach (var stop in SkipAdjectiveStops)
            {
                if (w.Equals(stop, StringComparison.OrdinalIgnoreCase))
                {
                    return (null, FigureKind.Other, default);
                }
            }

            if (UnitLexicon.Currency(w) is not null)
            {
                return (null, FigureKind.Other, default);
            }

            // A hyphenated compound counts as one word ("active-duty").
            p = we;
            while (p < s.Length && s[p] == '-' && p + 1 < s.Length && char.IsLetter(s[p + 1]))
            {
                (_, p) = WordAt(s, p + 1);
            }
        }

        return (null, FigureKind.Other, default);
    }

    private static void MergeRanges(ReadOnlySpan<char> s, List<RecognizedFigure> found)
    {
        for (int i = 0; i + 1 < found.Count; i++)
        {
            var a = found[i];
            var b = found[i + 1];
            if (a.Span.End > b.Span.Start || b.Span.Start - a.Span.End > 9)
            {
                continue;
            }

            var between = s[a.Span.End..b.Span.Start].Trim();
            bool joiner = between is "-" or "–" or "—" or "~" or "to" or "through";
            var (prev, prevStart) = PreviousWord(s, a.Span.Start);
            if (between.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                joiner = prev.Equals("between", StringComparison.OrdinalIgnoreCase);
            }

            int qualifierStart = prev.Equals("between", StringComparison.OrdinalIgnoreCase) || (prev.Equals("from", StringComparison.OrdinalIgnoreCase) && between is "to")
                ? prevStart
                : (a.Qualifier & ~FigureQualifier.Approximate) != 0 ? a.QualifierStart : a.Span.Start;

            if (!joiner || a.ValueHigh is not null)
            {
                continue;
            }

            bool compatible = a.Unit == b.Unit || (a.Unit is null && b.Unit is not null);
            if (!compatible || b.Value < a.Value && a.Unit is not null)
            {
                continue;
            }

            double low = a.Value;
            if ((a.Unit is null || a.Unit == b.Unit) && !a.Scaled && b.Scaled && b.Value >= 1000 * low && low > 0)
            {
                // "$4 to $5 billion", "10-12 million": the scale of the upper bound applies to the lower one.
                double scale = Math.Pow(1000, Math.Floor(Math.Log(b.Value / low, 1000)));
                low *= scale;
            }

            if (low > b.Value)
            {
                continue;
            }

            found[i] = a with
            {
                Span = new TextSpan(a.Span.Start, b.Span.End),
                Value = low,
                ValueHigh = b.Value,
                Unit = b.Unit,
                Kind = b.Kind,
                UnitPhrase = b.UnitPhrase,
                Qualifier = a.Qualifier | b.Qualifier,
                NameLike = false,
                QualifierStart = qualifierStart,
            };
            found.RemoveAt(i + 1);
        }
    }

    private static void MarkEquivalents(ReadOnlySpan<char> s, List<RecognizedFigure> found)
    {
        for (int i = 1; i < found.Count; i++)
        {
            var a = found[i - 1];
            var b = found[i];
            if (a.Kind != FigureKind.Money || b.Kind != FigureKind.Money || a.Unit == b.Unit || b.Span.Start - a.Span.End > 24)
            {
                continue;
            }

            var between = s[a.Span.End..b.Span.Start].Trim();
            if (between.IsEmpty || between[0] != '(')
            {
                continue;
            }

            var inner = between[1..].Trim();
            bool ok = inner.IsEmpty || inner.Equals("or", StringComparison.OrdinalIgnoreCase);
            foreach (var (phrase, _) in Qualifiers)
            {
                ok |= inner.Equals(phrase, StringComparison.OrdinalIgnoreCase);
            }

            ok |= inner.Equals("equivalent to", StringComparison.OrdinalIgnoreCase) || inner.Equals("about", StringComparison.OrdinalIgnoreCase);
            if (ok)
            {
                found[i] = b with { EquivalentOf = i - 1 };
            }
        }
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
