using System.Globalization;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Dates;

/// <summary>
/// Dates an article from its content when nothing else did. Each piece of evidence says in which periods the article
/// could have been written, with a weight: a year stated in a past sentence ("in 2018") that it was written in or
/// after that year; a future year that it was written before its end; a day and month without a year ("November 7")
/// that it was written in the weeks after such a day (before it, in a future sentence); a bare weekday ("said
/// Tuesday") that it was written on that day or the next; "December this year" (future) that it was written earlier
/// in that year; and the dated roles of titled names (<see cref="DateBound"/>, from the actors stage). The day that
/// satisfies the most weight wins, the earliest of them (a report is written soon after the latest event it can be
/// dated by). Without any evidence of the year the article stays undated.
/// </summary>
internal static partial class ContentDater
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>How long after a dated day a report mentions it most (weight 2), and still (weight 0.5).</summary>
    private const int DayRecent = 30, DayWindow = 90;

    /// <summary>How long after a month a report still says "in September" without the year.</summary>
    private const int MonthWindow = 150;

    private const int FirstYear = 1946;

    /// <summary>What a piece of evidence is: with the numbers of <see cref="EvidenceKey"/>, which piece it is.</summary>
    private enum Kind : byte { Full, FullNear, After, Month, Near, Year, Rel, RelNear, Day, DayNear, DayWeek, Mon, Weekday, WeekdayNear, DayOfMonth, DayOfMonthNear, Anniversary, Bound, BoundDay }

    /// <summary>The key of a piece of evidence: the first piece of a key stands (a day met twice counts once).</summary>
    private readonly record struct EvidenceKey(Kind Kind, bool Future = false, int A = 0, int B = 0, string? Why = null);

    private sealed record Evidence(EvidenceKey Key, string Text, TextSpan Span, double Weight, bool Anchors, IReadOnlyList<(int From, int To)> Periods, bool Bound = false)
    {
        /// <summary>
        /// A past year or month that the writing had reached for sure: one that leads its sentence ("In October 2024,
        /// the two sides agreed") or one the text counts from ("since late 2019"). A year inside a past sentence is
        /// not one: "agreed on what it pays in 2026" tells of a later year.
        /// </summary>
        public bool Floors { get; init; }

        /// <summary>A day the text states ("November 7", "Oct. 12, 2020", "Monday, June 10") met within its recent window.</summary>
        public bool DayLevel => Key.Kind is Kind.Day or Kind.Full or Kind.DayWeek or Kind.BoundDay;
    }

    public static ArticleDate? Infer(string text, List<(DateExpression Expression, DateParts Parts)> found, IReadOnlyList<DateBound> bounds, DateOnly today, Func<int, TextSpan>? sentenceOf = null)
    {
        int last = today.DayNumber;
        int first = new DateOnly(FirstYear, 1, 1).DayNumber;
        var bag = new EvidenceBag(first, last, (found.Count * 2) + bounds.Count);
        var bareWeekdays = BareWeekdays(found);
        var led = LedSentences(text, found, sentenceOf);
        var listed = ListedStamps(text, found, sentenceOf);
        int widgetSentence = -1;
        bool widget = false;
        foreach (var (e, p) in found)
        {
            // A widget's date (weather, "today") is the page's day, not the story's; a related-article list's dates
            // are other stories'. (The expressions come in text order: a sentence's widget words are looked up once.)
            if (sentenceOf is not null && e.Sentence >= 0 && e.Sentence != widgetSentence && !listed.Contains(e.Sentence))
            {
                widgetSentence = e.Sentence;
                widget = PageDateLines.English.HasWidgetWord(text.AsSpan(sentenceOf(e.Sentence).Start, sentenceOf(e.Sentence).Length));
            }

            if (sentenceOf is not null && e.Sentence >= 0 && (listed.Contains(e.Sentence) || widget))
            {
                continue;
            }

            if (p.Year is { } y && y >= FirstYear)
            {
                if (p.Hedged)
                {
                    continue; // "said it would withdraw by 2008": neither before nor after the writing
                }

                if (!p.Future && p.Day is null && led.Contains(e.Sentence) && !Leads(text, e, sentenceOf))
                {
                    continue;
                }

                if (p.Month is { } m && p.Day is { } d)
                {
                    if (d > DateTime.DaysInMonth(y, m))
                    {
                        continue;
                    }

                    int day = new DateOnly(y, m, d).DayNumber;
                    bag.Add(new(Kind.Full, p.Future, day), e, e.Span, e.Text, 2, true, p.Future ? One(first, day) : One(day, day + DayRecent));
                    bag.Add(new(Kind.FullNear, A: day), e, e.Span, e.Text, 0.5, true, p.Future ? [] : One(day + DayRecent + 1, day + DayWindow));
                    bag.Add(new(Kind.After, A: day), e, e.Span, e.Text, 1, true, p.Future ? [] : One(day, last));
                }
                else if (p.Month is { } mo)
                {
                    int start = new DateOnly(y, mo, 1).DayNumber, end = new DateOnly(y, mo, DateTime.DaysInMonth(y, mo)).DayNumber;
                    bag.Add(new(Kind.Month, p.Future, start), e, e.Span, e.Text, 1, true, p.Future ? One(first, end) : One(start, last), floors: !p.Future && Leads(text, e, sentenceOf));
                    bag.Add(new(Kind.Near, A: start), e, e.Span, e.Text, 0.5, true, p.Future ? [] : One(start, end + DayRecent));
                }
                else if (p.Month is null && p.Day is null)
                {
                    int start = new DateOnly(y, 1, 1).DayNumber, end = new DateOnly(y, 12, 31).DayNumber;
                    bag.Add(new(Kind.Year, p.Future, y), e, e.Span, e.Text, 1, true, p.Future ? One(first, end) : One(start, last), floors: !p.Future && Leads(text, e, sentenceOf));
                }

                continue;
            }

            if (p.Year is not null)
            {
                continue;
            }

            AddYearless(e, p, first, last, bareWeekdays, bag.Add);
        }

        AddAnniversaries(text, found, sentenceOf, (key, e, years, future) =>
            bag.Add(key, e, e.Span, e.Text, 2, true, One(new DateOnly(future ? years - 1 : years, 1, 1).DayNumber, new DateOnly(years, 12, 31).DayNumber)));

        foreach (var b in bounds)
        {
            var periods = OwnPeriods.Rent(b.Periods.Count);
            foreach (var p in b.Periods)
            {
                periods.Add((p.From.DayNumber, p.To.DayNumber));
            }

            bag.Add(new(b.DayLevel ? Kind.BoundDay : Kind.Bound, Why: b.Why), null, b.Span, b.Text, b.Weight, true, periods, bound: !b.Floor, floors: b.Floor);
        }

        try
        {
            return Best(bag.Pieces.Values, first, last);
        }
        finally
        {
            bag.Release();
        }
    }

    /// <summary>
    /// A weekday standing alone ("cut short their summit Thursday") names the day of a day and month the text gives
    /// only when it gives one such day: with two ("from Aug. 1", "from Dec. 1") the weekday belongs to neither.
    /// </summary>
    private static HashSet<int> BareWeekdays(List<(DateExpression Expression, DateParts Parts)> found)
    {
        var bareWeekdays = new HashSet<int>();
        var yearlessDays = new HashSet<(int, int)>();
        foreach (var (_, p) in found)
        {
            if (p.Weekday is { } w && p.Month is null)
            {
                bareWeekdays.Add(w);
            }
            else if (p is { Year: null, RelYear: null, Weekday: null, Month: { } dm, Day: { } dd })
            {
                yearlessDays.Add((dm, dd));
            }
        }

        if (yearlessDays.Count > 1)
        {
            bareWeekdays.Clear();
        }

        return bareWeekdays;
    }

    /// <summary>
    /// The sentences whose date leads them ("In October 2024, the two sides agreed on what is paid in 2026"): the
    /// leading date is when the sentence's event happened, the other years in it are what the event is about.
    /// </summary>
    private static HashSet<int> LedSentences(string text, List<(DateExpression Expression, DateParts Parts)> found, Func<int, TextSpan>? sentenceOf)
    {
        var led = new HashSet<int>();
        foreach (var (e, p) in found)
        {
            if (p.Year is not null && !p.Future && e.Sentence >= 0 && Leads(text, e, sentenceOf))
            {
                led.Add(e.Sentence);
            }
        }

        return led;
    }

    /// <summary>The evidence of one article by key (the first piece of a key stands), its periods clipped to [first, last].</summary>
    private sealed class EvidenceBag(int first, int last, int capacity)
    {
        public Dictionary<EvidenceKey, Evidence> Pieces { get; } = new(capacity);

        /// <summary>Gives the pieces' own period lists back for the next article (the pieces are not read after).</summary>
        public void Release()
        {
            foreach (var piece in Pieces.Values)
            {
                if (piece.Periods is OwnPeriods own)
                {
                    OwnPeriods.Return(own);
                }
            }
        }

        public void Add(EvidenceKey key, DateExpression? e, TextSpan span, string what, double weight, bool anchors, IEnumerable<(int From, int To)> periods, bool bound = false, bool floors = false)
        {
            if (Pieces.ContainsKey(key))
            {
                if (periods is OwnPeriods dropped)
                {
                    OwnPeriods.Return(dropped);
                }

                return;
            }

            IReadOnlyList<(int From, int To)> list;
            if (periods is WeeklyPeriods weekly)
            {
                list = weekly; // within [first, last] by construction
            }
            else if (periods is OwnPeriods own)
            {
                int kept = 0;
                for (int i = 0; i < own.Count; i++)
                {
                    int a = Math.Max(own[i].From, first), b = Math.Min(own[i].To, last);
                    if (a <= b)
                    {
                        own[kept++] = (a, b);
                    }
                }

                own.RemoveRange(kept, own.Count - kept);
                list = own;
                if (own.Count == 0)
                {
                    OwnPeriods.Return(own);
                }
            }
            else
            {
                var copy = new List<(int From, int To)>(periods.TryGetNonEnumeratedCount(out int count) ? count : 4);
                foreach (var (f, t) in periods)
                {
                    int a = Math.Max(f, first), b = Math.Min(t, last);
                    if (a <= b)
                    {
                        copy.Add((a, b));
                    }
                }

                list = copy;
            }

            if (list.Count > 0)
            {
                Pieces[key] = new Evidence(key, e?.Text ?? what, span, weight, anchors, list, bound) { Floors = floors };
            }
        }
    }

    private delegate void AddEvidence(EvidenceKey key, DateExpression? e, TextSpan span, string what, double weight, bool anchors,
        IEnumerable<(int From, int To)> periods, bool bound = false, bool floors = false);

    /// <summary>
    /// The evidence of an expression without a year: a month this year ("in December this year"), a day and month
    /// ("November 7", with its weekday when the text gives one), a bare month, a bare weekday in a past sentence.
    /// </summary>
    private static void AddYearless(DateExpression e, DateParts p, int first, int last, IReadOnlySet<int> bareWeekdays, AddEvidence add)
    {
        if (p.Month is { } month)
        {
            if (p.RelYear is { } rel)
            {
                // "in December this year" (future): earlier in December's year; "in March this year": later in it.
                add(new(Kind.Rel, p.Future, rel, month), e, e.Span, e.Text, 1, false, EachYear(first, last, y =>
                {
                    int monthStart = new DateOnly(y + rel, month, 1).DayNumber;
                    return p.Future ? (new DateOnly(y, 1, 1).DayNumber, monthStart - 1) : (monthStart, new DateOnly(y, 12, 31).DayNumber);
                }));

                // A month ahead is most often told of in the months just before it (as a bare future month is).
                add(new(Kind.RelNear, p.Future, rel, month), e, e.Span, e.Text, 0.5, false, EachYear(first, last, y =>
                {
                    int monthStart = new DateOnly(y + rel, month, 1).DayNumber;
                    return p.Future ? (Math.Max(new DateOnly(y, 1, 1).DayNumber, monthStart - MonthWindow), monthStart - 1) : (0, -1);
                }).Where(x => x.From <= x.To));
            }
            else if (p.Day is { } day)
            {
                if (day > DateTime.DaysInMonth(2024, month))
                {
                    return;
                }

                int At(int y) => new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month))).DayNumber;
                // In a future sentence the day is ahead: most likely within the week before it ("next Monday").
                add(new(Kind.Day, p.Future, month, day), e, e.Span, e.Text, 2, false, EachYear(first, last, y =>
                    p.Future ? (At(y) - 7, At(y) - 1) : (At(y), At(y) + DayRecent)));
                add(new(Kind.DayNear, p.Future, month, day), e, e.Span, e.Text, 0.5, false, EachYear(first, last, y =>
                    p.Future ? (At(y) - DayWindow, At(y) - 8) : (At(y) + DayRecent + 1, At(y) + DayWindow)));
                IReadOnlySet<int> weekdays = p.Weekday is { } own ? new HashSet<int> { own } : bareWeekdays;
                if (weekdays.Count > 0)
                {
                    // "Monday, June 10", or "Feb. 28" and "Thursday" in the text: the years in which the day falls
                    // on that weekday.
                    var days = EachYear(first, last, y => (At(y), At(y)));
                    add(new(Kind.DayWeek, A: month, B: day), e, e.Span, e.Text, 1, true, days
                        .Where(x => weekdays.Contains(IsoDay(DateOnly.FromDayNumber(x.From))) && DateOnly.FromDayNumber(x.From).Day == day)
                        .Select(x => p.Future ? (x.From - 7, x.From - 1) : (x.From, x.From + DayRecent)));
                    OwnPeriods.Return(days); // read by the evidence added (a copy of the days kept)
                }
            }
            else
            {
                add(new(Kind.Mon, p.Future, month), e, e.Span, e.Text, 0.5, false, EachYear(first, last, y =>
                {
                    int start = new DateOnly(y, month, 1).DayNumber, end = new DateOnly(y, month, DateTime.DaysInMonth(y, month)).DayNumber;
                    return p.Future ? (start - MonthWindow, end) : (start, end + MonthWindow);
                }));
            }

            return;
        }

        if (p is { Day: { } dom, Weekday: null, RelYear: null } && !p.Future && dom is >= 1 and <= 31)
        {
            // "said on the 25th" (translated wire copy): that day of a month or the next, less so later in its week.
            add(new(Kind.DayOfMonth, A: dom), e, e.Span, e.Text, 1, false, EachMonth(first, last, dom, 0, 1));
            add(new(Kind.DayOfMonthNear, A: dom), e, e.Span, e.Text, 0.5, false, EachMonth(first, last, dom, 2, 6));
            return;
        }

        if (p.Weekday is { } wd && !p.Future)
        {
            // "said Tuesday": that day or the next (a wire report's day), less so later in the week.
            int firstMatch = first + (((wd % 7) - (int)new DateOnly(FirstYear, 1, 1).DayOfWeek + 7) % 7);
            var days = new WeeklyPeriods(firstMatch, last, 0, 1);
            var near = new WeeklyPeriods(firstMatch, last, 2, 6);
            add(new(Kind.Weekday, A: wd), e, e.Span, e.Text, 1, false, days);
            add(new(Kind.WeekdayNear, A: wd), e, e.Span, e.Text, 0.5, false, near);
        }
    }

    /// <summary>The most words of a line that is a list item rather than a sentence ("Talks end early 2024.01.04").</summary>
    private const int ListItemWords = 10;

    /// <summary>
    /// The sentences that are items of a dated list (related articles, "most read"): a short line without a full
    /// stop that ends with a full date, next to another such line. One such line alone is a page stamp and counts.
    /// </summary>
    private static HashSet<int> ListedStamps(string text, List<(DateExpression Expression, DateParts Parts)> found, Func<int, TextSpan>? sentenceOf)
    {
        var stamps = new HashSet<int>();
        if (sentenceOf is null)
        {
            return stamps;
        }

        foreach (var (e, p) in found)
        {
            if (p is not { Year: not null, Month: not null, Day: not null } || e.Sentence < 0)
            {
                continue;
            }

            var span = sentenceOf(e.Sentence);
            var line = text.AsSpan(span.Start, span.End - span.Start).TrimEnd();
            if (line.Length > 0 && line[^1] is not ('.' or '!' or '?' or '"' or '”') && span.Start + line.Length <= e.Span.End + 1
                && line.Count(' ') + 1 <= ListItemWords)
            {
                stamps.Add(e.Sentence);
            }
        }

        var listed = new HashSet<int>();
        foreach (int s in stamps)
        {
            if (stamps.Contains(s - 1) || stamps.Contains(s + 1))
            {
                listed.Add(s);
            }
        }

        return listed;
    }

    private static readonly WordList AnniversaryNouns = LanguageData.English["dates-anniversary-nouns"];

    /// <summary>
    /// "The 60th anniversary of the alliance, formalised in October 1953": an ordinal before an anniversary noun and
    /// the one year stated in its sentence date the article to that year plus the count (the year before it too, in a
    /// sentence about the future: "will mark the 70th anniversary").
    /// </summary>
    private static void AddAnniversaries(string text, List<(DateExpression Expression, DateParts Parts)> found, Func<int, TextSpan>? sentenceOf,
        Action<EvidenceKey, DateExpression, int, bool> add)
    {
        if (sentenceOf is null)
        {
            return;
        }

        foreach (var noun in AnniversaryNouns.Words)
        {
            for (int at = text.IndexOf(noun, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(noun, at + noun.Length, StringComparison.OrdinalIgnoreCase))
            {
                if (OrdinalBefore(text, at) is not { } count)
                {
                    continue;
                }

                (DateExpression Expression, DateParts Parts)? year = null;
                int years = 0;
                foreach (var (e, p) in found)
                {
                    if (e.Sentence >= 0 && p.Year is { } y && !p.Hedged && sentenceOf(e.Sentence) is var s && s.Start <= at && at < s.End)
                    {
                        years++;
                        year = (e, p);
                    }
                }

                if (years == 1 && year is var (expression, parts) && parts.Year + count is int when)
                {
                    add(new(Kind.Anniversary, A: when), expression, when, parts.Future);
                }
            }
        }
    }

    /// <summary>The number of an ordinal written in digits just before <paramref name="at"/> ("60th "), or null.</summary>
    private static int? OrdinalBefore(string text, int at)
    {
        int end = at;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        if (end < 3 || !char.IsLetter(text[end - 1]) || !char.IsLetter(text[end - 2]))
        {
            return null;
        }

        var suffix = text.AsSpan(end - 2, 2);
        if (!suffix.Equals("st", StringComparison.OrdinalIgnoreCase) && !suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            && !suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) && !suffix.Equals("th", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        int digits = end - 2;
        while (digits > 0 && char.IsAsciiDigit(text[digits - 1]))
        {
            digits--;
        }

        return digits < end - 2 && (digits == 0 || !char.IsLetterOrDigit(text[digits - 1]))
            && int.TryParse(text.AsSpan(digits, end - 2 - digits), NumberStyles.None, Inv, out int n) && n is > 0 and < 500 ? n : null;
    }

    /// <summary>The prepositions that may stand before a date that leads its sentence ("In 2004 Washington told …").</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadingPrepositions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "in", "by", "since", "during", "until", "through", "throughout" }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the expression counts from its date ("since …") or leads its sentence (after at most a preposition).</summary>
    private static bool Leads(string text, DateExpression e, Func<int, TextSpan>? sentenceOf)
    {
        if (e.Text.StartsWith("since ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (sentenceOf is null || e.Sentence < 0)
        {
            return false;
        }

        int start = sentenceOf(e.Sentence).Start;
        var before = text.AsSpan(start, Math.Max(0, e.Span.Start - start)).Trim().Trim("\"'“‘(");
        return before.IsEmpty || LeadingPrepositions.Contains(before);
    }

    private static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    /// <summary>The earliest day of the highest total weight (a sweep over the periods' ends), with the evidence it satisfies.</summary>
    private static ArticleDate? Best(IEnumerable<Evidence> all, int first, int last)
    {
        var list = all.ToList();
        if (!list.Exists(e => e.Anchors))
        {
            return null; // a weekday or a day and month alone does not say the year
        }

        var segments = Segments(list, first, last);

        // A year or month the text tells of in the past ("since late 2019") was reached when it was written: no day
        // before the latest of them can be the date, however many old roles the text names (a background piece).
        int floor = list.Where(e => e.Floors).Select(e => e.Periods.Min(p => p.From)).DefaultIfEmpty(first).Max();
        segments.RemoveAll(x => x.To < floor);
        if (segments.Count == 0)
        {
            return null;
        }

        // Of the best stretches, the narrowest evidence wins ("Monday, June 10" repeats every few years; a stretch
        // bounded by a term and a month is narrower than one bounded by a role); among as narrow ones the latest, as a
        // recurring day and month is more likely recent. The day is the stretch's first: a report follows its events.
        // Only a stretch that some evidence of the year holds can be the date: days and months alone ("June 4")
        // recur every year, and a year's stretch of them is no better than another's.
        var anchors = list.FindAll(e => e.Anchors);
        double best = double.MinValue;
        foreach (var x in segments)
        {
            if (x.Score > best + 1e-9 && AnyCovers(anchors, x.From))
            {
                best = x.Score;
            }
        }

        var top = new List<(int From, int To, double Score)>();
        foreach (var x in segments)
        {
            if (x.Score >= best - 1e-9 && AnyCovers(anchors, x.From))
            {
                top.Add(x);
            }
        }

        if (top.Count == 0)
        {
            best = segments.Max(x => x.Score);
            top = segments.FindAll(x => x.Score >= best - 1e-9);
        }

        int narrowest = top.Min(x => x.To - x.From);
        var narrow = top.Where(x => x.To - x.From <= (2 * narrowest) + 3).Select(x => x.From).OrderDescending().ToList();
        int bestDay = narrow[0];
        foreach (int from in narrow)
        {
            // Within one run of best days ("Feb. 28" and "Thursday": Feb. 28 and the Thursdays of the month after)
            // the first: a report follows its events.
            if (from < bestDay && from >= bestDay - DayRecent - 7)
            {
                bestDay = from;
            }
        }

        // Without a stated day near it, the best stretches are those of weekdays, months, years and roles: a point
        // of their first run (see PointOf).
        var met = Met(list, bestDay);
        if (!met.Exists(e => e.DayLevel))
        {
            bestDay = PointOf(top, last);
            met = Met(list, bestDay);
        }

        var window = new DatePeriod(DateOnly.FromDayNumber(top.Min(x => x.From)), DateOnly.FromDayNumber(top.Max(x => x.To)));
        double confidence = Math.Min(0.7, 0.25 + (0.05 * met.Sum(e => e.Weight)));
        bool rough = !met.Exists(e => e.DayLevel) && BoundsWidth(met, bestDay) > MaxBoundsWidth;
        if (rough)
        {
            // Years alone, or roles that fit several years, place a report only roughly (a background piece names
            // past presidents and past years): the date is the window's first day, with a low confidence.
            confidence = Math.Min(confidence, LooseConfidence);
        }

        var why = string.Join("; ", met.Take(5).Select(e => string.Create(Inv, $"'{e.Text}' ({e.Span.Start}-{e.Span.End})")));
        return new ArticleDate(DateOnly.FromDayNumber(bestDay), DateSource.Inferred, Math.Round(confidence, 2), "inferred from the content: " + why)
        {
            Window = window.From == window.To ? null : window,
            Rough = rough,
        };
    }

    /// <summary>A window no wider than this has every day within 45 days of every other (the accuracy asked of a date).</summary>
    private const int CloseWindow = 90;

    /// <summary>How far into a wide or open window the point lies: the first day that is 45 days from as many as can be.</summary>
    private const int IntoWindow = 45;

    /// <summary>A window that ends this close to today is open: what bounds it is the present, not the evidence.</summary>
    private const int OpenEnd = 30;

    /// <summary>
    /// The day to give when only weekdays, months, years and roles place the article, in the first run of best
    /// stretches (stretches a week apart, as a weekday's, make one run). The evidence says nothing of where in the
    /// run the article lies, so the point is chosen for the error it risks: a run of at most <see cref="CloseWindow"/>
    /// days, its first day (every day of it is close, and a report follows the events it is dated by); a run closed
    /// on both sides by the evidence (a role's start and end, a month's reach) and about a year at most, its middle,
    /// which is within 45 days of the most of it; a wider or open run (one that reaches today), the day
    /// <see cref="IntoWindow"/> days after its start, near the latest floor and still within 45 days of the most
    /// days that can be. The point is moved to the nearest best stretch.
    /// </summary>
    private static int PointOf(List<(int From, int To, double Score)> top, int last)
    {
        var sorted = top.OrderBy(x => x.From).ToList();
        int runEnd = 0;
        while (runEnd + 1 < sorted.Count && sorted[runEnd + 1].From <= sorted[runEnd].To + 8)
        {
            runEnd++;
        }

        int from = sorted[0].From, to = sorted[runEnd].To, width = to - from;
        int target = width <= CloseWindow ? from
            : to < last - OpenEnd && width <= MaxBoundsWidth ? from + (width / 2)
            : from + IntoWindow;
        int best = from, distance = int.MaxValue;
        for (int i = 0; i <= runEnd; i++)
        {
            var (f, t, _) = sorted[i];
            int at = Math.Clamp(target, f, t);
            if (Math.Abs(at - target) < distance)
            {
                best = at;
                distance = Math.Abs(at - target);
            }
        }

        return best;
    }

    private static bool AnyCovers(List<Evidence> pieces, int day)
    {
        foreach (var e in pieces)
        {
            if (Covers(e.Periods, day))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The confidence of a date that only roles or years wider than <see cref="MaxBoundsWidth"/> place.</summary>
    private const double LooseConfidence = 0.3;

    /// <summary>The evidence that holds <paramref name="day"/>, heaviest first (of equal weight, in the order met).</summary>
    private static List<Evidence> Met(List<Evidence> list, int day)
    {
        var met = new List<Evidence>();
        foreach (var e in list)
        {
            if (Covers(e.Periods, day))
            {
                // A stable insertion by weight: after every piece at least as heavy.
                int at = met.Count;
                while (at > 0 && met[at - 1].Weight < e.Weight)
                {
                    at--;
                }

                met.Insert(at, e);
            }
        }

        return met;
    }

    /// <summary>How many days the periods of the roles and terms met on <paramref name="day"/> leave together.</summary>
    private static int BoundsWidth(List<Evidence> met, int day)
    {
        int from = int.MinValue, to = int.MaxValue;
        foreach (var e in met.Where(e => e.Bound))
        {
            foreach (var (f, t) in e.Periods)
            {
                if (f <= day && day <= t)
                {
                    from = Math.Max(from, f);
                    to = Math.Min(to, t);
                }
            }
        }

        return from == int.MinValue ? int.MaxValue : to - from;
    }

    /// <summary>Roles alone date an article with more than a low confidence only when together they leave about a year.</summary>
    private const int MaxBoundsWidth = 400;
}
