using Tightrope.Knowledge;

namespace Tightrope.Actors;

/// <summary>
/// Countries in phrases: demonyms that describe people, a country and a description of one of its actors, forces of
/// one country in another, party adjectives, places inside policy names, and the country named before or after a name.
/// </summary>
internal sealed partial class MentionFinder
{
    /// <summary>Steps 4 to 10 of detection: a country or place alias inside a longer phrase, or a description.</summary>
    private bool TryCountryPhrase(Scan s, in Here h)
    {
        var words = s.Words;
        int i = s.I, len = h.Len;
        var entries = h.Entries;
        // A demonym before a word for people or culture ("Korean immigrants") describes people, not the state.
        if (len > 0 && entries!.AllDemonym && i + len < words.Count && ActorLists.PeopleNouns.Contains(words[i + len].Norm))
        {
            s.I += len + 1;
            return true;
        }

        // "South Korean conservative party", "US intelligence agencies": a country, then a description of one of its actors.
        if (len > 0 && DescribedAfterCountry(words, i, len, entries!, s.Date) is { } described)
        {
            s.AddFixed(i, described.End, described.Id, MentionKind.Description);
            s.I = described.End;
            return true;
        }

        // "the conservative party", "Yoon's conservative party", "the peninsula": a definite description, resolved
        // against the countries the whole article names.
        if (!_descriptions.IsEmpty && i > 0 && !h.W.SentenceStart && (words[i - 1].Norm == "the" || words[i - 1].Possessive)
            && _descriptions.Longest(words, i) is { Length: > 0 } bare && bare.Length >= len)
        {
            s.Raws.Add(new Raw { First = i, Last = i + bare.Length, How = Pending.Description, Described = bare.Actors });
            s.I += bare.Length;
            return true;
        }

        return TryForces(s, h) || TryPartyOrPolicy(s, h);
    }

    /// <summary>"US troops stationed in South Korea", "troops stationed in South Korea": a forces command of the knowledge base.</summary>
    private bool TryForces(Scan s, in Here h)
    {
        var words = s.Words;
        int i = s.I, len = h.Len;
        // The forces of one country in another, when the knowledge base has them under a name "<A> Forces <B>"
        // (United States Forces Korea, US Forces Japan).
        if (len > 0 && ForcesIn(words, i, len, h.Entries!) is { } forces)
        {
            // The two countries inside it are mentions of their own ("U.S." and "South Korea" in "U.S. troops in South Korea").
            s.AddFixed(i, forces.End, forces.Id);
            s.AddFixed(i, forces.AEnd, forces.AId, words[i].Shape == WordShape.Upper ? MentionKind.Acronym : MentionKind.Name);
            s.AddFixed(forces.BStart, forces.End, forces.BId);
            s.I = forces.End;
            return true;
        }

        // Foreign forces in a country, when the knowledge base has exactly one "<A> Forces <B>" for it.
        if (len == 0 && ForeignForcesIn(words, i, s.Raws) is { } foreign)
        {
            s.AddFixed(i, foreign.End, foreign.Id);
            s.AddFixed(foreign.BStart, foreign.End, foreign.BId);
            s.I = foreign.End;
            return true;
        }

        return false;
    }

    /// <summary>"US Democratic candidate" (a party adjective); "Indo-Pacific Strategy", "'America First'" (a policy name, no mention).</summary>
    private bool TryPartyOrPolicy(Scan s, in Here h)
    {
        int len = h.Len;
        if (len == 0)
        {
            return false;
        }

        if (PartyAdjective(s.Words, s.I, len, h.Entries!) is { } party)
        {
            s.AddFixed(s.I, s.I + len + 1, party);
            s.I += len + 1;
            return true;
        }

        // A place or country inside the name of a policy or slogan ("Indo-Pacific Strategy", "the American dream",
        // "'America First'", "pro-American") does not denote the actor.
        if (InPolicyName(s.Words, s.I, len, h.Entries!, s.Text))
        {
            s.I += len;
            return true;
        }

        return false;
    }

    private (int End, string Id)? DescribedAfterCountry(List<Word> words, int i, int len, AliasEntries entries, DateOnly? date)
    {
        if (_descriptions.IsEmpty || i + len >= words.Count || words[i + len - 1].Possessive || words[i + len].SentenceStart
            || entries.Country is not { Country: { } country })
        {
            return null;
        }

        var (dl, actors) = _descriptions.Longest(words, i + len);
        if (dl == 0)
        {
            return null;
        }

        Actor? fit = null;
        foreach (var a in actors!)
        {
            if (string.Equals(a.Country, country, StringComparison.OrdinalIgnoreCase) && DescriptionIndex.ExistsOn(a, date))
            {
                if (fit is not null)
                {
                    return null;
                }

                fit = a;
            }
        }

        return fit is null ? null : (i + len + dl, fit.Id);
    }

    private int? JoinedCountriesBefore(List<Raw> raws, List<Word> words, int i, AliasEntries entries)
    {
        if (raws.Count < 2 || !words[i].Capitalized || !entries.AllAgreementOrOrganisationNames)
        {
            return null;
        }

        var (a, b) = (raws[^2], raws[^1]);
        if (b.Last != i || a.How != Pending.Alias || b.How != Pending.Alias || a.Entries!.Country is null || b.Entries!.Country is null
            || words[i - 1].Possessive || words[a.Last - 1].Possessive)
        {
            return null;
        }

        int gap = b.First - a.Last;
        bool joined = (gap == 0 && words[b.First].HyphenBefore)
            || (gap == 1 && words[a.Last].Norm == "and")
            || (gap == 2 && words[a.Last].Norm == "and" && words[a.Last + 1].Norm == "the");
        return joined ? a.First : null;
    }

    private static bool InPolicyName(List<Word> words, int i, int len, AliasEntries entries, string text)
    {
        if (!entries.AllCountryOrPlace)
        {
            return false;
        }

        if (i > 0 && words[i].HyphenBefore && words[i - 1].Norm is "pro" or "anti")
        {
            return true;
        }

        int k = i + len;
        if (k >= words.Count || words[k].SentenceStart || words[k - 1].Possessive)
        {
            return false;
        }

        if (ActorLists.PolicyNouns.Contains(words[k].Norm))
        {
            return true;
        }

        // "America First" as a slogan: quoted.
        int before = words[i].Start - 1;
        return words[k].Norm == "first" && before >= 0 && text[before] is '"' or '“' or '‘' or '\'';
    }

    private string? PartyAdjective(List<Word> words, int i, int len, AliasEntries entries)
    {
        int k = i + len;
        if (k >= words.Count || !words[k].Capitalized || words[k].SentenceStart || words[k - 1].Possessive
            || (k + 1 < words.Count && words[k + 1].Norm == "party") || entries.Country is not { Country: { } country })
        {
            return null;
        }

        // The one party of that country named "<word> Party".
        string? found = null;
        foreach (var e in _aliases.EntriesOf(words[k].Norm, "party") ?? [])
        {
            if (e.Kind is MentionKind.Name or MentionKind.Acronym && !string.Equals(e.ActorId, found, StringComparison.Ordinal)
                && _kb.Find(e.ActorId) is { Kind: ActorKind.Party } p && string.Equals(p.Country, country, StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null)
                {
                    return null;
                }

                found = e.ActorId;
            }
        }

        return found;
    }

    private (int End, string Id, int BStart, string BId)? ForeignForcesIn(List<Word> words, int i, List<Raw> raws)
    {
        if (!words[i].Info.Force || (raws.Count > 0 && raws[^1].Last == i) || i + 3 >= words.Count
            || !ActorLists.StationedWords.Contains(words[i + 1].Norm) || words[i + 2].Norm != "in")
        {
            return null;
        }

        var (len2, entries2) = _aliases.Longest(words, i + 3);
        if (len2 == 0 || entries2!.Country is not { } b)
        {
            return null;
        }

        // A static factory with its state: a capturing lambda would allocate its closure on every call of this method.
        return _foreignForces.GetOrAdd(b.Id, static (_, s) => s.Finder.OnlyForcesIn(s.B), (Finder: this, B: b)) is { } id ? (i + 3 + len2, id, i + 3, b.Id) : null;
    }

    /// <summary>
    /// The one "A forces B" alias of some other country A in country <paramref name="b"/>, or null when none or
    /// several: a question of the knowledge base alone, asked once per country (it walks every country's names).
    /// </summary>
    private string? OnlyForcesIn(Actor b)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in _countries)
        {
            if (a.Id == b.Id)
            {
                continue;
            }

            foreach (var an in CountryNames(a))
            {
                foreach (var bn in CountryNames(b))
                {
                    found.UnionWith(_aliases.Named([.. an, "forces", .. bn]));
                }
            }
        }

        return found.Count == 1 ? found.First() : null;
    }

    /// <summary>The first "A forces B" alias of the two countries, or null; asked once per pair.</summary>
    private string? ForcesAlias(Actor a, Actor b) =>
        _forcesAliases.GetOrAdd((a.Id, b.Id), static (_, s) => s.Finder.FirstForcesAlias(s.A, s.B), (Finder: this, A: a, B: b));

    private string? FirstForcesAlias(Actor a, Actor b)
    {
        foreach (var an in CountryNames(a))
        {
            foreach (var bn in CountryNames(b))
            {
                foreach (var id in _aliases.Named([.. an, "forces", .. bn]))
                {
                    return id;
                }
            }
        }

        return null;
    }

    /// <summary>The country that words <paramref name="start"/>..+<paramref name="count"/> name, walking the alias trie without a word list.</summary>
    private Actor? CountryNamed(List<Word> words, int start, int count)
    {
        foreach (var id in _aliases.Named(words, start, count))
        {
            if (_kb.Find(id) is { Kind: ActorKind.Country } country)
            {
                return country;
            }
        }

        return null;
    }

    private (int End, string Id, int AEnd, string AId, int BStart, string BId)? ForcesIn(List<Word> words, int i, int len, AliasEntries entries)
    {
        // The country may be the whole alias ("US") or its head when the alias already took the noun ("US military").
        var a = entries.Country;
        int k = i + len;
        int aEnd = i + len;
        if (a is null)
        {
            for (int l = 1; l < len && a is null; l++)
            {
                if (ActorLists.ForceNouns.Contains(words[i + l].Norm))
                {
                    a = CountryNamed(words, i, l);
                    if (a is not null)
                    {
                        k = i + l;
                        aEnd = k;
                    }
                }
            }
        }

        if (a is null || k >= words.Count || !ActorLists.ForceNouns.Contains(words[k].Norm))
        {
            return null;
        }

        k++;
        if (k < words.Count && ActorLists.StationedWords.Contains(words[k].Norm))
        {
            k++;
        }

        if (k >= words.Count || words[k].Norm != "in" || k + 1 >= words.Count)
        {
            return null;
        }

        var (len2, entries2) = _aliases.Longest(words, k + 1);
        var b = len2 > 0 ? entries2!.Country : null;
        if (b is null)
        {
            return null;
        }

        return ForcesAlias(a, b) is { } id ? (k + 1 + len2, id, aEnd, a.Id, k + 1, b.Id) : null;
    }

    /// <summary>The normalised names of a country (worked out once per country).</summary>
    private string[][] CountryNames(Actor country) =>
        _countryNames.TryGetValue(country.Id, out var names) ? names : [.. NamesOf(country)];

    private static IEnumerable<string[]> NamesOf(Actor country)
    {
        yield return WordTokens.Normalize(country.Name);
        foreach (var a in country.Aliases)
        {
            yield return WordTokens.Normalize(a);
        }

        // "Korea" for South Korea: the last word of a two-word name.
        var parts = WordTokens.Normalize(country.Name);
        if (parts.Length == 2)
        {
            yield return [parts[1]];
        }
    }

    /// <summary>The words of a country's names and demonyms that are not common words (for descriptions of its actors).</summary>
    private static string[] NameWordsOf(Actor country)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in NamesOf(country).Concat(country.Demonyms.Select(WordTokens.Normalize)))
        {
            words.UnionWith(n.Where(x => !CommonWords.Contains(x)));
        }

        return [.. words];
    }

    /// <summary>"the Democratic Party (government) in the United States": a country named just after, through "in" or "of".</summary>
    private string? CountryAfter(List<Word> words, int k)
    {
        if (k < words.Count && words[k].Shape == WordShape.Lower && words[k].Norm is not ("in" or "of") && !words[k].SentenceStart)
        {
            k++;
        }

        if (k + 1 >= words.Count || words[k].Norm is not ("in" or "of") || words[k].SentenceStart || words[k - 1].Possessive)
        {
            return null;
        }

        k++;
        if (words[k].Norm == "the" && k + 1 < words.Count)
        {
            k++;
        }

        var (len, entries) = _aliases.Longest(words, k);
        return len > 0 && entries!.NoDemonym && entries.Country is { } c ? c.Country ?? c.Id : null;
    }

    private static string? CountryBefore(List<Raw> raws, List<Word> words, int i)
    {
        if (raws.Count == 0 || raws[^1].Last != i || raws[^1].How != Pending.Alias)
        {
            return null;
        }

        return raws[^1].Entries!.Country is { } a ? a.Country ?? a.Id : null;
    }

    /// <summary>Whether a metonym ("Seoul") stands for its government here: it owns something, acts, or is coordinated with another state.</summary>
    private static bool GovernmentContext(Raw raw, int index, List<Word> words, List<Raw> raws)
    {
        var last = words[raw.Last - 1];
        // The object of a preposition of place is the place ("a visit to Beijing is …"), unless it owns something.
        if (!last.Possessive && raw.First > 0 && !words[raw.First].SentenceStart && ActorLists.Locatives.Contains(words[raw.First - 1].Norm))
        {
            return false;
        }

        if (last.Possessive)
        {
            return true;
        }

        if (raw.Last < words.Count && !words[raw.Last].SentenceStart && ActorLists.GovernmentVerbs.Contains(words[raw.Last].Norm))
        {
            return true;
        }

        // Coordinated with another state: "Seoul and Washington", "between Seoul and Beijing".
        return CoordinatedState(raw, index > 0 ? raws[index - 1] : null, words) || CoordinatedState(raw, index + 1 < raws.Count ? raws[index + 1] : null, words);
    }

    private static bool CoordinatedState(Raw raw, Raw? other, List<Word> words)
    {
        if (other is { How: Pending.Alias } o && Math.Abs((o.First - raw.Last) is var gap && gap >= 0 ? gap : raw.First - o.Last) == 1
            && o.Entries!.AnyMetonymOrCountry)
        {
            int between = o.First >= raw.Last ? raw.Last : o.Last;
            return words[between].Norm is "and" or "or" or "to" or "with";
        }

        return false;
    }
}
