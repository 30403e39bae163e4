using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Dates;

/// <summary>
/// Floors on an undated article's date from the things it names that did not exist before a known day: an agreement
/// signed on 26 April 2023, an exercise first held in June 2024, a missile first tested in 2017 (the knowledge base's
/// <c>signed</c> and <c>from</c>). A report that names the Washington Declaration as done was written after it was
/// signed; the latest such thing bounds the date from below. A thing named in a sentence about the future ("will
/// sign the accord") is no floor, and neither is a person or a country (their names outlive roles and borders).
/// </summary>
internal static class ExistenceFloors
{
    /// <summary>A day's margin before the thing's day: a report dated in another time zone.</summary>
    private const int Lead = 1;

    /// <summary>The weight of the weeks just after a day-dated thing began: a report names the latest thing it is about.</summary>
    private const double RecentWeight = 0.5;

    private const int Recent = 30;

    private static readonly HashSet<ActorKind> Kinds = [ActorKind.Agreement, ActorKind.Exercise, ActorKind.WeaponSystem];

    public static IEnumerable<DateBound> Of(Article article, KnowledgeBase knowledge, DateOnly today)
    {
        if (article.Find(ActorAnnotations.MentionsKey) is not { Count: > 0 } mentions)
        {
            yield break;
        }

        HashSet<string>? seen = null; // made at the first thing with a day: most articles name none
        foreach (var m in mentions)
        {
            // The first mention of a thing decides (the checks before the set's are the same at every mention of it).
            if (m.ActorId is not { } id || knowledge.Find(id) is not { } actor || !Kinds.Contains(actor.Kind)
                || (actor.Signed ?? actor.From) is not { } began || began > today || !(seen ??= new(StringComparer.Ordinal)).Add(id))
            {
                continue;
            }

            var sentence = m.Sentence >= 0 && m.Sentence < article.Sentences.Count ? article.Sentences[m.Sentence].Span : m.Span;
            if (DateRecognizer.English.Tense(article.Text, sentence).Future)
            {
                continue;
            }

            string what = actor.Signed is not null ? "was signed" : "began";
            var from = began.AddDays(-Lead);
            yield return new DateBound(m.Span, m.Text, [new DatePeriod(from, today)], 1, $"{actor.Name} {what} on {began:yyyy-MM-dd}") { Floor = true };

            // A day the knowledge base gives to the day (not a year or month standing for its first day).
            if (began.Day != 1)
            {
                var recent = began.AddDays(Recent);
                // From the day itself: the day's margin before it is for the floor, not for the likeliest days.
                yield return new DateBound(m.Span, m.Text, [new DatePeriod(began, recent < today ? recent : today)], RecentWeight,
                    $"{actor.Name} {what} in the weeks before ({began:yyyy-MM-dd})") { DayLevel = true };
            }
        }
    }
}
