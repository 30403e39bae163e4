using AngleSharp.Dom;

namespace Tightrope.Ingest;

/// <summary>
/// The element a CMS template names as the article's body: <c>itemprop="articleBody"</c>, or a class or id whose parts
/// (split at "-", "_" and lower-to-upper case changes) pair a story word ("article", "entry", "post", "story") with a
/// body word ("content", "body", "text"): <c>entry-content</c>, <c>post-body</c>, <c>c-article-body</c>,
/// <c>articleBody</c>. Among several, the one holding the most prose letters.
/// </summary>
internal static class StoryContainer
{
    private static readonly string[] StoryParts = ["article", "entry", "post", "story", "news"];

    private static readonly string[] BodyParts = ["content", "body", "text"];

    public static IElement? Find(IElement body)
    {
        IElement? best = null;
        int bestLetters = 0;
        foreach (var e in body.QuerySelectorAll("*"))
        {
            if (e.LocalName is "p" or "a" or "span" or "li" or "img" or "h1" or "h2" or "h3" or "script" or "style")
            {
                continue;
            }

            if (!(e.GetAttribute("itemprop") is { } ip && ip.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
                && !Names(e.GetAttribute("class")) && !Names(e.Id))
            {
                continue;
            }

            int letters = HtmlChrome.ProseLetters(e);
            if (letters > bestLetters)
            {
                best = e;
                bestLetters = letters;
            }
        }

        return best;
    }

    private static bool Names(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var token in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool story = false, text = false;
            foreach (var part in Parts(token))
            {
                story |= Array.Exists(StoryParts, w => part.Equals(w, StringComparison.OrdinalIgnoreCase));
                text |= Array.Exists(BodyParts, w => part.Equals(w, StringComparison.OrdinalIgnoreCase));
            }

            if (story && text)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Parts(string token)
    {
        int from = 0;
        for (int i = 1; i <= token.Length; i++)
        {
            if (i == token.Length || token[i] is '-' or '_' || (char.IsUpper(token[i]) && char.IsLower(token[i - 1])))
            {
                if (i > from)
                {
                    yield return token[from..i].Trim('-', '_');
                }

                from = i;
            }
        }
    }
}
