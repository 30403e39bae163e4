using System.Collections.Frozen;
using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>The indicators' cue and context phrases, found once per article and asked about per sentence, clause or window.</summary>
internal sealed partial class FigureAnnotator
{
    /// <summary>Where a phrase of an indicator was found in the text: [Start, End).</summary>
    private readonly record struct CueMatch(int Indicator, int Start, int End);

    /// <summary>
    /// The indicators' phrases (their cues, or their context phrases) by their first word, so a text is read once
    /// for all of them instead of once per phrase: a phrase that starts with a letter or digit can only match
    /// whole-word at the start of a word. <see cref="PhraseMatches"/> keeps an article's matches, read sentence by
    /// sentence as they are asked for.
    /// </summary>
    private sealed class CueIndex
    {
        private readonly FrozenDictionary<string, (int Indicator, string Cue)[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
        private readonly (int Indicator, string Cue)[] _other;

        /// <summary>For each first-word length, a bit per first character (<see cref="CharBit"/>) of a phrase's first word: most words are passed over without a look-up.</summary>
        private readonly ulong[] _shapes = new ulong[MaxShapeLength + 1];

        /// <summary>Every phrase indexed by first word also ends in a letter or digit (so none can end at a stretch's end after a non-word character).</summary>
        private readonly bool _endsInWord = true;

        private const int MaxShapeLength = 31;

        public CueIndex(IndicatorCatalog catalog, Func<Indicator, IReadOnlyList<string>> phrases)
        {
            var byWord = new Dictionary<string, List<(int, string)>>(StringComparer.OrdinalIgnoreCase);
            var other = new List<(int, string)>();
            for (int k = 0; k < catalog.Indicators.Count; k++)
            {
                foreach (var cue in phrases(catalog.Indicators[k]))
                {
                    int e = 0;
                    while (e < cue.Length && char.IsLetterOrDigit(cue[e]))
                    {
                        e++;
                    }

                    if (e == 0)
                    {
                        other.Add((k, cue));
                        continue;
                    }

                    _endsInWord &= char.IsLetterOrDigit(cue[^1]);
                    var first = cue[..e];
                    _shapes[Math.Min(e, MaxShapeLength)] |= CharBit(first[0]);
                    if (!byWord.TryGetValue(first, out var list))
                    {
                        byWord[first] = list = [];
                    }

                    list.Add((k, cue));
                }
            }

            _byFirstWord = byWord.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase)
                .GetAlternateLookup<ReadOnlySpan<char>>();
            _other = [.. other];
        }

        /// <summary>
        /// A bit for a word's first character, the same for both cases (a–z, 0–9); any other character sets every bit,
        /// since a character outside ASCII may fold to an ASCII letter under OrdinalIgnoreCase ("ſ", "ı").
        /// </summary>
        private static ulong CharBit(char c) =>
            char.IsAsciiLetter(c) ? 1UL << ((c | 0x20) - 'a') : char.IsAsciiDigit(c) ? 1UL << (26 + c - '0') : ulong.MaxValue;

        /// <summary>Sets <paramref name="found"/>[k] for every indicator k with a cue in <paramref name="sentence"/> (whole words, any case).</summary>
        public void Mark(ReadOnlySpan<char> sentence, Span<bool> found)
        {
            foreach (var (k, cue) in _other)
            {
                found[k] |= ContainsPhrase(sentence, cue);
            }

            int i = 0;
            while (i < sentence.Length)
            {
                if (!char.IsLetterOrDigit(sentence[i]))
                {
                    i++;
                    continue;
                }

                int e = i + 1;
                while (e < sentence.Length && char.IsLetterOrDigit(sentence[e]))
                {
                    e++;
                }

                if ((_shapes[Math.Min(e - i, MaxShapeLength)] & CharBit(sentence[i])) != 0 && _byFirstWord.TryGetValue(sentence[i..e], out var cues))
                {
                    foreach (var (k, cue) in cues)
                    {
                        int end = i + cue.Length;
                        if (!found[k] && sentence[i..].StartsWith(cue, StringComparison.OrdinalIgnoreCase)
                            && (end >= sentence.Length || !char.IsLetterOrDigit(sentence[end])))
                        {
                            found[k] = true;
                        }
                    }
                }

                i = e;
            }
        }

        /// <summary>
        /// Every match in the text of a phrase indexed by its first word that starts in [from, to), in order of start,
        /// as a reading of the whole text would find them (a word cut at <paramref name="from"/> is no word start).
        /// </summary>
        public void FindRange(string text, int from, int to, List<CueMatch> into)
        {
            var s = text.AsSpan();
            int i = from;
            if (i > 0 && char.IsLetterOrDigit(s[i - 1]))
            {
                while (i < s.Length && char.IsLetterOrDigit(s[i]))
                {
                    i++;
                }
            }

            while (i < to)
            {
                if (!char.IsLetterOrDigit(s[i]))
                {
                    i++;
                    continue;
                }

                int e = i + 1;
                while (e < s.Length && char.IsLetterOrDigit(s[e]))
                {
                    e++;
                }

                if ((_shapes[Math.Min(e - i, MaxShapeLength)] & CharBit(s[i])) != 0 && _byFirstWord.TryGetValue(s[i..e], out var cues))
                {
                    foreach (var (k, cue) in cues)
                    {
                        int end = i + cue.Length;
                        if (s[i..].StartsWith(cue, StringComparison.OrdinalIgnoreCase) && (end >= s.Length || !char.IsLetterOrDigit(s[end])))
                        {
                            into.Add(new CueMatch(k, i, end));
                        }
                    }
                }

                i = e;
            }
        }

        /// <summary>The phrases that do not start with a letter or digit: looked for in each stretch itself.</summary>
        public void MarkOther(ReadOnlySpan<char> stretch, Span<bool> found)
        {
            foreach (var (k, cue) in _other)
            {
                found[k] |= ContainsPhrase(stretch, cue);
            }
        }

        /// <summary>
        /// Whether the words of text[from, to) are words of the text (no word cut at either end) and a phrase ending at
        /// <paramref name="to"/> ends the same in the stretch as in the text: then the article's matches answer for it.
        /// </summary>
        public bool Clean(string text, int from, int to)
        {
            bool start = from == 0 || !char.IsLetterOrDigit(text[from - 1]) || !char.IsLetterOrDigit(text[from]);
            bool end = to >= text.Length || !char.IsLetterOrDigit(text[to]) || _endsInWord && !char.IsLetterOrDigit(text[to - 1]);
            return start && end;
        }
    }

    /// <summary>
    /// The matches of one index's phrases in one article, read sentence by sentence (each with the gap after it) the
    /// first time a stretch reaches it. A stretch of the text is then answered from them exactly as reading that
    /// stretch alone would (<see cref="CueIndex.Mark(ReadOnlySpan{char}, bool[])"/>, still used when a stretch starts
    /// or ends inside a word).
    /// </summary>
    private sealed class PhraseMatches
    {
        private readonly List<CueMatch> _matches = [];
        private CueIndex _index = null!;
        private string _text = "";
        private List<Sentence> _sentences = [];
        /// <summary>Per chunk (0: before the first sentence; j + 1: sentence j up to the next), where its matches start in <see cref="_matches"/>; -1 until read.</summary>
        private int[] _first = [];
        private int[] _count = [];

        /// <summary>Starts on an article: nothing read yet.</summary>
        public void Start(CueIndex index, string text, List<Sentence> sentences)
        {
            _index = index;
            _text = text;
            _sentences = sentences;
            _matches.Clear();
            int chunks = sentences.Count + 1;
            if (_first.Length < chunks)
            {
                _first = new int[Math.Max(chunks, _first.Length * 2)];
                _count = new int[_first.Length];
            }

            _first.AsSpan(0, chunks).Fill(-1);
        }

        /// <summary>Sets <paramref name="found"/>[k] for every indicator k with a phrase in text[from, to) (whole words, any case).</summary>
        public void Mark(int from, int to, Span<bool> found)
        {
            if (to <= from)
            {
                return;
            }

            if (!_index.Clean(_text, from, to))
            {
                _index.Mark(_text.AsSpan(from, to - from), found);
                return;
            }

            _index.MarkOther(_text.AsSpan(from, to - from), found);
            int last = ChunkOf(to - 1);
            for (int c = ChunkOf(from); c <= last; c++)
            {
                Read(c);
                for (int m = _first[c], end = _first[c] + _count[c]; m < end; m++)
                {
                    var match = _matches[m];
                    if (match.Start >= from && match.Start < to && match.End <= to)
                    {
                        found[match.Indicator] = true;
                    }
                }
            }
        }

        /// <summary>The chunk holding offset <paramref name="p"/>: after the last sentence starting at or before it.</summary>
        private int ChunkOf(int p)
        {
            int lo = 0, hi = _sentences.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (_sentences[mid].Span.Start <= p)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private void Read(int c)
        {
            if (_first[c] >= 0)
            {
                return;
            }

            int from = c == 0 ? 0 : _sentences[c - 1].Span.Start;
            int to = c < _sentences.Count ? _sentences[c].Span.Start : _text.Length;
            _first[c] = _matches.Count;
            _index.FindRange(_text, from, to, _matches);
            _count[c] = _matches.Count - _first[c];
        }
    }
}
