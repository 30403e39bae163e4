using System.Net;
using System.Text;

namespace Tightrope.Ingest;

/// <summary>
/// Protection against hostile nesting. Building a DOM for tens of thousands of nested elements costs quadratic time
/// in the HTML tree builder, so pages whose tags nest deeper than any real article are not given to the parser: their
/// text is taken by a linear scan over the tags instead (block tags still make paragraphs).
/// </summary>
internal static class HtmlDepthGuard
{
    /// <summary>Nesting beyond this is hostile or broken; real article pages stay well under 100.</summary>
    public const int MaxParsedDepth = 1000;

    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements and elements whose end tag is optional (the parser closes them itself)
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "td", "th", "tr", "option", "thead", "tbody", "tfoot", "colgroup", "rt", "rp", "html",
        "head", "body", "!doctype",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "h1", "h2", "h3",
        "h4", "h5", "h6", "ul", "ol", "dl", "table", "figure", "figcaption", "hr", "address", "li", "tr", "dt", "dd",
    };

    /// <summary>An upper estimate of how deep the tags of <paramref name="html"/> nest.</summary>
    public static int EstimateDepth(string html)
    {
        int depth = 0, max = 0;
        foreach (var tag in new TagScanner(html))
        {
            if (tag.Name is null || NotNesting.Contains(tag.Name) || tag.SelfClosing)
            {
                continue;
            }

            depth = tag.Closing ? Math.Max(0, depth - 1) : depth + 1;
            max = Math.Max(max, depth);
        }

        return max;
    }

    /// <summary>Text of the page by a linear scan: tags dropped, entities decoded, blocks as paragraphs.</summary>
    public static string FlatText(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        int pendingBreak = 0;
        bool pendingSpace = false;
        int last = 0;
        string? skipUntil = null;
        foreach (var tag in new TagScanner(html))
        {
            if (skipUntil is null && tag.Start > last)
            {
                Append(WebUtility.HtmlDecode(html[last..tag.Start]));
            }

            last = tag.End;
            if (tag.Name is null)
            {
                continue;
            }

            if (skipUntil is not null)
            {
                if (tag.Closing && tag.Name.Equals(skipUntil, StringComparison.OrdinalIgnoreCase))
                {
                    skipUntil = null;
                }

                continue;
            }

            if (!tag.Closing && tag.Name is "script" or "style" or "noscript" or "template" or "head" or "svg")
            {
                skipUntil = tag.Name;
            }
            else if (tag.Name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                pendingBreak = Math.Max(pendingBreak, 1);
            }
            else if (Blocks.Contains(tag.Name))
            {
                pendingBreak = 2;
            }
        }

        if (skipUntil is null && last < html.Length)
        {
            Append(WebUtility.HtmlDecode(html[last..]));
        }

        return sb.ToString();

        void Append(string text)
        {
            foreach (var ch in text)
            {
                if (char.IsWhiteSpace(ch) && ch != '\u00A0')
                {
                    pendingSpace = true;
                    continue;
                }

                if (sb.Length > 0)
                {
                    if (pendingBreak > 0)
                    {
                        sb.Append('\n', pendingBreak);
                    }
                    else if (pendingSpace)
                    {
                        sb.Append(' ');
                    }
                }

                pendingBreak = 0;
                pendingSpace = false;
                sb.Append(ch);
            }
        }
    }

    private readonly record struct Tag(int Start, int End, string? Name, bool Closing, bool SelfClosing);

    /// <summary>Tags (and comments, with no name) in order; text is what lies between them.</summary>
    private readonly struct TagScanner(string html)
    {
        public IEnumerator<Tag> GetEnumerator()
        {
            int i = 0;
            while (true)
            {
                int lt = html.IndexOf('<', i);
                if (lt < 0 || lt + 1 >= html.Length)
                {
                    yield break;
                }

                if (html.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal))
                {
                    int endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                    int stop = endComment < 0 ? html.Length : endComment + 3;
                    yield return new Tag(lt, stop, null, false, false);
                    i = stop;
                    continue;
                }

                bool closing = html[lt + 1] == '/';
                int nameStart = lt + (closing ? 2 : 1);
                if (nameStart >= html.Length || !(char.IsAsciiLetter(html[nameStart]) || html[nameStart] == '!'))
                {
                    i = lt + 1; // a literal '<' in text
                    continue;
                }

                int nameEnd = nameStart;
                while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or '!' or ':'))
                {
                    nameEnd++;
                }

                int gt = html.IndexOf('>', nameEnd);
                int end = gt < 0 ? html.Length : gt + 1;
                bool selfClosing = gt > 0 && html[gt - 1] == '/';
                yield return new Tag(lt, end, html[nameStart..nameEnd].ToLowerInvariant(), closing, selfClosing);
                i = end;
            }
        }
    }
}
