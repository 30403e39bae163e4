using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tightrope.Storage;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope stats [--json]</c>: what the store holds, in numbers: articles (and how many are duplicates), sources,
/// the range of article dates, mentions (and how many are resolved to an actor), figures, contradictions and stage
/// failures. The same numbers as the first table of <c>ingest --report</c>, without ingesting.
/// </summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "Summarise what the store holds: articles, duplicates, sources, dates, mentions, figures, contradictions, failures");
        command.SetAction(parse => StoreCommandSupport.Query(parse, "stats", queries =>
        {
            var stats = queries.Stats();
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(ToJson(stats));
            }
            else
            {
                AnsiConsole.Write(ToTable(stats));
            }

            return ExitCodes.Ok;
        }, knowledge: false));
        return command;
    }

    /// <summary>The JSON object: the same names as the store part of <c>ingest --report --json</c>.</summary>
    internal static object ToJson(StoreStats stats) => new
    {
        articles = stats.Articles,
        duplicates = stats.Duplicates,
        sources = stats.Sources,
        from = stats.From,
        to = stats.To,
        mentions = stats.Mentions,
        resolvedMentions = stats.ResolvedMentions,
        figures = stats.Figures,
        contradictions = stats.Contradictions,
        stageFailures = stats.Failures,
    };

    internal static Table ToTable(StoreStats stats)
    {
        var table = new Table().Title("What the store holds").HideHeaders().AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("articles", N(stats.Articles));
        table.AddRow("  of which duplicates", N(stats.Duplicates));
        table.AddRow("sources", N(stats.Sources));
        table.AddRow("dates", stats.From is null ? "(none known)" : $"{StoreCommandSupport.Iso(stats.From)} – {StoreCommandSupport.Iso(stats.To)}");
        table.AddRow("mentions", N(stats.Mentions));
        table.AddRow("  of which resolved", stats.Mentions == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{stats.ResolvedMentions:N0} ({100.0 * stats.ResolvedMentions / stats.Mentions:0.#}%)"));
        table.AddRow("figures", N(stats.Figures));
        table.AddRow("contradictions", N(stats.Contradictions));
        table.AddRow("stage failures", N(stats.Failures));
        return table;

        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }
}
