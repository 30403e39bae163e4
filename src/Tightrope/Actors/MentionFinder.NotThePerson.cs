using System.Collections.Frozen;
using Tightrope.Knowledge;

namespace Tightrope.Actors;

/// <summary>When a word that spells a known person's surname is not that person: a common noun, a place, someone else.</summary>
internal sealed partial class MentionFinder
{
    private static bool LowerCaseNameIsAWord(List<Word> words, int first)
    {
        if (first == 0 || words[first].SentenceStart)
        {
            return false;
        }

        var prev = words[first - 1];
        return (prev.Shape == WordShape.Lower && (ActorLists.Determiners.Contains(prev.Norm) || ActorLists.Quantifiers.Contains(prev.Norm)))
            || (prev.Capitalized && !prev.Info.Title && !prev.Info.Common && prev.Info.Cues is null);
    }

    /// <summary>
    /// Right after an article ("the", "a", "an") and not modifying a noun of the person's ("the Biden administration");
    /// other determiners are too often a conjunction before a name ("said that Moon …").
    /// </summary>
    private static bool AfterArticle(List<Word> words, int first)
    {
        var before = first == 0 ? default : words[first - 1];
        if (first == 0 || words[first].SentenceStart || before.Possessive || before.Norm is not ("the" or "a" or "an")
            || (before.Shape != WordShape.Lower && !before.SentenceStart))
        {
            return false;
        }

        var w = words[first];
        bool modifies = !w.Possessive && first + 1 < words.Count && !words[first + 1].SentenceStart && ActorLists.EponymNouns.Contains(words[first + 1].Norm);
        return !modifies;
    }

    /// <summary>The letter of an initial right before the word ("A." of "A. Choi"), or null.</summary>
    private static char? InitialBefore(List<Word> words, string text, int first)
    {
        if (first == 0)
        {
            return null;
        }

        // Only an initial that starts the name: a middle initial ("Donald J. Trump") follows a given name.
        var prev = words[first - 1];
        bool startsName = first == 1 || prev.SentenceStart || !words[first - 2].Capitalized || words[first - 2].Info.Title || words[first - 2].Info.Common;
        bool initial = startsName && prev.End - prev.Start == 1 && char.IsUpper(text[prev.Start]) && prev.End < text.Length && text[prev.End] == '.';
        return initial ? char.ToLowerInvariant(text[prev.Start]) : null;
    }

    /// <summary>Whether a word of the person's name other than the surname starts with the letter.</summary>
    private static bool HasGivenInitial(Actor person, char initial, string surname)
    {
        foreach (var w in WordTokens.Normalize(person.Name))
        {
            if (w.Length > 0 && w[0] == initial && w != surname)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A translation from Chinese writes a country by the pinyin of its first character, as Chinese abbreviates it
    /// (韩 of 韩国 → "Han", 美 of 美国 → "Mei"): such a word beside another country, joined by a hyphen or "and"
    /// ("China and Han", "US-Han ties"), is that country, not the person of that surname, unless the article has
    /// named that person (in full or after a title). The abbreviations come from the countries' Chinese names read by Unihan.
    /// </summary>
    private string? CountryAbbreviation(Raw raw, int index, Context cx, AliasEntries entries)
    {
        if (raw.Last - raw.First != 1 || raw.Cue is not null || raw.LowerCase
            || !_countryAbbreviations.TryGetValue(cx.Words[raw.First].Norm, out var country))
        {
            return null;
        }

        foreach (var p in cx.Anchored)
        {
            if (entries.HasId(p))
            {
                return null;
            }
        }

        var words = cx.Words;
        bool before = index > 0 && IsCountry(cx.Raws[index - 1]) is { } b && b != country
            && (cx.Raws[index - 1].Last == raw.First && words[raw.First].HyphenBefore
                || (cx.Raws[index - 1].Last == raw.First - 1 && words[raw.First - 1].Norm == "and"));
        bool after = index + 1 < cx.Raws.Count && IsCountry(cx.Raws[index + 1]) is { } a && a != country
            && ((cx.Raws[index + 1].First == raw.Last && words[raw.Last].HyphenBefore)
                || (words.Count > raw.Last + 1 && words[raw.Last].Norm == "and"
                    && (cx.Raws[index + 1].First == raw.Last + 1 || (cx.Raws[index + 1].First == raw.Last + 2 && words[raw.Last + 1].Norm == "the"))));
        return before || after ? country : null;
    }

    /// <summary>The country a raw alias names (by name, acronym or demonym), or null.</summary>
    private static string? IsCountry(Raw r) =>
        r.How == Pending.Alias && r.Entries!.Country is { Id: var id } ? id : null;

    /// <summary>Per pinyin of the first character of a country's Chinese name, the country (when only one has it).</summary>
    private static FrozenDictionary<string, string> CountryAbbreviationsOf(IEnumerable<Actor> countries)
    {
        var byPinyin = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var c in countries)
        {
            foreach (var zh in new[] { c.Native.Zh, c.Native.ZhHant })
            {
                if (zh is { Length: >= 2 } && Tightrope.Knowledge.Transliteration.NameSyllables.IsHan(zh[0]))
                {
                    foreach (var p in Tightrope.Knowledge.Transliteration.UnihanTable.Default.Pinyin(zh[0]))
                    {
                        (byPinyin.TryGetValue(p, out var set) ? set : byPinyin[p] = []).Add(c.Id);
                    }
                }
            }
        }

        return byPinyin.Where(kv => kv.Value.Count == 1).ToFrozenDictionary(kv => kv.Key, kv => kv.Value.First(), StringComparer.Ordinal);
    }
}
