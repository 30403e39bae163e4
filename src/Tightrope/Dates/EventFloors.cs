using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Dates;

/// <summary>
/// Date bounds from the dated events of the knowledge base (<see cref="DatedEvent"/>) an undated article tells of:
/// "President Lee's visit to Beijing" in a story that names Xi Jinping is Lee Jae-myung's state visit of January
/// 2026. A sentence names an event when it holds one of the event's aliases ("sixth nuclear test"), or a word of its
/// kind ("visit", "summit", "parade": <c>dates-event-words.yaml</c>) with one of its places or with every participant
/// in the sentence itself; every participant must be named somewhere in the article, and a year stated in the
/// sentence must be one of the event's. Told of as done (a sentence not about the future), the event bounds the date
/// from below — a floor when every participant was named in full, else weighed evidence, as a bare surname fits
/// several people — and the weeks after its first day weigh more (a report names the latest event it is about);
/// told of as ahead, the weeks before it. Of events of the same people that a sentence names by people alone
/// ("talks between Lee and Xi"), only the earliest counts: the text is surely after that one, not surely after the
/// later ones.
/// </summary>
internal static class EventFloors
{
    /// <summary>The words that name an event of a kind: word → kinds (space-separated).</summary>
    public static readonly WordList KindWords = LanguageData.English["dates-event-words"];

    // Each kind as one bit (a sentence's kinds are a mask, tested against an event's bit with no set to build).
    private static readonly FrozenDictionary<string, ulong> KindBits = KindBitsOf(KindWords);

    private static readonly FrozenDictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> KindsOfWord = KindWords.Values
        .ToFrozenDictionary(kv => kv.Key, kv => Mask(kv.Value), StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, ulong> KindBitsOf(WordList words)
    {
        var kinds = words.Values.Values.SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        if (kinds.Count > 64)
        {
            throw new InvalidDataException("knowledge/lang/en/dates-event-words.yaml: more than 64 kinds of event");
        }

        return kinds.Select((k, i) => (k, Bit: 1UL << i)).ToFrozenDictionary(x => x.k, x => x.Bit, StringComparer.Ordinal);
    }

    private static ulong Mask(string kinds)
    {
        ulong mask = 0;
        foreach (var k in kinds.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            mask |= KindBits[k];
        }

        return mask;
    }

    /// <summary>The bit of a kind of event (none for a kind without words: no sentence names it).</summary>
    private static ulong BitOf(string kind) => KindBits.TryGetValue(kind, out ulong bit) ? bit : 0;

    /// <summary>A day's margin before the event's first day: a report dated in another time zone.</summary>
    private const int Lead = 1;

    /// <summary>How long before an event ahead a report tells of it, and after a past one most.</summary>
    private const int Weeks = 30;

    private const double RecentWeight = 0.5;

    public static IEnumerable<DateBound> Of(Article article, IReadOnlyList<DatedEvent> events, KnowledgeBase knowledge,
        List<(DateExpression Expression, DateParts Parts)> found, DateOnly today)
    {
        if (events.Count == 0 || article.Find(ActorAnnotations.MentionsKey) is not { Count: > 0 } mentions)
        {
            return [];
        }

        // Every way of naming an event holds a word of its kind, so the sentences' kinds come first: most articles
        // hold no word of the kind of an event of the past, and are passed over before their names are looked at.
        int count = article.Sentences.Count;
        var masks = ArrayPool<ulong>.Shared.Rent(Math.Max(count, 1));
        try
        {
            ulong all = 0;
            for (int s = 0; s < count; s++)
            {
                var span = article.Sentences[s].Span;
                all |= masks[s] = KindsIn(article.Text.AsSpan(span.Start, span.Length));
            }

            ulong wanted = 0;
            for (int i = 0; i < events.Count; i++)
            {
                if (events[i].From <= today)
                {
                    wanted |= BitOf(events[i].Kind) & all;
                }
            }

            return wanted == 0 ? [] : Bounds(article, events, knowledge, found, today, mentions, masks.AsSpan(0, count), wanted);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(masks);
        }
    }

    // The names of the article being read, per thread (cleared for each article): most articles name some.
    [ThreadStatic]
    private static HashSet<string>? t_named;

    [ThreadStatic]
    private static HashSet<string>? t_partial;

    private static List<DateBound> Bounds(Article article, IReadOnlyList<DatedEvent> events, KnowledgeBase knowledge,
        List<(DateExpression Expression, DateParts Parts)> found, DateOnly today, List<Mention> mentions, ReadOnlySpan<ulong> masks, ulong wanted)
    {
        var named = t_named ??= new HashSet<string>(StringComparer.Ordinal);
        var partial = t_partial ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        named.Clear();
        partial.Clear();
        foreach (var m in mentions)
        {
            if (m.ActorId is { } id)
            {
                named.Add(id);
            }
            else if (m.Kind == MentionKind.Partial)
            {
                partial.Add(m.Text);
            }
        }

        var bounds = new List<DateBound>();
        var candidates = new List<(DatedEvent Event, bool Full, ulong Bit)>();
        ulong kinds = 0;
        foreach (var e in events)
        {
            ulong bit = BitOf(e.Kind);
            if (e.From <= today && (bit & wanted) != 0 && Participants(e, named, partial, knowledge) is { } full)
            {
                candidates.Add((e, full, bit));
                kinds |= bit;
            }
        }

        if (candidates.Count == 0)
        {
            return bounds;
        }

        var added = new HashSet<(string Id, bool Future)>();
        for (int s = 0; s < masks.Length; s++)
        {
            if ((masks[s] & kinds) != 0)
            {
                Sentence(article, s, masks[s], candidates, mentions, found, knowledge, today, bounds, added);
            }
        }

        return bounds;
    }

    /// <summary>Whether every participant is named in the article: true when each by its id, false when some by a word of its name alone, null when one is not.</summary>
    private static bool? Participants(DatedEvent e, HashSet<string> named, HashSet<string> partial, KnowledgeBase knowledge)
    {
        bool full = true;
        for (int i = 0; i < e.Participants.Count; i++)
        {
            var p = e.Participants[i];
            if (named.Contains(p))
            {
                continue;
            }

            if (partial.Count == 0 || knowledge.Find(p) is not { } actor || !AnyIn(NameWords(actor), partial))
            {
                return null;
            }

            full = false;
        }

        return full;
    }

    private static bool AnyIn(string[] words, HashSet<string> set)
    {
        foreach (var w in words)
        {
            if (set.Contains(w))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameWord(Actor actor, string word)
    {
        foreach (var w in NameWords(actor))
        {
            if (w.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The words of each participant's names ("Lee", "Jae", "myung"), worked out once per actor.
    private static readonly ConditionalWeakTable<Actor, string[]> NameWordsOf = [];

    private static string[] NameWords(Actor actor) => NameWordsOf.GetValue(actor, static a =>
        [.. a.Aliases.Prepend(a.Name).SelectMany(n => n.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.OrdinalIgnoreCase)]);

    private static void Sentence(Article article, int s, ulong kinds, List<(DatedEvent Event, bool Full, ulong Bit)> candidates, List<Mention> mentions,
        List<(DateExpression Expression, DateParts Parts)> found, KnowledgeBase knowledge, DateOnly today, List<DateBound> bounds,
        HashSet<(string Id, bool Future)> added)
    {
        var span = article.Sentences[s].Span;
        var sentence = article.Text.AsSpan(span.Start, span.Length);
        List<string>? people = null;
        DatedEvent? byPeople = null;
        bool byPeopleFull = false, byName = false;
        foreach (var (e, full, bit) in candidates)
        {
            // Every way of naming an event holds a word of its kind (an alias too: "sixth nuclear test").
            if ((kinds & bit) == 0)
            {
                continue;
            }

            bool named = AnyWords(sentence, e.Aliases) || AnyWords(sentence, e.Places);
            if ((!named && e.Participants.Count < 2) || !YearsFit(e, s, found))
            {
                continue;
            }

            people ??= PeopleIn(s, mentions, knowledge);
            if (!AllAmong(people, e.Participants))
            {
                continue;
            }

            if (named)
            {
                Add(article, span, e, full, today, bounds, added);
                byName = true;
            }
            else if (AllInSentence(e.Participants, s, mentions, knowledge) && (byPeople is null || e.From < byPeople.From))
            {
                (byPeople, byPeopleFull) = (e, full);
            }
        }

        if (byPeople is not null && !byName)
        {
            Add(article, span, byPeople, byPeopleFull, today, bounds, added);
        }
    }

    private static bool AllAmong(List<string> people, IReadOnlyList<string> participants)
    {
        foreach (var p in people)
        {
            if (!Has(participants, p))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllInSentence(IReadOnlyList<string> participants, int s, List<Mention> mentions, KnowledgeBase knowledge)
    {
        for (int i = 0; i < participants.Count; i++)
        {
            if (!InSentence(participants[i], s, mentions, knowledge))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Has(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], item, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bounds of an event told of in a sentence; of an event met again in the same tense, the first sentence's stand.</summary>
    private static void Add(Article article, TextSpan span, DatedEvent e, bool full, DateOnly today, List<DateBound> bounds, HashSet<(string Id, bool Future)> added)
    {
        bool future = DateRecognizer.English.Tense(article.Text, span).Future;
        if (!added.Add((e.Id, future)))
        {
            return;
        }

        string text = article.Text[span.Start..span.End];
        if (future)
        {
            var before = e.From.AddDays(-Weeks);
            var last = e.From.AddDays(-1) < today ? e.From.AddDays(-1) : today;
            if (before <= last)
            {
                bounds.Add(new DateBound(span, text, [new DatePeriod(before, last)], 1, $"{e.Name} ahead ({e.From:yyyy-MM-dd})") { DayLevel = true });
            }

            return;
        }

        bounds.Add(new DateBound(span, text, [new DatePeriod(e.From.AddDays(-Lead), today)], 1, $"{e.Name} began on {e.From:yyyy-MM-dd}") { Floor = full });
        var recent = e.From.AddDays(Weeks);
        bounds.Add(new DateBound(span, text, [new DatePeriod(e.From, recent < today ? recent : today)], RecentWeight,
            $"{e.Name} in the weeks before ({e.From:yyyy-MM-dd})") { DayLevel = true });
    }

    /// <summary>The kinds whose words the sentence holds, as a mask of their bits.</summary>
    private static ulong KindsIn(ReadOnlySpan<char> sentence)
    {
        ulong kinds = 0;
        int i = 0;
        while (i < sentence.Length)
        {
            while (i < sentence.Length && !char.IsLetter(sentence[i]))
            {
                i++;
            }

            int start = i;
            while (i < sentence.Length && char.IsLetter(sentence[i]))
            {
                i++;
            }

            if (i > start && KindsOfWord.TryGetValue(sentence[start..i], out ulong value))
            {
                kinds |= value;
            }
        }

        return kinds;
    }

    /// <summary>The people the sentence names by their ids ("Yoon's visit to Beijing" is not Lee's).</summary>
    private static List<string> PeopleIn(int s, List<Mention> mentions, KnowledgeBase knowledge)
    {
        var people = new List<string>();
        foreach (var m in mentions)
        {
            if (m.Sentence == s && m.ActorId is { } id && knowledge.Find(id) is { Kind: ActorKind.Person })
            {
                people.Add(id);
            }
        }

        return people;
    }

    /// <summary>Whether no year stated in the sentence falls outside the event's years.</summary>
    private static bool YearsFit(DatedEvent e, int s, List<(DateExpression Expression, DateParts Parts)> found)
    {
        foreach (var (x, p) in found)
        {
            if (x.Sentence == s && p.Year is { } y && (y < e.From.Year || y > e.To.Year))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InSentence(string participant, int s, List<Mention> mentions, KnowledgeBase knowledge)
    {
        foreach (var m in mentions)
        {
            if (m.Sentence == s && (m.ActorId == participant
                || (m.ActorId is null && m.Kind == MentionKind.Partial && knowledge.Find(participant) is { } a && IsNameWord(a, m.Text))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyWords(ReadOnlySpan<char> text, IReadOnlyList<string> phrases)
    {
        for (int i = 0; i < phrases.Count; i++) // by index: a foreach over the interface boxes its enumerator
        {
            if (ContainsWords(text, phrases[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words (ignoring case).</summary>
    private static bool ContainsWords(ReadOnlySpan<char> text, string phrase)
    {
        for (int from = 0; from <= text.Length - phrase.Length;)
        {
            int at = text[from..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            at += from;
            int end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
