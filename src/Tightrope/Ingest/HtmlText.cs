using System.Text;
using AngleSharp.Dom;

namespace Tightrope.Ingest;

/// <summary>
/// Plain text of an HTML subtree with its structure kept as lines: block elements become paragraphs separated by a
/// blank line, &lt;br&gt; and list items a line break, whitespace collapsed elsewhere. Walks the tree with sibling
/// and parent links, never recursion, so arbitrarily deep documents cannot overflow the stack.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed", "canvas",
        "select", "button", "input", "textarea", "nav", "form",
    };

    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "h1", "h2", "h3",
        "h4", "h5", "h6", "ul", "ol", "dl", "table", "figure", "figcaption", "hr", "address", "details", "summary",
        "body", "center", "fieldset",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "li", "tr", "dt", "dd", "caption", "option",
    };

    public static string FromNode(INode root)
    {
        var w = new Writer();
        INode? node = root.FirstChild;
        if (node is null)
        {
            return "";
        }

        while (node is not null)
        {
            bool descend = Enter(node, w);
            if (descend && node.FirstChild is { } child)
            {
                node = child;
                continue;
            }

            if (descend)
            {
                Leave(node, w);
            }

            // Move to the next sibling, leaving every parent whose children are done.
            while (true)
            {
                if (node.NextSibling is { } next)
                {
                    node = next;
                    break;
                }

                node = node.Parent;
                if (node is null || ReferenceEquals(node, root))
                {
                    node = null;
                    break;
                }

                Leave(node, w);
            }
        }

        return w.ToString();
    }

    private static bool Enter(INode node, Writer w)
    {
        switch (node)
        {
            case IText text:
                w.Text(text.Data);
                return false;
            case IElement element:
                var name = element.LocalName;
                if (Skipped.Contains(name) || element.HasAttribute("hidden"))
                {
                    return false;
                }

                if (name is "br")
                {
                    w.LineBreak();
                }
                else if (name is "td" or "th")
                {
                    w.Space();
                }
                else if (Paragraphs.Contains(name))
                {
                    w.Break(2);
                    if (name is "pre")
                    {
                        w.Pre++;
                    }
                }
                else if (Lines.Contains(name))
                {
                    w.Break(1);
                }

                return true;
            default:
                return false;
        }
    }

    private static void Leave(INode node, Writer w)
    {
        if (node is not IElement element)
        {
            return;
        }

        var name = element.LocalName;
        if (Skipped.Contains(name))
        {
            return;
        }

        if (Paragraphs.Contains(name))
        {
            w.Break(2);
            if (name is "pre" && w.Pre > 0)
            {
                w.Pre--;
            }
        }
        else if (Lines.Contains(name))
        {
            w.Break(1);
        }
    }

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private int _pendingBreak;
        private bool _pendingSpace;

        public int Pre { get; set; }

        public void Break(int lines) => _pendingBreak = Math.Max(_pendingBreak, lines);

        public void Space() => _pendingSpace = true;

        /// <summary>One &lt;br&gt; breaks the line; two in a row make a paragraph, as sites that lay out text with &lt;br&gt;&lt;br&gt; mean.</summary>
        public void LineBreak() => _pendingBreak = Math.Min(2, _pendingBreak + 1);

        public void Text(string data)
        {
            if (Pre > 0)
            {
                if (data.Length > 0)
                {
                    Flush(true);
                    _sb.Append(data.Replace("\r", "", StringComparison.Ordinal));
                }

                return;
            }

            foreach (var ch in data)
            {
                if (char.IsWhiteSpace(ch) && ch != '\u00A0' && ch != '\u3000')
                {
                    _pendingSpace = true;
                    continue;
                }

                Flush(true);
                _sb.Append(ch);
            }
        }

        private void Flush(bool content)
        {
            if (!content)
            {
                return;
            }

            if (_sb.Length > 0)
            {
                if (_pendingBreak > 0)
                {
                    _sb.Append('\n', _pendingBreak);
                }
                else if (_pendingSpace)
                {
                    _sb.Append(' ');
                }
            }

            _pendingBreak = 0;
            _pendingSpace = false;
        }

        public override string ToString() => _sb.ToString();
    }
}
