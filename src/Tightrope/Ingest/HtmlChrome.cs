using AngleSharp.Dom;
using Tightrope.Knowledge;

namespace Tightrope.Ingest;

/// <summary>
/// Site chrome recognised by its markup and removed before the article body is chosen: &lt;nav&gt;, &lt;aside&gt;,
/// page-level &lt;footer&gt;, ARIA landmarks that are not content (navigation, complementary, contentinfo, banner,
/// search, dialog), hidden elements, and elements whose class or id names a kind of chrome
/// (<c>knowledge/lang/en/clean-html-chrome-names.yaml</c>: share, related, comment, sidebar, menu, cookie,
/// newsletter...). An element is spared when it holds the page's prose: more than a third of the body's letters
/// outside links (a wrapper named "has-sidebar" or "comments-open"), or it encloses the &lt;main&gt;.
/// </summary>
internal static class HtmlChrome
{
    private static readonly WordList Names = LanguageData.English["clean-html-chrome-names"];

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "contentinfo", "banner", "search", "dialog", "alertdialog", "menu", "menubar",
    };

    /// <summary>Removes the chrome under <paramref name="body"/>; returns how many elements went.</summary>
    public static int Remove(IElement body)
    {
        int bodyLetters = Math.Max(1, ProseLetters(body));
        var doomed = new List<IElement>();
        foreach (var e in body.QuerySelectorAll("*"))
        {
            if (doomed.Count > 0 && doomed[^1].Contains(e))
            {
                continue;
            }

            if (IsChrome(e, out bool byName) && !HoldsProse(e, bodyLetters) && !(byName && HasStoryParagraph(e)))
            {
                doomed.Add(e);
            }
        }

        foreach (var e in doomed)
        {
            e.Remove();
        }

        return doomed.Count;
    }

    /// <summary>Whether the element's tag, role, hidden state or class/id names mark it as chrome.</summary>
    internal static bool IsChrome(IElement e) => IsChrome(e, out _);

    /// <summary>As <see cref="IsChrome(IElement)"/>; <paramref name="byName"/> says it was only its class or id.</summary>
    internal static bool IsChrome(IElement e, out bool byName)
    {
        byName = false;
        switch (e.LocalName)
        {
            case "nav" or "aside" or "dialog" or "figcaption":
                return true;
            case "footer":
                return e.Closest("article") is null;
            case "article" or "main" or "body" or "html" or "h1" or "p":
                return false;
            default:
                break;
        }

        if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") is "true")
        {
            return true;
        }

        if (e.GetAttribute("role") is { } role && ChromeRoles.Contains(role.Trim()))
        {
            return true;
        }

        // A heading titles a section: its class or id ("teaser-title", an anchor id "nav_…") says how it is styled or
        // linked to, not that it is chrome; a heading inside chrome goes with its container.
        if (IsHeading(e.LocalName))
        {
            return false;
        }

        byName = NamesChrome(e.GetAttribute("class")) || NamesChrome(e.GetAttribute("id"));
        return byName;
    }

    /// <summary>A paragraph of this many words outside links is story text, whatever its container is called.</summary>
    internal const int StoryWords = 60;

    /// <summary>
    /// Whether the element holds a paragraph of <see cref="StoryWords"/> words or more outside links: a container
    /// named like chrome (a page builder's "widget-container", a "teaser-text" lead) that holds story text is kept.
    /// </summary>
    private static bool HasStoryParagraph(IElement e)
    {
        foreach (var p in e.QuerySelectorAll("p"))
        {
            if (ProseWords(p) >= StoryWords)
            {
                return true;
            }
        }

        return false;
    }

    private static int ProseWords(IElement p)
    {
        int n = 0;
        foreach (var node in p.Descendants<IText>())
        {
            if (node.ParentElement?.Closest("a") is { } a && p.Contains(a))
            {
                continue;
            }

            bool inWord = false;
            foreach (var c in node.Data)
            {
                bool letter = char.IsLetterOrDigit(c);
                n += letter && !inWord ? 1 : 0;
                inWord = letter;
            }
        }

        return n;
    }

    private static bool IsHeading(string name) => name.Length == 2 && name[0] == 'h' && name[1] is >= '2' and <= '6';

    private static bool NamesChrome(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var span = value.AsSpan();
        int start = -1;
        for (int i = 0; i <= span.Length; i++)
        {
            bool sep = i == span.Length || span[i] is ' ' or '-' or '_' or '\t' or '\n';
            if (!sep)
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && Names.Contains(span[start..i]))
            {
                return true;
            }

            start = -1;
        }

        return false;
    }

    /// <summary>
    /// Whether the element holds the page's prose: it encloses the page's &lt;main&gt;, or more than a third of the body's
    /// letters outside links. Enclosing an &lt;article&gt; is not enough: a sidebar's related stories are &lt;article&gt; cards.
    /// </summary>
    private static bool HoldsProse(IElement e, int bodyLetters) =>
        e.QuerySelector("main, [role=main]") is not null || ProseLetters(e) * 3 > bodyLetters;

    /// <summary>Letters and digits of the element's text outside links, script and style.</summary>
    internal static int ProseLetters(IElement e)
    {
        int n = 0;
        foreach (var node in e.Descendants<IText>())
        {
            if (node.ParentElement?.Closest("a, script, style, noscript") is not null)
            {
                continue;
            }

            foreach (var c in node.Data)
            {
                n += char.IsLetterOrDigit(c) ? 1 : 0;
            }
        }

        return n;
    }
}
