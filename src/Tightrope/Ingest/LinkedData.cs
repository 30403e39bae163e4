using System.Text.Json;
using AngleSharp.Dom;

namespace Tightrope.Ingest;

/// <summary>
/// The article body a page declares in its schema.org JSON-LD (<c>&lt;script type="application/ld+json"&gt;</c>,
/// <c>"articleBody"</c> of a NewsArticle, BlogPosting...): the whole story on pages whose visible body is built by
/// scripts, or cut to a teaser behind a "read more" button.
/// </summary>
internal static class LinkedData
{
    /// <summary>The declared body is used when it holds this many times the letters of the extracted text.</summary>
    internal const int Longer = 3;

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Whether the element is a JSON-LD script.</summary>
    public static bool IsScript(IElement e) =>
        e.LocalName is "script" && e.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The longest <c>articleBody</c> of the page's JSON-LD scripts, or null.</summary>
    public static string? ArticleBody(IEnumerable<IElement> scripts)
    {
        string? best = null;
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, Options);
                var found = Find(json.RootElement, 0);
                if (found is not null && found.Length > (best?.Length ?? 0))
                {
                    best = found;
                }
            }
            catch (JsonException)
            {
                // A page's broken JSON-LD says nothing about its article.
            }
        }

        return best;
    }

    private static string? Find(JsonElement e, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        string? best = null;
        if (e.ValueKind is JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                var found = p.NameEquals("articleBody") && p.Value.ValueKind is JsonValueKind.String
                    ? p.Value.GetString()
                    : Find(p.Value, depth + 1);
                best = found is not null && found.Length > (best?.Length ?? 0) ? found : best;
            }
        }
        else if (e.ValueKind is JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                var found = Find(item, depth + 1);
                best = found is not null && found.Length > (best?.Length ?? 0) ? found : best;
            }
        }

        return best;
    }
}
