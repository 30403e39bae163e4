using System.Text.Json;
using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// A page that is a JSON document rather than text (a WordPress REST answer saved as the page, an API's article
/// object): the article is read out of it — title, date, link and content (HTML or text), as
/// <see cref="JsonLinesSource"/> reads one line — instead of cleaning the JSON as prose. Text that is not such a
/// document goes to the fallback unchanged.
/// </summary>
internal static class JsonPage
{
    private static readonly string[] BodyFields = ["content", "body", "articleBody", "html", "text"];
    private static readonly string[] TitleFields = ["title", "headline"];
    private static readonly string[] DateFields = ["date", "date_gmt", "published", "datePublished", "pubDate"];
    private static readonly string[] UrlFields = ["link", "url"];

    public static (string Text, ArticleMetadata? Found) Read(string text, string? url, Func<string, (string, ArticleMetadata?)> fallback)
    {
        var t = text.AsSpan().Trim();
        if (t.Length < 2 || !((t[0] == '{' && t[^1] == '}') || (t[0] == '[' && t[^1] == ']')))
        {
            return fallback(text);
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                root = root.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object);
            }

            if (root.ValueKind != JsonValueKind.Object || First(root, BodyFields) is not { } body || string.IsNullOrWhiteSpace(body))
            {
                return fallback(text);
            }

            string? link = First(root, UrlFields) ?? url;
            string? title = First(root, TitleFields);
            var (bodyText, found) = body.Contains('<', StringComparison.Ordinal)
                ? HtmlExtractor.Extract(body, link)
                : (body, new ArticleMetadata());
            found ??= new ArticleMetadata();
            var meta = found with
            {
                Title = title is null ? found.Title : HtmlExtractor.Extract("<p>" + title + "</p>", null).Text.Trim(),
                Url = HtmlExtractor.NullIfBlank(link) ?? found.Url,
                Published = DateText.Parse(First(root, DateFields)) ?? found.Published,
            };

            // The headline opens the text, as it does on a page read as text.
            var withTitle = meta.Title is { Length: > 0 } h && !bodyText.StartsWith(h, StringComparison.Ordinal) ? h + "\n\n" + bodyText : bodyText;
            return (withTitle, meta);
        }
        catch (JsonException)
        {
            return fallback(text);
        }
    }

    /// <summary>The first of the fields that holds a string, or an object whose "rendered" is one (WordPress).</summary>
    private static string? First(JsonElement obj, string[] names)
    {
        foreach (var name in names)
        {
            if (!obj.TryGetProperty(name, out var v))
            {
                continue;
            }

            if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("rendered", out var r))
            {
                v = r;
            }

            if (v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
            {
                return v.GetString();
            }
        }

        return null;
    }
}
