using System.Globalization;
using System.Text.RegularExpressions;

namespace Tightrope.Ingest;

/// <summary>
/// Publication dates as metadata writes them: ISO 8601, RFC 822 (feeds, with named zones), and the numeric and
/// CJK forms Korean, Chinese and Japanese sites use (2024.03.05, 2024년 3월 5일, 2024年3月5日). The date kept is
/// the calendar date where the article was published (the offset given, not UTC).
/// </summary>
internal static partial class DateText
{
    private static readonly string[] Rfc822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm zzz",
        "ddd, d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm:ss", "ddd, d MMM yyyy", "d MMM yyyy",
    ];

    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        if (s.Length > 100)
        {
            return null;
        }

        var iso = IsoDate().Match(s);
        if (iso.Success)
        {
            // The calendar date as written: "2024-03-05T23:30:00-05:00" was published on 5 March where it was written.
            return Make(iso.Groups[1].Value, iso.Groups[2].Value, iso.Groups[3].Value);
        }

        var cjk = CjkDate().Match(s);
        if (cjk.Success)
        {
            return Make(cjk.Groups[1].Value, cjk.Groups[2].Value, cjk.Groups[3].Value);
        }

        var rfc = ZoneName().Replace(s, m => ZoneOffset(m.Value));
        rfc = rfc.Replace("GMT", "+00:00", StringComparison.Ordinal).Replace(" UT", " +00:00", StringComparison.Ordinal).Replace(" Z", " +00:00", StringComparison.Ordinal);
        rfc = OffsetWithoutColon().Replace(rfc, "$1$2:$3");
        if (DateTimeOffset.TryParseExact(rfc, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
        {
            return DateOnly.FromDateTime(dto.DateTime);
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out dto))
        {
            return DateOnly.FromDateTime(dto.DateTime);
        }

        return null;
    }

    private static DateOnly? Make(string y, string m, string d)
    {
        if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && year is >= 1800 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return null;
    }

    private static string ZoneOffset(string zone) => zone switch
    {
        "KST" or "JST" => "+09:00",
        "CST" => "-06:00",
        "CDT" or "EST" => "-05:00",
        "EDT" => "-04:00",
        "MST" => "-07:00",
        "MDT" => "-06:00",
        "PST" => "-08:00",
        "PDT" => "-07:00",
        "BST" or "CET" => "+01:00",
        "CEST" => "+02:00",
        "UTC" => "+00:00",
        _ => zone,
    };

    [GeneratedRegex(@"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:$|[T\s])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]", RegexOptions.CultureInvariant)]
    private static partial Regex CjkDate();

    [GeneratedRegex(@"\b(KST|JST|CST|CDT|EST|EDT|MST|MDT|PST|PDT|BST|CET|CEST|UTC)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"([+-])(\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetWithoutColon();
}
