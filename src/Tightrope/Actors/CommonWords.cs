namespace Tightrope.Actors;

/// <summary>
/// English words that start sentences or headings and are not names (<c>knowledge/lang/en/actors-common-words.yaml</c>):
/// a capitalised one is not a name candidate, and a lower-case knowledge-base name that is also one of these ("us",
/// "sad") is not a mention.
/// </summary>
internal static class CommonWords
{
    public static bool Contains(string norm) => ActorLists.Common.Contains(norm);
}
