using System.Collections.Frozen;

namespace Tightrope.Knowledge.Transliteration;

/// <summary>A name matched through the bridge: the actor, the score (0..1) and how many syllables it covers.</summary>
public readonly record struct BridgeMatch(string ActorId, double Score, int Matched, int Syllables, bool SurnameOnly);

/// <summary>
/// The transliteration bridge: every person with native names, indexed per syllable by every acceptable rendering.
/// A candidate span ("Jin Dazhong", "Kim Dae-Zhong", "PIAO jinhui") is split into pieces on spaces, hyphens and
/// case changes, and aligned syllable by syllable with each person's name (a piece may hold several fused
/// syllables); each syllable may come from any rendering, small spelling errors are allowed, and the match is
/// scored. Built once from a knowledge base; immutable and thread-safe.
/// </summary>
public sealed class TransliterationIndex
{
    private const int MaxSyllableLength = 7;
    private readonly NameSyllables[] _names;
    private readonly FrozenSet<string> _transcriptions;
    private readonly FrozenDictionary<string, int[]> _bySurname;
    private readonly FrozenDictionary<string, int[]> _byFirst;

    public TransliterationIndex(KnowledgeBase knowledge, UnihanTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        table ??= UnihanTable.Default;
        var names = new List<NameSyllables>();
        foreach (var actor in knowledge.Actors)
        {
            if (actor.Kind == ActorKind.Person && NameSyllables.For(actor, table) is { } syllables)
            {
                names.Add(syllables);
            }
        }

        _names = [.. names];
        _transcriptions = names.Where(n => n.Transcription).Select(n => n.ActorId).ToFrozenSet(StringComparer.Ordinal);
        var bySurname = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _names.Length; i++)
        {
            for (int j = 0; j < _names[i].Count; j++)
            {
                foreach (var r in _names[i].Syllables[j])
                {
                    if (j == 0 && _names[i].Count > 1 && _names[i].SurnameFirst)
                    {
                        (bySurname.TryGetValue(r, out var s2) ? s2 : bySurname[r] = []).Add(i);
                    }
                }
            }
        }

        var byFirst = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _names.Length; i++)
        {
            foreach (var r in _names[i].Syllables[0])
            {
                (byFirst.TryGetValue(r, out var set) ? set : byFirst[r] = []).Add(i);
            }
        }

        _byFirst = byFirst.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order().ToArray(), StringComparer.Ordinal);
        _bySurname = bySurname.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order().ToArray(), StringComparer.Ordinal);
        _byFirstBySpan = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _matchesBySpan = _matches.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int People => _names.Length;

    /// <summary>Whether the person's native name is a phonetic transcription of a Western name (蓬佩奥 for Pompeo).</summary>
    public bool IsTranscription(string actorId) => _transcriptions.Contains(actorId);

    /// <summary>The least score at which a match resolves.</summary>
    public double Threshold { get; init; } = 0.6;

    public NameSyllables? SyllablesOf(string actorId) => Array.Find(_names, n => string.Equals(n.ActorId, actorId, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="word"/> is a rendering of the surname of <paramref name="actorId"/>.</summary>
    public bool IsSurnameOf(string word, string actorId)
    {
        var key = word.ToLowerInvariant();
        return _bySurname.TryGetValue(key, out var ids) && Array.Exists(ids, i => string.Equals(_names[i].ActorId, actorId, StringComparison.Ordinal));
    }

    /// <summary>Whether some person's surname has this rendering (lower-case).</summary>
    public bool IsSurname(string word) => _bySurname.ContainsKey(word);

    /// <summary>People whose surname has this rendering.</summary>
    public IEnumerable<string> PeopleWithSurname(string word) =>
        _bySurname.TryGetValue(word.ToLowerInvariant(), out var ids) ? ids.Select(i => _names[i].ActorId) : [];

    /// <summary>The best match of a candidate span above <see cref="Threshold"/>, or null.</summary>
    public BridgeMatch? Match(string span)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (_matches.TryGetValue(span, out var cached))
        {
            return cached;
        }

        var match = MatchCore(span);
        // Names recur across articles: remember the answer for each span, within a bound that keeps memory flat.
        // (A counter of our own: the dictionary's Count takes every lock.)
        if (Interlocked.Increment(ref _cachedCount) > MaxCachedMatches)
        {
            _matches.Clear();
            Interlocked.Exchange(ref _cachedCount, 1);
        }

        _matches[span] = match;
        return match;
    }

    /// <summary>
    /// <see cref="Match(string)"/> for a span of a longer text: a span already seen is answered without building
    /// a string for it.
    /// </summary>
    public BridgeMatch? Match(ReadOnlySpan<char> span)
    {
        return _matchesBySpan.TryGetValue(span, out var cached) ? cached : Match(span.ToString());
    }

    /// <summary>Most spans whose match is remembered (some megabytes).</summary>
    internal const int MaxCachedMatches = 50_000;

    private int _cachedCount;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, BridgeMatch?> _matches = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, BridgeMatch?>.AlternateLookup<ReadOnlySpan<char>> _matchesBySpan;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstBySpan;

    private BridgeMatch? MatchCore(string span)
    {
        var best = default(BridgeMatch);
        bool found = false;
        foreach (var m in Candidates(span))
        {
            if (!found || m.Score > best.Score)
            {
                best = m;
                found = true;
            }
        }

        return found && best.Score >= Threshold ? best : null;
    }

    /// <summary>
    /// False when no person's first syllable starts the first piece of <paramref name="span"/> and that piece ends
    /// inside it: then <see cref="Match(string)"/> finds nothing for the span, nor for any longer span that starts
    /// with it. True when some may match (or when the first piece is not closed inside the span).
    /// </summary>
    public bool MayMatchFrom(ReadOnlySpan<char> span)
    {
        int start = -1, i = 0;
        for (; i <= span.Length; i++)
        {
            bool letter = i < span.Length && char.IsAsciiLetter(span[i]);
            bool caseBreak = letter && start >= 0 && char.IsAsciiLetterUpper(span[i]) && char.IsAsciiLetterLower(span[i - 1]);
            if (start >= 0 && (!letter || caseBreak))
            {
                break;
            }

            if (letter && start < 0)
            {
                start = i;
            }
        }

        if (start < 0 || i >= span.Length)
        {
            return true;
        }

        // The prefilter of Candidates: a rendering of some person's first syllable is a prefix of the first piece.
        Span<char> piece = stackalloc char[MaxSyllableLength];
        int length = Math.Min(MaxSyllableLength, i - start);
        for (int k = 0; k < length; k++)
        {
            piece[k] = (char)(span[start + k] | 0x20);
        }

        var lookup = _byFirstBySpan;
        for (int len = 1; len <= length; len++)
        {
            if (lookup.ContainsKey(piece[..len]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every person the span could name, with scores (unfiltered), best first.</summary>
    public IEnumerable<BridgeMatch> Candidates(string span)
    {
        var pieces = Split(span);
        if (pieces.Count == 0)
        {
            return [];
        }

        var joined = string.Concat(pieces);
        var boundaries = new bool[joined.Length + 1];
        int pos = 0;
        foreach (var p in pieces)
        {
            boundaries[pos] = true;
            pos += p.Length;
        }

        boundaries[joined.Length] = true;

        // Prefilter: people who have some rendering equal to a prefix of some piece.
        // Prefilter: the first piece starts with a rendering of the person's first syllable (the surname is never
        // skipped; a misspelt surname is found through the coreference of the given name instead).
        var ids = new HashSet<int>();
        var lookup = _byFirstBySpan;
        var first = pieces[0];
        for (int len = 1; len <= Math.Min(MaxSyllableLength, first.Length); len++)
        {
            if (lookup.TryGetValue(first.AsSpan(0, len), out var hits))
            {
                ids.UnionWith(hits);
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var results = new List<BridgeMatch>();
        foreach (var i in ids)
        {
            if (Align(joined, boundaries, pieces.Count, _names[i]) is { } m)
            {
                results.Add(m);
            }
        }

        results.Sort((a, b) => b.Score.CompareTo(a.Score));
        return results;
    }

    internal static List<string> Split(string span)
    {
        var pieces = new List<string>();
        int start = -1;
        for (int i = 0; i <= span.Length; i++)
        {
            bool letter = i < span.Length && char.IsAsciiLetter(span[i]);
            // A lower-to-upper change inside a word starts a new piece ("DaZhong"); an all-caps word stays whole.
            bool caseBreak = letter && start >= 0 && char.IsAsciiLetterUpper(span[i]) && char.IsAsciiLetterLower(span[i - 1]);
            if (start >= 0 && (!letter || caseBreak))
            {
                pieces.Add(span[start..i].ToLowerInvariant());
                start = -1;
            }

            if (letter && start < 0)
            {
                start = i;
            }
        }

        return pieces;
    }

    /// <summary>
    /// Aligns the joined pieces with the name's syllables by dynamic programming. A syllable consumes a substring
    /// that does not cross a piece boundary; pieces must start at syllable boundaries. Costs: exact 0, fuzzy 1;
    /// one skipped syllable of the name (not the surname) costs 2.
    /// </summary>
    [ThreadStatic]
    private static int[]? t_align;

    private BridgeMatch? Align(string s, bool[] boundaries, int pieceCount, NameSyllables name)
    {
        int n = name.Count, m = s.Length;
        const int Inf = int.MaxValue / 4;
        // cost[j, k] = least cost of matching the first j syllables with s[..k]; exact[j,k] counts exact syllables.
        // The three tables are one flat array of this thread, (n + 1) rows of (m + 1): no allocation per candidate.
        int width = m + 1, size = (n + 1) * width;
        var table = t_align is { } buffer && buffer.Length >= 3 * size ? buffer : t_align = new int[Math.Max(3 * size, 256)];
        var cost = table.AsSpan(0, size);
        var exact = table.AsSpan(size, size);
        var skips = table.AsSpan(2 * size, size);
        // exact and skips are read only where cost was set, and set with it.
        cost.Fill(Inf);
        cost[0] = 0;
        exact[0] = 0;
        skips[0] = 0;
        for (int j = 0; j < n; j++)
        {
            for (int k = 0; k <= m; k++)
            {
                int here = j * width + k;
                if (cost[here] >= Inf)
                {
                    continue;
                }

                // Skip one middle syllable of the name (translation sometimes drops one); never the surname or the last.
                if (j > 0 && j < n - 1 && skips[here] == 0 && boundaries[k])
                {
                    Relax(cost, exact, skips, here + width, cost[here] + 2, exact[here], 1);
                }

                if (k == m)
                {
                    continue;
                }

                for (int end = k + 1; end <= Math.Min(m, k + MaxSyllableLength); end++)
                {
                    var sub = s.AsSpan(k, end - k);
                    int c = SyllableCost(sub, name.Syllables[j], name.Near[j]);
                    if (c < Inf)
                    {
                        Relax(cost, exact, skips, (j + 1) * width + end, cost[here] + c, exact[here] + (c == 0 ? 1 : 0), skips[here]);
                    }

                    if (boundaries[end] && end < m)
                    {
                        // A syllable may end a piece, but never run into the next one.
                        break;
                    }
                }
            }
        }

        static void Relax(Span<int> cost, Span<int> exact, Span<int> skips, int at, int c, int e, int sk)
        {
            if (c < cost[at] || (c == cost[at] && e > exact[at]))
            {
                cost[at] = c;
                exact[at] = e;
                skips[at] = sk;
            }
        }

        int last = n * width + m;
        if (cost[last] >= Inf)
        {
            // A single piece may be the surname alone ("Yin"): reported, but only coreference may use it.
            if (pieceCount == 1 && name.Syllables[0].Contains(s))
            {
                return new BridgeMatch(name.ActorId, 0.5, 1, n, SurnameOnly: true);
            }

            return pieceCount == 1 ? Truncated(s, name, cost, exact, skips, width) : null;
        }

        int matched = n - skips[last];
        int fuzzy = matched - exact[last];
        double score = (exact[last] + 0.7 * fuzzy) / n - 0.05 * skips[last];
        // Length agreement: pieces should not outnumber syllables.
        if (pieceCount > n)
        {
            return null;
        }

        return new BridgeMatch(name.ActorId, Math.Clamp(score, 0, 1), matched, n, SurnameOnly: false);
    }

    /// <summary>
    /// A transcription read only in its first syllables, as one word ("Zelian" for 泽连斯基 ze-lian-si-ji): at least
    /// two syllables and half the name, none skipped, five letters or more, and starting as a word of the Latin name does (the
    /// transcription renders that name, so a reading of its beginning shares its first letters).
    /// </summary>
    private static BridgeMatch? Truncated(string s, NameSyllables name, Span<int> cost, Span<int> exact, Span<int> skips, int width)
    {
        int n = name.Count, m = s.Length;
        if (!name.Transcription || m < 5 || !StartsLikeLatin(s, name.LatinWords))
        {
            return null;
        }

        for (int j = n - 1; j >= 2 && 2 * j >= n; j--)
        {
            int at = j * width + m;
            if (cost[at] < int.MaxValue / 4 && skips[at] == 0)
            {
                double quality = (exact[at] + 0.7 * (j - exact[at])) / j;
                return new BridgeMatch(name.ActorId, 0.7 * quality, j, n, SurnameOnly: false);
            }
        }

        return null;
    }

    private static bool StartsLikeLatin(string s, IReadOnlyList<string> latin)
    {
        foreach (var w in latin)
        {
            if (w.Length >= 2 && string.CompareOrdinal(w, 0, s, 0, 2) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int SyllableCost(ReadOnlySpan<char> sub, FrozenSet<string> renderings, FrozenSet<string> near)
    {
        if (renderings.GetAlternateLookup<ReadOnlySpan<char>>().Contains(sub))
        {
            return 0;
        }

        if (sub.Length < 3 || sub.Length > 10)
        {
            return int.MaxValue / 4;
        }

        // One edit from a rendering (or from its stem without the final consonant): see NameSyllables.Near. A stem
        // or two letters swapped ("wha" for "hwa") first.
        var lookup = near.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> key = stackalloc char[14];
        Key(key, 'B', ':', sub);
        if (lookup.Contains(key[..(sub.Length + 2)]))
        {
            return 1;
        }

        Key(key, 'T', ':', sub);
        if (lookup.Contains(key[..(sub.Length + 2)]))
        {
            return 1;
        }

        // Otherwise a fuzzy syllable keeps its initial: romanisations differ in vowels and finals, and the voiced and
        // unvoiced initials are renderings of their own; another initial is another syllable ("Byung" is not "Myung").
        if (!StartsLikeOne(sub[0], renderings))
        {
            return int.MaxValue / 4;
        }

        Key(key, 'D', ':', sub);
        if (lookup.Contains(key[..(sub.Length + 2)]))
        {
            return 1;
        }

        for (int k = 0; k < sub.Length; k++)
        {
            // sub with one letter deleted: an inserted letter ("B:"), or a substitution at k ("S{k}:").
            key[0] = 'B';
            key[1] = ':';
            sub[..k].CopyTo(key[2..]);
            sub[(k + 1)..].CopyTo(key[(2 + k)..]);
            var del = key[..(sub.Length + 1)];
            if (lookup.Contains(del))
            {
                return 1;
            }

            key[0] = 'S';
            key[1] = (char)('0' + k);
            key[2] = ':';
            sub[..k].CopyTo(key[3..]);
            sub[(k + 1)..].CopyTo(key[(3 + k)..]);
            if (lookup.Contains(key[..(sub.Length + 2)]))
            {
                return 1;
            }
        }

        return int.MaxValue / 4;
    }

    private static bool StartsLikeOne(char initial, FrozenSet<string> renderings)
    {
        foreach (var r in renderings)
        {
            if (r.Length > 0 && r[0] == initial)
            {
                return true;
            }
        }

        return false;
    }

    private static void Key(Span<char> key, char a, char b, ReadOnlySpan<char> sub)
    {
        key[0] = a;
        key[1] = b;
        sub.CopyTo(key[2..]);
    }

    private static bool IsConsonants(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if ("aeiouy".Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Optimal string alignment distance ≤ 1 (one insertion, deletion, substitution or transposition).</summary>
    internal static bool EditDistanceAtMostOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length || i == b.Length)
        {
            return true; // differ only by a trailing char (lengths differ by ≤1)
        }

        if (a.Length == b.Length)
        {
            if (a[(i + 1)..].SequenceEqual(b[(i + 1)..]))
            {
                return true;
            }

            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
        }

        return a.Length > b.Length ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
    }
}
