namespace Tightrope.Tests.Support;

/// <summary>
/// A throw-away knowledge folder (<c>titles.yaml</c> + <c>actors/*.yaml</c>) under the temp directory, for tests that
/// feed the loader or checker small files. Deleted on dispose.
/// </summary>
public sealed class KnowledgeFolder : IDisposable
{
    /// <summary>A small title vocabulary: one single-holder office, one shared one.</summary>
    public const string DefaultTitles = """
        - {title: President, function: head-of-state, single: true, cues: [president]}
        - {title: Secretary of State, function: foreign-minister, single: true, cues: [foreign minister]}
        - {title: Senator, function: legislator, single: false}
        """;

    public KnowledgeFolder(string? titles = DefaultTitles)
    {
        Root = Path.Combine(Path.GetTempPath(), "tightrope-kb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "actors"));
        if (titles is not null)
        {
            File.WriteAllText(Path.Combine(Root, "titles.yaml"), titles);
        }
    }

    public string Root { get; }

    /// <summary>Writes <c>actors/{name}</c> and returns its path.</summary>
    public string Write(string name, string yaml)
    {
        var path = Path.Combine(Root, "actors", name);
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
