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

    private readonly record struct Tok(int Index, TextSpan Span, WordInfo Info, bool Word, bool Upper)
    {
        public string Lower => Info.Lower;

        public bool Is(WordClass c) => Info.Is(c);
    }

    private readonly record struct Found(int TokenStart, int TokenEnd, Predicate Entry);

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

        /// <summary>Every lower-cased word form met so far with its record, so that a word read again is no new string and no lookups (cleared when it grows large).</summary>
        public readonly Dictionary<string, WordInfo> Lowered = new(StringComparer.Ordinal);

        /// <summary>The records of the one-character ASCII words.</summary>
        public readonly WordInfo?[] Ascii = new WordInfo?[128];

        /// <summary>The lexicon the records were made from (a thread may run extractors of several lexicons).</summary>
        public EventLexicon? Lexicon;

        public char[] Buffer = new char[64];

        /// <summary>The (type, source, target) of the events one sentence has given so far.</summary>
        public readonly HashSet<(string, string?, string?)> Emitted = [];

        /// <summary>The article's repeats: the first kept event of each (type, source, target, modality), and the next kept one of the same key.</summary>
        public readonly Dictionary<(string, string?, string?, Modality), int> Seen = [];

        public readonly List<int> Next = [];

        /// <summary>Each predicate's subjects, read by the later predicates of its sentence (entries past the sentence's predicates are stale).</summary>
        public List<string>?[] SubjectsOf = new List<string>?[16];

        /// <summary>The lists <see cref="SubjectsOf"/> points into, one per predicate index, reused.</summary>
        public readonly List<List<string>> SubjectPool = [];
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    private const int MaxLowered = 50_000;

    /// <summary>The one-character words of ASCII, lower-cased (punctuation, "a", digits).</summary>
    private static readonly string[] Ascii = [.. Enumerable.Range(0, 128).Select(c => char.ToLowerInvariant((char)c).ToString())];

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
        if (!ReferenceEquals(scratch.Lexicon, _lex))
        {
            scratch.Lexicon = _lex;
            scratch.Lowered.Clear();
            Array.Clear(scratch.Ascii);
        }

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

            bool any = Prescan(article, tokenCursor, sentence, out bool? cue);

            // A statement whose quotation goes on in the next sentence is read for its speaker even with no cue.
            bool quoteNext = si + 1 < article.Sentences.Count && OpensQuote(text, article.Sentences[si + 1].Span) && ClosesQuote(text, sentence);
            if (!any && !carried && !quoteNext && cue != true)
            {
                continue;
            }

            LoadTokens(article, tokenCursor, sentence, scratch, toks);
            while (mentionCursor < mentions.Count && mentions[mentionCursor].Span.Start < sentence.Start)
            {
                mentionCursor++;
            }

            var inSentence = ResolvedIn(mentions, mentionCursor, sentence, scratch.InSentence);
            for (int mi = 0; mi < inSentence.Count; mi++)
            {
                inSentence[mi] = Administration(article, inSentence[mi]);
            }

            var found = FindPredicates(toks, inSentence);
            bool question = sentence.End > 0 && text[Math.Max(sentence.Start, sentence.End - 1)] == '?';
            var emitted = scratch.Emitted;
            emitted.Clear();
            string? silentSpeaker = null;
            if (scratch.SubjectsOf.Length < found.Count)
            {
                scratch.SubjectsOf = new List<string>?[Math.Max(found.Count, scratch.SubjectsOf.Length * 2)];
            }

            var subjectsOf = scratch.SubjectsOf;
            Array.Clear(subjectsOf, 0, found.Count);
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

        return requireActor ? Repeated(mentions, result) : result;
    }

    /// <summary>
    /// Whether the sentence may hold a predicate, from its words looked up as spans before anything is built (most
    /// sentences hold none). A reporting verb alone counts only with a content cue in its sentence: <paramref name="cue"/>
    /// is whether there is one when that was looked at, else null.
    /// </summary>
    private bool Prescan(Article article, int tokenCursor, TextSpan sentence, out bool? cue)
    {
        var text = article.Text;
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

        cue = null;
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

        return any;
    }

    /// <summary>The sentence's tokens from the Text stage's, with their lower-cased forms, into the thread's token list.</summary>
    private void LoadTokens(Article article, int tokenCursor, TextSpan sentence, Scratch scratch, List<Tok> toks)
    {
        var text = article.Text;
        var lowered = scratch.Lowered.GetAlternateLookup<ReadOnlySpan<char>>();
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
            toks.Add(new Tok(toks.Count, tk.Span, Info(scratch, lowered, span), tk.Kind == TokenKind.Word, span.Length > 0 && char.IsUpper(span[0])));
        }
    }

    /// <summary>The resolved mentions inside the sentence (from the first at or after its start), into the reused list.</summary>
    private static List<Mention> ResolvedIn(List<Mention> mentions, int mentionCursor, TextSpan sentence, List<Mention> inSentence)
    {
        inSentence.Clear();
        for (int mi = mentionCursor; mi < mentions.Count && mentions[mi].Span.Start < sentence.End; mi++)
        {
            var m = mentions[mi];
            if (m.ActorId is not null && m.Span.End <= sentence.End)
            {
                inSentence.Add(m);
            }
        }

        return inSentence;
    }

    /// <summary>Whether a word of the sentence starts a content cue of reported statements.</summary>
    private bool HasCue(List<Tok> toks)
    {
        foreach (var t in toks)
        {
            if (t.Word && t.Info.Cues is not null)
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
    private List<Event> Repeated(List<Mention> sorted, List<Event> events)
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
                if ((keep[i].Date == e.Date || !dated || keep[i].DateFrom != "sentence") && SameAct(keep[i], e) && Topic(sorted, keep[i]) == Topic(sorted, e))
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

    /// <summary>
    /// Whether two reports name the same act: the same mode ("met", "the meeting": meet), or predicates that start
    /// alike ("visited", "the visit"). "asked" and, later, "proposed" are two requests, not one reported twice.
    /// </summary>
    private static bool SameAct(Event a, Event b)
    {
        if (a.Mode is not null && a.Mode == b.Mode)
        {
            return true;
        }

        var x = a.Text.AsSpan();
        var y = b.Text.AsSpan();
        int n = Math.Min(4, Math.Min(x.Length, y.Length));
        return n > 0 && x[..n].Equals(y[..n], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// What the act is about, when its sentence names it after the predicate: the first agreement, exercise or weapon
    /// system of the knowledge base ("reached an agreement on the SMA" and "reached an agreement to amend the missile
    /// guidelines" are two agreements); null when the sentence names none. Reports about different things are two events.
    /// </summary>
    private string? Topic(List<Mention> sorted, Event e)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            (lo, hi) = sorted[mid].Span.Start < e.Span.End ? (mid + 1, hi) : (lo, mid);
        }

        for (int i = lo; i < sorted.Count && sorted[i].Span.Start < e.Sentence.End; i++)
        {
            var m = sorted[i];
            if (m.ActorId is { } id && m.Span.End <= e.Sentence.End
                && knowledge.Find(id)?.Kind is ActorKind.Agreement or ActorKind.Exercise or ActorKind.WeaponSystem)
            {
                return id;
            }
        }

        return null;
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
            if (!tk.Word || tk.Info.First is not { } options || OverlapsAny(mentions, tk.Span))
            {
                continue;
            }

            // A capitalised month name ("March", "May") is a date, not a predicate.
            if (tk.Upper && i > 0 && tk.Is(WordClass.Month))
            {
                continue;
            }

            if (tk.Upper && i > 0 && !titleCase && ((toks[i - 1].Word && toks[i - 1].Upper) || (i + 1 < toks.Count && toks[i + 1].Word && toks[i + 1].Upper)))
            {
                continue;
            }

            // "is seeking to offer": a predicate that with the next word is a marker of intention is no act of its own.
            if (i + 1 < toks.Count && tk.Info.Modal is { } marks && MarksIntent(marks, toks[i + 1].Lower))
            {
                continue;
            }

            foreach (var (rest, entry) in options)
            {
                int j = i + 1;
                bool ok = true, modifier = false;
                foreach (var w in rest)
                {
                    while (j < toks.Count && toks[j].Is(WordClass.Determiner) && !EventLexicon.IsDeterminer(w))
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

    /// <summary>The index of the predicate that covers token <paramref name="t"/>, or -1 (a loop: a lambda allocated a closure per call).</summary>
    private static int Covering(List<Found> found, int t)
    {
        for (int k = 0; k < found.Count; k++)
        {
            if (found[k].TokenStart <= t && found[k].TokenEnd > t)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The index of the first predicate that starts at or after token <paramref name="t"/>, or -1.</summary>
    private static int FirstFrom(List<Found> found, int t)
    {
        for (int k = 0; k < found.Count; k++)
        {
            if (found[k].TokenStart >= t)
            {
                return k;
            }
        }

        return -1;
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
            if (!toks[i].Word || toks[i].Info.Composers is not { } options)
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
                int own = Covering(found, i);
                if (own >= 0 && (found[own].TokenStart != i || found[own].TokenEnd != verbEnd))
                {
                    break;
                }

                int obj = FirstFrom(found, verbEnd);
                if (obj < 0 || found[obj].TokenStart - verbEnd > 5)
                {
                    break;
                }

                bool gap = true;
                for (int k = verbEnd; k < found[obj].TokenStart && gap; k++)
                {
                    var t = toks[k];
                    gap = (t.Word && !t.Upper && (char.IsDigit(t.Lower[0]) || t.Is(WordClass.ObjectGap) || (!t.Is(WordClass.Particle | WordClass.ClauseStop | WordClass.GapPreposition) && t.Lower is not ("and" or "or" or "to"))))
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
                    int at = FirstFrom(found, i + 1);
                    found.Insert(at < 0 ? found.Count : at, composed);
                }

                i = o.TokenEnd - 1;
                break;
            }
        }
    }
}
