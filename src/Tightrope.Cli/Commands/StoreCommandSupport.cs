using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Tightrope.Knowledge;
using Tightrope.Queries;
using Tightrope.Storage;

namespace Tightrope.Cli.Commands;

/// <summary>What the store commands (ingest, articles, show, search, bench) share.</summary>
internal static class StoreCommandSupport
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Opens an existing store for reading; null (after saying why) when there is none.</summary>
    public static IArticleStore? OpenExisting(ParseResult parse)
    {
        var path = parse.GetValue(CommonOptions.Db)!;
        if (ArticleStore.FilePath(path) is { } file && !File.Exists(file))
        {
            Console.Error.WriteLine($"tightrope: no store at {path}; run 'tightrope ingest PATH' first or pass --db");
            return null;
        }

        return TryOpen(path);
    }

    /// <summary>
    /// Runs a read command over the query layer: opens the existing store (exit 2 when there is none), gives the
    /// queries the knowledge base and indicators, and turns a query's refusal into its message and exit code
    /// (1 when nothing was found, 2 for a bad parameter).
    /// </summary>
    public static int Query(ParseResult parse, string command, Func<StoreQueries, int> action, bool knowledge = true)
    {
        using var store = OpenExisting(parse);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        var folder = KnowledgeFolder(parse);
        var queries = new StoreQueries(store, knowledge ? LoadKnowledge(parse) : KnowledgeBase.Empty,
            folder is null ? Figures.IndicatorCatalog.Empty : Figures.IndicatorCatalog.LoadFolder(folder));
        try
        {
            return action(queries);
        }
        catch (QueryException ex)
        {
            Console.Error.WriteLine($"tightrope {command}: {ex.Message}");
            return ex.Error == QueryError.NotFound ? ExitCodes.SomeFailed : ExitCodes.Usage;
        }
    }

    /// <summary>A page as JSON: the items, how many there are in all, and where the page starts.</summary>
    public static void WritePage<T, TOut>(Page<T> page, Func<T, TOut> item) =>
        WriteJson(new { total = page.Total, offset = page.Offset, count = page.Count, items = page.Items.Select(item) });

    /// <summary>"5 of 49 articles" under a table (or "49 articles" when the page holds them all).</summary>
    public static void WriteCount<T>(Page<T> page, string noun) =>
        Console.Out.WriteLine(page.Count == page.Total
            ? $"{page.Total:N0} {noun}"
            : $"{page.Count:N0} of {page.Total:N0} {noun}{(page.Offset > 0 ? $" (from {page.Offset + 1:N0})" : "")}");

    /// <summary>Opens (or creates) the store; null (after saying why) when it cannot be opened.</summary>
    public static IArticleStore? TryOpen(string path)
    {
        try
        {
            return ArticleStore.Open(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException or InvalidDataException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"tightrope: cannot open the store {path}: {ex.Message}");
            return null;
        }
    }

    /// <summary>The knowledge base from --knowledge or the default folder; problems are printed, the rest loads.</summary>
    public static KnowledgeBase LoadKnowledge(ParseResult parse)
    {
        var folder = parse.GetValue(CommonOptions.Knowledge) ?? KnowledgeLoader.FindDefaultFolder();
        if (folder is null)
        {
            return KnowledgeBase.Empty;
        }

        var problems = new List<KnowledgeProblem>();
        var kb = KnowledgeLoader.Load(folder, problems);
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"tightrope: knowledge: {problem}");
        }

        return kb;
    }

    /// <summary>The indicators and rates of the knowledge folder, to keep figure contradictions up to date while ingesting.</summary>
    public static Figures.ContradictionUpdater ContradictionUpdater(ParseResult parse)
    {
        var folder = KnowledgeFolder(parse);
        return folder is null
            ? new Figures.ContradictionUpdater(Figures.IndicatorCatalog.Empty)
            : new Figures.ContradictionUpdater(Figures.IndicatorCatalog.LoadFolder(folder), Figures.ExchangeRates.LoadFolder(folder));
    }

    /// <summary>The knowledge folder: --knowledge, else the repository's knowledge/ (or $TIGHTROPE_KNOWLEDGE).</summary>
    public static string? KnowledgeFolder(ParseResult parse) => parse.GetValue(CommonOptions.Knowledge) ?? KnowledgeLoader.FindDefaultFolder();

    public static bool TryParseDate(string? text, string option, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        Console.Error.WriteLine($"tightrope: {option} expects a date as YYYY-MM-DD, not '{text}'");
        return false;
    }

    public static string Short(string id) => id.Length > 12 ? id[..12] : id;

    public static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>True when stdout is a terminal (live progress, colours); false when piped or redirected.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Prints a short report of what the store holds (the stats command's table) and the top actors.</summary>
    public static void PrintReport(IArticleStore store, bool json)
    {
        var queries = new StoreQueries(store);
        var stats = queries.Stats();
        var top = queries.Actors(limit: 10);
        if (json)
        {
            var report = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(StatsCommand.ToJson(stats), JsonOptions))!.AsObject();
            report["topActors"] = JsonSerializer.SerializeToNode(top.Select(a => new { actorId = a.Id, mentions = a.Mentions, articles = a.Articles }), JsonOptions);
            Console.Out.WriteLine(report.ToJsonString(JsonOptions));
            return;
        }

        AnsiConsole.Write(StatsCommand.ToTable(stats));
        if (top.Count > 0)
        {
            var actors = new Table().Title("Top actors by mentions").AddColumn("actor").AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("articles").RightAligned());
            foreach (var a in top)
            {
                actors.AddRow(Markup.Escape(a.Id), a.Mentions.ToString(CultureInfo.InvariantCulture), a.Articles.ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(actors);
        }
    }
    /// <summary>The <c>--format</c> (csv by default, one of <paramref name="formats"/>) and <c>--out FILE</c> options of an export.</summary>
    public static (Option<string> Format, Option<string> Output) ExportOptions(string description, params string[] formats)
    {
        var format = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => formats[0] };
        format.AcceptOnlyFromAmong(formats);
        var output = new Option<string>("--out") { Description = "File to write", Required = true, HelpName = "FILE" };
        return (format, output);
    }

    /// <summary>Creates the folder an output file goes in.</summary>
    public static void CreateFolderOf(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }
    }
}
