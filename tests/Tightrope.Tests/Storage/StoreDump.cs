using System.Text;
using System.Text.Json;
using Tightrope.Storage;

namespace Tightrope.Tests.Storage;

/// <summary>Everything a store holds about its articles and their contradictions, as one string (ids sorted), to compare two stores.</summary>
internal static class StoreDump
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(IArticleStore store)
    {
        var ids = store.ListArticles(new ArticleQuery { Limit = int.MaxValue }).Select(a => a.Id).Order(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var id in ids)
        {
            var a = store.GetArticle(id)!;
            sb.AppendLine(JsonSerializer.Serialize(a, Options));
        }

        foreach (var c in store.Contradictions())
        {
            sb.AppendLine(JsonSerializer.Serialize(c, Options));
        }

        sb.AppendLine(JsonSerializer.Serialize(store.PendingContradictionScopes(), Options));
        sb.AppendLine(JsonSerializer.Serialize(store.Stats(), Options));
        return sb.ToString();
    }
}
