using System.Globalization;
using System.Text.RegularExpressions;

namespace Tightrope.Dates;

/// <summary>
/// Expressions anchored to the time the text last told of rather than to the article date: "the next day", "the day
/// before", "on the same day", "that year", "five months later" (HeidelTime's reference time of narratives).
/// </summary>
internal sealed partial class DateRecognizer
{
    /// <summary>
    /// The time the text last told of: the value of the last date expression, with its sentence. An anchored
    /// expression reads it from its own sentence or the one before; further back, what "later" counts from is more
    /// often an event the text tells of than a date it gives, and the expression is left without a value. Before any
    /// date of the text, the reference is the article date (the time of writing).
    /// </summary>
    private readonly record struct TextTime(DateOnly Day = default, int Precision = 0, int Sentence = 0, bool Any = false)
    {
        /// <summary>The reference for an expression of <paramref name="sentence"/> (precision 0: none).</summary>
        public (DateOnly Day, int Precision) At(int sentence, DateOnly? articleDate)
        {
            if (!Any)
            {
                return articleDate is { } a ? (a, DayPrecision) : (default, 0);
            }

            return sentence <= Sentence + 1 ? (Day, Precision) : (default, 0);
        }

        /// <summary>The time after an expression of this value (one without a calendar value leaves none to count from).</summary>
        public TextTime After(string value, int sentence)
        {
            var v = value.AsSpan();
            int t = v.IndexOf('T');
            if (t >= 0)
            {
                v = v[..t];
            }

            var (day, precision) = v.Length switch
            {
                4 when int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y > 0 => (new DateOnly(y, 1, 1), YearPrecision),
                7 when DateOnly.TryParseExact(v, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var mo) => (mo, MonthPrecision),
                10 when DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => (d, DayPrecision),
                _ => (default(DateOnly), 0),
            };
            return new TextTime(day, precision, sentence, true);
        }
    }

    private const int YearPrecision = 1, MonthPrecision = 2, DayPrecision = 3;

    private bool IsAnchoredToText(Match m, out Groups g)
    {
        g = new Groups(m, Grammar);
        return m.Groups["aword"].Success || m.Groups["aunit"].Success;
    }

    /// <summary>
    /// An anchored expression's value: the reference shifted by the count and direction ("five months later", "the
    /// day before", "the next day") or not at all ("the same day", "that year"), at the precision of its unit; none
    /// when the reference is coarser than the unit ("a week later" after "in 2019").
    /// </summary>
    private static Resolved? ResolveAnchored(Groups g, (DateOnly Day, int Precision) reference, bool future, bool hedged)
    {
        var none = new DateParts(null, null, null, null, future, Hedged: hedged);
        string? unit = g.L("aunit") ?? (g.G("aword") is { } word ? AnchorUnitOf(word) : null);
        int shift = g.LI("adir") ?? g.LI("anear") ?? 0;
        if (g.L("aunit") is not null)
        {
            shift *= g.I("n") ?? g.LI("nword") ?? 1;
        }

        int needs = unit switch { "D" or "W" => DayPrecision, "M" => MonthPrecision, "Y" => YearPrecision, _ => int.MaxValue };
        if (reference.Precision < needs)
        {
            return null;
        }

        var d = reference.Day;
        var day = unit switch { "D" => d.AddDays(shift), "W" => d.AddDays(7 * shift), "M" => d.AddMonths(shift), _ => d.AddYears(shift) };
        // Of a count of units the value keeps the reference's precision ("three months later" than a day is a day);
        // of "the same month", "that year", the unit's.
        int precision = g.L("aunit") is not null || unit is "D" or "W" ? reference.Precision : Math.Min(reference.Precision, needs);
        string value = precision switch
        {
            DayPrecision => TimexValue.Day(day),
            MonthPrecision => TimexValue.Month(day.Year, day.Month),
            _ => TimexValue.Year(day.Year),
        };
        return unit == "W" && g.L("aunit") is null ? new(TimexValue.Week(day), null, DateKind.Date, null, none) : new(value, null, DateKind.Date, null, none);
    }

    private static string AnchorUnitOf(string word) => word.ToLowerInvariant() switch
    {
        "day" => "D",
        "week" => "W",
        "month" => "M",
        _ => "Y",
    };
}
