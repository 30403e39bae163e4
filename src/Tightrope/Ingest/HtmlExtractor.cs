using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;
using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// Article text and metadata of an HTML page. The body comes from SmartReader (a port of Mozilla Readability); when
/// it finds nothing, or the document is nested too deeply for its recursive walks, the text of &lt;body&gt; is used.
/// Metadata: title, author/byline, published date (article:published_time, og:, itemprop datePublished, &lt;time&gt;),
/// source (og:site_name, else the host) and canonical URL.
/// </summary>
internal static class HtmlExtractor
{
    /// <summary>Deeper documents skip readability (its recursion could overflow the stack) and use the body text.</summary>
    internal const int MaxReadabilityDepth = 300;

    /// <summary>Readability's text under this share of the body's prose letters (outside links, after chrome removal) is taken as a miss.</summary>
    internal const double ShortShare = 0.3;

    private static readonly HtmlParserOptions ParserOptions = new() { IsKeepingSourceReferences = false, IsScripting = true };

    public static (string Text, ArticleMetadata Found) Extract(string html, string? url)
    {
        if (HtmlDepthGuard.EstimateDepth(html) > HtmlDepthGuard.MaxParsedDepth)
        {
            return (HtmlDepthGuard.FlatText(html), new ArticleMetadata());
        }

        var parser = new HtmlParser(ParserOptions);
        using var document = parser.ParseDocument(html);
        var scan = PageScan.Of(document);
        var declared = scan.LinkedData.Count > 0 ? LinkedData.ArticleBody(scan.LinkedData) : null;
        var found = scan.Metadata(url);
        int prose = 0;
        if (document.Body is { } pageBody)
        {
            HtmlChrome.Remove(pageBody);
            prose = HtmlChrome.ProseLetters(pageBody);
        }

        string text = "";
        int chosen = 0;
        if (scan.Depth <= MaxReadabilityDepth)
        {
            (text, found, chosen) = Readability(document, url, found);
        }

        // Readability kept a fragment of the page's prose (one teaser, a caption): the page's own blocks do better.
        if (string.IsNullOrWhiteSpace(text) || chosen < prose * ShortShare)
        {
            text = BodyText(html, parser, document, scan.Depth);
        }

        // The page declares a story that its markup shows only in part (built by scripts, cut behind "read more").
        if (declared is not null && CountLetters(declared) > LinkedData.Longer * CountLetters(text))
        {
            text = declared.Contains('<', StringComparison.Ordinal) ? FragmentText(declared) : declared;
        }

        return (text, found);
    }

    /// <summary>The page's own block text: chrome and link lists removed from the body of a fresh parse (Readability changes the document it reads).</summary>
    private static string BodyText(string html, HtmlParser parser, IHtmlDocument document, int depth)
    {
        using var fresh = depth <= MaxReadabilityDepth ? parser.ParseDocument(html) : null;
        var doc = fresh ?? document;
        if (fresh?.Body is { } body)
        {
            HtmlChrome.Remove(body);
            DropLinkLists(body);
        }

        var root = doc.Body ?? (INode?)doc.DocumentElement;
        return root is null ? "" : HtmlText.FromNode(root);
    }

    /// <summary>Text of an HTML fragment that is already the article body (feed item content, JSON "html").</summary>
    public static string FragmentText(string html)
    {
        if (HtmlDepthGuard.EstimateDepth(html) > HtmlDepthGuard.MaxParsedDepth)
        {
            return HtmlDepthGuard.FlatText(html);
        }

        var parser = new HtmlParser(ParserOptions);
        using var document = parser.ParseDocument(html);
        var body = document.Body ?? (INode?)document.DocumentElement;
        return body is null ? "" : HtmlText.FromNode(body);
    }

    /// <summary>Readability's article (with the blocks <see cref="BlockOutline"/> puts back), and the letters of what Readability itself chose.</summary>
    private static (string Text, ArticleMetadata Found, int Chosen) Readability(IHtmlDocument document, string? url, ArticleMetadata found)
    {
        var uri = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? u.AbsoluteUri
            : "https://localhost/";
        try
        {
            var outline = document.Body is { } body ? BlockOutline.Of(body) : null;
            var named = document.Body is { } b ? StoryContainer.Find(b) : null;
            using var reader = new Reader(uri, document);
            IElement? content = null;
            reader.AddCustomOperationEnd(e => content = e);
            var article = reader.GetArticle();
            string text;
            int chosen;
            if (content is not null)
            {
                DropLinkLists(content);
                text = HtmlText.FromNode(content);
                chosen = CountLetters(text);
                bool changed = outline is not null && outline.PutBack(content);
                if (outline is not null && named is not null)
                {
                    changed |= outline.PutBackProse(content, named);
                }

                if (changed)
                {
                    DropLinkLists(content);
                }

                changed |= StoryEnd.Trim(content) > 0;

                if (changed)
                {
                    text = HtmlText.FromNode(content);
                }
            }
            else
            {
                text = article.TextContent ?? "";
                chosen = CountLetters(text);
            }

            found = found with
            {
                Title = found.Title ?? NullIfBlank(article.Title),
                Author = found.Author ?? NullIfBlank(article.Author) ?? NullIfBlank(article.Byline),
                Source = found.Source ?? NullIfBlank(article.SiteName),
                Published = found.Published ?? (article.PublicationDate is { } p ? DateOnly.FromDateTime(p) : null),
            };
            return (text, found, chosen);
        }
#pragma warning disable CA1031 // A third-party extractor failing on one page falls back to the body text; it must not stop the batch.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ("", found, 0);
        }
    }

    /// <summary>
    /// Removes, inside the chosen body, blocks whose text is mostly link text (related-article lists, "read also"
    /// lines, tag rows): jusText's link density, measured per list, list item and paragraph.
    /// </summary>
    private static void DropLinkLists(IElement content)
    {
        var doomed = new List<IElement>();
        foreach (var block in content.QuerySelectorAll("ul, ol, li, p, dl"))
        {
            if (doomed.Count > 0 && doomed[^1].Contains(block))
            {
                continue;
            }

            int total = CountLetters(block.TextContent);
            if (total == 0)
            {
                continue;
            }

            int linked = 0;
            foreach (var link in block.QuerySelectorAll("a"))
            {
                linked += CountLetters(link.TextContent);
            }

            if (linked >= total * 0.75)
            {
                doomed.Add(block);
            }
        }

        foreach (var block in doomed)
        {
            block.Remove();
        }
    }

    /// <summary>Whether most of the block's letters are link text (a related-article list, a tag row).</summary>
    internal static bool IsLinkDense(IElement block, double share = 0.75)
    {
        int total = CountLetters(block.TextContent);
        if (total == 0)
        {
            return true;
        }

        int linked = 0;
        foreach (var link in block.QuerySelectorAll("a"))
        {
            linked += CountLetters(link.TextContent);
        }

        return linked >= total * share;
    }

    internal static int CountLetters(string text)
    {
        int n = 0;
        foreach (var c in text)
        {
            n += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return n;
    }

    internal static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>One iterative pass over the elements: depth and the metadata the page declares.</summary>
    private sealed class PageScan
    {
        private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);
        private string? _title;
        private string? _h1;
        private string? _canonical;
        private string? _itempropDate;
        private string? _itempropAuthor;
        private string? _relAuthor;
        private string? _time;

        public int Depth { get; private set; }

        /// <summary>The page's JSON-LD scripts (read before Readability, which drops scripts).</summary>
        public List<IElement> LinkedData { get; } = [];

        public static PageScan Of(IHtmlDocument document)
        {
            var scan = new PageScan();
            INode? root = document.DocumentElement;
            if (root is null)
            {
                return scan;
            }

            INode node = root;
            int depth = 0;
            while (true)
            {
                if (node is IElement element)
                {
                    scan.Visit(element);
                }

                if (node.FirstChild is { } child)
                {
                    node = child;
                    depth++;
                    scan.Depth = Math.Max(scan.Depth, depth);
                    continue;
                }

                while (node.NextSibling is null)
                {
                    if (node.Parent is not { } parent || ReferenceEquals(node, root))
                    {
                        return scan;
                    }

                    node = parent;
                    depth--;
                    if (ReferenceEquals(node, root))
                    {
                        return scan;
                    }
                }

                node = node.NextSibling;
            }
        }

        private void Visit(IElement e)
        {
            switch (e.LocalName)
            {
                case "title":
                    _title ??= NullIfBlank(e.TextContent);
                    break;
                case "h1":
                    _h1 ??= NullIfBlank(HtmlText.FromNode(e));
                    break;
                case "meta":
                    var key = e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop");
                    var content = e.GetAttribute("content");
                    if (key is not null && NullIfBlank(content) is { } value)
                    {
                        _meta.TryAdd(key.Trim(), value);
                    }

                    break;
                case "link":
                    var rel = e.GetAttribute("rel");
                    if (rel is not null && rel.Contains("canonical", StringComparison.OrdinalIgnoreCase))
                    {
                        _canonical ??= NullIfBlank(e.GetAttribute("href"));
                    }

                    break;
                case "time":
                    _time ??= NullIfBlank(e.GetAttribute("datetime"));
                    break;
                case "script" when Ingest.LinkedData.IsScript(e):
                    LinkedData.Add(e);
                    break;
                default:
                    break;
            }

            var itemprop = e.GetAttribute("itemprop");
            if (itemprop is not null && e.LocalName is not "meta")
            {
                if (itemprop.Equals("datePublished", StringComparison.OrdinalIgnoreCase))
                {
                    _itempropDate ??= NullIfBlank(e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? HtmlText.FromNode(e));
                }
                else if (itemprop.Equals("author", StringComparison.OrdinalIgnoreCase))
                {
                    _itempropAuthor ??= NullIfBlank(e.GetAttribute("content") ?? HtmlText.FromNode(e));
                }
            }

            if (e.LocalName is "a" && e.GetAttribute("rel") is { } r && r.Contains("author", StringComparison.OrdinalIgnoreCase))
            {
                _relAuthor ??= NullIfBlank(HtmlText.FromNode(e));
            }
        }

        public ArticleMetadata Metadata(string? url)
        {
            string? Meta(params string[] keys)
            {
                foreach (var k in keys)
                {
                    if (_meta.TryGetValue(k, out var v))
                    {
                        return v;
                    }
                }

                return null;
            }

            var canonical = Absolute(_canonical ?? Meta("og:url"), url);
            var published = DateText.Parse(Meta("article:published_time", "og:published_time", "og:article:published_time", "datePublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date"))
                ?? DateText.Parse(_itempropDate)
                ?? DateText.Parse(_time);
            var author = Meta("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author") ?? _itempropAuthor ?? _relAuthor;
            if (author is not null && author.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                author = _itempropAuthor ?? _relAuthor;
            }

            var host = Host(canonical ?? url);
            return new ArticleMetadata
            {
                Title = Meta("og:title", "twitter:title") ?? _title ?? _h1,
                Author = author,
                Published = published,
                Source = Meta("og:site_name", "application-name") ?? host,
                Url = canonical,
            };
        }

        private static string? Absolute(string? href, string? baseUrl)
        {
            if (href is null)
            {
                return null;
            }

            if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https")
            {
                return abs.AbsoluteUri;
            }

            return baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, href, out var rel)
                ? rel.AbsoluteUri
                : null;
        }

        private static string? Host(string? url) =>
            url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.Host : null;
    }
}
