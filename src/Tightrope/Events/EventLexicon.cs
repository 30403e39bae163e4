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

    /// <summary>The content cues of reported statements (<c>events-speech-content</c>) by their first word.</summary>
    public Dictionary<string, List<(string[] Tail, Predicate Entry)>> Cues { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first words (every form) that start reporting verbs only.</summary>
    public HashSet<string> SpeechOnly { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Verbs typed by their object's act (<c>events-object-types</c>) by the first word in every form: the rest of the
    /// phrase and the rules, each a set of object types and the type given (null: the object's own).
    /// </summary>
    public Dictionary<string, List<(string[] Tail, List<(HashSet<string> Objects, Predicate? Result)> Rules)>> Composers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The pseudo-type of a reporting verb ("said", "told"): the extractor gives it a type from what is said, or drops it.</summary>
    public const string Speech = "SPEECH";

    public static EventLexicon English { get; } = new(LanguageData.English["events-predicates"], LanguageData.English["events-irregular-verbs"], LanguageData.English["events-modality"],
        LanguageData.English["events-speech-verbs"], LanguageData.English["events-speech-content"], LanguageData.English["events-object-types"]);

    public EventLexicon(WordList predicates, WordList irregular, WordList modality, WordList? speechVerbs = null, WordList? speechCues = null, WordList? objectTypes = null)
    {
        var phrases = predicates.Values.Select(kv => (kv.Key, kv.Value)).ToList();
        if (speechVerbs is not null)
        {
            phrases.AddRange(speechVerbs.Words.Where(w => !predicates.Values.ContainsKey(w)).Select(w => (w, Speech + " 01")));
        }

        foreach (var (phrase, value) in phrases)
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

        foreach (var (first, list) in ByFirst)
        {
            list.Sort((a, b) => b.Tail.Length.CompareTo(a.Tail.Length));
            if (list.TrueForAll(p => p.Entry.Type == Speech))
            {
                SpeechOnly.Add(first);
            }
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

        foreach (var (phrase, value) in speechCues?.Values ?? System.Collections.Frozen.FrozenDictionary<string, string>.Empty)
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!Cues.TryGetValue(words[0], out var list))
            {
                Cues[words[0]] = list = [];
            }

            list.Add((words[1..], new Predicate(parts[0], parts[1], null)));
        }

        foreach (var list in Cues.Values)
        {
            list.Sort((a, b) => b.Tail.Length.CompareTo(a.Tail.Length));
        }

        foreach (var (phrase, value) in objectTypes?.Values ?? System.Collections.Frozen.FrozenDictionary<string, string>.Empty)
        {
            var rules = new List<(HashSet<string>, Predicate?)>();
            foreach (var rule in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var sides = rule.Split('>', StringSplitOptions.TrimEntries);
                var objects = new HashSet<string>(sides[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
                var parts = sides[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                rules.Add((objects, parts is ["="] ? null : new Predicate(parts[0], parts[1], parts.Length > 2 ? parts[2] : null)));
            }

            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var form in Forms(words[0], irregular, []))
            {
                if (!Composers.TryGetValue(form, out var list))
                {
                    Composers[form] = list = [];
                }

                list.Add((words[1..], rules));
            }
        }

        foreach (var list in Composers.Values)
        {
            list.Sort((a, b) => b.Tail.Length.CompareTo(a.Tail.Length));
        }

        foreach (var w in ByFirst.Keys)
        {
            FirstShapes.Add(w);
        }

        foreach (var w in Cues.Keys)
        {
            CueShapes.Add(w);
        }
    }

    /// <summary>A quick test before the predicate lookup: whether a word of this length and first letter starts a phrase.</summary>
    public WordShapes FirstShapes { get; } = new();

    /// <summary>The same test for the content cues.</summary>
    public WordShapes CueShapes { get; } = new();

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

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeBase, System.Collections.Concurrent.ConcurrentDictionary<string, string?>> Codes = [];

    /// <summary>The actor's CAMEO-style code, worked out once per knowledge base and id.</summary>
    public static string? Of(KnowledgeBase knowledge, string? id)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (id is null)
        {
            return null;
        }

        var cache = Codes.GetValue(knowledge, static _ => new(StringComparer.Ordinal));
        return cache.TryGetValue(id, out var code) ? code : cache.GetOrAdd(id, Compute(knowledge, id));
    }

    private static string? Compute(KnowledgeBase knowledge, string id)
    {
        if (knowledge.Find(id) is not { } a)
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

/// <summary>
/// The lengths and first letters (case-insensitive) of a set of words: a word whose shape is not among them is not in
/// the set, so most words of a text need no dictionary lookup. Never says no to a word of the set.
/// </summary>
internal sealed class WordShapes
{
    private const int MaxLength = 32;

    /// <summary>Bit 0–25: a word of that length starting with a–z; bit 26: starting with anything else.</summary>
    private readonly uint[] _byLength = new uint[MaxLength];

    public void Add(string word)
    {
        if (word.Length > 0 && word.Length < MaxLength)
        {
            _byLength[word.Length] |= Bit(word[0]);
        }
    }

    public bool MayContain(ReadOnlySpan<char> word)
        => word.Length >= MaxLength || word.Length == 0 || word[0] >= 128 || (_byLength[word.Length] & Bit(word[0])) != 0;

    private static uint Bit(char c)
    {
        c = (char)(c | 0x20);
        return c is >= 'a' and <= 'z' ? 1u << (c - 'a') : 1u << 26;
    }
}
