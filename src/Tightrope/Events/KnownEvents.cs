using System.Collections.Frozen;
using System.Globalization;
using Tightrope.Actors;
using Tightrope.Dates;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Events;

/// <summary>
/// Meetings the knowledge base dates (<c>knowledge/events/*.yaml</c>, kinds summit and state-visit): a sentence that
/// tells of one as done names its place ("held a meeting with Kim in Singapore", "the Hanoi meeting"), and every
/// participant is named in the article. A meeting found with its two participants and dated only by the article
/// takes the meeting's first day (<c>date_from</c> "knowledge"); an event noun right after the place ("the Panmunjom
/// meeting", "the Hanoi summit") is that meeting, its participants source and target. When several meetings fit
/// (Panmunjom saw more than one), the one whose participants the article named last before the sentence is taken;
/// a tie dates nothing.
/// </summary>
internal static class KnownEvents
{
    public const string FromKnowledge = "knowledge";

    /// <summary>The words that name a meeting ("meeting", "summit", "talks"): those of <c>dates-event-words</c> for the kind summit.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MeetingWords = EventFloors.KindWords.Values
        .Where(kv => kv.Value.Split(' ').Contains("summit")).Select(kv => kv.Key)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Apply(Article article, List<Event> events, IReadOnlyList<DatedEvent> dated, KnowledgeBase knowledge)
    {
        if (article.Date is not { } articleDate || article.Find(ActorAnnotations.MentionsKey) is not { Count: > 0 } mentions)
        {
            return;
        }

        List<DatedEvent>? candidates = null;
        foreach (var d in dated)
        {
            if (d.Kind is "summit" or "state-visit" && d.Participants.Count >= 2 && d.From <= articleDate.Date && AllNamed(mentions, d))
            {
                (candidates ??= []).Add(d);
            }
        }

        if (candidates is null)
        {
            return;
        }

        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Type != "CONSULT" || e.Modality != Modality.Asserted || e.DateFrom != "article" || e.SourceId is not { } s || e.TargetId is not { } t)
            {
                continue;
            }

            // The place right before the predicate ("the Panmunjom meeting") first, else any place of the sentence.
            var meeting = Pick(article, mentions, candidates, e.Sentence, d => d.Participants.Contains(s) && d.Participants.Contains(t) && Placed(article.Text, e.Sentence, d, e.Span))
                ?? Pick(article, mentions, candidates, e.Sentence, d => d.Participants.Contains(s) && d.Participants.Contains(t) && Names(article, e.Sentence, d) >= 0);
            if (meeting is not null)
            {
                events[i] = e with { Date = Day(meeting), DateFrom = FromKnowledge };
            }
        }

        foreach (var sentence in article.Sentences)
        {
            Nouns(article, mentions, candidates, sentence.Span, events, knowledge);
        }
    }

    /// <summary>"the Hanoi meeting": an event noun right after a meeting's place in the sentence, as a new event unless the sentence already has that meeting.</summary>
    private static void Nouns(Article article, List<Mention> mentions, List<DatedEvent> candidates, TextSpan sentence, List<Event> events, KnowledgeBase knowledge)
    {
        var text = article.Text;
        var seen = new List<int>();
        foreach (var d in candidates)
        {
            foreach (var place in d.Places)
            {
                for (int at = Word(text, sentence, place, sentence.Start); at >= 0; at = Word(text, sentence, place, at + place.Length))
                {
                    int start = at + place.Length + 1, end = start;
                    while (end < sentence.End && char.IsLetter(text[end]))
                    {
                        end++;
                    }

                    if (start >= sentence.End || text[start - 1] != ' ' || end == start || seen.Contains(start) || !NamesMeeting(text.AsSpan(start, end - start)))
                    {
                        continue;
                    }

                    seen.Add(start);
                    var noun = new TextSpan(start, end);
                    if (Pick(article, mentions, candidates, sentence, c => Placed(text, sentence, c, noun)) is not { } meeting || Told(events, sentence, meeting, noun))
                    {
                        continue;
                    }

                    string source = meeting.Participants[0], target = meeting.Participants[1];
                    events.Add(new Event
                    {
                        Span = noun,
                        Text = article[noun],
                        Type = "CONSULT",
                        Mode = "meet",
                        Cameo = "04",
                        SourceId = source,
                        SourceCode = CameoCodes.Of(knowledge, source),
                        TargetId = target,
                        TargetCode = CameoCodes.Of(knowledge, target),
                        Modality = Modality.Asserted,
                        Date = Day(meeting),
                        DateFrom = FromKnowledge,
                        Sentence = sentence,
                    });
                }
            }
        }
    }

    /// <summary>Whether one of the meeting's places stands right before the noun.</summary>
    private static bool Placed(string text, TextSpan sentence, DatedEvent d, TextSpan noun)
    {
        foreach (var place in d.Places)
        {
            int at = noun.Start - 1 - place.Length;
            if (at >= sentence.Start && string.CompareOrdinal(text, at, place, 0, place.Length) == 0 && (at == 0 || !char.IsLetterOrDigit(text[at - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesMeeting(ReadOnlySpan<char> word) => MeetingWords.Contains(word);

    /// <summary>Whether the sentence already holds an event between the meeting's first two participants, at the noun or dated to the meeting.</summary>
    private static bool Told(List<Event> events, TextSpan sentence, DatedEvent d, TextSpan noun)
    {
        var day = Day(d);
        foreach (var e in events)
        {
            if (e.Sentence == sentence && e.Type == "CONSULT" && e.SourceId is { } s && e.TargetId is { } t && (e.Span.Overlaps(noun) || e.Date == day)
                && ((s == d.Participants[0] && t == d.Participants[1]) || (s == d.Participants[1] && t == d.Participants[0])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one meeting that fits: of several, the one whose participants were all named latest before the sentence ends; null on a tie or none.</summary>
    private static DatedEvent? Pick(Article article, List<Mention> mentions, List<DatedEvent> candidates, TextSpan sentence, Func<DatedEvent, bool> fits)
    {
        DatedEvent? best = null;
        int bestAt = -1;
        bool tie = false;
        foreach (var d in candidates)
        {
            if (!fits(d))
            {
                continue;
            }

            int at = int.MaxValue;
            foreach (var p in d.Participants)
            {
                at = Math.Min(at, LastNamed(mentions, p, sentence.End));
            }

            if (at > bestAt)
            {
                (best, bestAt, tie) = (d, at, false);
            }
            else if (at == bestAt)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    private static int LastNamed(List<Mention> mentions, string id, int before)
    {
        int last = -1;
        foreach (var m in mentions)
        {
            if (m.ActorId == id && m.Span.End <= before)
            {
                last = Math.Max(last, m.Span.Start);
            }
        }

        return last;
    }

    private static bool AllNamed(List<Mention> mentions, DatedEvent d)
    {
        foreach (var p in d.Participants)
        {
            if (!mentions.Exists(m => m.ActorId == p))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where the sentence names one of the meeting's places or aliases as a word, or -1.</summary>
    private static int Names(Article article, TextSpan sentence, DatedEvent d)
    {
        foreach (var name in d.Places.Concat(d.Aliases))
        {
            if (Word(article.Text, sentence, name, sentence.Start) is var at and >= 0)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The next place of <paramref name="word"/> in the sentence from <paramref name="from"/>, as a whole word (case as written), or -1.</summary>
    private static int Word(string text, TextSpan sentence, string word, int from)
    {
        while (from < sentence.End)
        {
            int at = text.IndexOf(word, from, sentence.End - from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            int end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    private static string Day(DatedEvent d) => d.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
