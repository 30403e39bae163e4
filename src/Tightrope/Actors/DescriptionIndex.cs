using System.Collections.Frozen;
using Tightrope.Knowledge;

namespace Tightrope.Actors;

/// <summary>
/// The common-noun descriptions of the knowledge base ("conservative party", "intelligence agency", "peninsula"),
/// keyed by their normalised words. Built once, read-only afterwards.
/// </summary>
internal sealed class DescriptionIndex
{
    private readonly FrozenDictionary<string, Actor[]> _byPhrase;
    private readonly FrozenDictionary<string, Actor[]>.AlternateLookup<ReadOnlySpan<char>> _byPhraseSpan;
    private readonly FrozenSet<string> _firstWords;
    private readonly Dictionary<Actor, string[]> _nameWords = new(ReferenceEqualityComparer.Instance);
    private readonly int _maxWords;

    public DescriptionIndex(KnowledgeBase kb)
    {
        var map = new Dictionary<string, List<Actor>>(StringComparer.Ordinal);
        var first = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in kb.Actors)
        {
            foreach (var d in a.Descriptions)
            {
                var words = WordTokens.Normalize(d);
                if (words.Length == 0)
                {
                    continue;
                }

                var key = string.Join(' ', words);
                (map.TryGetValue(key, out var list) ? list : map[key] = []).Add(a);
                first.Add(words[0]);
                _maxWords = Math.Max(_maxWords, words.Length);
                _nameWords.TryAdd(a, WordTokens.Normalize(a.Name));
            }
        }

        _byPhrase = map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _byPhraseSpan = _byPhrase.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWords = first.ToFrozenSet(StringComparer.Ordinal);
    }

    public bool IsEmpty => _byPhrase.Count == 0;

    /// <summary>The normalised words of the name of an actor that has descriptions.</summary>
    public string[] NameWords(Actor a) => _nameWords.TryGetValue(a, out var words) ? words : WordTokens.Normalize(a.Name);

    [ThreadStatic]
    private static char[]? t_key;

    /// <summary>The longest description starting at word <paramref name="start"/> within one sentence, and the actors it describes.</summary>
    public (int Length, Actor[]? Actors) Longest(List<Word> words, int start)
    {
        if (start >= words.Count || !_firstWords.Contains(words[start].Norm))
        {
            return (0, null);
        }

        int max = 1;
        while (max < _maxWords && start + max < words.Count && !words[start + max].SentenceStart && !words[start + max - 1].Possessive)
        {
            max++;
        }

        // The phrase of the first max words, with where each prefix of whole words ends.
        int size = max - 1;
        for (int k = start; k < start + max; k++)
        {
            size += words[k].Norm.Length;
        }

        var key = t_key is { } buffer && buffer.Length >= size ? buffer : t_key = new char[Math.Max(size, 64)];
        Span<int> ends = stackalloc int[max];
        int pos = 0;
        for (int k = 0; k < max; k++)
        {
            if (k > 0)
            {
                key[pos++] = ' ';
            }

            words[start + k].Norm.CopyTo(key.AsSpan(pos));
            pos += words[start + k].Norm.Length;
            ends[k] = pos;
        }

        for (int len = max; len >= 1; len--)
        {
            if (_byPhraseSpan.TryGetValue(key.AsSpan(0, ends[len - 1]), out var actors))
            {
                return (len, actors);
            }
        }

        return (0, null);
    }

    /// <summary>Whether the actor exists at the date (its <c>from</c>/<c>to</c>), when both are known.</summary>
    public static bool ExistsOn(Actor a, DateOnly? date) =>
        date is not { } d || ((a.From is null || a.From <= d) && (a.To is null || d <= a.To));
}
