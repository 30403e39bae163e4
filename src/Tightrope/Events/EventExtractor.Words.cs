using Tightrope.Knowledge;

namespace Tightrope.Events;

/// <summary>
/// What the extractor asks of a word, worked out once per word form and thread: its lower-cased form, the lexicon
/// entries it starts (predicates, modality phrases, content cues, object-typed verbs) and the word classes it is in
/// (clause stop, particle, determiner, …). Every token of a loaded sentence points at its form's record, so the
/// clause analysis reads fields instead of hashing the word into a dozen sets again for every predicate.
/// </summary>
internal sealed partial class EventExtractor
{
    [Flags]
    private enum WordClass : uint
    {
        None = 0,
        ClauseStop = 1 << 0,
        Be = 1 << 1,
        Month = 1 << 2,
        Particle = 1 << 3,
        Determiner = 1 << 4,
        Participle = 1 << 5,
        GapPreposition = 1 << 6,
        ObjectGap = 1 << 7,
        RoleNoun = 1 << 8,
        NounMarker = 1 << 9,
        AdverbMarker = 1 << 10,
        VerbBefore = 1 << 11,
        GerundBefore = 1 << 12,
        NounHead = 1 << 13,
        LightVerb = 1 << 14,
        IntentMarker = 1 << 15,
        Negation = 1 << 16,
    }

    /// <summary>One word form (lower-cased, typographic apostrophe as a plain one) and what the lexicon says of it.</summary>
    private sealed class WordInfo
    {
        public WordInfo(string lower, EventLexicon lex)
        {
            Lower = lower;
            First = lex.ByFirst.GetValueOrDefault(lower);
            Modal = lex.Modal.GetValueOrDefault(lower);
            Cues = lex.Cues.GetValueOrDefault(lower);
            Composers = lex.Composers.GetValueOrDefault(lower);
            var c = WordClass.None;
            c |= ClauseStops.Contains(lower) ? WordClass.ClauseStop : 0;
            c |= Be.Contains(lower) ? WordClass.Be : 0;
            c |= Months.Contains(lower) ? WordClass.Month : 0;
            c |= Particles.Contains(lower) ? WordClass.Particle : 0;
            c |= EventLexicon.IsDeterminer(lower) ? WordClass.Determiner : 0;
            c |= lex.Participles.Contains(lower) ? WordClass.Participle : 0;
            c |= GapPrepositions.Contains(lower) ? WordClass.GapPreposition : 0;
            c |= ObjectGapWords.Contains(lower) ? WordClass.ObjectGap : 0;
            c |= RoleNouns.Contains(lower) ? WordClass.RoleNoun : 0;
            c |= NounMarkers.Contains(lower) ? WordClass.NounMarker : 0;
            c |= AdverbMarkers.Contains(lower) ? WordClass.AdverbMarker : 0;
            c |= VerbBefore.Contains(lower) ? WordClass.VerbBefore : 0;
            c |= GerundBefore.Contains(lower) ? WordClass.GerundBefore : 0;
            c |= NounHeads.Contains(lower) ? WordClass.NounHead : 0;
            c |= LightVerbs.Contains(lower) ? WordClass.LightVerb : 0;
            c |= IntentMarkers.Contains(lower) ? WordClass.IntentMarker : 0;
            c |= Negations.Contains(lower) ? WordClass.Negation : 0;
            Classes = c;
        }

        public string Lower { get; }

        /// <summary>The predicate phrases this word starts (longest first), if any.</summary>
        public List<(string[] Tail, Predicate Entry)>? First { get; }

        public List<(string[] Tail, Modality Modality)>? Modal { get; }

        public List<(string[] Tail, Predicate Entry)>? Cues { get; }

        public List<(string[] Tail, List<(HashSet<string> Objects, Predicate? Result)> Rules)>? Composers { get; }

        public WordClass Classes { get; }

        public bool Is(WordClass c) => (Classes & c) != 0;
    }

    /// <summary>The word's record from the thread's table (one record per word form; the table is cleared when it grows large).</summary>
    private WordInfo Info(Scratch scratch, Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> lowered, ReadOnlySpan<char> span)
    {
        if (span.Length == 1 && span[0] < 128)
        {
            return scratch.Ascii[span[0]] ??= new WordInfo(Ascii[span[0]], _lex);
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

        var info = new WordInfo(new string(dst), _lex);
        scratch.Lowered[info.Lower] = info;
        return info;
    }
}
