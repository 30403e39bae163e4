using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Events;

/// <summary>One predicate of the lexicon: its PLOVER type, CAMEO root code and mode.</summary>
internal sealed record Predicate(string Type, string Cameo, string? Mode);

/// <summary>
/// The predicate lexicon (<c>events-predicates</c>) with the inflections of each phrase's first word, and the
/// modality words (<c>events-modality</c>). Built once, shared.
/// </summary>
internal sealed class EventLexicon
{
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the" };

    public Dictionary<string, List<(string[] Tail, Predicate Entry)>> ByFirst { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Participles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first words of every phrase in every form, looked up as spans of the text.</summary>
    public Dictionary<string, List<(string[] Tail, Predicate Entry)>>.AlternateLookup<ReadOnlySpan<char>> FirstWords => ByFirst.GetAlternateLookup<ReadOnlySpan<char>>();

    public Dictionary<string, List<(string[] Tail, Modality Modality)>> Modal { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static EventLexicon English { get; } = new(LanguageData.English["events-predicates"], LanguageData.English["events-irregular-verbs"], LanguageData.English["events-modality"]);

    public EventLexicon(WordList predicates, WordList irregular, WordList modality)
    {
        foreach (var (phrase, value) in predicates.Values)
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var entry = new Predicate(parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var form in Forms(words[0], irregular, Participles))
            {
                if (!ByFirst.TryGetValue(form, out var list))
                {
                    ByFirst[form] = list = [];
                }

                list.Add((words[1..], entry));
            }
        }

        foreach (var list in ByFirst.Values)
        {
            list.Sort((a, b) => b.Tail.Length.CompareTo(a.Tail.Length));
        }

        foreach (var (phrase, value) in modality.Values)
        {
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!Modal.TryGetValue(words[0], out var list))
            {
                Modal[words[0]] = list = [];
            }

            list.Add((words[1..], Enum.Parse<Modality>(value, ignoreCase: true)));
        }
    }

    public static bool IsDeterminer(string w) => Determiners.Contains(w);

    /// <summary>The lemma, third person, past, participle and -ing forms of an English verb (nouns get their plural).</summary>
    internal static IEnumerable<string> Forms(string lemma, WordList irregular, HashSet<string> participles)
    {
        yield return lemma;
        bool consonantY = lemma.Length > 1 && lemma[^1] == 'y' && !"aeiou".Contains(lemma[^2], StringComparison.Ordinal);
        yield return consonantY ? lemma[..^1] + "ies"
            : lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('x') || lemma.EndsWith('z') || lemma.EndsWith('o') ? lemma + "es"
            : lemma + "s";
        string past, participle;
        if (irregular.Values.TryGetValue(lemma, out var irr))
        {
            var p = irr.Split(' ');
            past = p[0];
            participle = p.Length > 1 ? p[1] : p[0];
        }
        else
        {
            past = participle = lemma.EndsWith('e') ? lemma + "d" : consonantY ? lemma[..^1] + "ied" : lemma + "ed";
        }

        participles.Add(participle);
        participles.Add(past);
        yield return past;
        if (participle != past)
        {
            yield return participle;
        }

        yield return lemma.EndsWith('e') && !lemma.EndsWith("ee", StringComparison.Ordinal) ? lemma[..^1] + "ing"
            : irregular.Values.TryGetValue(lemma, out var d) && d.StartsWith(lemma, StringComparison.Ordinal) && d.Length > lemma.Length + 2 && d[lemma.Length] == d[lemma.Length - 1] ? lemma + lemma[^1] + "ing"
            : lemma + "ing";
    }
}

/// <summary>
/// Finds events sentence by sentence: predicates from the lexicon (longest phrase first), the source as the nearest
/// resolved actor before the predicate in its clause (coordinated subjects: the second becomes the target of
/// reciprocal types; a passive's "by" phrase is the source), the target as the first actor after it, pronouns and
/// "the two leaders" back to the last actors, and the modality from the words before the predicate in its clause and
/// from a governing predicate ("urged X to", "threatened to").
/// </summary>
internal sealed class EventExtractor(KnowledgeBase knowledge, IEventDater dater, EventLexicon? lexicon = null)
{
    private readonly EventLexicon _lex = lexicon ?? EventLexicon.English;

    private readonly Dictionary<string, List<(string[] Tail, Predicate Entry)>>.AlternateLookup<ReadOnlySpan<char>> _firstWords = (lexicon ?? EventLexicon.English).FirstWords;

    private static readonly HashSet<string> ClauseStops = new(StringComparer.OrdinalIgnoreCase)
    {
        ";", ":", "that", "which", "who", "whom", "while", "but", "because", "although", "though", "when", "whereas", "since", "where", "—", "“", "\"",
    };

    private static readonly HashSet<string> Be = new(StringComparer.OrdinalIgnoreCase) { "was", "were", "is", "are", "been", "being", "be", "got", "get" };

    private static readonly HashSet<string> Reciprocal = new(StringComparer.Ordinal) { "CONSULT", "AGREE", "COOPERATE" };

    private static readonly HashSet<string> Locative = new(StringComparer.OrdinalIgnoreCase) { "in", "at" };

    private static readonly WordList Months = LanguageData.English["figures-months"];

    private static readonly WordList TopicPrepositions = LanguageData.English["events-topic-prepositions"];

    private static readonly WordList NounMarkers = LanguageData.English["events-noun-markers"];

    private static readonly WordList IntentMarkers = LanguageData.English["events-intent-markers"];

    /// <summary>Prepositions and particles of phrasal predicates: nothing may stand before them ("meet with", "pull out").</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "on", "with", "in", "by", "for", "at", "of", "down", "up", "out", "back", "off", "over", "into", "from", "about", "against", "upon", "away",
    };

    private static readonly HashSet<string> GerundBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "after", "before", "while", "by", "for", "since", "without", "when", "and", "or", ",",
        "also", "still", "not", "continue", "continues", "continued", "keep", "keeps", "kept", "start", "started", "begin", "began", "stop", "stopped", "of", "in", "on",
        "from", "about", "through", "upon", "instead", "then", "now", "jointly", "publicly", "reportedly", "actively", "further",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they" };

    private readonly record struct Tok(int Index, TextSpan Span, string Lower, bool Word, bool Upper);

    private sealed record Found(int TokenStart, int TokenEnd, Predicate Entry);

    public List<Event> Extract(Article article) => Candidates(article, requireActor: true);

    /// <summary>Every event found, also those with no actor (the PLOVER gold-record scorer reads those).</summary>
    public List<Event> Candidates(Article article, bool requireActor)
    {
        var result = new List<Event>();
        var mentions = article.Mentions;
        for (int i = 1; i < mentions.Count; i++)
        {
            if (mentions[i].Span.Start < mentions[i - 1].Span.Start)
            {
                mentions = [.. mentions.OrderBy(m => m.Span.Start)];
                break;
            }
        }
        var text = article.Text;
        int tokenCursor = 0, mentionCursor = 0;
        for (int si = 0; si < article.Sentences.Count; si++)
        {
            var sentence = article.Sentences[si].Span;
            var toks = new List<Tok>();
            while (tokenCursor < article.Tokens.Count && article.Tokens[tokenCursor].Span.Start < sentence.Start)
            {
                tokenCursor++;
            }

            // Most sentences hold no predicate: look the words up as spans before building anything.
            bool any = false;
            for (int t = tokenCursor; t < article.Tokens.Count && article.Tokens[t].Span.End <= sentence.End && !any; t++)
            {
                var tk = article.Tokens[t];
                any = tk.Kind == TokenKind.Word && _firstWords.ContainsKey(text.AsSpan(tk.Span.Start, tk.Span.End - tk.Span.Start));
            }

            if (!any)
            {
                continue;
            }

            for (int t = tokenCursor; t < article.Tokens.Count && article.Tokens[t].Span.End <= sentence.End; t++)
            {
                var tk = article.Tokens[t];
                var span = text.AsSpan(tk.Span.Start, tk.Span.End - tk.Span.Start);
                var lower = string.Create(span.Length, (text, tk.Span.Start), static (dst, st) =>
                {
                    var src = st.text.AsSpan(st.Start, dst.Length);
                    for (int c = 0; c < dst.Length; c++)
                    {
                        dst[c] = src[c] == '’' ? '\'' : char.ToLowerInvariant(src[c]);
                    }
                });
                toks.Add(new Tok(toks.Count, tk.Span, lower, tk.Kind == TokenKind.Word, span.Length > 0 && char.IsUpper(span[0])));
            }

            while (mentionCursor < mentions.Count && mentions[mentionCursor].Span.Start < sentence.Start)
            {
                mentionCursor++;
            }

            var inSentence = new List<Mention>();
            for (int mi = mentionCursor; mi < mentions.Count && mentions[mi].Span.Start < sentence.End; mi++)
            {
                var m = mentions[mi];
                if (m.ActorId is not null && m.Span.End <= sentence.End)
                {
                    inSentence.Add(m);
                }
            }
            var found = FindPredicates(toks, inSentence);
            bool question = sentence.End > 0 && text[Math.Max(sentence.Start, sentence.End - 1)] == '?';
            var emitted = new HashSet<(string, string?, string?)>();
            var subjectsOf = new List<string>?[found.Count];
            int first = result.Count;
            for (int fi = 0; fi < found.Count; fi++)
            {
                foreach (var (e, passive) in Build(article, si, sentence, toks, found, fi, inSentence, question, subjectsOf, requireActor))
                {
                    bool actor = e.SourceId is not null || (passive && e.TargetId is not null);
                    if ((!requireActor || actor) && (e.SourceId is null || e.SourceId != e.TargetId) && emitted.Add((e.Type, e.SourceId, e.TargetId)))
                    {
                        result.Add(e);
                    }
                }
            }

            // "threatened to cut troops in South Korea", "agreed to withdraw from Japan": a threat, promise or refusal with no
            // target of its own is aimed at the target of the act it governs.
            for (int fi = 0; fi + 1 < found.Count; fi++)
            {
                var next = found[fi + 1];
                if (found[fi].Entry.Type is not ("THREATEN" or "AGREE" or "REJECT") || next.TokenStart == 0 || toks[next.TokenStart - 1].Lower != "to")
                {
                    continue;
                }

                int govStart = toks[found[fi].TokenStart].Span.Start, actStart = toks[next.TokenStart].Span.Start;
                for (int k = first; k < result.Count; k++)
                {
                    var gov = result[k];
                    if (gov.Span.Start != govStart || gov.TargetId is not null)
                    {
                        continue;
                    }

                    var act = result.Skip(first).FirstOrDefault(e => e.Span.Start == actStart && e.TargetId is not null && e.SourceId == gov.SourceId);
                    if (act is not null && !emitted.Contains((gov.Type, gov.SourceId, act.TargetId)))
                    {
                        emitted.Add((gov.Type, gov.SourceId, act.TargetId));
                        result[k] = gov with { TargetId = act.TargetId, TargetCode = act.TargetCode };
                    }
                }
            }

            // "crossed into North Korea to drop leaflets": the same type and source with no target adds nothing.
            for (int k = result.Count - 1; k >= first; k--)
            {
                var e = result[k];
                if (e.TargetId is null && e.SourceId is not null && emitted.Contains((e.Type, e.SourceId, null))
                    && result.Skip(first).Any(o => o.Type == e.Type && o.SourceId == e.SourceId && o.TargetId is not null && o.Modality == e.Modality))
                {
                    result.RemoveAt(k);
                }
            }
        }

        return requireActor ? Repeated(result) : result;
    }

    /// <summary>
    /// An article names one event again and again ("Xu visited Washington … Xu's visit … the visit"): an event with the
    /// type, actors and modality of another and no date of its own is that event again, and is dropped; the copy with
    /// its sentence's date is kept, else the first.
    /// </summary>
    private static List<Event> Repeated(List<Event> events)
    {
        var keep = new List<Event>(events.Count);
        var seen = new Dictionary<(string, string?, string?, Modality), int>();
        foreach (var e in events)
        {
            var key = (e.Type, e.SourceId, e.TargetId, e.Modality);
            if (!seen.TryGetValue(key, out int at))
            {
                seen[key] = keep.Count;
                keep.Add(e);
            }
            else if (e.DateFrom == "sentence" && keep[at].DateFrom != "sentence")
            {
                keep[at] = e;
            }
            else if (e.DateFrom == "sentence" && keep[at].Date != e.Date)
            {
                keep.Add(e);
            }
        }

        return keep;
    }

    private List<Found> FindPredicates(List<Tok> toks, List<Mention> mentions)
    {
        var found = new List<Found>();
        int words = 0, upper = 0;
        foreach (var t in toks)
        {
            if (t.Word && char.IsLetter(t.Lower[0]))
            {
                words++;
                upper += t.Upper ? 1 : 0;
            }
        }

        // A headline capitalises every word; elsewhere a capitalised predicate next to another capitalised word is part of a name ("Mace Nuclear Strike").
        bool titleCase = words > 0 && upper * 10 >= words * 7;
        for (int i = 0; i < toks.Count; i++)
        {
            var tk = toks[i];
            if (!tk.Word || !_lex.ByFirst.TryGetValue(tk.Lower, out var options) || mentions.Any(m => m.Span.Overlaps(tk.Span)))
            {
                continue;
            }

            // A capitalised month name ("March", "May") is a date, not a predicate.
            if (tk.Upper && i > 0 && Months.Contains(tk.Lower))
            {
                continue;
            }

            if (tk.Upper && i > 0 && !titleCase && ((toks[i - 1].Word && toks[i - 1].Upper) || (i + 1 < toks.Count && toks[i + 1].Word && toks[i + 1].Upper)))
            {
                continue;
            }

            foreach (var (rest, entry) in options)
            {
                int j = i + 1;
                bool ok = true, modifier = false;
                foreach (var w in rest)
                {
                    while (j < toks.Count && EventLexicon.IsDeterminer(toks[j].Lower) && !EventLexicon.IsDeterminer(w))
                    {
                        j++;
                    }

                    // One lower-case modifier may stand before a noun of the phrase ("suspended economic aid", "held bilateral talks").
                    if (!modifier && j + 1 < toks.Count && !Particles.Contains(w) && toks[j].Word && !toks[j].Upper
                        && !toks[j].Lower.Equals(w, StringComparison.Ordinal) && toks[j + 1].Lower.Equals(w, StringComparison.Ordinal))
                    {
                        modifier = true;
                        j++;
                    }

                    if (j >= toks.Count || !toks[j].Lower.Equals(w, StringComparison.OrdinalIgnoreCase))
                    {
                        ok = false;
                        break;
                    }

                    j++;
                }

                if (ok)
                {
                    found.Add(new Found(i, j, entry));
                    i = j - 1;
                    break;
                }
            }
        }

        return found;
    }

    private List<(Event Event, bool Passive)> Build(Article article, int si, TextSpan sentence, List<Tok> toks, List<Found> found, int fi, List<Mention> mentions, bool question, List<string>?[] subjectsOf, bool requireActor)
    {
        var built = new List<(Event, bool)>();
        var f = found[fi];
        var predSpan = new TextSpan(toks[f.TokenStart].Span.Start, toks[f.TokenEnd - 1].Span.End);

        // The clause before the predicate: back to a clause stop or the previous predicate.
        int clauseStart = 0;
        for (int k = f.TokenStart - 1; k >= 0; k--)
        {
            if (ClauseStops.Contains(toks[k].Lower))
            {
                clauseStart = k + 1;
                break;
            }
        }

        int clauseEnd = toks.Count;
        for (int k = f.TokenEnd; k < toks.Count; k++)
        {
            if (ClauseStops.Contains(toks[k].Lower) || (fi + 1 < found.Count && k >= found[fi + 1].TokenStart))
            {
                clauseEnd = k;
                break;
            }
        }

        int clauseStartOffset = toks.Count > 0 && clauseStart < toks.Count ? toks[clauseStart].Span.Start : sentence.Start;
        int clauseEndOffset = clauseEnd < toks.Count ? toks[clauseEnd].Span.Start : sentence.End;

        var modality = ModalityOf(toks, clauseStart, f.TokenStart, question);
        Found? governor = null;
        if (fi > 0 && f.TokenStart > 0 && toks[f.TokenStart - 1].Lower == "to")
        {
            governor = found[fi - 1];
            if (modality == Modality.Asserted)
            {
                modality = governor.Entry.Type switch
                {
                    "REQUEST" => Modality.Proposed,
                    "THREATEN" => Modality.Threatened,
                    "REJECT" => Modality.Negated,
                    "AGREE" => Modality.Planned,
                    _ => Modality.Asserted,
                };
            }
        }

        bool passive = f.TokenStart > 0 && _lex.Participles.Contains(toks[f.TokenStart].Lower)
            && (Be.Contains(toks[f.TokenStart - 1].Lower) || (f.TokenStart > 1 && Be.Contains(toks[f.TokenStart - 2].Lower)));

        // An infinitive after another predicate ("crossed into North Korea to drop leaflets", "went to Pyongyang to meet
        // Kim") has that predicate's subject, not its object; a request's object is the one asked ("urged X to").
        int subjectLimit = predSpan.Start;
        if (governor is not null && governor.Entry.Type != "REQUEST")
        {
            subjectLimit = toks[governor.TokenStart].Span.Start;
        }

        var before = mentions.Where(m => m.Span.End <= subjectLimit && m.Span.Start >= clauseStartOffset).ToList();
        var after = mentions.Where(m => m.Span.Start >= predSpan.End && m.Span.End <= clauseEndOffset).ToList();
        bool noun = IsNounUse(toks, f);

        string? location = null;
        var objects = new List<Mention>();
        foreach (var m in after)
        {
            var prev = PrevWord(toks, m.Span.Start);
            if (prev is not null && Locative.Contains(prev) && IsPlace(m))
            {
                location ??= m.Text;
                continue;
            }

            // "an agreement on the SMA", "talks about North Korea": the topic, not the target.
            if (prev is not null && TopicPrepositions.Contains(prev))
            {
                continue;
            }

            // "North Korean leader Kim Jong-un": the head is the later mention.
            if (objects.Count > 0 && m.Span.Start - objects[^1].Span.End <= 30 && !IsCoordinated(article.Text, objects[^1].Span.End, m.Span.Start)
                && (objects[^1].Kind == MentionKind.Demonym || knowledge.Find(objects[^1].ActorId!)?.Kind == ActorKind.Country))
            {
                objects[^1] = m;
                continue;
            }

            if (objects.Count == 0 || IsCoordinated(article.Text, objects[^1].Span.End, m.Span.Start))
            {
                objects.Add(m);
            }
        }

        var subjects = new List<string>();
        var apposed = noun ? null : Apposed(article.Text, toks, clauseStart, f.TokenStart, before);
        var andThen = noun ? null : SharedSubject(toks, clauseStart, f.TokenStart, fi, found, subjectsOf);
        if (noun)
        {
            subjects.AddRange(NounActors(article.Text, toks, predSpan, mentions, after));
        }
        else if (andThen is not null)
        {
            subjects.AddRange(andThen);
        }
        else if (apposed is not null)
        {
            subjects.Add(apposed.ActorId!);
        }
        else if (before.Count > 0)
        {
            var head = before[^1];
            subjects.Add(head.ActorId!);
            for (int k = before.Count - 2; k >= 0; k--)
            {
                if (IsCoordinated(article.Text, before[k].Span.End, before[k + 1].Span.Start) && before[k + 1].Kind != MentionKind.Demonym)
                {
                    subjects.Insert(0, before[k].ActorId!);
                }
                else if (before[k].Kind == MentionKind.Demonym && before[k + 1].Span.Start - before[k].Span.End <= 30)
                {
                    continue;
                }
                else
                {
                    break;
                }
            }

            // "he and the US government restarted the exercise": the pronoun is the first subject.
            int firstSubject = before.FindIndex(m => m.ActorId == subjects[0]);
            if (firstSubject >= 0 && PronounBefore(article.Text, before[firstSubject].Span.Start) is { } pronounAt)
            {
                int pk = toks.FindIndex(t => t.Span.Start == pronounAt);
                if (pk >= 0)
                {
                    subjects.InsertRange(0, Pronoun(article, toks, pk, pk + 1, pronounAt).Take(1));
                }
            }
        }
        else
        {
            subjects.AddRange(Pronoun(article, toks, clauseStart, f.TokenStart, predSpan.Start));
        }

        subjectsOf[fi] = subjects.Count > 0 ? subjects : null;

        if (governor is not null && governor.Entry.Type == "REQUEST" && objects.Count == 0 && before.Count > 0)
        {
            // "urged X to …": X, the governor's object, is the one asked to act.
            subjects = [before[^1].ActorId!];
        }

        string? source = subjects.Count > 0 ? subjects[0] : null;
        var targets = objects.Select(o => (string?)Country(o)).ToList();
        if (passive)
        {
            var agent = after.FirstOrDefault(m => PrevWord(toks, m.Span.Start) == "by");
            if (agent is not null)
            {
                targets = source is null ? [] : [source];
                source = Country(agent);
            }
            else if (!noun && source is not null)
            {
                // "Trump was shot": the subject of a passive with no "by" phrase is its target; its source is not named.
                targets = [source];
                source = null;
            }
        }

        if (!passive && subjects.Count > 1 && Reciprocal.Contains(f.Entry.Type))
        {
            // "South Korea and the United States reached an agreement (on X)": the second subject is the other party.
            targets = [subjects[1]];
        }

        if (targets.Count == 0)
        {
            targets.Add(null);
        }

        if (noun && subjects.Count == 0 && requireActor)
        {
            return built;
        }

        source = source is null ? null : MapPlace(source);
        var (date, from) = dater.Date(article, si, predSpan);
        // PLOVER codes a stated intention as its own event: to do something cooperative is AGREE (CAMEO 03), to use
        // force or pressure is THREATEN (CAMEO 13) — "Japan will send aid" is also an AGREE, "X plans to attack" a THREATEN.
        string? intent = modality != Modality.Planned || noun || !StatesIntent(toks, clauseStart, f.TokenStart) ? null : f.Entry.Type switch
        {
            "AGREE" or "CONSULT" or "SUPPORT" or "COOPERATE" or "AID" or "CONCEDE" or "RETREAT" => "AGREE",
            "PROTEST" or "SANCTION" or "MOBILIZE" or "COERCE" or "ASSAULT" => "THREATEN",
            _ => null,
        };
        foreach (var target in targets)
        {
            if (intent is not null && !(intent == "AGREE" && f.Entry.Type == "AGREE"))
            {
                built.Add((new Event
                {
                    Span = predSpan,
                    Text = article[predSpan],
                    Type = intent,
                    Cameo = intent == "AGREE" ? "03" : "13",
                    SourceId = source,
                    SourceCode = CameoCodes.Of(knowledge, source),
                    TargetId = target,
                    TargetCode = CameoCodes.Of(knowledge, target),
                    Modality = Modality.Asserted,
                    Date = date,
                    DateFrom = from,
                    Location = location,
                    Sentence = sentence,
                }, passive && source is null));
            }

            built.Add((new Event
            {
                Span = predSpan,
                Text = article[predSpan],
                Type = f.Entry.Type,
                Mode = f.Entry.Mode,
                Cameo = f.Entry.Cameo,
                SourceId = source,
                SourceCode = CameoCodes.Of(knowledge, source),
                TargetId = target,
                TargetCode = CameoCodes.Of(knowledge, target),
                Modality = modality,
                Date = date,
                DateFrom = from,
                Location = location,
                Sentence = sentence,
            }, passive && source is null));
        }

        return built;
    }

    /// <summary>Whether the subject states an intention of its own before the predicate ("will", "plans to", "offered to"), not a forecast.</summary>
    private static bool StatesIntent(List<Tok> toks, int clauseStart, int pred)
    {
        for (int k = pred - 1; k >= clauseStart; k--)
        {
            if (IntentMarkers.Contains(toks[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A predicate used as a noun: after a determiner, possessive or attribute ("the meeting", "Seoul's visit"), or a noun by its ending.</summary>
    private static bool IsNounUse(List<Tok> toks, Found f)
    {
        var w = toks[f.TokenStart].Lower;
        if (f.TokenStart > 0 && NounMarkers.Contains(toks[f.TokenStart - 1].Lower))
        {
            return true;
        }

        if (f.TokenStart > 0 && toks[f.TokenStart - 1].Lower.EndsWith("'s", StringComparison.Ordinal))
        {
            return true;
        }

        // An -ing form with no auxiliary, preposition or conjunction before it is a noun ("the Hanoi meeting", "security meeting").
        if (w.EndsWith("ing", StringComparison.Ordinal) && f.TokenStart > 0 && !GerundBefore.Contains(toks[f.TokenStart - 1].Lower))
        {
            return true;
        }

        return w.EndsWith("tion", StringComparison.Ordinal) || w.EndsWith("sion", StringComparison.Ordinal) || w.EndsWith("ment", StringComparison.Ordinal)
            || w.EndsWith("tions", StringComparison.Ordinal) || w.EndsWith("ments", StringComparison.Ordinal) || w == "summit" || w == "summits";
    }

    /// <summary>The actors of an event noun: a possessive right before it ("Yoon's recent visit"), else "between X and Y", "by X" or "from X" after it.</summary>
    private static List<string> NounActors(string text, List<Tok> toks, TextSpan pred, List<Mention> mentions, List<Mention> after)
    {
        foreach (var m in mentions)
        {
            if (m.Span.End <= pred.Start && pred.Start - m.Span.End <= 24)
            {
                var gap = text.AsSpan(m.Span.End, pred.Start - m.Span.End);
                if ((gap.StartsWith("'s") || gap.StartsWith("’s") || gap.StartsWith("s'")) && gap.Count(' ') <= 3)
                {
                    return [m.ActorId!];
                }
            }
        }

        for (int i = 0; i < after.Count; i++)
        {
            var prev = PrevWord(toks, after[i].Span.Start);
            if (prev == "between" && i + 1 < after.Count)
            {
                return [after[i].ActorId!, after[i + 1].ActorId!];
            }

            if (prev is "by" or "from")
            {
                return [after[i].ActorId!];
            }
        }

        return [];
    }

    /// <summary>
    /// The subject before an apposition: "Han, the leader of the party, criticized …", "Xu, head of the security
    /// office, visited …" — a mention, a comma, the apposition, a comma, at most two words, the predicate.
    /// </summary>
    private static Mention? Apposed(string text, List<Tok> toks, int clauseStart, int pred, List<Mention> before)
    {
        if (before.Count == 0)
        {
            return null;
        }

        int c2 = -1;
        for (int k = pred - 1; k >= clauseStart && k >= pred - 3; k--)
        {
            if (toks[k].Lower == ",")
            {
                c2 = k;
                break;
            }

            if (!toks[k].Word || toks[k].Upper)
            {
                return null;
            }
        }

        if (c2 < 0)
        {
            return null;
        }

        for (int k = c2 - 1; k >= clauseStart; k--)
        {
            if (toks[k].Lower != ",")
            {
                continue;
            }

            int commaAt = toks[k].Span.Start;
            var head = before.LastOrDefault(m => m.Span.End <= commaAt && commaAt - m.Span.End <= 3 && text.AsSpan(m.Span.End, commaAt - m.Span.End).Trim().Length == 0);
            var next = k + 1 < c2 ? toks[k + 1] : default;
            return head is not null && next.Span.End > 0 ? head : null;
        }

        return null;
    }

    /// <summary>"X met Y and then visited Z": a predicate after "and" with no subject of its own shares the previous predicate's.</summary>
    private static List<string>? SharedSubject(List<Tok> toks, int clauseStart, int pred, int fi, List<Found> found, List<string>?[] subjectsOf)
    {
        if (fi == 0 || subjectsOf[fi - 1] is not { } previous)
        {
            return null;
        }

        for (int k = pred - 1; k >= clauseStart && k >= pred - 3; k--)
        {
            var w = toks[k].Lower;
            if (w == "and")
            {
                return k > found[fi - 1].TokenEnd ? previous : null;
            }

            if (!toks[k].Word || toks[k].Upper || w is "to")
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Where "he and", "she and", "they and" starts right before a coordinated subject, if it does.</summary>
    private static int? PronounBefore(string text, int start)
    {
        var left = text.AsSpan(0, start).TrimEnd();
        if (!left.EndsWith(" and", StringComparison.Ordinal) && !left.EndsWith(" and the", StringComparison.Ordinal))
        {
            return null;
        }

        left = left.EndsWith(" the", StringComparison.Ordinal) ? left[..^4] : left;
        left = left[..^4].TrimEnd();
        int sp = left.LastIndexOfAny(' ', ',', '\n');
        var word = left[(sp + 1)..];
        return word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase) || word.Equals("they", StringComparison.OrdinalIgnoreCase)
            ? sp + 1 : null;
    }

    private Modality ModalityOf(List<Tok> toks, int clauseStart, int pred, bool question)
    {
        var best = question ? Modality.Hypothetical : Modality.Asserted;
        for (int k = 0; k < pred; k++)
        {
            var w = toks[k].Lower;
            if (!_lex.Modal.TryGetValue(w, out var options) || (k < clauseStart && w is not ("if" or "unless" or "whether" or "in" or "provided")))
            {
                continue;
            }

            // A capitalised "May" mid-sentence is the month.
            if (toks[k].Upper && k > 0 && Months.Contains(w))
            {
                continue;
            }

            foreach (var (rest, m) in options)
            {
                bool ok = true;
                for (int r = 0; r < rest.Length; r++)
                {
                    if (k + 1 + r >= pred || toks[k + 1 + r].Lower != rest[r])
                    {
                        ok = false;
                        break;
                    }
                }

                if (ok)
                {
                    best = Stronger(best, m);
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>Negation wins, then speculation, then a proposal, then a plan.</summary>
    private static Modality Stronger(Modality a, Modality b)
    {
        static int Rank(Modality m) => m switch
        {
            Modality.Negated => 5,
            Modality.Hypothetical => 4,
            Modality.Proposed => 3,
            Modality.Threatened => 2,
            Modality.Planned => 1,
            _ => 0,
        };
        return Rank(b) > Rank(a) ? b : a;
    }

    private IEnumerable<string> Pronoun(Article article, List<Tok> toks, int clauseStart, int pred, int predOffset)
    {
        for (int k = pred - 1; k >= clauseStart && k >= pred - 4; k--)
        {
            var w = toks[k].Lower;
            bool pair = (w is "leaders" or "sides" or "countries" or "nations" or "governments" or "allies") && k > 0 && toks[k - 1].Lower is "two" or "both";
            if (w is "he" or "she")
            {
                return Last(article, predOffset, 1, person: true);
            }

            if (pair || w == "they")
            {
                var two = Last(article, predOffset, 2, person: w == "leaders" ? true : w == "they" ? null : (bool?)false);
                return two.Count == 2 ? two : [];
            }
        }

        return [];
    }

    /// <summary>The last <paramref name="count"/> distinct actors mentioned before <paramref name="offset"/>, oldest first.</summary>
    private List<string> Last(Article article, int offset, int count, bool? person)
    {
        var ids = new List<string>();
        for (int i = article.Mentions.Count - 1; i >= 0 && ids.Count < count; i--)
        {
            var m = article.Mentions[i];
            if (m.Span.End > offset || m.ActorId is null || ids.Contains(m.ActorId))
            {
                continue;
            }

            var kind = knowledge.Find(m.ActorId)?.Kind;
            if (kind == ActorKind.Place || (person is { } p && (kind == ActorKind.Person) != p))
            {
                continue;
            }

            ids.Insert(0, m.ActorId);
        }

        return ids;
    }

    private static string? PrevWord(List<Tok> toks, int offset)
    {
        for (int k = toks.Count - 1; k >= 0; k--)
        {
            if (toks[k].Span.End <= offset && toks[k].Word && !EventLexicon.IsDeterminer(toks[k].Lower))
            {
                return toks[k].Lower;
            }
        }

        return null;
    }

    private static bool IsCoordinated(string text, int end, int start)
    {
        if (start < end || start - end > 28)
        {
            return false;
        }

        var gap = text.AsSpan(end, start - end).Trim();

        // "the Moon administration and the Trump administration": a lower-case head noun may follow the first name.
        int sp = gap.IndexOf(' ');
        if (sp > 0 && IsLowerWord(gap[..sp]) && !gap[..sp].SequenceEqual("and") && !gap[..sp].SequenceEqual("or"))
        {
            gap = gap[(sp + 1)..];
        }

        return gap is "and" or "," or "and the" or ", and" or "or" || gap.Equals("and the", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLowerWord(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return w.Length > 0;
    }

    private bool IsPlace(Mention m) => knowledge.Find(m.ActorId!)?.Kind == ActorKind.Place;

    /// <summary>A place that stands as source or target is its country's government (PLOVER codes capitals so).</summary>
    private string Country(Mention m) => MapPlace(m.ActorId!);

    private string MapPlace(string id)
    {
        var a = knowledge.Find(id);
        if (a is { Kind: ActorKind.Place, Country: { } code })
        {
            return CameoCodes.CountryActor(knowledge, code) ?? id;
        }

        return id;
    }
}

/// <summary>CAMEO-style actor codes from the knowledge base: country (ISO alpha-3) plus sector (USAGOV, KORMIL, PRKGOV).</summary>
public static class CameoCodes
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeBase, Dictionary<string, string>> Countries = [];

    public static string? CountryActor(KnowledgeBase knowledge, string code)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var map = Countries.GetValue(knowledge, static kb =>
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var a in kb.Actors)
            {
                if (a is { Kind: ActorKind.Country, Country: { } c })
                {
                    d.TryAdd(c, a.Id);
                }
            }

            return d;
        });
        return map.GetValueOrDefault(code);
    }

    public static string? Of(KnowledgeBase knowledge, string? id)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (id is null || knowledge.Find(id) is not { } a)
        {
            return null;
        }

        var country = a.Country ?? a.Roles.Select(r => r.Org).FirstOrDefault(o => o is { Length: 3 } && o.All(char.IsUpper));
        var sector = a.Sector ?? a.Kind switch
        {
            ActorKind.Country => null,
            ActorKind.Government => "GOV",
            ActorKind.Military => "MIL",
            ActorKind.Party => "PTY",
            ActorKind.Company => "BUS",
            ActorKind.Media => "MED",
            ActorKind.Person => a.Roles.Any(r => r.Title.Contains("General", StringComparison.OrdinalIgnoreCase) || r.Title.Contains("Commander", StringComparison.OrdinalIgnoreCase)) ? "MIL"
                : a.Roles.Count > 0 ? "GOV" : null,
            _ => null,
        };
        return country is null ? null : country + sector;
    }
}
