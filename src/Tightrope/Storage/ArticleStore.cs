namespace Tightrope.Storage;

/// <summary>Opens stores.</summary>
public static class ArticleStore
{
    /// <summary>Opens (creating it and its folder if needed) the SQLite store at <paramref name="path"/>.</summary>
    public static IArticleStore Open(string path, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return new SqliteStore(full, options);
    }
}
