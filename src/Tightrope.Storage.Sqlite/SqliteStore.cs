using System.Runtime.CompilerServices;

namespace Tightrope.Storage.Sqlite;

/// <summary>The embedded SQLite store: opens a file as an <see cref="ArticleStore"/>, and serves <c>sqlite:</c> locations.</summary>
public static class SqliteStore
{
    /// <summary>Registers the backend for paths and <c>sqlite:PATH</c> when the assembly loads.</summary>
#pragma warning disable CA2255 // A backend registers itself when its assembly is loaded (StoreBackends loads it by scheme).
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => StoreBackends.Register("sqlite", location => OpenBackend(StoreBackends.FilePath(location)!, null));

    /// <summary>Opens (creating it and its folder if needed) the SQLite store at <paramref name="path"/>.</summary>
    public static ArticleStore Open(string path, SqliteStoreOptions? sqlite = null, ArticleStoreOptions? options = null) =>
        new(OpenBackend(path, sqlite), options);

    /// <summary>The backend alone (for a store built with other options, and for the contract tests).</summary>
    public static IStoreBackend OpenBackend(string path, SqliteStoreOptions? sqlite = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return new SqliteBackend(full, sqlite);
    }

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => SqliteSchema.CurrentVersion;
}
