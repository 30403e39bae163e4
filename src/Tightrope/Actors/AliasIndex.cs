using System.Collections.Frozen;
using Tightrope.Knowledge;

namespace Tightrope.Actors;

/// <summary>What an alias in the index stands for.</summary>
internal sealed record AliasEntry(string ActorId, MentionKind Kind, string Original, bool RequiresUpper);

/// <summary>
/// A trie over normalised words of every name, alias, acronym, demonym, metonym and person surname in the knowledge
/// base. Built once; read-only afterwards, so it is shared across threads. One walk per start word finds the
/// longest alias there, so a text is scanned once whatever the size of the knowledge base.
/// </summary>
internal sealed class AliasIndex
{
    private readonly Node _root = new();

    public AliasIndex(KnowledgeBase kb)
    {
        _kb = kb;
        foreach (var a in kb.Actors)
        {
            Add(a.Name, a.Id, MentionKind.Name);
            if (StripParenthetical(a.Name) is { } bare)
            {
                Add(bare, a.Id, MentionKind.Name);
            }

            foreach (var alias in a.Aliases)
            {
                Add(alias, a.Id, IsAcronym(alias) ? MentionKind.Acronym : MentionKind.Name);
            }

            // Translations slip between singular and plural inside long names ("Chip and Science Act" for "CHIPS and
            // Science Act"): names of three words or more also match with one plural word made singular.
            if (a.Kind != ActorKind.Person)
            {
                foreach (var n in a.Aliases.Prepend(StripParenthetical(a.Name) ?? a.Name).Where(x => !IsAcronym(x)))
                {
                    foreach (var variant in SingularVariants(WordTokens.Normalize(n)))
                    {
                        AddWords(variant, a.Id, MentionKind.Name, n);
                    }
                }
            }

            foreach (var d in a.Demonyms)
            {
                Add(d, a.Id, MentionKind.Demonym);
            }

            foreach (var m in a.Metonyms)
            {
                Add(m, a.Id, MentionKind.Metonym);
            }

            if (a.Kind == ActorKind.Person)
            {
                foreach (var surname in Surnames(a))
                {
                    Add(surname, a.Id, MentionKind.Partial);
                }
            }
        }

        Freeze(_root);
        var deletes = new HashSet<string>(StringComparer.Ordinal);
        var lowerSurnames = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var a in kb.Actors.Where(a => a.Kind == ActorKind.Person))
        {
            var lower = Surnames(a).Select(x => x.ToLowerInvariant()).ToArray();
            lowerSurnames.TryAdd(a.Id, lower);
            foreach (var sn in lower.Where(x => x.Length >= 5))
            {
                deletes.Add(sn);
                for (int k = 0; k < sn.Length; k++)
                {
                    deletes.Add(sn.Remove(k, 1));
                }
            }
        }

        _surnameDeletes = deletes.ToFrozenSet(StringComparer.Ordinal);
        _lowerSurnames = lowerSurnames.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private readonly FrozenDictionary<string, string[]> _lowerSurnames;

    /// <summary>The person's <see cref="Surnames"/>, lower-case (empty for an unknown id or a non-person).</summary>
    public string[] LowerSurnames(string personId) => _lowerSurnames.TryGetValue(personId, out var s) ? s : [];

    private readonly FrozenSet<string> _surnameDeletes;
    private readonly KnowledgeBase _kb;

    /// <summary>Whether a word could be one edit away from a person's surname (symmetric-delete check, no allocation for misses of length).</summary>
    public bool NearSurname(string word)
    {
        if (word.Length < 5 || word.Length > 24)
        {
            return false;
        }

        var lookup = _surnameDeletes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            return true;
        }

        Span<char> buf = stackalloc char[24];
        for (int k = 0; k < word.Length; k++)
        {
            word.AsSpan(0, k).CopyTo(buf);
            word.AsSpan(k + 1).CopyTo(buf[k..]);
            if (lookup.Contains(buf[..(word.Length - 1)]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The surname of a person as written in English: first word for Korean and Chinese names, else last.</summary>
    public static IEnumerable<string> Surnames(Actor a)
    {
        var names = new List<string> { StripParenthetical(a.Name) ?? a.Name };
        names.AddRange(a.Aliases.Where(x => !IsAcronym(x)));
        // English writes Korean and Chinese names surname first; Japanese and Western names surname last.
        bool eastAsianOrder = a.Country is { } country && ActorLists.SurnameFirstCountries.Contains(country);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in names)
        {
            var parts = n.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            var s = eastAsianOrder ? parts[0] : parts[^1];
            s = s.TrimEnd('.', ',');
            if (s.Length >= 2 && !s.EndsWith('.') && seen.Add(s) && !s.Equals("Jr", StringComparison.OrdinalIgnoreCase))
            {
                yield return s;
            }
        }
    }

    public static bool IsAcronym(string s)
    {
        int letters = 0;
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
            else if (c is not '.' and not '-' and not '&' && !char.IsDigit(c))
            {
                return false;
            }
        }

        return letters >= 2;
    }

    private static string? StripParenthetical(string name)
    {
        int p = name.IndexOf(" (", StringComparison.Ordinal);
        return p > 0 ? name[..p] : null;
    }

    private static IEnumerable<string[]> SingularVariants(string[] words)
    {
        if (words.Length < 3)
        {
            yield break;
        }

        for (int k = 0; k < words.Length; k++)
        {
            var w = words[k];
            if (w.Length >= 4 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
            {
                var copy = (string[])words.Clone();
                copy[k] = w[..^1];
                yield return copy;
            }
        }
    }

    private void Add(string text, string actorId, MentionKind kind)
    {
        AddWords(WordTokens.Normalize(text), actorId, kind, text);
    }

    private void AddWords(string[] words, string actorId, MentionKind kind, string text)
    {
        if (words.Length == 0)
        {
            return;
        }

        var node = _root;
        foreach (var w in words)
        {
            node.Build ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Build.TryGetValue(w, out var next))
            {
                next = new Node();
                node.Build[w] = next;
            }

            node = next;
        }

        node.Entries ??= [];
        if (!node.Entries.Exists(e => e.ActorId == actorId && e.Kind == kind))
        {
            node.Entries.Add(new AliasEntry(actorId, kind, text, kind == MentionKind.Acronym));
        }
    }

    private void Freeze(Node node)
    {
        if (node.Entries is { Count: > 0 } entries)
        {
            node.Variants = AliasEntries.Variants(entries, _kb);
            node.AnyRequiresUpper = entries.Exists(e => e.RequiresUpper);
            node.AnyPartial = entries.Exists(e => e.Kind == MentionKind.Partial);
        }

        if (node.Build is null)
        {
            return;
        }

        foreach (var child in node.Build.Values)
        {
            Freeze(child);
        }

        node.Children = node.Build.ToFrozenDictionary(StringComparer.Ordinal);
        node.Build = null;
    }

    /// <summary>
    /// The longest alias starting at word <paramref name="start"/> (not crossing a sentence start) whose case
    /// fits: acronyms must be upper-case in the text; a lower-case single word that is a common English word is no name.
    /// </summary>
    public (int Length, AliasEntries? Entries) Longest(List<Word> words, int start)
    {
        var node = _root;
        int bestLen = 0;
        AliasEntries? best = null;
        for (int j = start; j < words.Count; j++)
        {
            if (j > start && (words[j].SentenceStart || words[j - 1].Possessive))
            {
                break;
            }

            var next = j == start ? words[j].Info.AliasRoot : node.Children is { } children && children.TryGetValue(words[j].Norm, out var child) ? child : null;
            if (next is null)
            {
                break;
            }

            node = next;
            if (node.Variants is not null && Fit(node, words, start, j + 1) is { } fit)
            {
                bestLen = j + 1 - start;
                best = fit;
            }
        }

        return (bestLen, best);
    }

    /// <summary>
    /// The node's entries whose case fits the words (null when none does). The four ways entries can be left out
    /// (acronyms in text not upper-case, a surname that is a common word) are worked out when the index is built.
    /// </summary>
    private static AliasEntries? Fit(Node node, List<Word> words, int start, int end)
    {
        bool allLower = true;
        for (int k = start; k < end; k++)
        {
            allLower &= words[k].Shape == WordShape.Lower;
        }

        // Lower-case common words are not a name ("the north"), whatever the knowledge base lists.
        // A lower-case single word is a name only when long and not a common word ("esper", not "us" or "x").
        if (allLower && (AllCommon(words, start, end) || end - start == 1 && words[start].Norm.Length < 4))
        {
            return null;
        }

        bool upperMissing = node.AnyRequiresUpper && !AllUpper(words, start, end);
        // A surname alone is not a common word ("No", "May"); lower-case, it resolves only through coreference.
        bool commonSurname = node.AnyPartial && words[start].Info.Common;
        return node.Variants![(upperMissing ? AliasEntries.UpperMissing : 0) | (commonSurname ? AliasEntries.CommonSurname : 0)];
    }

    private static bool AllCommon(List<Word> words, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (!words[k].Info.Common)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether this exact word sequence is a name or alias of the actor.</summary>
    public bool Names(IReadOnlyList<string> normWords, string actorId)
    {
        var node = _root;
        foreach (var w in normWords)
        {
            if (node.Children is null || !node.Children.TryGetValue(w, out var next))
            {
                return false;
            }

            node = next;
        }

        return node.Entries?.Exists(e => e.ActorId == actorId && e.Kind is MentionKind.Name or MentionKind.Acronym) == true;
    }

    /// <summary>The actors this exact word sequence names (not surnames, demonyms or metonyms).</summary>
    public IEnumerable<string> Named(IReadOnlyList<string> normWords)
    {
        var node = _root;
        foreach (var w in normWords)
        {
            if (node.Children is null || !node.Children.TryGetValue(w, out var next))
            {
                return [];
            }

            node = next;
        }

        return node.Entries?.Where(e => e.Kind is MentionKind.Name or MentionKind.Acronym).Select(e => e.ActorId) ?? [];
    }

    /// <summary>The actors named by exactly the norms of <paramref name="count"/> words from <paramref name="start"/>.</summary>
    public IEnumerable<string> Named(List<Word> words, int start, int count)
    {
        var node = _root;
        for (int k = start; k < start + count; k++)
        {
            if (node.Children is null || !node.Children.TryGetValue(words[k].Norm, out var next))
            {
                return [];
            }

            node = next;
        }

        return node.Entries?.Where(e => e.Kind is MentionKind.Name or MentionKind.Acronym).Select(e => e.ActorId) ?? [];
    }

    /// <summary>The trie node after the first word <paramref name="norm"/> (null when no alias starts with it).</summary>
    public Node? RootChild(string norm) => _root.Children is { } c && c.TryGetValue(norm, out var node) ? node : null;

    /// <summary>The entries of the exact two-word sequence (null when none), without building a word list.</summary>
    public List<AliasEntry>? EntriesOf(string first, string second)
    {
        if (_root.Children is { } c1 && c1.TryGetValue(first, out var n1) && n1.Children is { } c2 && c2.TryGetValue(second, out var n2))
        {
            return n2.Entries;
        }

        return null;
    }

    private static bool AllUpper(List<Word> words, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (words[k].Shape != WordShape.Upper)
            {
                return false;
            }
        }

        return true;
    }

    internal sealed class Node
    {
        public Dictionary<string, Node>? Build;
        public FrozenDictionary<string, Node>? Children;
        public List<AliasEntry>? Entries;
        public AliasEntries?[]? Variants;
        public bool AnyRequiresUpper;
        public bool AnyPartial;
    }
}
