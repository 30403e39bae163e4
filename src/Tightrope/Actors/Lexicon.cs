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
    private static Dictionary<string, WordInfo>? t_words;

    [ThreadStatic]
    private static Lexicon? t_owner;

    /// <summary>This thread's words for this lexicon, for one text: look-ups without thread-static access per word.</summary>
    public Session Start()
    {
        var words = t_words ??= new Dictionary<string, WordInfo>(StringComparer.Ordinal);
        if (!ReferenceEquals(t_owner, this) || words.Count >= MaxWords)
        {
            words.Clear();
            t_owner = this;
        }

        return new Session(this, words);
    }

    /// <summary>The words of one thread, for one text (the memory starts over at the next text when full).</summary>
    public readonly struct Session(Lexicon lexicon, Dictionary<string, WordInfo> words)
    {
        private readonly Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool IsActive => lexicon is not null;

        /// <summary>The answers for a normalised word.</summary>
        public WordInfo Get(ReadOnlySpan<char> norm)
        {
            if (_lookup.TryGetValue(norm, out var known))
            {
                return known;
            }

            var info = lexicon.Make(new string(norm));
            words.Add(info.Norm, info);
            return info;
        }
    }

    internal WordInfo Make(string norm) => new(norm)
    {
        Common = CommonWords.Contains(norm),
        Title = titleWords.Contains(norm),
        Force = ActorLists.ForceNouns.Contains(norm),
        BridgeSurname = bridgeSurname(norm),
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
