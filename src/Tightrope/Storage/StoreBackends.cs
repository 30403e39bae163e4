using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Tightrope.Storage;

/// <summary>
/// Which backend a store location names, by its scheme (<c>sqlite:</c>, <c>postgres://</c>; a bare path is SQLite). A
/// backend lives in its own assembly, <c>Tightrope.Storage.&lt;Name&gt;</c>, which registers itself when loaded (its
/// module initializer calls <see cref="Register"/>), so the core needs no reference to any database library and a
/// front end opens any store from a connection string (ADO.NET's provider factories work the same way).
/// </summary>
public static class StoreBackends
{
    private static readonly ConcurrentDictionary<string, Func<string, IStoreBackend>> Factories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Schemes and the assembly that serves them.</summary>
    private static readonly Dictionary<string, string> Assemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sqlite"] = "Tightrope.Storage.Sqlite",
        ["postgres"] = "Tightrope.Storage.Postgres",
        ["postgresql"] = "Tightrope.Storage.Postgres",
    };

    /// <summary>Makes <paramref name="scheme"/> open with <paramref name="factory"/> (given the whole location).</summary>
    public static void Register(string scheme, Func<string, IStoreBackend> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentNullException.ThrowIfNull(factory);
        Factories[scheme] = factory;
    }

    /// <summary>The scheme of a location: <c>sqlite</c> for a path or <c>file:</c>, <c>postgres</c> for <c>Host=…</c>.</summary>
    public static string Scheme(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return "postgres";
        }

        // One letter before a colon is a Windows drive, not a scheme.
        int colon = location.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 1 ? location[..colon].ToLowerInvariant() : null;
        return scheme is null or "file" ? "sqlite" : scheme;
    }

    /// <summary>The file of an embedded store's location (a path, <c>sqlite:PATH</c>, <c>file:PATH</c>); null for a server's.</summary>
    public static string? FilePath(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!string.Equals(Scheme(location), "sqlite", StringComparison.Ordinal))
        {
            return null;
        }

        int colon = location.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 1)
        {
            return location;
        }

        var path = location[(colon + 1)..];
        return path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
    }

    /// <summary>Opens the backend the location names, loading its assembly the first time.</summary>
    public static IStoreBackend Open(string location)
    {
        var scheme = Scheme(location);
        if (!Factories.TryGetValue(scheme, out var factory))
        {
            Load(scheme);
            if (!Factories.TryGetValue(scheme, out factory))
            {
                throw new NotSupportedException($"No store backend for '{scheme}:' (known: a file path or sqlite:PATH{(Assemblies.ContainsKey(scheme) ? $"; {Assemblies[scheme]} is not installed" : "")}).");
            }
        }

        return factory(location);
    }

    private static void Load(string scheme)
    {
        if (!Assemblies.TryGetValue(scheme, out var name))
        {
            return;
        }

        try
        {
            var assembly = Assembly.Load(name);
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }
        catch (FileNotFoundException)
        {
            // Not installed: Open says so.
        }
    }
}
