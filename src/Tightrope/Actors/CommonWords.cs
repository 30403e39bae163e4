using System.Collections.Frozen;

namespace Tightrope.Actors;

/// <summary>
/// English words that start sentences or headings and are not names: a capitalised one is not a name candidate,
/// and a lower-case knowledge-base name that is also one of these ("us", "sad") is not a mention.
/// </summary>
internal static class CommonWords
{
    public static readonly FrozenSet<string> Words = new[]
    {
        "a", "about", "above", "according", "across", "after", "again", "against", "ago", "all", "also", "although", "always", "among", "an", "and",
        "another", "any", "are", "as", "at", "back", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "during", "each", "either", "even", "ever", "every", "few", "first", "for", "from", "further",
        "had", "has", "have", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "instead", "into", "is", "it", "its",
        "just", "last", "later", "least", "less", "like", "many", "may", "meanwhile", "might", "more", "moreover", "most", "much", "must", "my",
        "neither", "never", "nevertheless", "new", "next", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or",
        "other", "others", "our", "ours", "out", "over", "own", "perhaps", "rather", "same", "second", "since", "she", "should", "so", "some",
        "still", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "therefore", "these", "they", "third", "this",
        "those", "though", "through", "thus", "to", "today", "too", "under", "unless", "until", "up", "upon", "us", "very", "was", "we",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
        "would", "yes", "yet", "you", "your", "yours", "yesterday", "tomorrow", "recently", "currently", "finally", "first", "firstly",
        "secondly", "thirdly", "additionally", "furthermore", "indeed", "overall", "especially", "previously", "initially", "already",
        "in", "under", "despite", "regarding", "amid", "experts", "analysts", "officials", "sources", "observers", "critics", "some",
        "related", "read", "more", "photo", "video", "copyright", "source", "editor", "reporter", "news", "update", "updated", "breaking",
        "opinion", "analysis", "comment", "comments", "share", "print", "email", "subscribe", "advertisement", "click", "here", "see", "also",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "president", "minister", "secretary", "general", "gen", "ambassador", "chairman", "leader", "director", "commander", "premier",
        "lady", "mr", "mrs", "ms", "dr", "sir", "prime", "foreign", "defense", "defence", "vice", "deputy", "chief", "state", "national",
        "government", "administration", "party", "ministry", "office", "department", "army", "navy", "forces", "military", "troops",
        "alliance", "agreement", "treaty", "summit", "talks", "war", "peace", "security", "economy", "trade", "policy", "east", "west",
        "north", "south", "northeast", "asia", "world", "international", "global", "people", "republic", "democratic", "united", "states",
        "sad", "will", "said", "says", "according", "part", "section", "chapter", "conclusion", "introduction", "summary", "background",
        "why", "how", "what", "where", "who", "let", "let's", "it's", "that's", "there's", "here's", "key", "takeaways", "faq",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string norm) => Words.Contains(norm);
}
