using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Tightrope.Ingest;

namespace Tightrope.Bench;

/// <summary>Diagnostic for html-quick --trace: where a missed snippet sits in the page.</summary>
internal static class HtmlTrace
{
    public static string Where(string pagePath, string snippet, string rawText)
    {
        var bytes = File.ReadAllBytes(pagePath);
        var html = TextDecoder.Decode(bytes, TextDecoder.DeclaredCharset(bytes), out _);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true });
        using var doc = parser.ParseDocument(html);
        string n = Norm(snippet);
        bool inRaw = Norm(rawText).Contains(n, StringComparison.Ordinal);
        IElement? best = null;
        foreach (var e in doc.QuerySelectorAll("*"))
        {
            if (Norm(e.TextContent).Contains(n, StringComparison.Ordinal))
            {
                best = e;
            }
        }

        if (best is null)
        {
            return $"raw={inRaw} NOT IN DOM TEXT";
        }

        // Whether the snippet is still in the page's block text once chrome is removed (Readability's input).
        using var fresh = parser.ParseDocument(html);
        bool afterChrome = false;
        if (fresh.Body is { } body)
        {
            HtmlChrome.Remove(body);
            afterChrome = Norm(HtmlText.FromNode(body)).Contains(n, StringComparison.Ordinal);
        }

        var parts = new List<string>();
        string chrome = "";
        for (var a = best; a is not null && parts.Count < 7; a = a.ParentElement)
        {
            var cls = a.GetAttribute("class")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var id = a.GetAttribute("id");
            parts.Add(a.LocalName + (id is null ? "" : "#" + id) + (cls is null ? "" : "." + cls));
            if (chrome.Length == 0 && HtmlChrome.IsChrome(a))
            {
                chrome = " CHROME@" + parts[^1];
            }
        }

        parts.Reverse();
        return $"raw={inRaw} dechromed={afterChrome}{chrome} {string.Join(">", parts)}";
    }

    private static string Norm(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim().ToLowerInvariant();
}
