using Tightrope.Knowledge;

namespace Tightrope.Actors;

/// <summary>Titles and role cues: a title before a name cues its resolution; a specific office alone is a role-only mention.</summary>
internal sealed partial class MentionFinder
{
    /// <summary>A title cue at the current word that is at least as long as the alias there; true when it was taken.</summary>
    private bool TryTitle(Scan s, int aliasLength)
    {
        var words = s.Words;
        int i = s.I;
        if (_cues.Longest(words, i) is not { Length: > 0 } c || c.Length < aliasLength)
        {
            return false;
        }

        int j = i + c.Length;
        string? country = CountryBefore(s.Raws, words, i);
        // "chief of the National Security Office": the organisation inside a title is a mention of its own.
        var (orgAt, orgEnd) = OrganisationInside(words, i, j);
        if (orgEnd <= j && NameFollowsTitle(s, j))
        {
            if (orgAt >= 0)
            {
                s.Add(orgAt, orgEnd, Pending.Alias, _aliases.Longest(words, orgAt).Entries, words[orgAt].Norm);
            }

            s.Cue = c.Cue;
            s.CueEnd = j;
            s.CueCountry = country;
            s.CueTime = TimeOfTitle(words, i);
            s.I = j;
            return true;
        }

        // "President of South Korea Yoon Suk Yeol": the country after the title is whose office it is, and a name may follow it.
        if (orgEnd <= j && OfCountryAfterTitle(words, j) is { } of)
        {
            country = of.Country;
            if (NameFollowsTitle(s, of.End))
            {
                s.Add(of.At, of.End, Pending.Alias, of.Entries, words[of.At].Norm);
                s.Cue = c.Cue;
                s.CueEnd = of.End;
                s.CueCountry = country;
                s.CueTime = TimeOfTitle(words, i);
                s.I = of.End;
                return true;
            }
        }

        // Alone, only a specific office is a mention: one named after a country ("South Korean president"),
        // a head of state or government, or a title of several words ("Minister of Defense").
        // "the former president": an office held before the date names no one the date tells.
        if (_options.RoleOnlyMentions && (PrecededByThe(words, i) || country is not null || words[i].Capitalized)
            && (country is not null || c.Length >= 2 || c.Cue!.HeadOfState) && TimeOfTitle(words, i) == CueTime.Now)
        {
            s.Raws.Add(new Raw { First = i, Last = j, How = Pending.RoleOnly, Cue = c.Cue, CountryHint = country });
        }

        if (orgAt >= 0)
        {
            s.Add(orgAt, orgEnd, Pending.Alias, _aliases.Longest(words, orgAt).Entries, words[orgAt].Norm);
            j = Math.Max(j, orgEnd);
        }

        s.I = j;
        return true;
    }

    /// <summary>Whether a name follows the title that ends before word <paramref name="j"/> ("President Yoon", "secretary esper").</summary>
    private bool NameFollowsTitle(Scan s, int j)
    {
        var words = s.Words;
        if (j >= words.Count)
        {
            return false;
        }

        var next = words[j];
        bool lowerName = next.Shape == WordShape.Lower && !CommonWords.Contains(next.Norm)
            && (_lexicon.NearSurname(next.Info) || _aliases.Longest(words, j).Length > 0);
        return (next.Capitalized || lowerName) && !next.SentenceStart && !words[j - 1].Possessive && Gap(s.Text, words[j - 1], next)
            && _cues.Longest(words, j).Length == 0;
    }

    /// <summary>The first capitalised organisation name (not a person, not a country) that starts inside a title cue; it may run past the cue ("… of South Korea").</summary>
    private (int At, int End) OrganisationInside(List<Word> words, int i, int j)
    {
        for (int k = i + 1; k < j; k++)
        {
            if (!words[k].Capitalized || CommonWords.Contains(words[k].Norm) && words[k].Shape == WordShape.Lower)
            {
                continue;
            }

            var (l, entries) = _aliases.Longest(words, k);
            if (l > 0 && entries!.AllOrganisationNames)
            {
                return (k, k + l);
            }
        }

        return (-1, -1);
    }

    /// <summary>"of [the] <country>" right after a title ending before word <paramref name="j"/>: where the country's name is and its code.</summary>
    private (int At, int End, AliasEntries Entries, string Country)? OfCountryAfterTitle(List<Word> words, int j)
    {
        if (j + 1 >= words.Count || words[j].Norm != "of" || words[j].Shape != WordShape.Lower || words[j].SentenceStart)
        {
            return null;
        }

        int k = words[j + 1].Norm == "the" && j + 2 < words.Count ? j + 2 : j + 1;
        var (len, entries) = _aliases.Longest(words, k);
        // "Director of South Korea's National Security Office": a possessive country owns the next noun, not the title.
        return len > 0 && words[k].Capitalized && !words[k + len - 1].Possessive && entries!.NoDemonym && entries.Country is { } c
            ? (k, k + len, entries, c.Country ?? c.Id) : null;
    }

    /// <summary>What the word before a title says of when its role was held: "former", "ex-", "late" (ended), "then-" (at some time).</summary>
    private static CueTime TimeOfTitle(List<Word> words, int i)
    {
        if (i == 0 || words[i].SentenceStart)
        {
            return CueTime.Now;
        }

        var prev = words[i - 1].Norm;
        return ActorLists.EndedTitleWords.Contains(prev) ? CueTime.Ended : ActorLists.PastTitleWords.Contains(prev) ? CueTime.Then : CueTime.Now;
    }

    private static bool PrecededByThe(List<Word> words, int i) =>
        i > 0 && !words[i].SentenceStart && words[i - 1].Norm is "the" or "its" or "their";
}
