using System.Buffers;
using System.Globalization;
using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>
/// Finds figure contradictions: figures on the same indicator that cannot all be true.
/// <list type="bullet">
/// <item>Each figure becomes an interval: its value ± the indicator's tolerance; an approximate one ("about",
/// "roughly", "some") is also allowed the rounding its digits admit: half a unit of its last significant digit, at
/// most <see cref="MaxRounding"/> ("about 28,500" is 28,450–28,550 before the tolerance; "about $5 billion" is
/// $4.5–5.5 billion). "More than"/"at least" open it upwards, "up to"/"less than" downwards; ranges keep their bounds.</item>
/// <item>Amounts in one currency are compared in that currency. Amounts in different currencies are compared in USD
/// with an allowance for the exchange rate: the spread of the annual rates over the years involved plus
/// <see cref="IntraYearRateAllowance"/>, since an article converts at the rate of its own day.</item>
/// <item>An annual indicator compares figures of the same period. A level indicator (troops stationed) also compares
/// a figure with the reports just before and after it (within the indicator's horizon): when those two agree with each
/// other and it agrees with neither, it contradicts both.</item>
/// <item>Restatements (a conversion of the same amount) and figures of one sentence are never compared.</item>
/// </list>
/// </summary>
public sealed class ContradictionFinder(IndicatorCatalog indicators, ExchangeRates? rates = null)
{
    public const double DefaultTolerance = 0.05;

    /// <summary>Extra relative tolerance between two currencies: annual averages hide the moves within a year.</summary>
    public const double IntraYearRateAllowance = 0.05;

    public IReadOnlyList<Contradiction> Find(IEnumerable<FigureRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var byIndicator = new SortedDictionary<string, List<FigureRecord>>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.Figure.IndicatorId is null || r.Figure.EquivalentOf is not null || Normalised(r.Figure) is null)
            {
                continue;
            }

            if (!byIndicator.TryGetValue(r.Figure.IndicatorId, out var list))
            {
                byIndicator[r.Figure.IndicatorId] = list = [];
            }

            list.Add(r);
        }

        var result = new List<Contradiction>();
        foreach (var (indicatorId, list) in byIndicator)
        {
            result.AddRange(FindFor(indicatorId, list));
        }

        return result;
    }

    /// <summary>The contradictions among the figures of one indicator (the ingest recomputes one indicator at a time).</summary>
    public IReadOnlyList<Contradiction> FindFor(string indicatorId, IEnumerable<FigureRecord> records)
    {
        ArgumentNullException.ThrowIfNull(indicatorId);
        ArgumentNullException.ThrowIfNull(records);
        var indicator = indicators.Find(indicatorId);
        double tolerance = indicator?.Tolerance ?? DefaultTolerance;
        var usable = records
            .Where(r => string.Equals(r.Figure.IndicatorId, indicatorId, StringComparison.Ordinal) && r.Figure.EquivalentOf is null && Normalised(r.Figure) is not null)
            .OrderBy(r => r.ArticleId, StringComparer.Ordinal).ThenBy(r => r.Figure.Span.Start)
            .ToList();
        var result = new List<Contradiction>();
        var reported = new HashSet<(string, int, string, int)>();

        // Same period: any two that do not overlap.
        var byPeriod = new SortedDictionary<string, List<FigureRecord>>(StringComparer.Ordinal);
        foreach (var r in usable)
        {
            if (PeriodOf(r) is not { } period)
            {
                continue;
            }

            if (!byPeriod.TryGetValue(period, out var list))
            {
                byPeriod[period] = list = [];
            }

            list.Add(r);
        }

        foreach (var (period, list) in byPeriod)
        {
            if (list.Count > MaxPairwise)
            {
                AgainstConsensus(indicatorId, period, list, tolerance, reported, result);
                continue;
            }

            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    if (Comparable(list[i], list[j]) && !Agree(list[i], list[j], tolerance) && reported.Add(Key(list[i], list[j])))
                    {
                        result.Add(Make(indicatorId, period, list[i], list[j], tolerance, null));
                    }
                }
            }
        }

        if (indicator?.Series == IndicatorSeries.Level)
        {
            BracketedLevels(indicator, usable, tolerance, reported, result);
        }

        return result;
    }

    /// <summary>
    /// Up to this many reports of one indicator and period are compared pair by pair; beyond it, each report is
    /// set against the period's consensus instead. Pairs grow with the square of the reports: a troop level reported
    /// by 1,700 articles of one year gave 1.5 million pairs, most of them one outlier against every agreeing report.
    /// </summary>
    public const int MaxPairwise = 20;

    /// <summary>
    /// Many reports of one period: the consensus is the largest run of values (in value order) that lie within twice
    /// the tolerance of each other; its middle report stands for it, and every report that does not agree with that
    /// one contradicts it, once. Records grow with the reports, not with their pairs.
    /// </summary>
    private void AgainstConsensus(string indicatorId, string period, List<FigureRecord> list, double tolerance, HashSet<(string, int, string, int)> reported, List<Contradiction> result)
    {
        var sorted = list.Select(r => (Record: r, Value: Normalised(r.Figure)!.Value))
            .OrderBy(x => x.Value).ThenBy(x => x.Record.ArticleId, StringComparer.Ordinal).ThenBy(x => x.Record.Figure.Span.Start).ToList();
        int bestStart = 0, bestCount = 0;
        for (int i = 0, k = 0; i < sorted.Count; i++)
        {
            k = Math.Max(k, i);
            while (k < sorted.Count && sorted[k].Value - sorted[i].Value <= 2 * tolerance * Math.Max(Math.Abs(sorted[i].Value), Math.Abs(sorted[k].Value)))
            {
                k++;
            }

            if (k - i > bestCount)
            {
                (bestStart, bestCount) = (i, k - i);
            }
        }

        var consensus = sorted[bestStart + (bestCount / 2)].Record;
        string context = string.Create(CultureInfo.InvariantCulture, $"; {bestCount:N0} of the {sorted.Count:N0} reports for {period} agree with the second");
        foreach (var (r, _) in sorted)
        {
            if (!ReferenceEquals(r, consensus) && Comparable(r, consensus) && !Agree(r, consensus, tolerance) && reported.Add(Key(r, consensus)))
            {
                result.Add(Make(indicatorId, period, r, consensus, tolerance, context));
            }
        }
    }

    /// <summary>A level that differs from the agreeing reports just before and after it (other articles, within the horizon).</summary>
    private void BracketedLevels(Indicator indicator, List<FigureRecord> usable, double tolerance, HashSet<(string, int, string, int)> reported, List<Contradiction> result)
    {
        var dated = usable.Select(r => (Record: r, When: When(r))).Where(x => x.When is not null)
            .Select(x => (x.Record, When: x.When!.Value))
            .OrderBy(x => x.When).ThenBy(x => x.Record.ArticleId, StringComparer.Ordinal).ThenBy(x => x.Record.Figure.Span.Start)
            .ToList();
        for (int i = 0; i < dated.Count; i++)
        {
            var (x, when) = dated[i];
            var before = Neighbour(dated, i, -1, indicator.Horizon);
            var after = Neighbour(dated, i, +1, indicator.Horizon);
            if (before is not { } b || after is not { } a || !Agree(b.Record, a.Record, tolerance)
                || Agree(x, b.Record, tolerance) || Agree(x, a.Record, tolerance))
            {
                continue;
            }

            string context = string.Create(CultureInfo.InvariantCulture,
                $"; the level reported before ({b.When:yyyy-MM}, {Describe(b.Record.Figure)}) and after ({a.When:yyyy-MM}, {Describe(a.Record.Figure)}) agree with each other");
            foreach (var other in new[] { b.Record, a.Record })
            {
                if (reported.Add(Key(x, other)))
                {
                    result.Add(Make(indicator.Id, PeriodOf(x) ?? when.Year.ToString(CultureInfo.InvariantCulture), x, other, tolerance, context));
                }
            }
        }
    }

    private static (FigureRecord Record, DateOnly When)? Neighbour(List<(FigureRecord Record, DateOnly When)> dated, int i, int step, int horizonYears)
    {
        var (x, when) = dated[i];
        for (int k = i + step; k >= 0 && k < dated.Count; k += step)
        {
            var (r, w) = dated[k];
            if (Math.Abs(w.DayNumber - when.DayNumber) > horizonYears * 366)
            {
                return null;
            }

            if (w == when || string.Equals(r.ArticleId, x.ArticleId, StringComparison.Ordinal))
            {
                continue;
            }

            return (r, w);
        }

        return null;
    }

    /// <summary>When a level was reported: the article's date when the figure is about the article's year, else the middle of its period's year.</summary>
    private static DateOnly? When(FigureRecord r)
    {
        int? year = PeriodYear(r.Figure.Period);
        if (r.ArticleDate is { } d && (year is null || year == d.Year))
        {
            return d;
        }

        return year is { } y ? new DateOnly(y, 7, 1) : null;
    }

    private static string? PeriodOf(FigureRecord r)
    {
        string? p = r.Figure.Period ?? r.ArticleDate?.Year.ToString(CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(p) ? null : p;
    }

    private static int? PeriodYear(string? period) =>
        period is { Length: >= 4 } && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) ? y : null;

    private static (string, int, string, int) Key(FigureRecord a, FigureRecord b) =>
        string.CompareOrdinal(a.ArticleId, b.ArticleId) < 0 || (a.ArticleId == b.ArticleId && a.Figure.Span.Start <= b.Figure.Span.Start)
            ? (a.ArticleId, a.Figure.Span.Start, b.ArticleId, b.Figure.Span.Start)
            : (b.ArticleId, b.Figure.Span.Start, a.ArticleId, a.Figure.Span.Start);

    private static bool Comparable(FigureRecord a, FigureRecord b) =>
        !(a.ArticleId == b.ArticleId && a.Figure.Sentence == b.Figure.Sentence && a.Figure.Sentence >= 0);

    /// <summary>Whether two figures on one measure can both be true.</summary>
    internal bool Agree(FigureRecord a, FigureRecord b, double tolerance)
    {
        var fa = a.Figure;
        var fb = b.Figure;
        if (fa.Kind == FigureKind.Money && fb.Kind == FigureKind.Money && string.Equals(fa.Unit, fb.Unit, StringComparison.OrdinalIgnoreCase))
        {
            return Overlap(Interval(fa, fa.Value, tolerance), Interval(fb, fb.Value, tolerance));
        }

        if (Normalised(fa) is not { } va || Normalised(fb) is not { } vb)
        {
            return true;
        }

        double t = tolerance;
        if (fa.Kind == FigureKind.Money && fb.Kind == FigureKind.Money)
        {
            t += RateAllowance(a, b);
        }

        return Overlap(Interval(fa, va, t), Interval(fb, vb, t));
    }

    private static bool Overlap((double Lo, double Hi) a, (double Lo, double Hi) b) => a.Lo <= b.Hi && b.Lo <= a.Hi;

    /// <summary>How much two conversions of one amount can differ: the spread of the annual rates of the years involved, plus the moves within a year.</summary>
    private double RateAllowance(FigureRecord a, FigureRecord b)
    {
        double spread = 0;
        if (rates is not null)
        {
            var years = new[] { PeriodYear(a.Figure.Period), PeriodYear(b.Figure.Period), a.ArticleDate?.Year, b.ArticleDate?.Year }.OfType<int>().ToList();
            if (years.Count > 0)
            {
                foreach (var currency in new[] { a.Figure.Unit, b.Figure.Unit })
                {
                    if (string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    double lo = double.MaxValue, hi = 0;
                    for (int y = years.Min(); y <= years.Max(); y++)
                    {
                        if (rates.ToUsd(1, currency, y) is { } c)
                        {
                            lo = Math.Min(lo, c.Rate);
                            hi = Math.Max(hi, c.Rate);
                        }
                    }

                    if (hi > 0)
                    {
                        spread += hi / lo - 1;
                    }
                }
            }
        }

        return spread + IntraYearRateAllowance;
    }

    private static Contradiction Make(string indicatorId, string period, FigureRecord a, FigureRecord b, double tolerance, string? context) =>
        new(ContradictionKind.Figure, indicatorId, period, Side(a), Side(b),
            string.Create(CultureInfo.InvariantCulture,
                $"{indicatorId} for {period}: {Describe(a.Figure)} vs {Describe(b.Figure)} (tolerance {tolerance:P0}{(IsApproximate(a.Figure) || IsApproximate(b.Figure) ? ", with the rounding an approximate figure allows" : "")}){context}"));

    private static ContradictionSide Side(FigureRecord r) =>
        new(r.ArticleId, r.Figure.Span, r.SentenceText ?? r.Figure.Text, r.Figure.UsdValue ?? r.Figure.Value, r.Figure.UsdValue is not null ? "USD" : r.Figure.Unit, r.Figure.ActorId)
        {
            Figure = r.Figure.Text,
            OriginalValue = r.Figure.Value,
            OriginalUnit = r.Figure.Unit,
            Conversion = r.Figure.Conversion,
            Period = r.Figure.Period,
            ArticleDate = r.ArticleDate,
        };

    private static string Describe(Figure f) =>
        f.UsdValue is { } usd && !string.Equals(f.Unit, "USD", StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"'{f.Text}' (≈ USD {usd:N0}{(f.Conversion is { } c ? $", {c}" : "")})")
            : $"'{f.Text}'";

    /// <summary>The value on a common scale: USD for money, a share for percent and fraction, else the value.</summary>
    internal static double? Normalised(Figure f) => f.Kind switch
    {
        FigureKind.Money => f.UsdValue,
        _ when InPercent(f) => f.Value / 100,
        _ => f.Value,
    };

    private static double? NormalisedHigh(Figure f, double low) =>
        f.ValueHigh is not { } h ? null : f.Kind switch
        {
            FigureKind.Money => f.Value != 0 ? low * (h / f.Value) : null,
            _ when InPercent(f) => h / 100,
            _ => h,
        };

    /// <summary>A percentage, or a change given in percent ("up 13.9%"): both compare as shares.</summary>
    private static bool InPercent(Figure f) => f.Kind == FigureKind.Percent || string.Equals(f.Unit, "percent", StringComparison.OrdinalIgnoreCase);

    private static bool IsApproximate(Figure f) => (f.Qualifier & FigureQualifier.Approximate) != 0;

    /// <summary>
    /// The unit of the last significant digit relative to the value: 28,500 → 100/28,500; 1.5192 trillion → 1e8/1.5192e12;
    /// 0 when the value has no short decimal form (a fraction such as 1/9).
    /// </summary>
    internal static double RelativeStep(double value)
    {
        double a = Math.Abs(value);
        if (a == 0 || double.IsNaN(a) || double.IsInfinity(a))
        {
            return 0;
        }

        double place = Math.Pow(10, Math.Floor(Math.Log10(a)));
        for (int i = 0; i < 7; i++, place /= 10)
        {
            double q = a / place;
            if (Math.Abs(q - Math.Round(q)) <= 1e-9 * Math.Max(1, q))
            {
                return place / a;
            }
        }

        return 0;
    }

    /// <summary>Most rounding an approximate figure is allowed ("about 5 billion" is 4.5–5.5 billion, not 4–6).</summary>
    public const double MaxRounding = 0.10;

    /// <summary>The rounding an approximate figure admits: half a unit of its last significant digit, at most <see cref="MaxRounding"/>.</summary>
    internal static double Rounding(Figure f, double value) => IsApproximate(f) ? Math.Min(MaxRounding, RelativeStep(value) / 2) : 0;

    internal static (double Lo, double Hi) Interval(Figure f, double v, double tolerance)
    {
        // An exact figure is taken at its word (± the tolerance); an approximate one also gets its rounding.
        double t = tolerance + Rounding(f, f.Value);
        double lo = v * (1 - t), hi = v * (1 + t);
        if (NormalisedHigh(f, v) is { } high)
        {
            hi = high * (1 + tolerance + Rounding(f, f.ValueHigh!.Value));
        }

        if ((f.Qualifier & (FigureQualifier.MoreThan | FigureQualifier.AtLeast)) != 0)
        {
            hi = double.PositiveInfinity;
        }

        if ((f.Qualifier & (FigureQualifier.AtMost | FigureQualifier.LessThan)) != 0)
        {
            lo = double.NegativeInfinity;
        }

        return lo <= hi ? (lo, hi) : (hi, lo);
    }
}

/// <summary>
/// Role conflicts inside one article: the text gives one role (e.g. President of South Korea) to two different
/// people for the same time, while the knowledge base's dated roles say they never held it together, so both
/// cannot be right.
/// <list type="bullet">
/// <item>A person is named as a holder by a title right before the name ("South Korean President Yoon", "President
/// Lee"), unless the title is marked as past ("former President Park", "the late", "then-", "ex-").</item>
/// <item>The claim is for the year written in its sentence, else for the article's date. Two claims for different
/// years are a history, not a conflict; claims with no known time (an undated article, no year) are not compared.</item>
/// <item>The headline's subject ("X and Y unveil …") takes part in the article's event: when it is a person known for
/// a role the body gives, at the article's time, to someone they never shared it with, that is a conflict too.</item>
/// </list>
/// </summary>
public static class RoleConflicts
{
    /// <summary>Titles in file order (the first match is taken).</summary>
    private static readonly IReadOnlyList<string> Titles = LanguageData.English["figures-role-titles"].Words;

    private static readonly WordList PastMarkers = LanguageData.English["figures-past-markers"];

    private static readonly SearchValues<char> WordBreaks = SearchValues.Create(" -\u2010\u2011");

    private sealed record Claim(Actor Actor, string Title, string Org, Actors.Mention Mention, int? Year);

    public static IReadOnlyList<Contradiction> Find(Article article, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knowledge);
        // A rough date (somewhere in a window of years) does not say who held a role at it.
        DateOnly? date = ArticleDate.ReadingDate(article.Date, article.Metadata.Published);
        var sentences = article.Sentences;
        var text = article.Text;
        var claims = new List<Claim>();
        var past = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in article.Mentions)
        {
            if (m.ActorId is null || knowledge.Find(m.ActorId) is not { } actor || actor.Kind != ActorKind.Person)
            {
                continue;
            }

            if (IsPast(text, m.Span.Start, m.Kind == Actors.MentionKind.Role ? m.Text : null))
            {
                past.Add(actor.Id);
                continue;
            }

            var title = TitleBefore(text, m.Span.Start, m.Kind == Actors.MentionKind.Role ? m.Text : null);
            if (title is null)
            {
                continue;
            }

            int? year = YearIn(text, SentenceAt(sentences, m.Span.Start, text.Length));
            foreach (var role in actor.Roles)
            {
                if (string.Equals(role.Title, title, StringComparison.OrdinalIgnoreCase) && role.Org is not null
                    && !HasClaim(claims, actor.Id, year, role))
                {
                    claims.Add(new Claim(actor, role.Title, role.Org, m, year));
                }
            }
        }

        var result = new List<Contradiction>();
        var seen = new HashSet<(string, string, string)>();
        for (int i = 0; i < claims.Count; i++)
        {
            for (int j = i + 1; j < claims.Count; j++)
            {
                var a = claims[i];
                var b = claims[j];
                if (a.Actor.Id == b.Actor.Id || !string.Equals(a.Title, b.Title, StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(a.Org, b.Org, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // Claims for different years are a history ("President Moon's government in 2018 … President Yoon").
                // Undated claims without a year have no known time: an undated retrospective may name many presidents.
                int? ya = a.Year ?? date?.Year, yb = b.Year ?? date?.Year;
                if (ya is null || ya != yb || Overlap(a.Actor, b.Actor, a.Title, a.Org) || !seen.Add(Key(a.Actor.Id, b.Actor.Id, a.Title + " of " + a.Org)))
                {
                    continue;
                }

                var when = a.Year is null && b.Year is null ? date : null;
                result.Add(Make(article, sentences, a.Actor, a.Mention, b.Actor, b.Mention, a.Title, a.Org, when ?? (ya is { } y ? new DateOnly(y, 7, 1) : null), when is not null,
                    $"the text calls both {a.Actor.Name} and {b.Actor.Name} {a.Title} of {a.Org}{(ya is { } yr && when is null ? $" for {yr}" : "")}, who never held it at the same time"));
            }
        }

        // The headline's subject against the holders the body names for the article's time.
        foreach (var (subject, mention) in HeadlineSubjects(article, sentences, knowledge))
        {
            if (past.Contains(subject.Id))
            {
                continue;
            }

            foreach (var claim in claims)
            {
                if (claim.Actor.Id == subject.Id || claim.Year is { } y && y != date?.Year
                    || !subject.Roles.Any(r => Same(r, claim.Title, claim.Org)) || claims.Exists(c => c.Actor.Id == subject.Id)
                    || Overlap(subject, claim.Actor, claim.Title, claim.Org)
                    || date is { } d && subject.Roles.Any(r => Same(r, claim.Title, claim.Org) && r.HeldOn(d))
                    || !seen.Add(Key(subject.Id, claim.Actor.Id, claim.Title + " of " + claim.Org)))
                {
                    continue;
                }

                result.Add(Make(article, sentences, subject, mention, claim.Actor, claim.Mention, claim.Title, claim.Org, date, date is not null,
                    $"the headline names {subject.Name} for the event, while the text calls {claim.Actor.Name} {claim.Title} of {claim.Org}; they never held it at the same time"));
            }
        }

        return result;
    }

    /// <summary>Whether the person already has this role claimed for the year (a loop: a lambda here allocated its closure for every mention).</summary>
    private static bool HasClaim(List<Claim> claims, string actorId, int? year, Role role)
    {
        foreach (var c in claims)
        {
            if (c.Actor.Id == actorId && c.Year == year && Same(role, c.Title, c.Org))
            {
                return true;
            }
        }

        return false;
    }

    private static (string, string, string) Key(string a, string b, string role) => string.CompareOrdinal(a, b) < 0 ? (a, b, role) : (b, a, role);

    private static Contradiction Make(Article article, List<Sentence> sentences, Actor a, Actors.Mention ma, Actor b, Actors.Mention mb, string title, string org, DateOnly? when, bool articleDate, string description)
    {
        string which = "";
        if (when is { } d && articleDate)
        {
            bool aHolds = a.Roles.Any(r => Same(r, title, org) && r.HeldOn(d));
            bool bHolds = b.Roles.Any(r => Same(r, title, org) && r.HeldOn(d));
            which = aHolds == bHolds ? "" : $"; at the article's date ({d:yyyy-MM-dd}) the holder was {(aHolds ? a.Name : b.Name)}";
        }

        return new Contradiction(
            ContradictionKind.Role,
            $"{title} of {org}",
            when?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            new ContradictionSide(article.Id, ma.Span, SentenceText(article, sentences, ma.Span), ActorId: a.Id) { ArticleDate = articleDate ? when : null },
            new ContradictionSide(article.Id, mb.Span, SentenceText(article, sentences, mb.Span), ActorId: b.Id) { ArticleDate = articleDate ? when : null },
            description + which);
    }

    /// <summary>
    /// People at the start of the headline, before its verb ("Moon and Biden unveil …"): the first sentence when it is a
    /// line of its own without a full stop. Possessives ("Moon's policy") are not subjects.
    /// </summary>
    private static IEnumerable<(Actor Actor, Actors.Mention Mention)> HeadlineSubjects(Article article, List<Sentence> sentences, KnowledgeBase knowledge)
    {
        var text = article.Text;
        if (sentences.Count < 2)
        {
            yield break;
        }

        var head = sentences[0].Span;
        var line = text.AsSpan(head.Start, head.Length).TrimEnd();
        if (line.Length == 0 || line[^1] is '.' || head.End >= text.Length || text.AsSpan(head.End).TrimStart(' ').Length == 0 || text.AsSpan(head.End).TrimStart(' ')[0] is not ('\n' or '\r'))
        {
            yield break;
        }

        int cursor = head.Start;
        foreach (var m in InHeadline(article.Mentions, head))
        {
            // Only "and", commas and other names may come between the start and the subject.
            if (!OnlyAnd(text.AsSpan(cursor, m.Span.Start - cursor)))
            {
                yield break;
            }

            cursor = m.Span.End;
            var after = text.AsSpan(m.Span.End);
            if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal))
            {
                yield break;
            }

            if (m.ActorId is not null && knowledge.Find(m.ActorId) is { Kind: ActorKind.Person } actor)
            {
                yield return (actor, m);
            }
        }
    }

    /// <summary>The mentions inside the headline, in order of start (mentions that start together keep their order).</summary>
    private static List<Actors.Mention> InHeadline(List<Actors.Mention> mentions, TextSpan head)
    {
        var inside = new List<Actors.Mention>();
        foreach (var m in mentions)
        {
            if (m.Span.Start >= head.Start && m.Span.End <= head.End)
            {
                // A stable insertion: after every mention that starts at or before it.
                int at = inside.Count;
                while (at > 0 && inside[at - 1].Span.Start > m.Span.Start)
                {
                    at--;
                }

                inside.Insert(at, m);
            }
        }

        return inside;
    }

    /// <summary>Whether the words between two headline names (split at spaces, commas and ampersands) are all "and".</summary>
    private static bool OnlyAnd(ReadOnlySpan<char> between)
    {
        foreach (var range in between.SplitAny(" ,&"))
        {
            var w = between[range];
            if (!w.IsEmpty && !w.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static TextSpan SentenceAt(List<Sentence> sentences, int offset, int length)
    {
        foreach (var sentence in sentences)
        {
            if (sentence.Span.Contains(offset))
            {
                return sentence.Span;
            }
        }

        return new TextSpan(0, length);
    }

    /// <summary>A year (1900–2100) written in the sentence, if exactly one is.</summary>
    private static int? YearIn(string text, TextSpan sentence)
    {
        var s = text.AsSpan(sentence.Start, sentence.Length);
        int? found = null;
        for (int i = 0; i + 4 <= s.Length; i++)
        {
            if (!char.IsDigit(s[i]) || (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] is ',' or '.' or '$')) || (i + 4 < s.Length && char.IsLetterOrDigit(s[i + 4])))
            {
                continue;
            }

            if (int.TryParse(s.Slice(i, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2100)
            {
                if (found is { } f && f != y)
                {
                    return null;
                }

                found = y;
            }
        }

        return found;
    }

    private static bool Same(Role r, string title, string org) =>
        string.Equals(r.Title, title, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Org, org, StringComparison.OrdinalIgnoreCase);

    private static bool Overlap(Actor a, Actor b, string title, string org)
    {
        foreach (var ra in a.Roles.Where(r => Same(r, title, org)))
        {
            foreach (var rb in b.Roles.Where(r => Same(r, title, org)))
            {
                var aFrom = ra.From ?? DateOnly.MinValue;
                var aTo = ra.To ?? DateOnly.MaxValue;
                var bFrom = rb.From ?? DateOnly.MinValue;
                var bTo = rb.To ?? DateOnly.MaxValue;
                if (aFrom <= bTo && bFrom <= aTo)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The title written right before a name ("South Korean President yoon Suk Yeol", "President Lee").</summary>
    private static string? TitleBefore(string text, int start, string? roleMentionText)
    {
        var source = roleMentionText is not null ? roleMentionText.AsSpan() : text.AsSpan(Math.Max(0, start - 40), start - Math.Max(0, start - 40));
        var trimmed = source.TrimEnd();
        foreach (var t in Titles)
        {
            if (roleMentionText is not null ? trimmed.StartsWith(t, StringComparison.OrdinalIgnoreCase) || trimmed.Contains(t, StringComparison.OrdinalIgnoreCase)
                                             : trimmed.EndsWith(t, StringComparison.OrdinalIgnoreCase))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>Whether the title before the name is marked as past: "former President", "the late", "then-President", "ex-".</summary>
    private static bool IsPast(string text, int start, string? roleMentionText)
    {
        var before = roleMentionText is not null ? roleMentionText.AsSpan() : text.AsSpan(Math.Max(0, start - 60), start - Math.Max(0, start - 60));
        // The words of the title phrase: up to the last sentence or clause break.
        int cut = before.LastIndexOfAny(".;:(\n");
        if (cut >= 0)
        {
            before = before[(cut + 1)..];
        }

        if (before.Contains("then-", StringComparison.OrdinalIgnoreCase) || before.Contains("then\u2011", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Only the last few words: "the daughter of former President Park" is past; "former, President Lee" is not one phrase.
        var rest = before;
        for (int seen = 0; seen < 5;)
        {
            rest = rest.TrimEnd(" -\u2010\u2011");
            if (rest.IsEmpty)
            {
                break;
            }

            int at = rest.LastIndexOfAny(WordBreaks);
            if (PastMarkers.Contains(rest[(at + 1)..]))
            {
                return true;
            }

            rest = rest[..Math.Max(at, 0)];
            seen++;
        }

        return false;
    }

    private static string SentenceText(Article article, List<Sentence> sentences, TextSpan span)
    {
        foreach (var sentence in sentences)
        {
            if (sentence.Span is var s && s.Contains(span.Start))
            {
                return article.Text[s.Start..s.End];
            }
        }

        return article.Text[span.Start..span.End];
    }
}
