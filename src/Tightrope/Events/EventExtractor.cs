using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Events;

/// <summary>
/// Finds events sentence by sentence: predicates from the lexicon (longest phrase first), the source as the nearest
/// resolved actor before the predicate in its clause (coordinated subjects: the second becomes the target of
/// reciprocal types; a passive's "by" phrase is the source), the target as the first actor after it, pronouns and
/// "the two leaders" back to the last actors, and the modality from the words before the predicate in its clause and
/// from a governing predicate ("urged X to", "threatened to").
/// </summary>
internal sealed partial class EventExtractor(KnowledgeBase knowledge, IEventDater dater, EventLexicon? lexicon = null)
{
    private readonly EventLexicon _lex = lexicon ?? EventLexicon.English;

    private readonly Dictionary<string, List<(string[] Tail, Predicate Entry)>>.AlternateLookup<ReadOnlySpan<char>> _firstWords = (lexicon ?? EventLexicon.English).FirstWords;

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _speechOnly = (lexicon ?? EventLexicon.English).SpeechOnly.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Dictionary<string, List<(string[] Tail, Predicate Entry)>>.AlternateLookup<ReadOnlySpan<char>> _cueWords = (lexicon ?? EventLexicon.English).Cues.GetAlternateLookup<ReadOnlySpan<char>>();

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

    /// <summary>What one thread reuses from sentence to sentence and article to article: the token list, the lists of mentions, the lower-cased words.</summary>
    private sealed class Scratch
    {
        public readonly List<Tok> Toks = new(256);

        public readonly List<Mention> InSentence = [];

        public readonly List<Mention> Before = [];

        public readonly List<Mention> After = [];

        public readonly List<Mention> Objects = [];

        public readonly List<string> Subjects = [];

        public readonly List<Found> Found = [];

        public readonly List<string?> Targets = [];

        /// <summary>The events one predicate gives (with whether each is a passive's with no named source), read before the next predicate is built.</summary>
        public readonly List<(Event, bool)> Built = [];

        /// <summary>Every lower-cased word form met so far, so that a word read again is no new string (cleared when it grows large).</summary>
        public readonly Dictionary<string, string> Lowered = new(StringComparer.Ordinal);

        public char[] Buffer = new char[64];

        /// <summary>The (type, source, target) of the events one sentence has given so far.</summary>
        public readonly HashSet<(string, string?, string?)> Emitted = [];

        /// <summary>The article's repeats: the first kept event of each (type, source, target, modality), and the next kept one of the same key.</summary>
        public readonly Dictionary<(string, string?, string?, Modality), int> Seen = [];

        public readonly List<int> Next = [];
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    private const int MaxLowered = 50_000;

    /// <summary>The one-character words of ASCII, lower-cased (punctuation, "a", digits).</summary>
    private static readonly string[] Ascii = [.. Enumerable.Range(0, 128).Select(c => char.ToLowerInvariant((char)c).ToString())];

    /// <summary>The word lower-cased, with a typographic apostrophe as a plain one: the same string for the same form (no string per token).</summary>
    private static string Lower(Scratch scratch, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lowered, ReadOnlySpan<char> span)
    {
        if (span.Length == 1 && span[0] < 128)
        {
            return Ascii[span[0]];
        }

        if (scratch.Buffer.Length < span.Length)
        {
            scratch.Buffer = new char[Math.Max(span.Length, scratch.Buffer.Length * 2)];
        }

        var dst = scratch.Buffer.AsSpan(0, span.Length);
        for (int c = 0; c < span.Length; c++)
        {
            dst[c] = span[c] == '’' ? '\'' : char.ToLowerInvariant(span[c]);
        }

        if (lowered.TryGetValue(dst, out var known))
        {
            return known;
        }

        if (scratch.Lowered.Count >= MaxLowered)
        {
            scratch.Lowered.Clear();
        }

        var s = new string(dst);
        scratch.Lowered[s] = s;
        return s;
    }

    /// <summary>Whether a mention overlaps the span (a loop: a lambda here allocated a closure for every token).</summary>
    private static bool OverlapsAny(List<Mention> mentions, TextSpan span)
    {
        foreach (var m in mentions)
        {
            if (m.Span.Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }

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
        var scratch = t_scratch ??= new Scratch();
        var lowered = scratch.Lowered.GetAlternateLookup<ReadOnlySpan<char>>();
        int tokenCursor = 0, mentionCursor = 0;
        string? quoteSpeaker = null;
        int quoteSentence = -2;
        for (int si = 0; si < article.Sentences.Count; si++)
        {
            var sentence = article.Sentences[si].Span;
            var toks = scratch.Toks;
            toks.Clear();
            // A quotation that goes on from the sentence before ("…," said Cho. "The alliance …"): its speaker is that sentence's.
            bool carried = quoteSentence == si - 1 && quoteSpeaker is not null && OpensQuote(text, sentence);
            while (tokenCursor < article.Tokens.Count && article.Tokens[tokenCursor].Span.Start < sentence.Start)
            {
                tokenCursor++;
            }

            // Most sentences hold no predicate: look the words up as spans before building anything.
            // A reporting verb counts only with a content cue in its sentence (else it is dropped in the end anyway).
            bool any = false, speech = false;
            for (int t = tokenCursor; t < article.Tokens.Count && article.Tokens[t].Span.End <= sentence.End && !any; t++)
            {
                var tk = article.Tokens[t];
                var w = text.AsSpan(tk.Span.Start, tk.Span.End - tk.Span.Start);
                if (tk.Kind == TokenKind.Word && _lex.FirstShapes.MayContain(w) && _firstWords.ContainsKey(w))
                {
                    bool only = _speechOnly.Contains(w);
                    any = !only;
                    speech |= only;
                }
            }

            bool? cue = null;
            if (!any && speech)
            {
                cue = false;
                for (int t = tokenCursor; t < article.Tokens.Count && article.Tokens[t].Span.End <= sentence.End && cue == false; t++)
                {
                    var tk = article.Tokens[t];
                    var w = text.AsSpan(tk.Span.Start, tk.Span.End - tk.Span.Start);
                    cue = tk.Kind == TokenKind.Word && _lex.CueShapes.MayContain(w) && _cueWords.ContainsKey(w);
                }
            }

            // A statement whose quotation goes on in the next sentence is read for its speaker even with no cue.
            bool quoteNext = si + 1 < article.Sentences.Count && OpensQuote(text, article.Sentences[si + 1].Span) && ClosesQuote(text, sentence);
            if (!any && !carried && !quoteNext && cue != true)
            {
                continue;
            }

            int sentenceEndToken = tokenCursor;
            while (sentenceEndToken < article.Tokens.Count && article.Tokens[sentenceEndToken].Span.End <= sentence.End)
            {
                sentenceEndToken++;
            }

            toks.EnsureCapacity(sentenceEndToken - tokenCursor); // one array, not a doubling series of them
            for (int t = tokenCursor; t < sentenceEndToken; t++)
            {
                var tk = article.Tokens[t];
                var span = text.AsSpan(tk.Span.Start, tk.Span.End - tk.Span.Start);
                var lower = Lower(scratch, lowered, span);
                toks.Add(new Tok(toks.Count, tk.Span, lower, tk.Kind == TokenKind.Word, span.Length > 0 && char.IsUpper(span[0])));
            }

            while (mentionCursor < mentions.Count && mentions[mentionCursor].Span.Start < sentence.Start)
            {
                mentionCursor++;
            }

            var inSentence = scratch.InSentence;
            inSentence.Clear();
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
            var emitted = scratch.Emitted;
            emitted.Clear();
            string? silentSpeaker = null;
            var subjectsOf = new List<string>?[found.Count];
            int first = result.Count;
            for (int fi = 0; fi < found.Count; fi++)
            {
                // A reporting verb with no content cue in its sentence and no act after it can only be dropped.
                if (found[fi].Entry.Type == EventLexicon.Speech && !ActAfter(found, fi)
                    && !(cue ??= HasCue(toks)))
                {
                    if (quoteNext && Build(article, si, sentence, toks, found, fi, inSentence, question, subjectsOf, requireActor).FirstOrDefault().Event?.SourceId is { } said)
                    {
                        silentSpeaker = said;
                    }

                    continue;
                }

                foreach (var (e, passive) in Build(article, si, sentence, toks, found, fi, inSentence, question, subjectsOf, requireActor))
                {
                    bool actor = e.SourceId is not null || (passive && e.TargetId is not null);
                    if ((!requireActor || actor) && (e.SourceId is null || e.SourceId != e.TargetId) && emitted.Add((e.Type, e.SourceId, e.TargetId)))
                    {
                        result.Add(e);
                    }
                }
            }

            // The speaker: the actor after a closing quotation ("…," Cho said.), else the last reporting verb's subject.
            string? speaker = QuoteAttribution(text, sentence, toks, inSentence);
            for (int k = result.Count - 1; k >= first && speaker is null; k--)
            {
                speaker = result[k].Type == EventLexicon.Speech ? result[k].SourceId : null;
            }

            speaker ??= silentSpeaker;

            if (carried && speaker is null && QuotedStatement(article, mentions, si, sentence, toks, inSentence, quoteSpeaker!) is { } quoted && emitted.Add((quoted.Type, quoted.SourceId, quoted.TargetId)))
            {
                result.Add(quoted);
            }

            if ((speaker is not null && ClosesQuote(text, sentence)) || carried)
            {
                (quoteSpeaker, quoteSentence) = (speaker ?? quoteSpeaker, si);
            }

            ResolveSpeech(article, mentions, si, toks, found, inSentence, result, first, emitted);

            AimGovernors(toks, found, result, first, emitted);

            // "crossed into North Korea to drop leaflets": the same type and source with no target adds nothing.
            for (int k = result.Count - 1; k >= first; k--)
            {
                var e = result[k];
                if (e.TargetId is null && e.SourceId is not null && emitted.Contains((e.Type, e.SourceId, null)) && HasTargeted(result, first, e))
                {
                    result.RemoveAt(k);
                }
            }

            TargetsFromContext(article, mentions, inSentence, si, result, first);
        }

        return requireActor ? Repeated(result) : result;
    }

    /// <summary>Whether a word of the sentence starts a content cue of reported statements.</summary>
    private bool HasCue(List<Tok> toks)
    {
        foreach (var t in toks)
        {
            if (t.Word && _lex.CueShapes.MayContain(t.Lower) && _lex.Cues.ContainsKey(t.Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a predicate after the one at <paramref name="fi"/> is an act, not a reporting verb.</summary>
    private static bool ActAfter(List<Found> found, int fi)
    {
        for (int p = fi + 1; p < found.Count; p++)
        {
            if (found[p].Entry.Type != EventLexicon.Speech)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the sentence's events (from <paramref name="first"/>) hold one of the type, source and modality of <paramref name="e"/> with a target.</summary>
    private static bool HasTargeted(List<Event> result, int first, Event e)
    {
        for (int k = first; k < result.Count; k++)
        {
            var o = result[k];
            if (o.Type == e.Type && o.SourceId == e.SourceId && o.TargetId is not null && o.Modality == e.Modality)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "threatened to cut troops in South Korea", "agreed to withdraw from Japan": a threat, promise or refusal with no
    /// target of its own is aimed at the target of the act it governs.
    /// </summary>
    private static void AimGovernors(List<Tok> toks, List<Found> found, List<Event> result, int first, HashSet<(string, string?, string?)> emitted)
    {
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

                Event? act = null;
                for (int a = first; a < result.Count && act is null; a++)
                {
                    var e = result[a];
                    act = e.Span.Start == actStart && e.TargetId is not null && e.SourceId == gov.SourceId ? e : null;
                }

                if (act is not null && !emitted.Contains((gov.Type, gov.SourceId, act.TargetId)))
                {
                    emitted.Add((gov.Type, gov.SourceId, act.TargetId));
                    result[k] = gov with { TargetId = act.TargetId, TargetCode = act.TargetCode };
                }
            }
        }
    }

    /// <summary>
    /// An article names one event again and again ("Xu visited Washington … Xu's visit … the visit"): an event with the
    /// type, actors and modality of another and the same date, or no date of its own (date from the article), is that
    /// event reported again. The reports merge into one event that keeps every report's predicate and sentence
    /// (<see cref="Event.Also"/>); the copy dated by its sentence leads, else the first.
    /// </summary>
    private static List<Event> Repeated(List<Event> events)
    {
        var keep = new List<Event>(events.Count);

        // The kept events of one key in the order kept: the first in the dictionary, each next one in a chain (-1 ends it).
        var scratch = t_scratch ??= new Scratch();
        var seen = scratch.Seen;
        var next = scratch.Next;
        seen.Clear();
        next.Clear();
        foreach (var e in events)
        {
            var key = (e.Type, e.SourceId, e.TargetId, e.Modality);
            if (!seen.TryGetValue(key, out var head))
            {
                seen[key] = keep.Count;
                keep.Add(e);
                next.Add(-1);
                continue;
            }

            bool dated = e.DateFrom == "sentence";
            int at = -1, tail = head;
            for (int i = head; i >= 0; i = next[i])
            {
                tail = i;
                if (keep[i].Date == e.Date || !dated || keep[i].DateFrom != "sentence")
                {
                    at = i;
                    break;
                }
            }

            if (at < 0)
            {
                next[tail] = keep.Count;
                keep.Add(e);
                next.Add(-1);
                continue;
            }

            var lead = keep[at];
            var merged = dated && lead.DateFrom != "sentence" ? e : lead;
            var other = ReferenceEquals(merged, e) ? lead : e;
            var also = new List<EventMention>(merged.Also ?? []) { new(other.Span, other.Sentence) };
            also.AddRange(other.Also ?? []);
            also.Sort((a, b) => a.Predicate.Start.CompareTo(b.Predicate.Start));
            keep[at] = merged with { Also = also };
        }

        return keep;
    }

    private List<Found> FindPredicates(List<Tok> toks, List<Mention> mentions)
    {
        var found = (t_scratch ??= new Scratch()).Found;
        found.Clear();
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
            if (!tk.Word || !_lex.FirstShapes.MayContain(tk.Lower) || !_lex.ByFirst.TryGetValue(tk.Lower, out var options) || OverlapsAny(mentions, tk.Span))
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

            // "is seeking to offer": a predicate that with the next word is a marker of intention is no act of its own.
            if (i + 1 < toks.Count && _lex.Modal.TryGetValue(tk.Lower, out var marks) && MarksIntent(marks, toks[i + 1].Lower))
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

        if (found.Count > 0 && _lex.Composers.Count > 0)
        {
            Compose(toks, found);
        }

        return found;
    }

    /// <summary>Prepositions that end the verb's object ("launches during a meeting", "suspended ahead of the visit"): the act after them is not the object.</summary>
    private static readonly HashSet<string> GapPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "during", "ahead", "after", "before", "amid", "amidst", "despite", "following", "throughout", "within", "without", "under", "between", "among", "across", "near", "beyond", "until", "toward", "towards",
    };

    /// <summary>Whether one of the modality phrases is a two-word marker of intention ending in <paramref name="next"/> ("seeking to").</summary>
    private static bool MarksIntent(List<(string[] Tail, Modality Modality)> marks, string next)
    {
        foreach (var m in marks)
        {
            if (m.Modality == Modality.Planned && m.Tail is [var w] && w == next)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that may stand between a verb and the act its object names ("lifted a three-day curfew", "suspended part of a military aid program").</summary>
    private static readonly HashSet<string> ObjectGapWords = new(StringComparer.OrdinalIgnoreCase) { "of", "by", "-", "its", "their", "his", "her" };

    /// <summary>
    /// "lifted the night curfew", "cancelled a planned visit", "imposed new sanctions": a verb of <c>events-object-types</c>
    /// followed by an event predicate as its object takes the type the object's act gives it; the two are one predicate.
    /// </summary>
    private void Compose(List<Tok> toks, List<Found> found)
    {
        for (int i = 0; i < toks.Count; i++)
        {
            if (!toks[i].Word || !_lex.Composers.TryGetValue(toks[i].Lower, out var options))
            {
                continue;
            }

            foreach (var (tail, rules) in options)
            {
                int verbEnd = i + 1;
                bool ok = true;
                foreach (var w in tail)
                {
                    if (verbEnd >= toks.Count || !toks[verbEnd].Lower.Equals(w, StringComparison.Ordinal))
                    {
                        ok = false;
                        break;
                    }

                    verbEnd++;
                }

                if (!ok)
                {
                    continue;
                }

                // The verb may itself be a predicate ("cancel"), but not part of a longer one ("suspend aid").
                int own = found.FindIndex(f => f.TokenStart <= i && f.TokenEnd > i);
                if (own >= 0 && (found[own].TokenStart != i || found[own].TokenEnd != verbEnd))
                {
                    break;
                }

                int obj = found.FindIndex(f => f.TokenStart >= verbEnd);
                if (obj < 0 || found[obj].TokenStart - verbEnd > 5)
                {
                    break;
                }

                bool gap = true;
                for (int k = verbEnd; k < found[obj].TokenStart && gap; k++)
                {
                    var t = toks[k];
                    gap = (t.Word && !t.Upper && (char.IsDigit(t.Lower[0]) || ObjectGapWords.Contains(t.Lower) || (!Particles.Contains(t.Lower) && !ClauseStops.Contains(t.Lower) && !GapPrepositions.Contains(t.Lower) && t.Lower is not ("and" or "or" or "to"))))
                        || t.Lower == "-";
                }

                var o = found[obj];
                int rule = gap ? rules.FindIndex(r => r.Objects.Contains(o.Entry.Type)) : -1;
                if (rule < 0)
                {
                    break;
                }

                var composed = new Found(i, o.TokenEnd, rules[rule].Result ?? o.Entry);
                found.RemoveAt(obj);
                if (own >= 0)
                {
                    found[own] = composed;
                }
                else
                {
                    int at = found.FindIndex(f => f.TokenStart > i);
                    found.Insert(at < 0 ? found.Count : at, composed);
                }

                i = o.TokenEnd - 1;
                break;
            }
        }
    }

    private static readonly WordList RoleNouns = LanguageData.English["events-role-nouns"];

    /// <summary>
    /// A subject that is a role noun with its determiner right before the predicate ("the senior official said", "the
    /// officials also said"): the actor of the last mention the article put right before that noun (or its singular or
    /// plural) — "a senior Foreign Ministry official" … "the official" — else "" (nobody named); null when the words
    /// before the predicate are no such phrase or the role noun follows its own mention.
    /// </summary>
    private static string? RoleSubject(Article article, List<Tok> toks, int pred, List<Mention> before)
    {
        int k = pred - 1;
        while (k >= 0 && toks[k].Lower is "also" or "further" or "later" or "then" or "had" or "has" or "have")
        {
            k--;
        }

        if (k < 1 || !RoleNouns.Contains(toks[k].Lower))
        {
            return null;
        }

        int noun = k;
        k--;
        while (k >= 0 && toks[k].Word && !toks[k].Upper && !EventLexicon.IsDeterminer(toks[k].Lower) && k > noun - 3)
        {
            k--;
        }

        if (k < 0 || !EventLexicon.IsDeterminer(toks[k].Lower) || toks[k].Lower != "the")
        {
            return null;
        }

        if (before.Count > 0 && before[^1].Span.End > toks[k].Span.Start)
        {
            return null;
        }

        var w = toks[noun].Lower;
        string singular = w.EndsWith('s') ? w[..^1] : w, plural = w.EndsWith('s') ? w : w + "s";
        var text = article.Text;
        var mentions = article.Mentions;
        for (int i = mentions.Count - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.ActorId is null || m.Span.End > toks[k].Span.Start)
            {
                continue;
            }

            int at = m.Span.End;
            while (at < text.Length && text[at] == ' ')
            {
                at++;
            }

            int end = at;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            var next = text.AsSpan(at, end - at);
            if (at > m.Span.End && at - m.Span.End <= 2 && (next.Equals(singular, StringComparison.OrdinalIgnoreCase) || next.Equals(plural, StringComparison.OrdinalIgnoreCase)))
            {
                return m.ActorId;
            }
        }

        return "";
    }

    /// <summary>Whether the mention stands right before an earlier event noun of the sentence, as its modifier ("the Hanoi meeting").</summary>
    private bool NamesEventNoun(List<Tok> toks, List<Found> found, int fi, Mention m)
    {
        for (int p = 0; p < fi; p++)
        {
            var g = found[p];
            if (g.TokenStart > 0 && toks[g.TokenStart - 1].Span.End == m.Span.End && toks[g.TokenStart - 1].Upper
                && toks[g.TokenStart - 1].Span.End + 1 >= toks[g.TokenStart].Span.Start && IsNounUse(toks, g))
            {
                return true;
            }
        }

        return false;
    }

    private List<(Event Event, bool Passive)> Build(Article article, int si, TextSpan sentence, List<Tok> toks, List<Found> found, int fi, List<Mention> mentions, bool question, List<string>?[] subjectsOf, bool requireActor)
    {
        var scratch = t_scratch ??= new Scratch();
        var built = scratch.Built;
        built.Clear();
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
            // ", and even the US …": a comma and a conjunction start another clause, whose actors are not this act's.
            bool nextClause = toks[k].Lower == "," && k + 1 < toks.Count && toks[k + 1].Lower is "and" or "but" or "while" or "yet" or "so" or "whereas";
            if (ClauseStops.Contains(toks[k].Lower) || nextClause || (fi + 1 < found.Count && k >= found[fi + 1].TokenStart))
            {
                clauseEnd = k;
                break;
            }
        }

        int clauseStartOffset = toks.Count > 0 && clauseStart < toks.Count ? toks[clauseStart].Span.Start : sentence.Start;
        int clauseEndOffset = clauseEnd < toks.Count ? toks[clauseEnd].Span.Start : sentence.End;

        // After a reporting verb ("said it would impose tariffs") "would" is the reported "will", not speculation.
        bool reported = false;
        for (int p = 0; p < fi && !reported && f.Entry.Type != EventLexicon.Speech; p++)
        {
            reported = found[p].Entry.Type == EventLexicon.Speech;
        }

        var modality = ModalityOf(toks, clauseStart, f.TokenStart, question, reported);
        Found? governor = null;
        if (fi > 0 && f.TokenStart > 0 && toks[f.TokenStart - 1].Lower == "to")
        {
            governor = found[fi - 1];
            if (modality == Modality.Asserted)
            {
                modality = governor.Entry.Type switch
                {
                    "REQUEST" or EventLexicon.Speech => Modality.Proposed,
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
        bool asks = governor is not null && governor.Entry.Type is "REQUEST" or EventLexicon.Speech;
        if (governor is not null && !asks)
        {
            subjectLimit = toks[governor.TokenStart].Span.Start;
        }

        // "the Panmunjom meeting ended …", "the Singapore summit": a mention right before an event noun names it, it is no subject.
        // Loops, not Where(lambda).ToList(): a closure, a delegate and an iterator for every predicate otherwise.
        var before = scratch.Before;
        var after = scratch.After;
        before.Clear();
        after.Clear();
        foreach (var m in mentions)
        {
            if (m.Span.End <= subjectLimit && m.Span.Start >= clauseStartOffset && !NamesEventNoun(toks, found, fi, m))
            {
                before.Add(m);
            }

            if (m.Span.Start >= predSpan.End && m.Span.End <= clauseEndOffset)
            {
                after.Add(m);
            }
        }
        bool noun = IsNounUse(toks, f) && !AfterLightVerb(toks, f.TokenStart);
        if (ModifiesHead(toks, f))
        {
            return built;
        }

        string? location = null;
        var objects = scratch.Objects;
        objects.Clear();
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

        var subjects = scratch.Subjects;
        subjects.Clear();
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
        else if (!noun && RoleSubject(article, toks, f.TokenStart, before) is { } role)
        {
            // "Regarding the talks with Japan, the senior official said": the role noun is the subject, not Japan.
            if (role.Length > 0)
            {
                subjects.Add(role);
            }
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
            int firstSubject = -1;
            for (int b = 0; b < before.Count && firstSubject < 0; b++)
            {
                firstSubject = before[b].ActorId == subjects[0] ? b : -1;
            }

            if (firstSubject >= 0 && PronounBefore(article.Text, before[firstSubject].Span.Start) is { } pronounAt)
            {
                int pk = -1;
                for (int t = 0; t < toks.Count && pk < 0; t++)
                {
                    pk = toks[t].Span.Start == pronounAt ? t : -1;
                }

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

        subjectsOf[fi] = subjects.Count > 0 ? [.. subjects] : null;

        if (asks && objects.Count == 0 && before.Count > 0)
        {
            // "urged X to …": X, the governor's object, is the one asked to act.
            var asked = before[^1].ActorId!;
            subjects.Clear();
            subjects.Add(asked);
        }

        string? source = subjects.Count > 0 ? subjects[0] : null;
        var targets = scratch.Targets;
        targets.Clear();
        foreach (var o in objects)
        {
            targets.Add(Country(o));
        }
        if (passive)
        {
            Mention? agent = null;
            foreach (var m in after)
            {
                if (PrevWord(toks, m.Span.Start) == "by")
                {
                    agent = m;
                    break;
                }
            }

            if (agent is not null)
            {
                targets.Clear();
                if (source is not null)
                {
                    targets.Add(source);
                }

                source = Country(agent);
            }
            else if (!noun && source is not null)
            {
                // "Trump was shot": the subject of a passive with no "by" phrase is its target; its source is not named.
                targets.Clear();
                targets.Add(source);
                source = null;
            }
        }

        if (!passive && subjects.Count > 1 && Reciprocal.Contains(f.Entry.Type))
        {
            // "South Korea and the United States reached an agreement (on X)": the second subject is the other party.
            var other = subjects[1];
            targets.Clear();
            targets.Add(other);
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

        // An event with no actor is dropped where actors are required (a passive's named target counts as one): not built at all.
        if (requireActor && source is null && !(passive && targets.Exists(t => t is not null)))
        {
            return built;
        }

        var (date, from) = dater.Date(article, si, predSpan);
        // PLOVER codes a stated intention as its own event: to do something cooperative is AGREE (CAMEO 03), to use
        // force or pressure is THREATEN (CAMEO 13) — "Japan will send aid" is also an AGREE, "X plans to attack" a THREATEN.
        string? intent = modality != Modality.Planned || noun || reported || !StatesIntent(toks, clauseStart, f.TokenStart) ? null : f.Entry.Type switch
        {
            "AGREE" or "CONSULT" or "SUPPORT" or "COOPERATE" or "AID" or "CONCEDE" or "RETREAT" => "AGREE",
            "PROTEST" or "SANCTION" or "MOBILIZE" or "COERCE" or "ASSAULT" => "THREATEN",
            _ => null,
        };

        // "did not accept", "have not been recognized by the US": withholding agreement or support is PLOVER's REJECT (CAMEO 12), asserted.
        if (intent is null && modality == Modality.Negated && !noun && f.Entry.Type is "AGREE" or "SUPPORT" or "CONCEDE")
        {
            intent = "REJECT";
        }

        foreach (var target in targets)
        {
            if (intent is not null && !(intent == "AGREE" && f.Entry.Type == "AGREE"))
            {
                built.Add((new Event
                {
                    Span = predSpan,
                    Text = article[predSpan],
                    Type = intent,
                    Cameo = intent switch { "AGREE" => "03", "REJECT" => "12", _ => "13" },
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
}
