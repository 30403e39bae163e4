using System.Globalization;

namespace Tightrope.Dates;

/// <summary>TIMEX3 values: writing them from calendar parts and reading the days a value covers.</summary>
public static class TimexValue
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Year(int y) => y.ToString("0000", Inv);

    public static string Month(int y, int m) => string.Create(Inv, $"{y:0000}-{m:00}");

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    public static string Week(DateOnly d) => string.Create(Inv, $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):0000}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):00}");

    /// <summary>The first calendar day a value can denote (2018 → 2018-01-01, 2018-Q2 → 2018-04-01); null when it names none.</summary>
    public static DateOnly? FirstDay(string? value) => Bounds(value)?.First;

    /// <summary>The last calendar day a value can denote (2018 → 2018-12-31).</summary>
    public static DateOnly? LastDay(string? value) => Bounds(value)?.Last;

    /// <summary>The days a value covers, or null (PRESENT_REF, durations, values with X).</summary>
    public static (DateOnly First, DateOnly Last)? Bounds(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, Inv, out int y) || y < 1)
        {
            return null;
        }

        var rest = value.AsSpan(4);
        int t = rest.IndexOf('T');
        if (t >= 0)
        {
            rest = rest[..t];
        }

        if (rest.Length == 0)
        {
            return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }

        if (rest[0] != '-' || rest.Length < 3)
        {
            return null;
        }

        var part = rest[1..];
        if (part[0] == 'W' && part.Length >= 3 && int.TryParse(part.Slice(1, 2), NumberStyles.None, Inv, out int w) && w is >= 1 and <= 53)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, Math.Min(w, ISOWeek.GetWeeksInYear(y)), DayOfWeek.Monday));
            return (monday, monday.AddDays(6));
        }

        if (part[0] == 'Q' && part.Length == 2 && part[1] is >= '1' and <= '4')
        {
            int q = part[1] - '0';
            var first = new DateOnly(y, (q * 3) - 2, 1);
            return (first, first.AddMonths(3).AddDays(-1));
        }

        if (part[0] == 'H' && part.Length == 2 && part[1] is '1' or '2')
        {
            var first = new DateOnly(y, part[1] == '1' ? 1 : 7, 1);
            return (first, first.AddMonths(6).AddDays(-1));
        }

        if (part.Length == 2 && char.IsAsciiLetterUpper(part[0]))
        {
            // Seasons: spring Mar–May, summer Jun–Aug, fall Sep–Nov, winter Dec–Feb (of the next year).
            int start = part switch { "SP" => 3, "SU" => 6, "FA" => 9, "WI" => 12, _ => 0 };
            if (start == 0)
            {
                return null;
            }

            var first = new DateOnly(y, start, 1);
            return (first, first.AddMonths(3).AddDays(-1));
        }

        if (!int.TryParse(part[..Math.Min(2, part.Length)], NumberStyles.None, Inv, out int m) || m is < 1 or > 12)
        {
            return null;
        }

        var monthFirst = new DateOnly(y, m, 1);
        if (part.Length == 2)
        {
            return (monthFirst, monthFirst.AddMonths(1).AddDays(-1));
        }

        if (part.Length == 5 && part[2] == '-' && int.TryParse(part.Slice(3, 2), NumberStyles.None, Inv, out int d) && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            var day = new DateOnly(y, m, d);
            return (day, day);
        }

        return null;
    }
}
