using AngleSharp.Dom;

namespace Tightrope.Ingest;

/// <summary>
/// What Readability keeps after the story ends: once the last paragraph of prose is over, the short blocks that
/// follow it on their own (not items of a list or cells of a table) are the page's prompts and labels — "was this
/// useful?", "share this article", "more on this topic", a photo credit, a contact label — not story text (jusText's
/// rule that a short block next to boilerplate is boilerplate, with the page's end as the boilerplate).
/// </summary>
internal static class StoryEnd
{
    /// <summary>A block of this many words is prose: the story is not over before the last one.</summary>
    internal const int ProseWords = 25;

    /// <summary>A block after the story of at most this many words, standing alone, is a page label or prompt.</summary>
    internal const int ShortWords = 10;

    private static readonly HashSet<string> BlockNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "dl", "li", "dt", "dd", "table", "tr", "td", "th", "figure", "address", "details", "summary",
    };

    /// <summary>Removes the short standalone blocks after the last prose block of <paramref name="content"/>; returns how many went.</summary>
    public static int Trim(IElement content)
    {
        var leaves = new List<(IElement Block, int Words)>();
        foreach (var e in content.QuerySelectorAll("*"))
        {
            if (BlockNames.Contains(e.LocalName) && !HasBlockChild(e))
            {
                leaves.Add((e, Words(e.TextContent)));
            }
        }

        int last = -1;
        for (int i = leaves.Count - 1; i >= 0; i--)
        {
            if (leaves[i].Words >= ProseWords)
            {
                last = i;
                break;
            }
        }

        if (last < 0)
        {
            return 0;
        }

        int removed = 0;
        for (int i = last + 1; i < leaves.Count; i++)
        {
            var (block, words) = leaves[i];
            if (words <= ShortWords && !InListOrTable(block, content))
            {
                block.Remove();
                removed++;
            }
        }

        return removed;
    }

    private static bool HasBlockChild(IElement e)
    {
        foreach (var d in e.Descendants<IElement>())
        {
            if (BlockNames.Contains(d.LocalName))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InListOrTable(IElement block, IElement content)
    {
        for (var a = block; a is not null && !ReferenceEquals(a, content); a = a.ParentElement)
        {
            if (a.LocalName is "li" or "td" or "th" or "dd" or "dt" or "tr")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words of a text: runs of letters and digits; each CJK character counts as one.</summary>
    internal static int Words(string text)
    {
        int n = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            if (c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF'))
            {
                n++;
                inWord = false;
                continue;
            }

            bool letter = char.IsLetterOrDigit(c);
            n += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return n;
    }
}
