using Tightrope.Model;

namespace Tightrope.Figures.Recognition;

/// <summary>Numbers written with digits: groups, decimals, fractions, clock times, glued suffixes, scale words.</summary>
internal static partial class NumberExtractor
{
    /// <summary>A number being read from digits: its start and end so far, value and form.</summary>
    private struct DigitNumber
    {
        public int Start;
        public int End;
        public double Value;
        public NumberFlags Flags;
        public bool Negative;
        public string? GluedUnit;
    }

    private static int ParseDigits(string text, int start, List<NumberMatch> output)
    {
        var s = text.AsSpan();
        // A sign only where a word could start: not "10-12", not "Hwasong-18".
        if (s[start] == '-' && start > 0 && !char.IsWhiteSpace(s[start - 1]) && s[start - 1] is not ('(' or '"'))
        {
            return ParseDigits(text, start + 1, output);
        }

        var n = new DigitNumber { Start = start, Flags = NumberFlags.Digits, Negative = s[start] == '-' };
        int intStart = n.Negative ? start + 1 : start;
        int i = ScanGroups(s, intStart, ref n.Flags);
        if (!ScanDecimals(s, ref i, ref n.Flags))
        {
            // "192.168.1.2": a dotted sequence, not a decimal: emit its parts.
            return EmitDotted(text, intStart, output);
        }

        if (i == intStart)
        {
            return start + 1;
        }

        n.End = i;
        n.Value = ParseValue(s[intStart..i]);
        if (n.Negative)
        {
            n.Value = -n.Value;
            n.Flags |= NumberFlags.Negative;
        }

        n.Flags |= GluedOnTheLeft(s, start);

        // Ordinals are not amounts: "12th", "52nd", "1st", "3rd".
        if (IsOrdinalSuffix(s, n.End))
        {
            return n.End + 2;
        }

        if (TryFraction(text, ref n, output, out int next) || TryClockTime(s, ref n, output, out next)
            || ReadGluedSuffix(s, ref n, output, out next))
        {
            return next;
        }

        // "F-35A": digits followed by a letter glued after a letter-hyphen prefix are already a model.
        if ((n.Flags & NumberFlags.Model) != 0)
        {
            int j = n.End;
            while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '.'))
            {
                j++;
            }

            output.Add(new NumberMatch(new TextSpan(n.Start, n.End), n.Value, n.Flags));
            return Math.Max(j, n.End);
        }

        // Scale words after the digits: "1.5192 trillion", "6.4 billion", "2 million", "3 dozen", "322 hundred".
        n.End = ApplyScaleWords(s, n.End, ref n.Value, ref n.Flags);

        // Korean and Chinese myriads: "1조 5192억", "8000만", "3.5亿".
        n.End = ApplyCjk(s, n.End, ref n.Value, ref n.Flags);

        output.Add(new NumberMatch(new TextSpan(n.Start, n.End), n.Value, n.Flags, n.GluedUnit));
        return n.End;
    }

    /// <summary>The integer part with its group separators: "28,500", "1,234,567"; narrow or plain spaces "1 234 567" when the lead group is short.</summary>
    private static int ScanGroups(ReadOnlySpan<char> s, int intStart, ref NumberFlags flags)
    {
        int i = DigitsEnd(s, intStart);
        int firstGroup = i - intStart;
        if (firstGroup is < 1 or > 3)
        {
            return i;
        }

        char sep = '\0';
        while (i < s.Length)
        {
            char c = s[i];
            bool isSep = c is ',' or '\u202f' or '\u00a0' or '\u2009' or ' ';
            if (!isSep || (sep != '\0' && c != sep) || CountDigits(s, i + 1) != 3)
            {
                break;
            }

            // A plain space groups digits only when nothing glued follows the group ("1 234 567", not "5 100m").
            if (c == ' ' && i + 4 < s.Length && (char.IsLetter(s[i + 4]) || s[i + 4] is '/' or ':' or '.' && i + 5 < s.Length && IsAsciiDigit(s[i + 5])))
            {
                break;
            }

            sep = c;
            i += 4;
            flags |= NumberFlags.Grouped;
        }

        return i;
    }

    /// <summary>A decimal part after the integer; false for a dotted sequence ("192.168.1.2").</summary>
    private static bool ScanDecimals(ReadOnlySpan<char> s, ref int i, ref NumberFlags flags)
    {
        if (i + 1 < s.Length && s[i] == '.' && IsAsciiDigit(s[i + 1]))
        {
            i = DigitsEnd(s, i + 1);
            flags |= NumberFlags.Decimal;
            if (i + 1 < s.Length && s[i] == '.' && IsAsciiDigit(s[i + 1]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Glued on the left: "SF4", "sf1.4", "Hwasong-18", "F-35" (but not a currency code "USD115", nor "5k-20k").</summary>
    private static NumberFlags GluedOnTheLeft(ReadOnlySpan<char> s, int start)
    {
        if (start > 0 && char.IsLetter(s[start - 1]))
        {
            int ls = start;
            while (ls > 0 && char.IsLetter(s[ls - 1]))
            {
                ls--;
            }

            bool code = start - ls == 3 && (ls == 0 || !char.IsLetterOrDigit(s[ls - 1])) && UnitLexicon.Code(s[ls..start]) is not null;
            return code ? NumberFlags.None : NumberFlags.Model;
        }

        if (start > 1 && s[start - 1] == '-' && char.IsLetter(s[start - 2]))
        {
            int ls = start - 1;
            while (ls > 0 && char.IsLetter(s[ls - 1]))
            {
                ls--;
            }

            return ls == 0 || !char.IsDigit(s[ls - 1]) ? NumberFlags.Model : NumberFlags.None;
        }

        return NumberFlags.None;
    }

    private static bool IsOrdinalSuffix(ReadOnlySpan<char> s, int end)
    {
        if (end + 2 > s.Length)
        {
            return false;
        }

        var suf = s.Slice(end, 2);
        bool ord = suf.Equals("st", StringComparison.OrdinalIgnoreCase) || suf.Equals("nd", StringComparison.OrdinalIgnoreCase)
                   || suf.Equals("rd", StringComparison.OrdinalIgnoreCase) || suf.Equals("th", StringComparison.OrdinalIgnoreCase);
        return ord && (end + 2 == s.Length || !char.IsLetter(s[end + 2]));
    }

    /// <summary>Fractions and slashed dates: "1/9", "2 1/4", "5/17/2018".</summary>
    private static bool TryFraction(string text, ref DigitNumber n, List<NumberMatch> output, out int next)
    {
        var s = text.AsSpan();
        int end = n.End;
        next = 0;
        if (!(end + 1 < s.Length && s[end] == '/' && IsAsciiDigit(s[end + 1]) && (n.Flags & (NumberFlags.Grouped | NumberFlags.Decimal)) == 0))
        {
            return false;
        }

        int j = DigitsEnd(s, end + 1);
        if (j < s.Length && (s[j] == '/' || s[j] == '-') && j + 1 < s.Length && IsAsciiDigit(s[j + 1]))
        {
            next = EmitDateParts(text, n.Start, output);
            return true;
        }

        double den = ParseValue(s[(end + 1)..j]);
        if (den == 0 || (j < s.Length && char.IsLetter(s[j])))
        {
            return false;
        }

        double frac = n.Value / den;
        int fracStart = n.Start;
        int start = n.Start;
        // A mixed number "2 1/4": a whole number just before.
        if (output.Count > 0 && output[^1].Flags == NumberFlags.Digits
            && (output[^1].Span.End == start - 1 && s[start - 1] == ' '
                || output[^1].Span.End < start && start - output[^1].Span.End <= 3 && s[output[^1].Span.End..start].Trim().IsEmpty))
        {
            var whole = output[^1];
            output.RemoveAt(output.Count - 1);
            frac = whole.Value + frac;
            fracStart = whole.Span.Start;
        }

        output.Add(new NumberMatch(new TextSpan(fracStart, j), n.Negative ? -Math.Abs(frac) : frac, n.Flags | NumberFlags.Fraction));
        next = j;
        return true;
    }

    /// <summary>Clock times: "7:59".</summary>
    private static bool TryClockTime(ReadOnlySpan<char> s, ref DigitNumber n, List<NumberMatch> output, out int next)
    {
        int end = n.End;
        next = 0;
        if (!(end + 2 < s.Length && s[end] == ':' && IsAsciiDigit(s[end + 1]) && IsAsciiDigit(s[end + 2])))
        {
            return false;
        }

        int j = DigitsEnd(s, end + 1);
        output.Add(new NumberMatch(new TextSpan(n.Start, end), n.Value, n.Flags | NumberFlags.DateOrTime));
        output.Add(new NumberMatch(new TextSpan(end + 1, j), ParseValue(s[(end + 1)..j]), NumberFlags.Digits | NumberFlags.DateOrTime));
        next = j;
        return true;
    }

    /// <summary>
    /// Glued suffix letters: scale ("10k", "1.2bn"), unit ("4nm"), currency code ("115USD") or a model number ("35A");
    /// true when the suffix made a time or decade ("10am", "1990s"), already emitted.
    /// </summary>
    private static bool ReadGluedSuffix(ReadOnlySpan<char> s, ref DigitNumber n, List<NumberMatch> output, out int next)
    {
        next = 0;
        int end = n.End, start = n.Start;
        if (!(end < s.Length && char.IsLetter(s[end])))
        {
            return false;
        }

        int j = WordEnd(s, end);
        var suffix = s[end..j];
        bool wordEnds = j >= s.Length || !char.IsLetterOrDigit(s[j]);
        double scale = NumberWords.SuffixScale(suffix);
        if (scale == 0 && suffix is "m" or "b" && start > 0 && s[start - 1] is '$' or '£' or '€' or '¥' or '₩')
        {
            scale = suffix[0] == 'm' ? 1e6 : 1e9; // "£15m", "$2b"
        }

        if (wordEnds && scale > 0 && (n.Flags & NumberFlags.Model) == 0)
        {
            n.Value *= scale;
            n.Flags |= NumberFlags.Scaled;
            n.End = j;
        }
        else if (wordEnds && (suffix.Equals("am", StringComparison.OrdinalIgnoreCase) || suffix.Equals("pm", StringComparison.OrdinalIgnoreCase) || suffix.Equals("s", StringComparison.Ordinal)))
        {
            // "10am", "1990s": a time or a decade.
            output.Add(new NumberMatch(new TextSpan(start, j), n.Value, n.Flags | NumberFlags.DateOrTime));
            next = j;
            return true;
        }
        else if (wordEnds && UnitLexicon.Code(suffix) is { } glueCode && char.IsUpper(suffix[0]))
        {
            n.GluedUnit = glueCode;
            n.Flags |= NumberFlags.GluedUnit;
            n.End = j;
        }
        else if (wordEnds && UnitLexicon.GluedUnit(suffix) is { } unit)
        {
            n.GluedUnit = unit;
            n.Flags |= NumberFlags.GluedUnit;
            n.End = j;
        }
        else if (NumberWords.CjkScale(s[end]) == 0 && !(suffix[0] > '\u2E80' && UnitLexicon.Currency(suffix[..1]) is not null)
                 && !(suffix.Length >= 2 && suffix[0] > '\u2E80' && UnitLexicon.Currency(suffix[..2]) is not null))
        {
            n.Flags |= NumberFlags.Model;
        }

        return false;
    }

    private static int EmitDotted(string text, int start, List<NumberMatch> output)
    {
        var s = text.AsSpan();
        int i = start;
        while (i < s.Length && (IsAsciiDigit(s[i]) || (s[i] == '.' && i + 1 < s.Length && IsAsciiDigit(s[i + 1]))))
        {
            int a = i;
            i = DigitsEnd(s, i);
            output.Add(new NumberMatch(new TextSpan(a, i), ParseValue(s[a..i]), NumberFlags.Digits));
            if (i < s.Length && s[i] == '.' && i + 1 < s.Length && IsAsciiDigit(s[i + 1]))
            {
                i++;
            }
        }

        return i;
    }

    private static int EmitDateParts(string text, int start, List<NumberMatch> output)
    {
        var s = text.AsSpan();
        int i = start;
        while (i < s.Length && (IsAsciiDigit(s[i]) || ((s[i] == '/' || s[i] == '-') && i + 1 < s.Length && IsAsciiDigit(s[i + 1]))))
        {
            int a = i;
            i = DigitsEnd(s, i);
            if (i > a)
            {
                output.Add(new NumberMatch(new TextSpan(a, i), ParseValue(s[a..i]), NumberFlags.Digits | NumberFlags.DateOrTime));
            }

            if (i < s.Length && (s[i] == '/' || s[i] == '-'))
            {
                i++;
            }
        }

        return i;
    }

    private static int ApplyScaleWords(ReadOnlySpan<char> s, int end, ref double value, ref NumberFlags flags)
    {
        while (true)
        {
            int j = end;
            while (j < s.Length && s[j] == ' ')
            {
                j++;
            }

            if (j == end || j >= s.Length || !char.IsLetter(s[j]))
            {
                return end;
            }

            int w = j;
            while (w < s.Length && char.IsLetter(s[w]))
            {
                w++;
            }

            if (w < s.Length && char.IsDigit(s[w]))
            {
                return end;
            }

            var word = s[j..w];
            double scale = NumberWords.Lookup.TryGetValue(word, out var nw) && nw.Class is WordClass.Scale or WordClass.Hundred or WordClass.Dozen && !nw.PluralForm
                ? nw.Value
                : NumberWords.SuffixScale(word) is > 0 and var sc && !word.Equals("mil", StringComparison.Ordinal) && !word.Equals("b", StringComparison.Ordinal)
                  && !word.Equals("g", StringComparison.Ordinal) && (w >= s.Length || !char.IsLetterOrDigit(s[w])) ? sc : 0;
            if (scale == 0 && word.Equals("dozens", StringComparison.OrdinalIgnoreCase))
            {
                scale = 12;
            }

            if (scale == 0)
            {
                return end;
            }

            value *= scale;
            flags |= NumberFlags.Scaled;
            end = w;
        }
    }

    private static int ApplyCjk(ReadOnlySpan<char> s, int end, ref double value, ref NumberFlags flags)
    {
        if (end >= s.Length)
        {
            return end;
        }

        double scale = NumberWords.CjkScale(s[end]);
        if (scale == 0)
        {
            return end;
        }

        value *= scale;
        flags |= NumberFlags.Scaled;
        end++;
        // A following smaller myriad part: "1조 5192억" = 1.5192 × 10^12.
        int j = end;
        while (j < s.Length && s[j] == ' ')
        {
            j++;
        }

        int d = j;
        while (d < s.Length && IsAsciiDigit(s[d]))
        {
            d++;
        }

        if (d > j && d < s.Length && NumberWords.CjkScale(s[d]) is > 0 and var next && next < scale)
        {
            double part = ParseValue(s[j..d]) * next;
            value += part;
            end = d + 1;
        }

        return end;
    }
}
