using System.Collections.Concurrent;
using System.Collections.Frozen;
using Tightrope.Knowledge;
using Tightrope.Knowledge.Transliteration;
using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>
/// Detection and resolution of actor mentions in one article. Immutable after construction; per-article state
/// lives in locals, so one instance serves every thread. The work is split by concern: candidate spans
/// (<c>MentionFinder.Detect.cs</c>), titles and role cues (<c>.Titles.cs</c>), countries, demonyms and metonyms
/// (<c>.Countries.cs</c>), names read through the transliteration bridge (<c>.Bridge.cs</c>) and resolution in
/// the article's time (<c>.Resolve.cs</c>).
/// </summary>
internal sealed partial class MentionFinder
{
    private readonly KnowledgeBase _kb;
    private readonly ActorOptions _options;
    private readonly AliasIndex _aliases;
    private readonly TransliterationIndex _bridge;
    private readonly NativeNameIndex _native;
    private readonly FrozenDictionary<string, string> _countryAbbreviations;
    private readonly CueTrie _cues;
    private readonly DescriptionIndex _descriptions;
    private readonly Actor[] _countries;
    private readonly FrozenSet<string> _titleWords;
    private readonly Lexicon _lexicon;
    private readonly FrozenDictionary<string, Actor[]> _holders;
    private readonly FrozenDictionary<string, string[][]> _countryNames;
    private readonly FrozenDictionary<string, string[]> _countryWords;
    private readonly ConcurrentDictionary<string, string?> _foreignForces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), string?> _forcesAliases = new();
    private readonly Dictionary<Actor, double[]> _roleWeights = new(ReferenceEqualityComparer.Instance);

    public MentionFinder(KnowledgeBase kb, ActorOptions options)
    {
        _kb = kb;
        _options = options;
        _aliases = new AliasIndex(kb);
        _bridge = new TransliterationIndex(kb);
        _native = new NativeNameIndex(kb);
        _descriptions = new DescriptionIndex(kb);
        _countries = [.. kb.Actors.Where(a => a.Kind == ActorKind.Country)];
        _countryAbbreviations = CountryAbbreviationsOf(_countries);
        var cues = RoleCues.From(kb);
        _cues = new CueTrie(cues);
        // Who ever held an office each cue denotes: role-only mentions look only among them.
        _holders = cues.ToFrozenDictionary(c => c.Phrase, c => kb.Actors.Where(a => a.Kind == ActorKind.Person && c.HeldBy(a, null, null, kb)).ToArray(), StringComparer.Ordinal);
        _titleWords = TitleWordsOf(kb);
        _countryNames = _countries.DistinctBy(c => c.Id).ToFrozenDictionary(c => c.Id, c => NamesOf(c).ToArray(), StringComparer.Ordinal);
        _countryWords = _countries.DistinctBy(c => c.Id).ToFrozenDictionary(c => c.Id, NameWordsOf, StringComparer.Ordinal);
        foreach (var person in kb.Actors.Where(a => a.Kind == ActorKind.Person))
        {
            _roleWeights.TryAdd(person, RoleWeights(person, kb));
        }

        _lexicon = new Lexicon(_aliases, _cues, _titleWords, _bridge.IsSurname);
    }

    public TransliterationIndex Bridge => _bridge;

    internal Lexicon Lexicon => _lexicon;

    private Actor[] HoldersEver(RoleCue cue) => _holders.TryGetValue(cue.Phrase, out var list) ? list : [];

    /// <summary>
    /// Words that end or exclude a run of name words: the single-word titles and cues of the knowledge base's title
    /// vocabulary ("president", "envoy", "gen") and the list of honorifics and title modifiers.
    /// </summary>
    internal static FrozenSet<string> TitleWordsOf(KnowledgeBase kb)
    {
        var words = new HashSet<string>(ActorLists.TitleWords, StringComparer.Ordinal);
        foreach (var t in kb.Titles)
        {
            foreach (var phrase in t.Cues.Append(t.Title))
            {
                var folded = RoleCue.Fold(phrase);
                if (folded.Length > 0 && !folded.Contains(' ', StringComparison.Ordinal))
                {
                    words.Add(folded);
                }
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private enum Pending : byte
    {
        Alias,
        Bridge,
        Candidate,
        RoleOnly,
        Fixed,
        Description,
    }

    /// <summary>When a title before a name says its role was held.</summary>
    private enum CueTime : byte
    {
        /// <summary>At the article's date ("President Lee").</summary>
        Now,
        /// <summary>Before the date and not on it ("former President Lee", "ex-minister").</summary>
        Ended,
        /// <summary>At some time, the date included ("then-President Lee").</summary>
        Then,
    }

    /// <summary>A detected span waiting for resolution.</summary>
    private sealed class Raw
    {
        public int First;
        public int Last; // exclusive word index
        public Pending How;
        public AliasEntries? Entries;
        public BridgeMatch? Bridge;
        public string? FixedId;
        public MentionKind FixedKind;
        public Actor[]? Described;
        public RoleCue? Cue;
        /// <summary>When the cue's role was held: at the date, before it and not on it ("former"), at some time ("then-").</summary>
        public CueTime CueTime;
        public string? CountryHint;

        public bool LowerCase;

        /// <summary>A word that is a name only as a person of the article already named ("No said" after "No Kwang Chol").</summary>
        public bool OnlyCoreference;

        /// <summary>The normalised first word (for coreference across renderings).</summary>
        public string? Surface;
    }

    [ThreadStatic]
    private static List<Word>? t_words;

    [ThreadStatic]
    private static List<Token>? t_tokens;

    /// <summary>The mentions of the article resolved at <paramref name="date"/>; dated roles of titled names go to <paramref name="bounds"/> when given.</summary>
    public IReadOnlyList<Mention> Find(Article article, DateOnly? date, List<DateBound>? bounds = null)
    {
        var text = article.Text;
        var tokens = article.Tokens;
        if (tokens.Count == 0 && text.Length > 0)
        {
            // Run without the Text stage (a bare article): tokenise as it would, without touching the article.
            tokens = t_tokens ??= [];
            tokens.Clear();
            Tightrope.Text.Tokenizer.Tokenize(text, tokens);
        }

        var words = t_words ??= [];
        words.Clear();
        WordTokens.FromTokens(text, tokens, words, _lexicon);
        var raws = Detect(words, text, date);
        var mentions = AddNative(article, Resolve(article, words, raws, date, bounds), date);
        words.Clear();
        return mentions;
    }
}
