using Tightrope.Knowledge;

namespace Tightrope.Actors;

/// <summary>
/// People the knowledge base does not know: a run of capitalised words shaped like a personal name, in a person's
/// context (a title before it, a reporting verb beside it, an apposition giving a role), becomes a provisional person;
/// later short forms of it in the same article ("Roe said") refer to it before anyone famous of that surname.
/// </summary>
internal sealed partial class MentionFinder
{
    /// <summary>The marker of a provisional person in <see cref="Context.People"/> ("~jane roe").</summary>
    private const char ProvisionalMark = '~';

    /// <summary>Whether the multi-word candidate <paramref name="raw"/>, normalised <paramref name="norm"/>, names a person outside the knowledge base.</summary>
    private bool IsUnknownPerson(Context cx, Raw raw, string norm)
    {
        if (cx.Provisional.ContainsKey(norm))
        {
            return true; // already named so in this article
        }

        var words = cx.Words;
        int n = raw.Last - raw.First;
        if (n < 2 || n > 4 || !NameShaped(words, raw.First, raw.Last))
        {
            return false;
        }

        // English writes no article or ordinal before a personal name ("the Peaceful Reunification", "the 53rd Expanded Meeting").
        if (raw.First > 0 && !words[raw.First].SentenceStart && words[raw.First - 1] is var prev
            && ((prev.Shape == WordShape.Lower && prev.Norm is "the" or "a" or "an") || char.IsAsciiDigit(cx.Article.Text[prev.Start])))
        {
            return false;
        }

        return raw.Cue is not null || PersonBefore(cx, raw.First) || PersonAfter(cx, raw.Last) || SurnameFirstShape(words, raw.First, raw.Last)
            || AfterPersonAnd(cx, raw.First);
    }

    /// <summary>"Jane Roe and John Doe": the run is joined by "and" to a person just named.</summary>
    private bool AfterPersonAnd(Context cx, int first)
    {
        var words = cx.Words;
        if (first < 2 || words[first].SentenceStart || words[first - 1].Norm != "and" || cx.Result.Count == 0)
        {
            return false;
        }

        var before = cx.Result[^1];
        return before.Span.End == words[first - 2].End && Gap(cx.Article.Text, words[first - 2], words[first - 1])
            && (before.IsProvisionalPerson || (before.ActorId is { } id && _kb.Find(id)?.Kind == ActorKind.Person));
    }

    /// <summary>
    /// Every word a capitalised name word (or a hyphen-joined lower-case syllable: "Won-sam"), none a common word, a
    /// title, an organisation's head noun at the end, a place noun at the start, or a name of something other than a person.
    /// </summary>
    private bool NameShaped(List<Word> words, int first, int last)
    {
        for (int k = first; k < last; k++)
        {
            var w = words[k];
            if (w.HyphenBefore && w.Shape == WordShape.Lower && k > first)
            {
                continue;
            }

            // An English word that is a romanised surname starts a name before an East Asian given name ("So Jin-hee").
            bool surname = k == first && w.Info.Common && SurnameFirstShape(words, first, last);
            if (w.Shape != WordShape.Capitalized || w.Norm.Length < 2 || (w.Info.Common && !surname) || w.Info.Title || !IsLetters(w.Norm))
            {
                return false;
            }

            var (len, entries) = _aliases.Longest(words, k);
            if (len > 0 && !entries!.AllPersons)
            {
                return false;
            }
        }

        return !ActorLists.OrganisationNouns.Contains(words[last - 1].Norm) && !ActorLists.PlacePrefixes.Contains(words[first].Norm);
    }

    private static bool IsLetters(string norm)
    {
        foreach (char c in norm)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A title or rank, a word for a person's function, or a reporting verb right before the name ("counterpart Jane Roe", "said Jane Roe").</summary>
    private static bool PersonBefore(Context cx, int first)
    {
        var words = cx.Words;
        if (first == 0 || words[first].SentenceStart)
        {
            return false;
        }

        var prev = words[first - 1];
        if (!Gap(cx.Article.Text, prev, words[first]))
        {
            return false;
        }

        // A title or rank of its own ("spokesperson", "Sgt."), not a modifier that begins a title ("Defense", "Vice").
        bool title = prev.Info.Title && (!ActorLists.TitleWords.Contains(prev.Norm) || ActorLists.NameAbbreviations.Contains(prev.Norm));
        return title || ActorLists.PersonNouns.Contains(prev.Norm) || (prev.Shape == WordShape.Lower && ActorLists.SpeechVerbs.Contains(prev.Norm));
    }

    /// <summary>
    /// After the name: a reporting verb ("Jane Roe said"); an apposition giving an age, a role or a caption position
    /// ("Jane Roe, 24,", "Jane Roe, a resident of", "Jane Roe, left,"); or "of" and an organisation or country.
    /// </summary>
    private bool PersonAfter(Context cx, int last)
    {
        var words = cx.Words;
        var text = cx.Article.Text;
        if (last >= words.Count || words[last].SentenceStart || words[last - 1].Possessive)
        {
            return false;
        }

        var next = words[last];
        int gapStart = words[last - 1].End;
        var gap = text.AsSpan(gapStart, next.Start - gapStart).Trim();
        if (gap.IsEmpty)
        {
            if (next.Shape == WordShape.Lower && ActorLists.SpeechVerbs.Contains(next.Norm))
            {
                return true;
            }

            // "Jane Roe of the Ministry of Foreign Affairs", "of the US State Department".
            if (next.Norm == "of" && next.Shape == WordShape.Lower && last + 1 < words.Count)
            {
                int k = words[last + 1].Norm == "the" ? last + 2 : last + 1;
                if (k < words.Count && words[k].Capitalized && _aliases.Longest(words, k) is { Length: > 0 } a && !a.Entries!.AllPersons)
                {
                    return true;
                }
            }

            return false;
        }

        if (gap is not ",")
        {
            return false;
        }

        if (char.IsAsciiDigit(text[next.Start]))
        {
            return true; // an age
        }

        // "..., Jane Roe, said": the verb after the apposition that named her.
        if (RoleWord(next) || (next.Shape == WordShape.Lower && ActorLists.SpeechVerbs.Contains(next.Norm)))
        {
            return true;
        }

        if (next.Norm is "a" or "an" or "the" or "his" or "her" or "their" && next.Shape == WordShape.Lower)
        {
            for (int k = last + 1; k < Math.Min(words.Count, last + 6) && !words[k].SentenceStart; k++)
            {
                if (RoleWord(words[k]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool RoleWord(Word w) => w.Info.Title || w.Info.Cues is not null || ActorLists.PersonNouns.Contains(w.Norm);

    /// <summary>A surname the bridge knows, then a given name of two hyphen-joined syllables ("Roh Tae-woo"): an East Asian personal name.</summary>
    private static bool SurnameFirstShape(List<Word> words, int first, int last) =>
        last - first == 3 && words[first].Info.BridgeSurname && words[first + 2].HyphenBefore && !words[first + 1].HyphenBefore;

    /// <summary>Records a provisional person named in full; its short forms are its first and last name words.</summary>
    private static void AddProvisional(Context cx, Raw raw, string norm)
    {
        if (!cx.Provisional.ContainsKey(norm))
        {
            var words = cx.Words;
            int last = raw.Last - 1;
            while (last > raw.First && words[last].HyphenBefore)
            {
                last--; // "Won-sam": the given name's first syllable is not a short form
            }

            // A hyphen-joined given name ("Won-sam") comes after the surname: the first word is the only short form.
            cx.Provisional[norm] = words[raw.Last - 1].HyphenBefore ? [words[raw.First].Norm] : [words[raw.First].Norm, words[last].Norm];
        }

        var key = ProvisionalMark + norm;
        Touch(cx.People, key);
    }

    /// <summary>Whether <paramref name="person"/> (an entry of <see cref="Context.People"/>) is a provisional person with the short form <paramref name="word"/>.</summary>
    private static bool IsProvisionalShortForm(Context cx, string person, string? word) =>
        person[0] == ProvisionalMark && word is not null && cx.Provisional.TryGetValue(person[1..], out var shorts) && Array.IndexOf(shorts, word) >= 0;
}
