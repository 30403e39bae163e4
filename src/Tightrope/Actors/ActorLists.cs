using System.Collections.Frozen;
using Tightrope.Knowledge;

namespace Tightrope.Actors;

/// <summary>
/// The English word lists of the mention finder (<c>knowledge/lang/en/actors-*.yaml</c>), read once. Each list's
/// file says what it is for and where its words come from.
/// </summary>
internal static class ActorLists
{
    private static FrozenSet<string> Set(string name) => LanguageData.English["actors-" + name].Set;

    /// <summary>Function words, calendar words, title and government nouns that are not names.</summary>
    public static readonly FrozenSet<string> Common = Set("common-words");

    /// <summary>Verbs after which a seat of government stands for the government ("Seoul said").</summary>
    public static readonly FrozenSet<string> GovernmentVerbs = Set("government-verbs");

    /// <summary>Title words besides the knowledge base's single-word titles and cues (honorifics, "acting", "vice").</summary>
    public static readonly FrozenSet<string> TitleWords = Set("title-words");

    /// <summary>Nouns for people or culture after a demonym ("Korean immigrants").</summary>
    public static readonly FrozenSet<string> PeopleNouns = Set("people-nouns");

    /// <summary>Prepositions of place ("a visit to Beijing").</summary>
    public static readonly FrozenSet<string> Locatives = Set("locatives");

    /// <summary>Nouns for armed forces ("troops", "forces").</summary>
    public static readonly FrozenSet<string> ForceNouns = Set("force-nouns");

    /// <summary>"stationed", "based", "deployed" (in a country).</summary>
    public static readonly FrozenSet<string> StationedWords = Set("stationed-words");

    /// <summary>Quantifiers and indefinite articles ("a few", "several").</summary>
    public static readonly FrozenSet<string> Quantifiers = Set("quantifiers");

    /// <summary>Words before a title that put its role in the past ("former", "then").</summary>
    public static readonly FrozenSet<string> PastTitleWords = Set("past-title-words");

    /// <summary>Of those, the words that say the role had ended by the date written about ("former", "ex", "late").</summary>
    public static readonly FrozenSet<string> EndedTitleWords = Set("ended-title-words");

    /// <summary>Determiners and possessive pronouns ("the glass"): a lower-case word after one is a common noun.</summary>
    public static readonly FrozenSet<string> Determiners = Set("determiners");

    /// <summary>Nouns naming a policy or slogan ("strategy", "dream").</summary>
    public static readonly FrozenSet<string> PolicyNouns = Set("policy-nouns");

    /// <summary>Title and name abbreviations whose full stop does not end a name run ("gen", "mr", "jr").</summary>
    public static readonly FrozenSet<string> NameAbbreviations = Set("name-abbreviations");

    /// <summary>Reporting verbs next to a name ("said", "told"): the run beside them is a person's.</summary>
    public static readonly FrozenSet<string> SpeechVerbs = Set("speech-verbs");

    /// <summary>Nouns for a person's function before or in apposition to a name ("counterpart", "resident"), and caption positions.</summary>
    public static readonly FrozenSet<string> PersonNouns = Set("person-nouns");

    /// <summary>Head nouns that end the names of organisations and places ("Group", "Township").</summary>
    public static readonly FrozenSet<string> OrganisationNouns = Set("organisation-nouns");

    /// <summary>Nouns that begin the names of places ("Camp", "Mount").</summary>
    public static readonly FrozenSet<string> PlacePrefixes = Set("place-prefixes");

    /// <summary>Words joined by a hyphen after a name to make a compound adjective ("Park Jin-led"): the name before them is whole.</summary>
    public static readonly FrozenSet<string> CompoundSuffixes = Set("compound-suffixes");

    /// <summary>Nouns a person's surname modifies after an article ("the Biden administration").</summary>
    public static readonly FrozenSet<string> EponymNouns = Set("eponym-nouns");

    /// <summary>Countries whose people's names English writes surname first.</summary>
    public static readonly FrozenSet<string> SurnameFirstCountries = Set("surname-first-countries");
}
