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
}
