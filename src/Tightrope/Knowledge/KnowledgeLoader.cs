using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Tightrope.Knowledge;

/// <summary>A problem found in a knowledge-base file, with where it is.</summary>
public sealed record KnowledgeProblem(string File, int Line, string Message)
{
    /// <summary>Errors make the knowledge base invalid; warnings flag what is probably, not certainly, wrong.</summary>
    public KnowledgeSeverity Severity { get; init; } = KnowledgeSeverity.Error;

    public override string ToString() => $"{File}:{Line}: {Message}";
}

public enum KnowledgeSeverity
{
    Error,
    Warning,
}

/// <summary>
/// Reads the knowledge base from YAML files under a folder (<c>knowledge/actors/*.yaml</c>): each file is a list
/// of actor entries. Problems are collected with file and line; a bad entry is skipped, the others load.
/// </summary>
public static class KnowledgeLoader
{
    /// <summary>Finds the repo's <c>knowledge/</c> folder: from TIGHTROPE_KNOWLEDGE, next to the executable, or up from the working directory.</summary>
    public static string? FindDefaultFolder()
    {
        var env = Environment.GetEnvironmentVariable("TIGHTROPE_KNOWLEDGE");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "knowledge");
                if (Directory.Exists(Path.Combine(candidate, "actors")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static KnowledgeBase Load(string folder, List<KnowledgeProblem>? problems = null)
    {
        problems ??= [];
        var actors = new List<Actor>();
        var actorsDir = Path.Combine(folder, "actors");
        if (!Directory.Exists(actorsDir))
        {
            problems.Add(new KnowledgeProblem(actorsDir, 0, "folder not found"));
            return new KnowledgeBase(actors);
        }

        foreach (var file in Directory.EnumerateFiles(actorsDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            actors.AddRange(LoadFile(file, problems));
        }

        return new KnowledgeBase(actors, LoadTitles(folder, problems));
    }

    public static List<Actor> LoadFile(string file, List<KnowledgeProblem> problems) =>
        ReadEntries(file, "entries", "an entry", problems, (map, line) => ReadActor(map, $"{file}:{line}"));

    /// <summary>
    /// The entries of a YAML file that holds a list of mappings, each read by <paramref name="read"/> (given the
    /// mapping and its line); a file that does not parse, an item that is no mapping and an entry
    /// <paramref name="read"/> rejects with a <see cref="FormatException"/> are recorded in
    /// <paramref name="problems"/> with the file and line, and the rest is read.
    /// </summary>
    internal static List<T> ReadEntries<T>(string file, string what, string anEntry, List<KnowledgeProblem> problems, Func<YamlMappingNode, int, T> read)
    {
        var result = new List<T>();
        if (ReadList(file, what, problems) is not { } seq)
        {
            return result;
        }

        foreach (var node in seq)
        {
            int line = (int)node.Start.Line;
            if (node is not YamlMappingNode map)
            {
                problems.Add(new KnowledgeProblem(file, line, $"expected {anEntry} (a mapping)"));
                continue;
            }

            try
            {
                result.Add(read(map, line));
            }
            catch (FormatException ex)
            {
                problems.Add(new KnowledgeProblem(file, line, ex.Message));
            }
        }

        return result;
    }

    private static Actor ReadActor(YamlMappingNode map, string origin)
    {
        string id = Required(map, "id");
        string name = Required(map, "name");
        string kindText = Required(map, "kind");
        if (!TryParseKind(kindText, out var kind))
        {
            throw new FormatException($"entry '{id}': unknown kind '{kindText}'");
        }

        var native = new NativeNames();
        if (Child(map, "native") is YamlMappingNode n)
        {
            native = new NativeNames
            {
                Hangul = Scalar(n, "hangul"),
                Hanja = Scalar(n, "hanja"),
                Zh = Scalar(n, "zh"),
                ZhHant = Scalar(n, "zh_hant"),
                Kanji = Scalar(n, "kanji"),
                Kana = Scalar(n, "kana"),
                Cyrillic = Scalar(n, "cyrillic"),
            };
        }

        var roles = new List<Role>();
        if (Child(map, "roles") is YamlSequenceNode rs)
        {
            foreach (var r in rs.OfType<YamlMappingNode>())
            {
                roles.Add(new Role
                {
                    Title = Required(r, "title", id),
                    Org = Scalar(r, "org"),
                    From = Date(r, "from", id),
                    To = Date(r, "to", id, endOfPeriod: true),
                });
            }
        }

        return new Actor
        {
            Id = id,
            Name = name,
            Kind = kind,
            Native = native,
            Aliases = List(map, "aliases"),
            Demonyms = List(map, "demonyms"),
            Metonyms = List(map, "metonyms"),
            Descriptions = List(map, "descriptions"),
            Country = Scalar(map, "country"),
            Sector = Scalar(map, "sector"),
            Roles = roles,
            From = Date(map, "from", id),
            To = Date(map, "to", id, endOfPeriod: true),
            Signed = Date(map, "signed", id),
            Sources = List(map, "sources"),
            Origin = origin,
        };
    }

    /// <summary>Parses a kind as written in the files (<c>weapon_system</c>); numbers are not kinds.</summary>
    public static bool TryParseKind(string text, out ActorKind kind)
    {
        kind = default;
        return text.Length > 0 && char.IsAsciiLetter(text[0])
            && Enum.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out kind)
            && Enum.IsDefined(kind);
    }

    /// <summary>The name of a kind as written in the files: <c>weapon_system</c>.</summary>
    public static string KindName(ActorKind kind) => kind switch
    {
        ActorKind.WeaponSystem => "weapon_system",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The top-level list of a YAML file; null (with the problem recorded, naming file and line) when the file does not
    /// parse or holds something else. An empty file is an empty list.
    /// </summary>
    private static YamlSequenceNode? ReadList(string file, string what, List<KnowledgeProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            problems.Add(new KnowledgeProblem(file, (int)ex.Start.Line, ex.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (an unclosed flow sequence); `kb check` finds the line.
            problems.Add(new KnowledgeProblem(file, 0, "YAML syntax: the file could not be parsed (run 'tightrope kb check')"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode seq)
        {
            problems.Add(new KnowledgeProblem(file, (int)stream.Documents[0].RootNode.Start.Line, $"expected a list of {what}"));
            return null;
        }

        return seq;
    }

    /// <summary>Reads <c>titles.yaml</c> (the vocabulary of role titles) from the knowledge folder; none when it is absent.</summary>
    public static List<RoleTitle> LoadTitles(string folder, List<KnowledgeProblem>? problems = null)
    {
        problems ??= [];
        var result = new List<RoleTitle>();
        var file = Path.Combine(folder, TitlesFile);
        if (!File.Exists(file))
        {
            return result;
        }

        if (ReadList(file, "titles", problems) is not { } seq)
        {
            return result;
        }

        foreach (var node in seq)
        {
            if (node is not YamlMappingNode map || Scalar(map, "title") is not { } title)
            {
                problems.Add(new KnowledgeProblem(file, (int)node.Start.Line, "expected a title entry with 'title'"));
                continue;
            }

            var single = Scalar(map, "single");
            result.Add(new RoleTitle
            {
                Title = title,
                Function = Scalar(map, "function") ?? title.ToLowerInvariant(),
                Single = string.Equals(single, "true", StringComparison.OrdinalIgnoreCase),
                Cues = List(map, "cues"),
                Origin = $"{file}:{node.Start.Line}",
            });
        }

        return result;
    }

    /// <summary>The title vocabulary's file name inside the knowledge folder.</summary>
    public const string TitlesFile = "titles.yaml";

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static string? Scalar(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) && s.Value != "~" ? s.Value : null;

    private static string Required(YamlMappingNode map, string key, string? owner = null) =>
        Scalar(map, key) ?? throw new FormatException(owner is null ? $"missing '{key}'" : $"entry '{owner}': missing '{key}'");

    private static List<string> List(YamlMappingNode map, string key) => Child(map, key) switch
    {
        YamlSequenceNode seq => [.. seq.OfType<YamlScalarNode>().Select(s => s.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!)],
        YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value!],
        _ => [],
    };

    /// <summary>Reads YYYY-MM-DD, YYYY-MM or YYYY; a partial "to" date means the end of that month or year.</summary>
    private static DateOnly? Date(YamlMappingNode map, string key, string owner, bool endOfPeriod = false)
    {
        var text = Scalar(map, key);
        if (text is null)
        {
            return null;
        }

        if (TryParsePeriod(text, out var first, out var last))
        {
            return endOfPeriod ? last : first;
        }

        throw new FormatException($"entry '{owner}': '{key}' is not a date (YYYY-MM-DD): '{text}'");
    }

    /// <summary>
    /// Reads YYYY-MM-DD, YYYY-MM or YYYY as the period it names: a day is a one-day period, a month or a year runs
    /// from its first to its last day.
    /// </summary>
    public static bool TryParsePeriod(string text, out DateOnly first, out DateOnly last)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            first = last = day;
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            first = month;
            last = month.AddMonths(1).AddDays(-1);
            return true;
        }

        if (text.Length == 4 && DateOnly.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year))
        {
            first = year;
            last = new DateOnly(year.Year, 12, 31);
            return true;
        }

        first = last = default;
        return false;
    }
}
