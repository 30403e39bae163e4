using AngleSharp.Dom;

namespace Tightrope.Ingest;

/// <summary>
/// The page's blocks (paragraphs, h1/h2 headings, outermost lists and tables) in document order, taken before
/// Readability reads and rearranges the document, so that the story's lead can be put back: Readability drops a
/// &lt;header&gt; or an element named "header" as unlikely content, and with it the lead or deck that sits in the
/// article's header. The &lt;h1&gt; headline stays out: it is the article's title (metadata), and a headline's
/// rounded figure would stand first in the text for the figures after it.
/// </summary>
internal sealed class BlockOutline
{
    /// <summary>A block needs this many letters and digits to be put back.</summary>
    internal const int MinLetters = 20;

    /// <summary>A block with this share of its letters in links is a link row (topics, breadcrumbs) and stays out.</summary>
    internal const double MaxLinkShare = 0.5;

    /// <summary>A block of the named article body needs this many words to be put back by <see cref="PutBackProse"/>.</summary>
    internal const int ProseWords = 20;

    private readonly List<Entry> _entries = [];

    private BlockOutline()
    {
    }

    public static BlockOutline Of(IElement body)
    {
        var outline = new BlockOutline();
        IElement? lastList = null;
        foreach (var e in body.QuerySelectorAll("p, h1, h2, ul, ol, dl, table"))
        {
            if (lastList is not null && lastList.Contains(e))
            {
                continue;
            }

            if (e.LocalName is "ul" or "ol" or "dl" or "table")
            {
                lastList = e;
            }

            outline._entries.Add(new Entry(e, Path(e)));
        }

        return outline;
    }

    /// <summary>
    /// Puts back, before the first paragraph of <paramref name="content"/> (Readability's article), the blocks that
    /// come before it in the same &lt;article&gt; element (else the same &lt;main&gt;) and that Readability left out, in their order, unless they
    /// are short or mostly links. Returns whether anything moved.
    /// </summary>
    public bool PutBack(IElement content)
    {
        int first = -1;
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Element.LocalName is "p" && content.Contains(_entries[i].Element))
            {
                first = i;
                break;
            }
        }

        if (first < 0 || StoryRegion(_entries[first].Path) is not { } article)
        {
            return false;
        }

        var anchor = _entries[first].Element;
        bool moved = false;
        for (int j = 0; j < first; j++)
        {
            var e = _entries[j].Element;
            if (e.LocalName is "h1"
                || !Inside(_entries[j].Path, article)
                || content.Contains(e)
                || HtmlExtractor.CountLetters(e.TextContent) < MinLetters
                || HtmlExtractor.IsLinkDense(e, MaxLinkShare))
            {
                continue;
            }

            anchor.Before(e);
            moved = true;
        }

        return moved;
    }

    /// <summary>
    /// Puts back, each after the block that came before it on the page, the prose blocks of <paramref name="region"/>
    /// (the element the template names as the article's body, <see cref="StoryContainer"/>) that Readability left
    /// out: blocks of <see cref="ProseWords"/> words or more that are not mostly links (an abstract in its own
    /// section, a paragraph in a second column). Returns whether anything moved.
    /// </summary>
    public bool PutBackProse(IElement content, IElement region)
    {
        IElement? anchor = null;
        IElement? firstKept = null;

        var before = new List<IElement>();
        bool moved = false;
        foreach (var (e, path) in _entries)
        {
            if (content.Contains(e))
            {
                anchor = e;
                firstKept ??= e;
                continue;
            }

            if (e.LocalName is "h1" or "h2"
                || !Inside(path, region)
                || e.Contains(content)
                || (anchor is not null && e.Contains(anchor))
                || StoryEnd.Words(e.TextContent) < ProseWords
                || HtmlExtractor.IsLinkDense(e, MaxLinkShare))
            {
                continue;
            }

            if (anchor is null)
            {
                before.Add(e);
                continue;
            }

            anchor.After(e);
            anchor = e;
            moved = true;
        }

        // Readability kept none of the page's blocks (it chose a table, or built its own elements): the named body's
        // prose follows what it chose.
        foreach (var e in before)
        {
            if (firstKept is not null)
            {
                firstKept.Before(e);
            }
            else
            {
                content.AppendChild(e);
            }

            moved = true;
        }

        return moved;
    }

    private static IElement? StoryRegion(IElement[] path)
    {
        for (int i = path.Length - 1; i >= 0; i--)
        {
            if (path[i].LocalName is "article")
            {
                return path[i];
            }
        }

        // No <article>: the page's <main> is the story's region.
        for (int i = path.Length - 1; i >= 0; i--)
        {
            if (path[i].LocalName is "main")
            {
                return path[i];
            }
        }

        return null;
    }

    private static IElement[] Path(IElement e)
    {
        var path = new List<IElement>();
        for (var a = e.ParentElement; a is not null; a = a.ParentElement)
        {
            path.Add(a);
        }

        path.Reverse();
        return [.. path];
    }

    private static bool Inside(IElement[] path, IElement container)
    {
        foreach (var a in path)
        {
            if (ReferenceEquals(a, container))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Entry(IElement Element, IElement[] Path);
}
