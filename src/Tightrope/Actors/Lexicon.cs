namespace Tightrope.Actors;

/// <summary>
/// What the mention finder asks of one normalised word, answered once: whether it is a common word or a title
/// word, where the alias trie and the cue index go from it, whether it is a force noun or a surname the bridge
/// knows, whether it is one edit from a known surname. Each word of a text carries its answers.
/// </summary>
internal sealed class WordInfo(string norm)
{
    public readonly string Norm = norm;
    public bool Common;
    public bool Title;
    public bool Force;
    public bool BridgeSurname;

    /// <summary>A word that places a date past the middle of a term of office ("halfway", "midpoint"): where term bounds are looked for.</summary>
    public bool TermHalf;

    /// <summary>The alias trie node after this word (null when no alias starts with it).</summary>
    public AliasIndex.Node? AliasRoot;

    /// <summary>The title cues that start with this word, longest first (null when none).</summary>
    public List<RoleCue>? Cues;

    /// <summary>Whether one edit from a person's surname: -1 not yet asked, 0 no, 1 yes.</summary>
    public sbyte Near = -1;
}

/// <summary>
/// The word answers of one mention finder. Answers are kept per thread (news repeats its words), so a word's
/// string and answers are made once per thread, not once per occurrence; a thread that switches finders starts over.
/// </summary>
internal sealed class Lexicon(AliasIndex aliases, CueTrie cues, IReadOnlySet<string> titleWords, Func<string, bool> bridgeSurname)
{
    /// <summary>Most words remembered per thread (some megabytes); past it the memory starts over.</summary>
    private const int MaxWords = 65_536;

    [ThreadStatic]
    private static WordTable? t_words;

    [ThreadStatic]
    private static Lexicon? t_owner;

    /// <summary>The hash <see cref="Session.Get"/> wants, fed one character at a time as a word is read (FNV-1a).</summary>
    public const uint HashStart = 2166136261;

    public static uint HashNext(uint hash, char c) => (hash ^ c) * 16777619;

    /// <summary>This thread's words for this lexicon, for one text: look-ups without thread-static access per word.</summary>
    public Session Start()
    {
        var words = t_words ??= new WordTable();
        if (!ReferenceEquals(t_owner, this) || words.Count >= MaxWords)
        {
            words.Clear();
            t_owner = this;
        }

        return new Session(this, words);
    }

    /// <summary>The words of one thread, for one text (the memory starts over at the next text when full).</summary>
    public readonly struct Session(Lexicon lexicon, WordTable words)
    {
        public bool IsActive => lexicon is not null;

        /// <summary>The answers for a normalised word whose <see cref="HashNext"/> hash is <paramref name="hash"/>.</summary>
        public WordInfo Get(ReadOnlySpan<char> norm, uint hash) =>
            words.Find(norm, hash) ?? words.Add(lexicon.Make(new string(norm)), hash);
    }

    /// <summary>
    /// Normalised words and their answers, hashed as the word is read (one pass over its characters instead of a
    /// second one to hash it) and compared character by character; chained buckets, doubled when full.
    /// </summary>
    internal sealed class WordTable
    {
        private int[] _buckets = new int[1024]; // 1-based entry index, 0: empty
        private (uint Hash, int Next, WordInfo Info)[] _entries = new (uint, int, WordInfo)[1024];

        public int Count { get; private set; }

        public WordInfo? Find(ReadOnlySpan<char> norm, uint hash)
        {
            for (int e = _buckets[hash & (uint)(_buckets.Length - 1)]; e > 0;)
            {
                ref var entry = ref _entries[e - 1];
                if (entry.Hash == hash && norm.SequenceEqual(entry.Info.Norm))
                {
                    return entry.Info;
                }

                e = entry.Next;
            }

            return null;
        }

        public WordInfo Add(WordInfo info, uint hash)
        {
            if (Count == _entries.Length)
            {
                Grow();
            }

            ref var bucket = ref _buckets[hash & (uint)(_buckets.Length - 1)];
            _entries[Count] = (hash, bucket, info);
            bucket = ++Count;
            return info;
        }

        public void Clear()
        {
            Array.Clear(_buckets);
            Array.Clear(_entries, 0, Count);
            Count = 0;
        }

        private void Grow()
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            _buckets = new int[_buckets.Length * 2];
            for (int k = 0; k < Count; k++)
            {
                ref var bucket = ref _buckets[_entries[k].Hash & (uint)(_buckets.Length - 1)];
                _entries[k].Next = bucket;
                bucket = k + 1;
            }
        }
    }

    internal WordInfo Make(string norm) => new(norm)
    {
        Common = CommonWords.Contains(norm),
        Title = titleWords.Contains(norm),
        Force = ActorLists.ForceNouns.Contains(norm),
        BridgeSurname = bridgeSurname(norm),
        TermHalf = MentionFinder.IsTermHalfWord(norm),
        AliasRoot = aliases.RootChild(norm),
        Cues = cues.StartingWith(norm),
    };

    /// <summary>Whether the word could be one edit from a person's surname (remembered with the word).</summary>
    public bool NearSurname(WordInfo word)
    {
        if (word.Near < 0)
        {
            word.Near = aliases.NearSurname(word.Norm) ? (sbyte)1 : (sbyte)0;
        }

        return word.Near == 1;
    }
}
