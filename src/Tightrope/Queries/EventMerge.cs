using Tightrope.Dates;
using Tightrope.Events;

namespace Tightrope.Queries;

/// <summary>
/// One event as several articles (or several sentences) report it: the type, actors and modality they share, the
/// days they give it, and every report with its article and sentence.
/// </summary>
public sealed record MergedEvent(string Type, string? SourceId, string? TargetId, Modality Modality, string? Date, IReadOnlyList<EventRecord> Reports)
{
    /// <summary>How many distinct articles report it.</summary>
    public int Articles => Reports.Select(r => r.ArticleId).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>
/// Merges the stored reports of one event across articles: the same PLOVER type, source, target (either way round
/// for CONSULT, AGREE and COOPERATE) and modality, dated to the day within a few days of each other; a report dated
/// only to a month or a year joins the reports of the same type and actors whose days it covers. Undated reports stay
/// apart. Every report is kept, with its article and sentence.
/// </summary>
public static class EventMerge
{
    private static readonly HashSet<string> Reciprocal = new(StringComparer.Ordinal) { "CONSULT", "AGREE", "COOPERATE" };

    public static List<MergedEvent> Merge(IEnumerable<EventRecord> records, int days = 3)
    {
        ArgumentNullException.ThrowIfNull(records);
        var result = new List<MergedEvent>();
        foreach (var group in records.GroupBy(Key))
        {
            var dated = new List<(EventRecord R, DateOnly First, DateOnly Last)>();
            foreach (var r in group)
            {
                if (TimexValue.Bounds(r.Date) is { } b)
                {
                    dated.Add((r, b.First, b.Last));
                }
                else
                {
                    result.Add(One([r]));
                }
            }

            // Day-precise reports chain within the window; vaguer ones (a month, a year) join a chain they cover.
            var precise = dated.Where(d => d.First == d.Last).OrderBy(d => d.First).ToList();
            var vague = dated.Where(d => d.First != d.Last).ToList();
            var chains = new List<(List<EventRecord> Reports, DateOnly First, DateOnly Last)>();
            foreach (var d in precise)
            {
                if (chains.Count > 0 && d.First.DayNumber - chains[^1].Last.DayNumber <= days)
                {
                    chains[^1].Reports.Add(d.R);
                    chains[^1] = (chains[^1].Reports, chains[^1].First, d.Last);
                }
                else
                {
                    chains.Add(([d.R], d.First, d.Last));
                }
            }

            foreach (var v in vague)
            {
                int at = chains.FindIndex(c => c.First >= v.First && c.Last <= v.Last);
                if (at >= 0)
                {
                    chains[at].Reports.Add(v.R);
                }
                else
                {
                    chains.Add(([v.R], v.First, v.Last));
                }
            }

            result.AddRange(chains.Select(c => One(c.Reports)));
        }

        return [.. result.OrderBy(m => m.Date ?? "", StringComparer.Ordinal).ThenBy(m => m.Type, StringComparer.Ordinal)];
    }

    private static (string, string?, string?, Modality) Key(EventRecord r)
    {
        var e = r.Event;
        var (a, b) = (e.SourceId, e.TargetId);
        if (Reciprocal.Contains(e.Type) && a is not null && b is not null && string.CompareOrdinal(a, b) > 0)
        {
            (a, b) = (b, a);
        }

        return (e.Type, a, b, e.Modality);
    }

    /// <summary>The merged event: the first report's actors, the most precise date the reports give.</summary>
    private static MergedEvent One(List<EventRecord> reports)
    {
        var first = reports[0].Event;
        var date = reports.Select(r => r.Date).Where(d => d is not null).OrderByDescending(d => d!.Length).ThenBy(d => d, StringComparer.Ordinal).FirstOrDefault();
        return new MergedEvent(first.Type, first.SourceId, first.TargetId, first.Modality, date, reports);
    }
}
