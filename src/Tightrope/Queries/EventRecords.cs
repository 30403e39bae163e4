using Tightrope.Actors;
using Tightrope.Events;

namespace Tightrope.Queries;

/// <summary>What <see cref="StoreQueries.Events"/> lists: every filter is optional, and they all hold together.</summary>
public sealed record EventQuery
{
    /// <summary>Only events with this actor (knowledge-base id) as source or target.</summary>
    public string? Actor { get; init; }

    /// <summary>Only events of this PLOVER type (AGREE, CONSULT, …; any case).</summary>
    public string? Type { get; init; }

    /// <summary>Only events of this modality (asserted, proposed, threatened, negated, hypothetical, planned; any case).</summary>
    public string? Modality { get; init; }

    /// <summary>Only events whose date lies wholly on or after this day (an event dated "2024" is not after 2024-06-01).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only events whose date lies wholly on or before this day.</summary>
    public DateOnly? To { get; init; }

    public int Limit { get; init; } = 100;

    public int Offset { get; init; }
}

/// <summary>
/// A stored event with its article and sentence. <see cref="Date"/> is the event's date as the query gives it: the
/// sentence's own date expression when it had one ("2024-11-07", "2024-11"), else the article's date as it is now
/// (a date set by a person counts), with <see cref="DateFrom"/> "sentence", "knowledge" (a meeting the knowledge base
/// dates) or "article"; null when none is known.
/// </summary>
public sealed record EventRecord(string ArticleId, string? ArticleTitle, DateOnly? ArticleDate, Event Event, string? Date, string? DateFrom, string? SentenceText)
{
    /// <summary>The article's source (outlet), if known.</summary>
    public string? ArticleSource { get; init; }

    /// <summary>How the sentence names the source actor (its mention nearest the predicate); null when no mention of it is in the sentence.</summary>
    public string? SourceText { get; init; }

    /// <summary>How the sentence names the target actor; null when no mention of it is in the sentence.</summary>
    public string? TargetText { get; init; }

    /// <summary>The text of the mention of <paramref name="actorId"/> in the event's sentence nearest its predicate, if any.</summary>
    public static string? MentionText(IReadOnlyList<Mention> mentions, Event e, string? actorId)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(e);
        if (actorId is null)
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var m in mentions)
        {
            if (!string.Equals(m.ActorId, actorId, StringComparison.Ordinal) || m.Span.Start < e.Sentence.Start || m.Span.End > e.Sentence.End)
            {
                continue;
            }

            int distance = m.Span.Start >= e.Span.End ? m.Span.Start - e.Span.End : Math.Max(0, e.Span.Start - m.Span.End);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (m.Text, distance);
            }
        }

        return best;
    }

    /// <summary>
    /// An event's date as queries give it: its sentence's own date when it had one (or the knowledge base's date of the
    /// meeting it tells of, <c>date_from</c> "knowledge"), else the article's date as it is
    /// now (<paramref name="articleDate"/>: a date set by a person counts), else what the events stage wrote.
    /// </summary>
    public static (string? Date, string? From) DateOf(Event e, DateOnly? articleDate)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.DateFrom is "sentence" or "knowledge" || articleDate is null
            ? (e.Date, e.DateFrom)
            : (articleDate.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "article");
    }
}

/// <summary>The names the events query accepts.</summary>
public static class EventNames
{
    /// <summary>The 16 event types of the PLOVER ontology, in its order (cooperation to conflict).</summary>
    public static IReadOnlyList<string> PloverTypes { get; } =
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ];

    /// <summary>The modalities, as the events layer writes them (lower case).</summary>
    public static IReadOnlyList<string> Modalities { get; } = [.. Enum.GetValues<Modality>().Select(m => m.ToString().ToLowerInvariant())];

    /// <summary>The key the events layer indexes an article by for each event type (<see cref="EventLayer"/>).</summary>
    public const string TypeKey = "event-type";

    /// <summary>The key the events layer indexes an article by for each source or target actor.</summary>
    public const string ActorKey = "event-actor";
}
