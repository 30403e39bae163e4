using System.Globalization;
using System.Text.RegularExpressions;
using Tightrope.Model;

namespace Tightrope.Dates;

/// <summary>
/// What an expression states, before resolution, read by article-date inference; <see cref="RelYear"/> is the shift
/// of "this/last/next year" when no anchor resolved it; <see cref="Hedged"/> that the sentence is future only as seen
/// from the past or as a condition ("would").
/// </summary>
internal readonly record struct DateParts(int? Year, int? Month, int? Day, int? Weekday, bool Future, int? RelYear = null, bool Hedged = false);

/// <summary>
/// Finds every date and time expression of a text with <see cref="DateGrammar"/> and resolves each to a TIMEX3 value
/// against a reference date (the article's). What the grammar's groups captured decides the value; the tense of the
/// sentence (a future marker such as "will") decides the direction of a bare weekday or month.
/// </summary>
/// <summary>A match of the date grammar in its sentence, before it is resolved against an anchor.</summary>
internal readonly record struct DateCandidate(Match Match, int Sentence, bool Future, bool Hedged);

internal sealed partial class DateRecognizer(DateGrammar grammar)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly Lazy<DateRecognizer> LazyEnglish = new(() => new DateRecognizer(DateGrammar.English));

    public static DateRecognizer English => LazyEnglish.Value;

    public DateGrammar Grammar { get; } = grammar;

    /// <summary>Every expression of <paramref name="text"/>, in order; without an anchor, relative ones keep X for what is unknown.</summary>
    public List<(DateExpression Expression, DateParts Parts)> Find(string text, IReadOnlyList<Sentence> sentences, DateOnly? anchor)
        => Resolve(Candidates(text, sentences), anchor);

    /// <summary>
    /// The matches of the grammar that are expressions, each with its sentence and that sentence's tense: the part
    /// of <see cref="Find"/> that does not depend on the anchor, so that one scan serves dating the article and then
    /// resolving its expressions at the date found.
    /// </summary>
    public List<DateCandidate> Candidates(string text, IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DateCandidate>();
        int sentence = -1, tenseOf = -2, counterfactualEnd = int.MaxValue;
        bool future = false, hedged = false;
        foreach (var m in Grammar.Scan(text))
        {
            if (Blocked(m, text))
            {
                continue;
            }

            sentence = SentenceOf(sentences, m.Index, sentence);
            if (sentence != tenseOf)
            {
                tenseOf = sentence;
                (future, hedged) = Tense(text, sentence >= 0 ? sentences[sentence].Span : new TextSpan(Math.Max(0, m.Index - 200), Math.Min(text.Length, m.Index + m.Length + 200)));
                counterfactualEnd = sentence >= 0 ? CounterfactualEnd(text, sentences[sentence].Span) : int.MaxValue;
            }

            // Whether the clause before the date holds a counterfactual phrase, from the sentence's first one (the
            // clause is a prefix of the sentence); unknown (null) for a date outside its sentence's span.
            bool? counterfactual = sentence >= 0 && m.Index <= sentences[sentence].Span.End ? counterfactualEnd <= m.Index : null;
            var (f, h) = Target(text, sentence >= 0 ? sentences[sentence].Span.Start : Math.Max(0, m.Index - 200), m, future, hedged, counterfactual);
            found.Add(new DateCandidate(m, sentence, f, h));
        }

        return found;
    }

    /// <summary>The candidates resolved against <paramref name="anchor"/> (those that resolve to a value).</summary>
    public List<(DateExpression Expression, DateParts Parts)> Resolve(List<DateCandidate> candidates, DateOnly? anchor)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var found = new List<(DateExpression, DateParts)>(candidates.Count);
        var told = new TextTime();
        foreach (var (m, sentence, future, hedged) in candidates)
        {
            // "The next day", "five months later": from the time the text last told of (see TextTime).
            var resolved = IsAnchoredToText(m, out var g) ? ResolveAnchored(g, told.At(sentence, anchor), future, hedged) : Resolve(m, anchor, future, hedged);
            if (resolved is { } r)
            {
                if (r.Kind != DateKind.Fuzzy)
                {
                    told = told.After(r.Value, sentence);
                }

                int length = FullStopIsSentences(m.ValueSpan) ? m.Length - 1 : m.Length;
                found.Add((new DateExpression
                {
                    Span = new TextSpan(m.Index, m.Index + length),
                    Text = m.ValueSpan[..length].ToString(),
                    Value = r.Value,
                    EndValue = r.End,
                    Kind = r.Kind,
                    Mod = r.Mod,
                    Sentence = sentence,
                }, r.Parts));
            }
        }

        return found;
    }

    /// <summary>A full stop after a whole month or weekday name ("in August.") ends the sentence; after "Aug." it is the abbreviation's.</summary>
    private static bool FullStopIsSentences(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || value[^1] != '.' || !char.IsLetter(value[^2]))
        {
            return false;
        }

        int i = value.Length - 1;
        while (i > 0 && char.IsLetter(value[i - 1]))
        {
            i--;
        }

        var word = value.Slice(i, value.Length - 1 - i);
        return word.Length > 4 || word.Equals("may", StringComparison.OrdinalIgnoreCase) || word.Equals("june", StringComparison.OrdinalIgnoreCase)
            || word.Equals("july", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A bare four-digit number that counts or costs something ("2010 troops", "$2019") is not a year.</summary>
    private bool Blocked(Match m, string text)
    {
        if (CommonWordAlone(m, text))
        {
            return true;
        }

        if (m.Groups["year"] is not { Success: true } y || y.Length != m.Length || m.Groups["mod"].Success)
        {
            return false;
        }

        int before = m.Index - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        if (before >= 0 && text[before] is '$' or '#' or '€' or '£' or '¥' or '₩')
        {
            return true;
        }

        int i = m.Index + m.Length;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        int j = i;
        while (j < text.Length && (char.IsLetter(text[j]) || text[j] == '%'))
        {
            j++;
        }

        return j > i && Grammar.YearBlockers.Contains(text.AsSpan(i, j - i));
    }

    /// <summary>"May say no": a month that is also a common word, alone and without a word that leads a month before it.</summary>
    private bool CommonWordAlone(Match m, string text)
    {
        var value = m.ValueSpan.TrimEnd('.');
        foreach (char c in value)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        if (!Grammar.CommonWordMonths.Contains(value))
        {
            return false;
        }

        int end = m.Index;
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1]) && text[end - 1] is not ('.' or '!' or '?' or '\n'))
        {
            end--;
        }

        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return start == end || !Grammar.MonthLeadWords.Contains(text.AsSpan(start, end - start));
    }

    private static int SentenceOf(IReadOnlyList<Sentence> sentences, int offset, int from)
    {
        int i = Math.Max(from, 0);
        while (i < sentences.Count && sentences[i].Span.End <= offset)
        {
            i++;
        }

        return i < sentences.Count && sentences[i].Span.Start <= offset ? i : (sentences.Count == 0 ? -1 : Math.Min(i, sentences.Count - 1));
    }

    private readonly record struct Resolved(string Value, string? End, DateKind Kind, string? Mod, DateParts Parts);

    /// <summary>What the groups of a match captured, read through the grammar's lexicons ("Sept" → 9).</summary>
    private readonly struct Groups(Match m, DateGrammar grammar)
    {
        public string? G(string name) => m.Groups[name] is { Success: true } g ? g.Value : null;

        public string? L(string name) => G(name) is { } v ? grammar.Lookup(name, v) : null;

        public int? I(string name) => m.Groups[name] is { Success: true } g && int.TryParse(g.ValueSpan, NumberStyles.None, Inv, out int n) ? n : null;

        public int? LI(string name) => L(name) is { } v && int.TryParse(v, NumberStyles.AllowLeadingSign, Inv, out int n) ? n : null;
    }

    /// <summary>
    /// The value of a match, in named steps tried in order: fuzzy and counted expressions ("recently", "the 1990s",
    /// "three years ago"), day words ("yesterday"), relative units ("next month"), halves and quarters, seasons,
    /// ranges, a month with or without its day, a weekday, a year, a clock time alone. A step that applies gives the
    /// value or rejects the match (null); one that does not leaves it to the next.
    /// </summary>
    private Resolved? Resolve(Match m, DateOnly? anchor, bool future, bool hedged)
    {
        var g = new Groups(m, Grammar);
        if (g.L("iunit") is { } ahead)
        {
            // "(in) two weeks", told of as ahead: the length of time (TIMEX3 "P2W", as TimeML annotates it), ending
            // on the day that far after the article's. In a past or hedged sentence ("could do it in 100 days") it is
            // how long something took or would take, with no day it ends on: left out.
            int count = Count(g);
            return anchor is { } a && future && !hedged && ShiftDay(a, ahead, count) is { } day
                ? new(string.Create(Inv, $"P{count}{ahead}"), TimexValue.Day(day), DateKind.Duration, null, new DateParts(null, null, null, null, future, Hedged: hedged))
                : null;
        }

        var inner = Core(m, g, anchor, future, hedged);
        if (g.G("sdir") is not { } sdir || g.L("sunit") is not { } unit || anchor is null)
        {
            return inner;
        }

        // "three days after January 12", "two weeks from tomorrow": the day the date names, shifted; the date's own
        // parts stay what the text states of the year and month.
        int n = sdir.Equals("before", StringComparison.OrdinalIgnoreCase) ? -Count(g) : Count(g);
        return inner is { } r && r.End is null && r.Value.Length == 10 && DateOnly.TryParseExact(r.Value, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var from)
            && ShiftDay(from, unit, n) is { } shifted ? r with { Value = TimexValue.Day(shifted), Kind = DateKind.Date, Mod = null } : null;
    }

    private static int Count(Groups g) => g.I("n") ?? g.LI("nword") ?? 1;

    /// <summary>The day <paramref name="n"/> days, weeks, months or years after <paramref name="d"/> (null for other units).</summary>
    private static DateOnly? ShiftDay(DateOnly d, string unit, int n) => unit switch
    {
        "D" => d.AddDays(n),
        "W" => d.AddDays(7 * n),
        "M" => d.AddMonths(n),
        "Y" => d.AddYears(n),
        _ => null,
    };

    private Resolved? Core(Match m, Groups g, DateOnly? anchor, bool future, bool hedged)
    {
        var none = new DateParts(null, null, null, null, future, Hedged: hedged);
        string? mod = g.L("mod");
        if (Unanchored(g, anchor, mod, none) is { } fuzzy)
        {
            return fuzzy;
        }

        string time = Clock(m) ?? (g.L("part") is { } part ? "T" + part : "");
        if (g.L("dayword") is { } dayword)
        {
            return DayWord(dayword, anchor, time, mod, future, none);
        }

        int? year = g.I("year");
        int? relYear = null;
        if (g.LI("ryear") is { } ry)
        {
            if (anchor is { } a)
            {
                year = a.Year + ry;
            }
            else
            {
                relYear = ry; // "December this year" without a date: the month, its year relative to the article's
            }
        }

        int? month = g.LI("month") ?? g.I("mnum");
        int? rel = g.LI("rel");
        var parts = new DateParts(year, month, g.I("day"), g.LI("weekday"), future, relYear, hedged);
        if (g.G("unitword") is { } unitWord && rel is { } r1)
        {
            return anchor is { } a ? new(Shift(a, UnitOf(unitWord), r1), null, DateKind.Date, mod, none) : null;
        }

        if (g.G("period") is { } period && g.LI("ord") is { } ord)
        {
            return HalfOrQuarter(period, ord, year ?? anchor?.Year, parts);
        }

        if (g.L("season") is { } season)
        {
            return Season(season, year, rel, anchor, mod, parts);
        }

        if (g.G("yearword") is not null && year is null)
        {
            year = anchor?.Year; // "the end of the year": the anchor's (the parts keep none: no evidence of the year)
        }

        if (g.I("dom") is { } dom)
        {
            return DayOfMonth(dom, anchor, future, parts with { Day = dom });
        }

        if (Range(g, parts, year, anchor, future, out var range))
        {
            return range;
        }

        if (month is { } month1)
        {
            return MonthDate(month1, parts, year, rel, anchor, time, mod, future);
        }

        if (parts.Weekday is { } w)
        {
            return Weekday(w, rel, anchor, time, future, parts);
        }

        if (year is { } onlyYear)
        {
            return new(TimexValue.Year(onlyYear), null, DateKind.Date, mod, parts);
        }

        return time.Length > 0 && anchor is { } at ? new(TimexValue.Day(at) + time, null, DateKind.Time, null, parts) : null;
    }

    /// <summary>Expressions whose value needs no day, month or year of their own: fuzzy references, decades, centuries, "N units ago".</summary>
    private static Resolved? Unanchored(Groups g, DateOnly? anchor, string? mod, DateParts none)
    {
        if (g.L("ref") is { } reference)
        {
            return new(reference, null, DateKind.Fuzzy, null, none);
        }

        if (g.G("vague") is not null)
        {
            return new("PAST_REF", null, DateKind.Fuzzy, null, none);
        }

        if (g.G("decade") is { } decade)
        {
            return new(decade[..3] + "X", null, DateKind.Date, mod, none);
        }

        if (g.G("sdecade") is { } sd)
        {
            return new((sd[0] >= '3' ? "19" : "20") + sd[0] + "X", null, DateKind.Date, mod, none);
        }

        if (g.LI("cent") is { } century)
        {
            return new((century - 1).ToString("00", Inv), null, DateKind.Date, mod, none);
        }

        if (g.L("unit") is { } unit && g.G("dir") is { } dir)
        {
            int n = g.I("n") ?? g.LI("nword") ?? 1;
            if (dir.StartsWith("ago", StringComparison.OrdinalIgnoreCase))
            {
                n = -n;
            }

            return anchor is { } a ? new(Shift(a, unit, n), null, DateKind.Date, null, none) : new("PAST_REF", null, DateKind.Fuzzy, null, none);
        }

        return null;
    }

    /// <summary>"Yesterday", "tonight": the anchor shifted by the day word's count ("NI" for night).</summary>
    private static Resolved DayWord(string dayword, DateOnly? anchor, string time, string? mod, bool future, DateParts none)
    {
        if (anchor is not { } a)
        {
            return new("PRESENT_REF", null, DateKind.Fuzzy, null, none);
        }

        if (dayword.EndsWith("NI", StringComparison.Ordinal))
        {
            time = time.Length == 0 ? "TNI" : time;
            dayword = dayword[..^2];
        }

        var d = a.AddDays(int.Parse(dayword, NumberStyles.AllowLeadingSign, Inv));
        return new(TimexValue.Day(d) + time, null, time.Length > 0 ? DateKind.Time : DateKind.Date, mod, new(d.Year, d.Month, d.Day, null, future));
    }

    private static string UnitOf(string unitWord) => unitWord.ToLowerInvariant() switch
    {
        "week" => "W",
        "weekend" => "WE",
        "month" => "M",
        "decade" => "DE",
        "quarter" => "Q",
        _ => "Y",
    };

    /// <summary>"The second half of 2026", "the first quarter" (of the anchor's year).</summary>
    private static Resolved? HalfOrQuarter(string period, int ord, int? year, DateParts parts)
    {
        bool half = period.StartsWith('h') || period.StartsWith('H');
        if (year is not { } y || ord < 1 || ord > (half ? 2 : 4))
        {
            return null;
        }

        return new(TimexValue.Year(y) + (half ? "-H" : "-Q") + ord.ToString(Inv), null, DateKind.Date, null, parts);
    }

    /// <summary>"Summer 2019", "last winter": the season's year is stated, or the one before or after the anchor's season.</summary>
    private static Resolved Season(string season, int? year, int? rel, DateOnly? anchor, string? mod, DateParts parts)
    {
        int? y = year;
        if (y is null && anchor is { } a)
        {
            int end = season switch { "SP" => 5, "SU" => 8, "FA" => 11, _ => 2 };
            y = (rel ?? 0) switch { < 0 => a.Month > end ? a.Year : a.Year - 1, > 0 => a.Month < end - 2 ? a.Year : a.Year + 1, _ => a.Year };
        }

        return new((y is { } yy ? TimexValue.Year(yy) : "XXXX") + "-" + season, null, DateKind.Date, mod, parts with { Year = y });
    }

    /// <summary>Ranges: "October 13 to 16", "13-16 October", "2009-2010", "January to March" (true when the match is one; null when it is rejected).</summary>
    private static bool Range(Groups g, DateParts parts, int? year, DateOnly? anchor, bool future, out Resolved? range)
    {
        range = null;
        if (g.I("year2") is { } year2 && year is { } y1 && parts.Month is null)
        {
            range = year2 > y1 ? new(TimexValue.Year(y1), TimexValue.Year(year2), DateKind.Range, null, parts) : null;
            return true;
        }

        int? day2 = g.I("day2");
        int? month2 = g.LI("month2");
        if (parts.Month is not { } mo || (day2 is null && month2 is null))
        {
            return false;
        }

        int? day = parts.Day;
        int? y = year ?? YearFor(anchor, mo, day ?? 1, future);
        var start = Compose(y, mo, day, "");
        var end = Compose(y is { } yy && month2 is { } m2 && m2 < mo ? yy + 1 : y, month2 ?? mo, day2 ?? (day is null ? null : day), "");
        range = start is null || end is null ? null : new(start, end, DateKind.Range, null, parts with { Year = y });
        return true;
    }

    /// <summary>A month, with or without its day: its year stated, shifted by "last"/"next", fixed by a stated weekday, or the nearest by the tense.</summary>
    private static Resolved? MonthDate(int month, DateParts parts, int? year, int? rel, DateOnly? anchor, string time, string? mod, bool future)
    {
        int? day = parts.Day;
        if (day is { } d1 && d1 > DateTime.DaysInMonth(2024, month))
        {
            return null;
        }

        int? y = year;
        if (y is null && rel is { } r2 && anchor is { } a)
        {
            y = r2 switch { < 0 => month < a.Month ? a.Year : a.Year - 1, > 0 => month > a.Month ? a.Year : a.Year + 1, _ => a.Year };
        }

        y ??= parts.Weekday is { } wd && day is { } dd && anchor is { } aw ? YearByWeekday(aw, month, dd, wd) : null;
        y ??= YearFor(anchor, month, day ?? (future ? DateTime.DaysInMonth(2024, month) : 1), future);
        return Compose(y, month, day, time) is { } v
            ? new(v, null, time.Length > 0 ? DateKind.Time : DateKind.Date, mod, parts with { Year = parts.Year ?? (year is null ? null : y) })
            : null;
    }

    /// <summary>
    /// "On the 14th": a day of the month alone, in the anchor's month when that day is not after the anchor (before
    /// it, in a future sentence), else in the month before (after); a month without that day is passed over.
    /// </summary>
    private static Resolved DayOfMonth(int day, DateOnly? anchor, bool future, DateParts parts)
    {
        if (anchor is not { } a)
        {
            return new(string.Create(Inv, $"XXXX-XX-{day:00}"), null, DateKind.Date, null, parts);
        }

        var month = new DateOnly(a.Year, a.Month, 1);
        bool here = future ? day >= a.Day : day <= a.Day;
        if (!here || day > DateTime.DaysInMonth(month.Year, month.Month))
        {
            do
            {
                month = month.AddMonths(future ? 1 : -1);
            }
            while (day > DateTime.DaysInMonth(month.Year, month.Month));
        }

        return new(TimexValue.Day(new DateOnly(month.Year, month.Month, day)), null, DateKind.Date, null, parts);
    }

    /// <summary>A bare weekday: the one before the anchor, or after it in a future sentence or after "next".</summary>
    private static Resolved Weekday(int w, int? rel, DateOnly? anchor, string time, bool future, DateParts parts)
    {
        if (anchor is not { } a)
        {
            return new("XXXX-WXX-" + w.ToString(Inv) + time, null, time.Length > 0 ? DateKind.Time : DateKind.Date, null, parts);
        }

        int delta = w - IsoDay(a);
        DateOnly d = (rel, future) switch
        {
            ( < 0, _) => a.AddDays(delta < 0 ? delta : delta - 7),
            ( > 0, _) => a.AddDays(delta > 0 ? delta : delta + 7),
            (_, true) => a.AddDays(delta >= 0 ? delta : delta + 7),
            _ => a.AddDays(delta <= 0 ? delta : delta - 7),
        };
        return new(TimexValue.Day(d) + time, null, time.Length > 0 ? DateKind.Time : DateKind.Date, null, parts);
    }

    private static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    /// <summary>The year of a month (and day) without one: the last before the anchor in a past sentence, the next after it in a future one.</summary>
    private static int? YearFor(DateOnly? anchor, int month, int day, bool future)
    {
        if (anchor is not { } a)
        {
            return null;
        }

        int key = (month * 100) + day, now = (a.Month * 100) + a.Day;
        return future ? (key < now - 100 ? a.Year + 1 : a.Year) : (key > now + 7 ? a.Year - 1 : a.Year);
    }

    /// <summary>The year near the anchor in which the day falls on the weekday stated ("Monday, June 10").</summary>
    private static int? YearByWeekday(DateOnly anchor, int month, int day, int weekday)
    {
        foreach (int dy in (ReadOnlySpan<int>)[0, -1, 1])
        {
            int y = anchor.Year + dy;
            if (day <= DateTime.DaysInMonth(y, month) && IsoDay(new DateOnly(y, month, day)) == weekday)
            {
                return y;
            }
        }

        return null;
    }

    private static string? Compose(int? year, int month, int? day, string time)
    {
        var y = year is { } yy ? TimexValue.Year(yy) : "XXXX";
        if (day is { } d)
        {
            if (d > DateTime.DaysInMonth(year ?? 2024, month))
            {
                return null;
            }

            return string.Create(Inv, $"{y}-{month:00}-{d:00}") + time;
        }

        return string.Create(Inv, $"{y}-{month:00}");
    }

    private string? Clock(Match m)
    {
        if (m.Groups["noon"] is { Success: true } noon)
        {
            return noon.Value.StartsWith('n') || noon.Value.StartsWith('N') ? "T12:00" : "T00:00";
        }

        if (m.Groups["hour"] is not { Success: true } h)
        {
            return null;
        }

        int hour = int.Parse(h.Value, Inv);
        int minute = m.Groups["minute"] is { Success: true } mi ? int.Parse(mi.Value, Inv) : 0;
        if (m.Groups["ampm"] is { Success: true } ap)
        {
            bool pm = ap.Value[0] is 'p' or 'P';
            hour = pm ? (hour % 12) + 12 : hour % 12;
        }

        return string.Create(Inv, $"T{hour:00}:{minute:00}");
    }

    /// <summary>The period <paramref name="n"/> units from the anchor, written at the unit's precision.</summary>
    private static string Shift(DateOnly a, string unit, int n) => unit switch
    {
        "D" => TimexValue.Day(a.AddDays(n)),
        "W" => TimexValue.Week(a.AddDays(7 * n)),
        "WE" => TimexValue.Week(a.AddDays(7 * n)) + "-WE",
        "M" => TimexValue.Month(a.AddMonths(n).Year, a.AddMonths(n).Month),
        "Q" => QuarterOf(a.AddMonths(3 * n)),
        "DE" => TimexValue.Year(a.Year + (10 * n))[..3] + "X",
        "CE" => (((a.Year - 1) / 100) + n).ToString("00", Inv),
        _ => TimexValue.Year(a.Year + n),
    };

    private static string QuarterOf(DateOnly d) => TimexValue.Year(d.Year) + "-Q" + (((d.Month - 1) / 3) + 1).ToString(Inv);
}
