using System.Buffers;
using System.Globalization;
using Tightrope.Model;

namespace Tightrope.Figures.Recognition;

/// <summary>What a number looked like in the text.</summary>
[Flags]
internal enum NumberFlags : ushort
{
    None = 0,
    /// <summary>Written with digits.</summary>
    Digits = 1,
    /// <summary>Spelled out ("twelve", "a dozen").</summary>
    Words = 2,
    /// <summary>Has group separators ("28,500").</summary>
    Grouped = 4,
    /// <summary>Has a decimal part.</summary>
    Decimal = 8,
    /// <summary>Carries a scale ("1.5192 trillion", "10k", "5억").</summary>
    Scaled = 16,
    /// <summary>A fraction ("1/9", "two-thirds", "half").</summary>
    Fraction = 32,
    /// <summary>Glued to letters or a letter-hyphen prefix ("SF4", "Hwasong-18", "F-35A"): a model number.</summary>
    Model = 64,
    /// <summary>Part of a date written with slashes ("5/17/2018") or a clock time ("7:59").</summary>
    DateOrTime = 128,
    /// <summary>A vague plural ("hundreds of", "dozens of").</summary>
    Vague = 256,
    /// <summary>"doubled", "tripled".</summary>
    Multiplier = 512,
    /// <summary>Negative ("-4", "minus five").</summary>
    Negative = 1024,
    /// <summary>A unit glued after the digits ("4nm", "15km"); see <see cref="NumberMatch.GluedUnit"/>.</summary>
    GluedUnit = 2048,
}

/// <summary>A number found in text: its span, value and form.</summary>
internal readonly record struct NumberMatch(TextSpan Span, double Value, NumberFlags Flags, string? GluedUnit = null)
{
    public bool Has(NumberFlags f) => (Flags & f) != 0;
}

/// <summary>
/// The number extractor: one forward scan over the text that stops only at digits and at the first letters of
/// number words (found with <see cref="SearchValues{T}"/>), then parses the number in place. Ordinals
/// ("12th", "fifth") are not numbers here; years, dates and model numbers are flagged or left to the figure layer.
/// </summary>
internal static class NumberExtractor
{
    // Digits, '.', '-' (a sign or a decimal point can start a number) and the first letters of number words.
    private static readonly SearchValues<char> Starts = SearchValues.Create("0123456789.-zZoOtTfFsSeEnNhHmMbBdDaAqQpP");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static List<NumberMatch> Extract(string text)
    {
        var result = new List<NumberMatch>();
        Extract(text, result);
        return result;
    }

    public static void Extract(string text, List<NumberMatch> output)
    {
        var s = text.AsSpan();
        int i = 0;
        while (i < s.Length)
        {
            int k = s[i..].IndexOfAny(Starts);
            if (k < 0)
            {
                break;
            }

            i += k;
            char c = s[i];
            if (IsAsciiDigit(c) || ((c == '.' || c == '-') && i + 1 < s.Length && IsAsciiDigit(s[i + 1])))
            {
                if (i > 0 && IsAsciiDigit(s[i - 1]))
                {
                    i++;
                    continue;
                }

                i = ParseDigits(text, i, output);
                continue;
            }

            if (c is '.' or '-')
            {
                i++;
                continue;
            }

            // A letter: only at a word start.
            if (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '\''))
            {
                i = SkipWord(s, i);
                continue;
            }

            if (IsUrlStart(s, i))
            {
                int ws = s[i..].IndexOfAny(' ', '\n', '\t');
                i = ws < 0 ? s.Length : i + ws;
                continue;
            }

            int next = ParseWords(text, i, output);
            i = next > i ? next : SkipWord(s, i);
        }
    }

    private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    private static int SkipWord(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsLetter(s[i]))
        {
            i++;
        }

        return i == 0 ? 1 : i;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> s, int i) =>
        s[i..].StartsWith("http", StringComparison.OrdinalIgnoreCase) && s[i..].IndexOf("://", StringComparison.Ordinal) is >= 4 and <= 5
        || s[i..].StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static int ParseDigits(string text, int start, List<NumberMatch> output)
    {
        var s = text.AsSpan();
        int i = start;
        var flags = NumberFlags.Digits;
        bool negative = false;
        if (s[i] == '-')
        {
            // A sign only where a word could start: not "10-12", not "Hwasong-18".
            if (start > 0 && !char.IsWhiteSpace(s[start - 1]) && s[start - 1] is not ('(' or '"'))
            {
                return ParseDigits(text, start + 1, output);
            }

            negative = true;
            i++;
        }

        int intStart = i;
        while (i < s.Length && IsAsciiDigit(s[i]))
        {
            i++;
        }

        int firstGroup = i - intStart;
        // Group separators: "28,500", "1,234,567"; narrow or plain spaces "1 234 567" when the lead group is short.
        if (firstGroup is >= 1 and <= 3)
        {
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
        }

        if (i + 1 < s.Length && s[i] == '.' && IsAsciiDigit(s[i + 1]))
        {
            i++;
            while (i < s.Length && IsAsciiDigit(s[i]))
            {
                i++;
            }

            flags |= NumberFlags.Decimal;
            if (i + 1 < s.Length && s[i] == '.' && IsAsciiDigit(s[i + 1]))
            {
                // "192.168.1.2": a dotted sequence, not a decimal: emit its parts.
                return EmitDotted(text, intStart, output);
            }
        }

        int end = i;
        if (end == intStart)
        {
            return start + 1;
        }

        double value = ParseValue(s[(negative ? start + 1 : start)..end]);
        if (negative)
        {
            value = -value;
            flags |= NumberFlags.Negative;
        }

        // Glued on the left: "SF4", "sf1.4", "Hwasong-18", "F-35" (but not a currency code "USD115", nor "5k-20k").
        if (start > 0 && char.IsLetter(s[start - 1]))
        {
            int ls = start;
            while (ls > 0 && char.IsLetter(s[ls - 1]))
            {
                ls--;
            }

            if (!(start - ls == 3 && (ls == 0 || !char.IsLetterOrDigit(s[ls - 1])) && UnitLexicon.Code(s[ls..start]) is not null))
            {
                flags |= NumberFlags.Model;
            }
        }
        else if (start > 1 && s[start - 1] == '-' && char.IsLetter(s[start - 2]))
        {
            int ls = start - 1;
            while (ls > 0 && char.IsLetter(s[ls - 1]))
            {
                ls--;
            }

            if (ls == 0 || !char.IsDigit(s[ls - 1]))
            {
                flags |= NumberFlags.Model;
            }
        }

        // Ordinals are not amounts: "12th", "52nd", "1st", "3rd".
        if (end + 1 < s.Length + 1 && IsOrdinalSuffix(s, end))
        {
            return end + 2;
        }

        // Fractions and slashed dates: "1/9", "2 1/4", "5/17/2018".
        if (end + 1 < s.Length && s[end] == '/' && IsAsciiDigit(s[end + 1]) && (flags & (NumberFlags.Grouped | NumberFlags.Decimal)) == 0)
        {
            int j = end + 1;
            while (j < s.Length && IsAsciiDigit(s[j]))
            {
                j++;
            }

            if (j < s.Length && (s[j] == '/' || s[j] == '-') && j + 1 < s.Length && IsAsciiDigit(s[j + 1]))
            {
                return EmitDateParts(text, start, output);
            }

            double den = ParseValue(s[(end + 1)..j]);
            if (den != 0 && !(j < s.Length && char.IsLetter(s[j])))
            {
                double frac = value / den;
                int fracStart = start;
                // A mixed number "2 1/4": a whole number just before.
                if (output.Count > 0 && output[^1].Span.End == start - 1 && s[start - 1] == ' ' && output[^1].Flags == NumberFlags.Digits)
                {
                    var whole = output[^1];
                    output.RemoveAt(output.Count - 1);
                    frac = whole.Value + frac;
                    fracStart = whole.Span.Start;
                }
                else if (output.Count > 0 && output[^1].Span.End < start && start - output[^1].Span.End <= 3
                         && s[output[^1].Span.End..start].Trim().IsEmpty && output[^1].Flags == NumberFlags.Digits)
                {
                    var whole = output[^1];
                    output.RemoveAt(output.Count - 1);
                    frac = whole.Value + frac;
                    fracStart = whole.Span.Start;
                }

                output.Add(new NumberMatch(new TextSpan(fracStart, j), negative ? -Math.Abs(frac) : frac, flags | NumberFlags.Fraction));
                return j;
            }
        }

        // Clock times: "7:59".
        if (end + 2 < s.Length && s[end] == ':' && IsAsciiDigit(s[end + 1]) && IsAsciiDigit(s[end + 2]))
        {
            int j = end + 1;
            while (j < s.Length && IsAsciiDigit(s[j]))
            {
                j++;
            }

            output.Add(new NumberMatch(new TextSpan(start, end), value, flags | NumberFlags.DateOrTime));
            output.Add(new NumberMatch(new TextSpan(end + 1, j), ParseValue(s[(end + 1)..j]), NumberFlags.Digits | NumberFlags.DateOrTime));
            return j;
        }

        // Glued suffix letters: scale ("10k", "1.2bn"), unit ("4nm"), or a model number ("35A").
        string? gluedUnit = null;
        if (end < s.Length && char.IsLetter(s[end]))
        {
            int j = end;
            while (j < s.Length && char.IsLetter(s[j]))
            {
                j++;
            }

            var suffix = s[end..j];
            bool wordEnds = j >= s.Length || !char.IsLetterOrDigit(s[j]);
            double scale = NumberWords.SuffixScale(suffix);
            if (scale == 0 && suffix is "m" or "b" && start > 0 && s[start - 1] is '$' or '£' or '€' or '¥' or '₩')
            {
                scale = suffix[0] == 'm' ? 1e6 : 1e9; // "£15m", "$2b"
            }

            if (wordEnds && scale > 0 && (flags & NumberFlags.Model) == 0)
            {
                value *= scale;
                flags |= NumberFlags.Scaled;
                end = j;
            }
            else if (wordEnds && (suffix.Equals("am", StringComparison.OrdinalIgnoreCase) || suffix.Equals("pm", StringComparison.OrdinalIgnoreCase) || suffix.Equals("s", StringComparison.Ordinal)))
            {
                // "10am", "1990s": a time or a decade.
                output.Add(new NumberMatch(new TextSpan(start, j), value, flags | NumberFlags.DateOrTime));
                return j;
            }
            else if (wordEnds && UnitLexicon.Code(suffix) is { } glueCode && char.IsUpper(suffix[0]))
            {
                gluedUnit = glueCode;
                flags |= NumberFlags.GluedUnit;
                end = j;
            }
            else if (wordEnds && UnitLexicon.GluedUnit(suffix) is { } unit)
            {
                gluedUnit = unit;
                flags |= NumberFlags.GluedUnit;
                end = j;
            }
            else if (NumberWords.CjkScale(s[end]) == 0 && !(suffix[0] > '\u2E80' && UnitLexicon.Currency(suffix[..1]) is not null)
                     && !(suffix.Length >= 2 && suffix[0] > '\u2E80' && UnitLexicon.Currency(suffix[..2]) is not null))
            {
                flags |= NumberFlags.Model;
            }
        }

        // "F-35A": digits followed by a letter glued after a letter-hyphen prefix are already a model.
        if ((flags & NumberFlags.Model) != 0)
        {
            int j = end;
            while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '.'))
            {
                j++;
            }

            output.Add(new NumberMatch(new TextSpan(start, end), value, flags));
            return Math.Max(j, end);
        }

        // Scale words after the digits: "1.5192 trillion", "6.4 billion", "2 million", "3 dozen", "322 hundred".
        end = ApplyScaleWords(s, end, ref value, ref flags);

        // Korean and Chinese myriads: "1조 5192억", "8000만", "3.5亿".
        end = ApplyCjk(s, end, ref value, ref flags);

        output.Add(new NumberMatch(new TextSpan(start, end), value, flags, gluedUnit));
        return end;
    }

    private static int CountDigits(ReadOnlySpan<char> s, int i)
    {
        int n = 0;
        while (i + n < s.Length && IsAsciiDigit(s[i + n]))
        {
            n++;
        }

        return n;
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

    private static double ParseValue(ReadOnlySpan<char> digits)
    {
        Span<char> buf = stackalloc char[Math.Min(digits.Length, 64)];
        int n = 0;
        foreach (char c in digits)
        {
            if (n < buf.Length && (IsAsciiDigit(c) || c == '.'))
            {
                buf[n++] = c;
            }
        }

        return double.TryParse(buf[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double v) ? v : 0;
    }

    private static int EmitDotted(string text, int start, List<NumberMatch> output)
    {
        var s = text.AsSpan();
        int i = start;
        while (i < s.Length && (IsAsciiDigit(s[i]) || (s[i] == '.' && i + 1 < s.Length && IsAsciiDigit(s[i + 1]))))
        {
            int a = i;
            while (i < s.Length && IsAsciiDigit(s[i]))
            {
                i++;
            }

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
            while (i < s.Length && IsAsciiDigit(s[i]))
            {
                i++;
            }

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

    private static int ParseWords(string text, int start, List<NumberMatch> output)
    {
        var s = text.AsSpan();
        double total = 0, current = 0;
        bool any = false, isFraction = false, vague = false, negative = false, multiplier = false;
        WordClass? last = null;
        int end = start, i = start;
        bool pendingAnd = false, pendingArticle = false, afterPoint = false;
        double decimalScale = 0.1;

        // "minus five", "negative one".
        while (true)
        {
            int w = i;
            while (w < s.Length && char.IsLetter(s[w]))
            {
                w++;
            }

            if (w == i)
            {
                break;
            }

            var word = s[i..w];
            if (!any && (word.Equals("minus", StringComparison.OrdinalIgnoreCase) || word.Equals("negative", StringComparison.OrdinalIgnoreCase)))
            {
                negative = true;
                i = NextWordStart(s, w);
                if (i < 0)
                {
                    break;
                }

                continue;
            }

            if (!NumberWords.Lookup.TryGetValue(word, out var nw))
            {
                break;
            }

            bool ok = true;
            switch (nw.Class)
            {
                case WordClass.Article:
                    if (pendingArticle || (any && !pendingAnd))
                    {
                        ok = false;
                        break;
                    }

                    pendingArticle = true;
                    break;
                case WordClass.And:
                    if (!any || pendingAnd)
                    {
                        ok = false;
                        break;
                    }

                    pendingAnd = true;
                    break;
                case WordClass.Point:
                    if (!any || afterPoint || pendingAnd || isFraction)
                    {
                        ok = false;
                        break;
                    }

                    afterPoint = true;
                    last = WordClass.Point;
                    break;
                case WordClass.Unit or WordClass.Teen or WordClass.Tens when afterPoint:
                    if (nw.Class == WordClass.Tens && w + 1 < s.Length && (s[w] == '-' || s[w] == ' ') && NextIsUnit(s, w))
                    {
                        // "point seventy-one": two decimal digits.
                        int u = NextWordStart(s, w);
                        int uw = u;
                        while (uw < s.Length && char.IsLetter(s[uw]))
                        {
                            uw++;
                        }

                        NumberWords.Lookup.TryGetValue(s[u..uw], out var unit);
                        double two = nw.Value + unit.Value;
                        total += two * decimalScale * 0.1;
                        decimalScale *= 0.01;
                        end = uw;
                        i = NextWordStart(s, uw);
                        any = true;
                        if (i < 0)
                        {
                            goto Done;
                        }

                        continue;
                    }

                    double dv = nw.Value;
                    total += dv < 10 ? dv * decimalScale : dv * decimalScale * 0.1;
                    decimalScale *= dv < 10 ? 0.1 : 0.01;
                    break;
                case WordClass.Unit:
                    if (pendingArticle || last is WordClass.Unit or WordClass.Teen || (last == WordClass.Tens && current % 10 != 0) || isFraction)
                    {
                        ok = false;
                        break;
                    }

                    if (pendingAnd && last is WordClass.Unit or WordClass.Teen or WordClass.Tens && current < 100 && total == 0)
                    {
                        ok = false;
                        break;
                    }

                    current += nw.Value;
                    break;
                case WordClass.Teen:
                case WordClass.Tens:
                    if (pendingArticle || last is WordClass.Unit or WordClass.Teen or WordClass.Tens || isFraction)
                    {
                        ok = false;
                        break;
                    }

                    current += nw.Value;
                    break;
                case WordClass.Hundred:
                    if (isFraction || last == WordClass.Hundred)
                    {
                        ok = false;
                        break;
                    }

                    current = (current == 0 ? 1 : current) * 100;
                    pendingArticle = false;
                    break;
                case WordClass.Scale:
                    if ((isFraction && last != WordClass.Half && last != WordClass.Denominator) || (last == WordClass.Scale && current == 0))
                    {
                        ok = false;
                        break;
                    }

                    if (!any && !pendingArticle)
                    {
                        ok = false;
                        break;
                    }

                    total += (current == 0 ? 1 : current) * nw.Value;
                    current = 0;
                    pendingArticle = false;
                    isFraction = false;
                    break;
                case WordClass.Dozen:
                    if (nw.PluralForm && !any)
                    {
                        // "dozens of": vague.
                        if (FollowedByOf(s, w))
                        {
                            current = 12;
                            vague = true;
                            break;
                        }

                        ok = false;
                        break;
                    }

                    if (!any && !pendingArticle)
                    {
                        ok = false;
                        break;
                    }

                    current = (current == 0 ? 1 : current) * 12;
                    pendingArticle = false;
                    break;
                case WordClass.Plural:
                    if (any || pendingArticle || !FollowedByOf(s, w))
                    {
                        ok = false;
                        break;
                    }

                    current = nw.Value;
                    vague = true;
                    break;
                case WordClass.Half:
                    if (pendingAnd)
                    {
                        current += 0.5;
                        isFraction = true;
                        pendingArticle = false;
                        break;
                    }

                    if (any && !pendingArticle)
                    {
                        // "half a dozen" is handled below; "one half" = 0.5
                        if (current == 1 && total == 0)
                        {
                            current = 0.5;
                            isFraction = true;
                            break;
                        }

                        ok = false;
                        break;
                    }

                    current = 0.5;
                    isFraction = true;
                    pendingArticle = false;
                    // "half a dozen"
                    if (w + 9 <= s.Length && s[w..].StartsWith(" a dozen", StringComparison.OrdinalIgnoreCase))
                    {
                        current = 6;
                        isFraction = false;
                        w += 8;
                    }

                    break;
                case WordClass.Denominator:
                    if (pendingArticle && !pendingAnd && !any)
                    {
                        // "a third", "a quarter", "a fifth"
                        current = 1 / nw.Value;
                        pendingArticle = false;
                        isFraction = true;
                        break;
                    }

                    if (pendingAnd && pendingArticle)
                    {
                        // "one and a quarter"
                        current += 1 / nw.Value;
                        pendingArticle = false;
                        isFraction = true;
                        break;
                    }

                    if (!any || isFraction || last is not (WordClass.Unit or WordClass.Teen or WordClass.Tens) || (current == 0 && total == 0))
                    {
                        ok = false;
                        break;
                    }

                    // A singular ordinal after "one" is a fraction ("one third"); after others it wants the plural.
                    if (!nw.PluralForm && current != 1)
                    {
                        ok = false;
                        break;
                    }

                    // Only the trailing small part is the numerator ("one hundred and three quarters" = 100.75).
                    double numerator = current % 100;
                    double wholeHundreds = current - numerator;
                    if (pendingAnd || (wholeHundreds == 0 && total == 0))
                    {
                        current = wholeHundreds + (numerator / nw.Value);
                    }
                    else
                    {
                        current = (current / nw.Value);
                    }

                    isFraction = true;
                    break;
                case WordClass.Multiplier:
                    if (any)
                    {
                        ok = false;
                        break;
                    }

                    current = nw.Value;
                    multiplier = true;
                    break;
            }

            if (!ok)
            {
                break;
            }

            if (nw.Class is not (WordClass.And or WordClass.Article))
            {
                any = true;
                pendingAnd = false;
                if (nw.Class != WordClass.Point)
                {
                    end = w;
                }

                if (!afterPoint || nw.Class == WordClass.Point)
                {
                    last = nw.Class;
                }
            }

            if (multiplier || vague)
            {
                break;
            }

            int next = NextWordStart(s, w);
            if (next < 0)
            {
                break;
            }

            i = next;
        }

    Done:
        if (!any || end <= start)
        {
            return start;
        }

        double value = total + current;
        var flags = NumberFlags.Words;
        if (isFraction)
        {
            flags |= NumberFlags.Fraction;
        }

        if (vague)
        {
            flags |= NumberFlags.Vague;
        }

        if (multiplier)
        {
            flags |= NumberFlags.Multiplier;
        }

        if (negative)
        {
            value = -value;
            flags |= NumberFlags.Negative;
        }

        if (total > 0 && current == 0 && !isFraction)
        {
            flags |= NumberFlags.Scaled;
        }

        // "the one you mentioned", "which one": a pronoun, not a number.
        if (end - start == 3 && value == 1 && !isFraction && IsPronounOne(s, start))
        {
            return end;
        }

        output.Add(new NumberMatch(new TextSpan(start, end), value, flags));
        return end;
    }

    private static bool IsPronounOne(ReadOnlySpan<char> s, int start)
    {
        int e = start;
        while (e > 0 && s[e - 1] == ' ')
        {
            e--;
        }

        int b = e;
        while (b > 0 && char.IsLetter(s[b - 1]))
        {
            b--;
        }

        var prev = s[b..e];
        foreach (var p in (ReadOnlySpan<string>)["the", "this", "that", "which", "each", "every", "any", "no", "another", "last", "next", "only"])
        {
            if (prev.Equals(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NextIsUnit(ReadOnlySpan<char> s, int w)
    {
        int u = NextWordStart(s, w);
        if (u < 0)
        {
            return false;
        }

        int uw = u;
        while (uw < s.Length && char.IsLetter(s[uw]))
        {
            uw++;
        }

        return NumberWords.Lookup.TryGetValue(s[u..uw], out var nw) && nw.Class == WordClass.Unit && nw.Value > 0;
    }

    private static bool FollowedByOf(ReadOnlySpan<char> s, int w) =>
        w + 3 < s.Length && s[w] == ' ' && s.Slice(w + 1, 2).Equals("of", StringComparison.OrdinalIgnoreCase) && !char.IsLetter(s[w + 3]);

    /// <summary>The start of the next word if only a joiner (spaces, one hyphen) separates it; else -1.</summary>
    private static int NextWordStart(ReadOnlySpan<char> s, int w)
    {
        int j = w;
        int spaces = 0, hyphens = 0;
        while (j < s.Length && (s[j] == ' ' || s[j] == '-' || s[j] == '\u2010' || s[j] == '\u2011'))
        {
            if (s[j] == ' ')
            {
                spaces++;
            }
            else
            {
                hyphens++;
            }

            j++;
        }

        if (j == w || hyphens > 1 || spaces > 3 || j >= s.Length || !char.IsLetter(s[j]))
        {
            return -1;
        }

        return j;
    }
}
