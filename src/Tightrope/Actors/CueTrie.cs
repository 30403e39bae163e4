using System.Collections.Frozen;

namespace Tightrope.Actors;

/// <summary>The title cue phrases by first normalised word, longest first: one dictionary look-up per text word.</summary>
internal sealed class CueTrie
{
    private readonly FrozenDictionary<string, List<RoleCue>> _byFirst;

    public CueTrie(IEnumerable<RoleCue> cues)
    {
        var byFirst = new Dictionary<string, List<RoleCue>>(StringComparer.Ordinal);
        foreach (var c in cues.Where(c => c.Tokens.Length > 0))
        {
            (byFirst.TryGetValue(c.Tokens[0], out var list) ? list : byFirst[c.Tokens[0]] = []).Add(c);
        }

        foreach (var list in byFirst.Values)
        {
            list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        }

        _byFirst = byFirst.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The cues whose first word is <paramref name="norm"/>, longest first (null when none).</summary>
    public List<RoleCue>? StartingWith(string norm) => _byFirst.TryGetValue(norm, out var list) ? list : null;

    /// <summary>The longest cue starting at word <paramref name="i"/> within one segment.</summary>
    public (int Length, RoleCue? Cue) Longest(List<Word> words, int i)
    {
        if (words[i].Info.Cues is not { } list)
        {
            return (0, null);
        }

        foreach (var c in list)
        {
            if (i + c.Tokens.Length > words.Count)
            {
                continue;
            }

            bool ok = true;
            for (int k = 1; k < c.Tokens.Length && ok; k++)
            {
                ok = words[i + k].Norm == c.Tokens[k] && !words[i + k].SentenceStart;
            }

            if (ok)
            {
                return (c.Tokens.Length, c);
            }
        }

        return (0, null);
    }
}
