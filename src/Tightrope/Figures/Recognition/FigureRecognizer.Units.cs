using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Figures.Recognition;

/// <summary>The unit of a figure: a currency before or after the number, a percent sign or word, a count or duration noun.</summary>
internal static partial class FigureRecognizer
{
    private static readonly WordList CurrencyNationalities = LanguageData.English["figures-currency-nationalities"];
    private static readonly WordList UnitPhraseStops = LanguageData.English["figures-unit-phrase-stops"];
    private static readonly WordList AreaPrefixes = LanguageData.English["figures-area-prefixes"];
    private static readonly WordList VoteSides = LanguageData.English["figures-vote-sides"];

    /// <summary>Currency before the number: "$", "US$", "US $", "NT$", "₩", "RMB", "USD".</summary>
    private static void CurrencyBefore(ReadOnlySpan<char> s, ref Reading r)
    {
        // Currency before the number: "$", "US$", "US $", "NT$", "₩", "RMB", "USD".
        int before = r.Start;
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
                r.Start = ls;
            }
            else
            {
                code = UnitLexicon.Symbol(s[sym], ReadOnlySpan<char>.Empty);
                r.Start = sym;
            }

            if (code is not null)
            {
                r.Unit = code;
                r.Kind = FigureKind.Money;
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
                r.Unit = code;
                r.Kind = FigureKind.Money;
                r.Start = ws;
            }
        }
    }

    /// <summary>After the number: percent, currency word, hyphenated unit ("15-day"), glued unit ("4nm"), count noun.</summary>
    private static void UnitAfterNumber(ReadOnlySpan<char> s, NumberMatch m, bool vague, ref Reading r)
    {
        int j = r.End;
        if (m.GluedUnit is { } glued)
        {
            r.Unit = glued;
            r.Kind = glued.Length == 3 && char.IsUpper(glued[0]) ? FigureKind.Money : FigureKind.Count;
        }
        else if (j < s.Length && s[j] == '%')
        {
            r.Unit = "percent";
            r.Kind = FigureKind.Percent;
            r.End = j + 1;
        }
        else if (j < s.Length && s[j] == ' ' && j + 1 < s.Length && s[j + 1] == '%')
        {
            r.Unit = "percent";
            r.Kind = FigureKind.Percent;
            r.End = j + 2;
        }
        else if (j < s.Length && s[j] == '-' && j + 1 < s.Length && char.IsLetter(s[j + 1]))
        {
            // "15-day", "five-year", "12-cent"
            var (w, we) = WordAt(s, j + 1);
            if (UnitLexicon.DurationUnit(w) is { } du)
            {
                r.Unit = du;
                r.Kind = FigureKind.Duration;
                r.End = we;
            }
            else if (UnitLexicon.Currency(w) is { } cw && (w.Length > 3 || w.Equals("yen", StringComparison.OrdinalIgnoreCase)))
            {
                r.Unit = cw.Code;
                r.Value *= cw.Factor;
                r.Kind = FigureKind.Money;
                r.End = we;
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
                    r.Unit = "percent";
                    r.Kind = FigureKind.Percent;
                    r.End = we;
                }
                else if (w.Equals("per", StringComparison.OrdinalIgnoreCase) && NextWord(s, we) is var (w2, we2) && w2.Equals("cent", StringComparison.OrdinalIgnoreCase))
                {
                    r.Unit = "percent";
                    r.Kind = FigureKind.Percent;
                    r.End = we2;
                }
                else if (CurrencyAfter(s, j) is var (code, factor, ce) && code is not null)
                {
                    r.Unit = code;
                    r.Value *= factor;
                    r.Kind = FigureKind.Money;
                    r.End = ce;
                }
                else if (UnitAfter(s, j, vague) is var (u, k, phrase) && u is not null)
                {
                    r.Unit = u;
                    r.Kind = k;
                    r.UnitPhrase = phrase;
                    if (k == FigureKind.Duration)
                    {
                        r.End = phrase.End;
                    }
                }
            }
        }
    }

    /// <summary>"5 percentage points", "3 points": a difference of percentages.</summary>
    private static void PercentagePoints(ReadOnlySpan<char> s, ref Reading r)
    {
        var (pw, pe) = NextWord(s, r.End);
        if (pw.Equals("points", StringComparison.OrdinalIgnoreCase) || pw.Equals("point", StringComparison.OrdinalIgnoreCase))
        {
            r.Unit = "percentage points";
            r.Kind = FigureKind.PercentagePoints;
            r.End = pe;
        }
        else if (pw.Equals("percentage", StringComparison.OrdinalIgnoreCase) && NextWord(s, pe) is var (pw2, pe2) && pw2.StartsWith("point", StringComparison.OrdinalIgnoreCase))
        {
            r.Unit = "percentage points";
            r.Kind = FigureKind.PercentagePoints;
            r.End = pe2;
        }
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

        if (CurrencyNationalities.Contains(w))
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

    /// <summary>
    /// A measure right after the number: an abbreviation as its own word ("1,100 km"), a squared unit ("12 km²",
    /// "14,000 m²") or an area ("3.5 million square meters", "250 sq km").
    /// </summary>
    private static (string? Unit, int End) MeasureUnit(ReadOnlySpan<char> s, ReadOnlySpan<char> w, int we)
    {
        if (AreaPrefixes.Contains(w))
        {
            var (lw, le) = NextWord(s, we < s.Length && s[we] == '.' ? we + 1 : we);
            string? length = lw.IsEmpty ? null : UnitLexicon.GluedUnit(lw) ?? UnitLexicon.CountUnit(lw);
            return length is not null && IsLength(length) ? ("square " + length, le) : (null, we);
        }

        if (UnitLexicon.GluedUnit(w) is not { } unit || !IsWordEnd(s, we))
        {
            return (null, we);
        }

        return we < s.Length && s[we] == '²' && IsLength(unit) ? ("square " + unit, we + 1) : (unit, we);
    }

    private static bool IsLength(string unit) => unit is "meters" or "kilometers" or "miles" or "centimeters" or "feet";

    private static bool IsWordEnd(ReadOnlySpan<char> s, int e) => e >= s.Length || !char.IsLetterOrDigit(s[e]) || s[e] == '²';

    /// <summary>One side of a vote tally ("13 in favor", "2 against") in a sentence that speaks of a vote.</summary>
    private static (bool IsVote, int End) VoteSide(ReadOnlySpan<char> s, ReadOnlySpan<char> w, int we)
    {
        var side = w;
        int end = we;
        if (w.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            (side, end) = NextWord(s, we);
            if (!side.StartsWith("favo", StringComparison.OrdinalIgnoreCase))
            {
                return (false, we);
            }
        }
        else if (side.StartsWith("favo", StringComparison.OrdinalIgnoreCase) || !IsWordEnd(s, end) || end < s.Length && s[end] == '-')
        {
            return (false, we);
        }

        if (!VoteSides.Contains(side))
        {
            return (false, we);
        }

        // The sentence around the tally must speak of a vote: "voted", "vote", "votes".
        int from = s[..Math.Max(0, we - side.Length)].LastIndexOfAny('.', '\n') + 1;
        int to = s[end..].IndexOfAny('.', '\n') is var t and >= 0 ? end + t : s.Length;
        return (s[from..to].Contains("vot", StringComparison.OrdinalIgnoreCase), end);
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

            if (k == 0 && MeasureUnit(s, w, we) is var (mu, me) && mu is not null)
            {
                return (mu, FigureKind.Count, new TextSpan(phraseStart, me));
            }

            if (k == 0 && VoteSide(s, w, we) is var (vs, ve) && vs)
            {
                return ("votes", FigureKind.Count, new TextSpan(phraseStart, ve));
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

            if (UnitPhraseStops.Contains(w))
            {
                return (null, FigureKind.Other, default);
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
}
