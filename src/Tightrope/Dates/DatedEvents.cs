using System.Collections.Concurrent;
using System.Globalization;
using Tightrope.Knowledge;
using YamlDotNet.RepresentationModel;

namespace Tightrope.Dates;

/// <summary>
/// A dated event of the knowledge base (<c>knowledge/events/*.yaml</c>): a summit, a state visit, a Security
/// Consultative Meeting, a nuclear test — public facts with the days they took place, named in reports afterwards.
/// A report that tells of one as done was written after it began; one that tells of it as ahead, in the weeks
/// before (<see cref="EventFloors"/>).
/// </summary>
internal sealed record DatedEvent
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>What sort of event it is: its words in <c>dates-event-words.yaml</c> ("visit" names a state visit).</summary>
    public required string Kind { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    /// <summary>The actors (knowledge-base ids) who took part: each must be named in the article.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>
    /// Where it took place ("Beijing", "Gyeongju") or what it was about (<c>objects:</c> "THAAD", "graphite"): one of
    /// them in the sentence of a word of its kind.
    /// </summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>Names of the event itself ("sixth nuclear test", "52nd SCM"): one alone in a sentence names it.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The file and line the entry was read from.</summary>
    public string? Origin { get; init; }
}

/// <summary>What <c>tightrope kb check</c> reads of the dated events (<c>knowledge/events/*.yaml</c>).</summary>
public static class DatedEventsCheck
{
    /// <summary>The problems of the dated events of <paramref name="knowledgeFolder"/> and how many entries read.</summary>
    public static (IReadOnlyList<KnowledgeProblem> Problems, int Entries) Check(string knowledgeFolder, KnowledgeBase knowledge)
    {
        var problems = DatedEvents.Check(knowledgeFolder, knowledge);
        return (problems, DatedEvents.Load(knowledgeFolder, []).Count);
    }
}

/// <summary>Reads and checks the dated events of a knowledge folder (<c>events/*.yaml</c>).</summary>
internal static class DatedEvents
{
    public const string Folder = "events";

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "id", "name", "kind", "from", "to", "participants", "places", "objects", "aliases", "sources",
    };

    private static readonly ConcurrentDictionary<string, IReadOnlyList<DatedEvent>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The events of <paramref name="knowledgeFolder"/> (read once per folder; none when it has no events folder).</summary>
    public static IReadOnlyList<DatedEvent> Of(string? knowledgeFolder) =>
        knowledgeFolder is null ? [] : Loaded.GetOrAdd(Path.GetFullPath(knowledgeFolder), static f => Load(f, []));

    /// <summary>The events of the folder; what is wrong with an entry goes to <paramref name="problems"/> and the entry is skipped.</summary>
    public static List<DatedEvent> Load(string knowledgeFolder, List<KnowledgeProblem> problems)
    {
        var events = new List<DatedEvent>();
        var dir = Path.Combine(knowledgeFolder, Folder);
        if (!Directory.Exists(dir))
        {
            return events;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            events.AddRange(KnowledgeLoader.ReadEntries(file, "events", "an event entry", problems, (map, line) => Entry(map, file, line, problems)));
        }

        return events;
    }

    /// <summary>
    /// What is wrong with the events of a knowledge folder: entries that do not read, ids given twice, participants
    /// the knowledge base does not hold, kinds without words in <c>dates-event-words.yaml</c>, entries with no way to
    /// be named (no alias, place or participant), no source.
    /// </summary>
    public static List<KnowledgeProblem> Check(string knowledgeFolder, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var problems = new List<KnowledgeProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var kinds = EventFloors.KindWords.Values.Values.SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        foreach (var e in Load(knowledgeFolder, problems))
        {
            var (file, line) = Where(e);
            if (!ids.Add(e.Id))
            {
                problems.Add(new KnowledgeProblem(file, line, $"event '{e.Id}': the id is given twice"));
            }

            if (!kinds.Contains(e.Kind))
            {
                problems.Add(new KnowledgeProblem(file, line, $"event '{e.Id}': kind '{e.Kind}' has no words in knowledge/lang/en/dates-event-words.yaml"));
            }

            foreach (var p in e.Participants.Where(p => knowledge.Find(p) is null))
            {
                problems.Add(new KnowledgeProblem(file, line, $"event '{e.Id}': participant '{p}' is not in the knowledge base"));
            }

            if (e.Participants.Count == 0 && e.Aliases.Count == 0)
            {
                problems.Add(new KnowledgeProblem(file, line, $"event '{e.Id}': needs participants or aliases (how a text names it)"));
            }

            if (e.Sources.Count == 0)
            {
                problems.Add(new KnowledgeProblem(file, line, $"event '{e.Id}': no source"));
            }
        }

        return problems;
    }

    private static (string File, int Line) Where(DatedEvent e)
    {
        var origin = e.Origin ?? "";
        int colon = origin.LastIndexOf(':');
        return colon > 0 && int.TryParse(origin.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int line)
            ? (origin[..colon], line) : (origin, 0);
    }

    private static DatedEvent Entry(YamlMappingNode map, string file, int line, List<KnowledgeProblem> problems)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (key.Value is { } k && !Fields.Contains(k))
            {
                problems.Add(new KnowledgeProblem(file, (int)key.Start.Line, $"unknown field '{k}'") { Severity = KnowledgeSeverity.Warning });
            }
        }

        string id = Scalar(map, "id") ?? throw new FormatException("event: missing 'id'");
        if (id.Any(c => char.IsWhiteSpace(c) || char.IsUpper(c)))
        {
            throw new FormatException($"event '{id}': an id is lower case without spaces");
        }

        var from = Day(map, "from", id, end: false) ?? throw new FormatException($"event '{id}': missing 'from'");
        var to = Day(map, "to", id, end: true) ?? Day(map, "from", id, end: true)!.Value;
        if (to < from)
        {
            throw new FormatException($"event '{id}': 'to' is before 'from'");
        }

        return new DatedEvent
        {
            Id = id,
            Name = Scalar(map, "name") ?? throw new FormatException($"event '{id}': missing 'name'"),
            Kind = Scalar(map, "kind") ?? throw new FormatException($"event '{id}': missing 'kind'"),
            From = from,
            To = to,
            Participants = List(map, "participants"),
            Places = [.. List(map, "places"), .. List(map, "objects")],
            Aliases = List(map, "aliases"),
            Sources = List(map, "sources"),
            Origin = string.Create(CultureInfo.InvariantCulture, $"{file}:{line}"),
        };
    }

    private static DateOnly? Day(YamlMappingNode map, string key, string id, bool end)
    {
        if (Scalar(map, key) is not { } text)
        {
            return null;
        }

        return KnowledgeLoader.TryParsePeriod(text, out var first, out var last) ? (end ? last : first)
            : throw new FormatException($"event '{id}': '{key}' is not a date (YYYY-MM-DD): '{text}'");
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value : null;

    private static List<string> List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v switch
        {
            YamlSequenceNode seq => [.. seq.OfType<YamlScalarNode>().Select(s => s.Value).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)],
            YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value!],
            _ => [],
        } : [];
}
