using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tightrope.Knowledge;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope kb</c>: the knowledge base. Each subcommand is one factory in <see cref="Subcommands"/>; add a
/// subcommand by adding a line there (and its factory method, or a class of its own beside this file).
/// </summary>
internal static class KbCommand
{
    /// <summary>The subcommands of <c>kb</c>, in the order <c>--help</c> lists them.</summary>
    private static IEnumerable<Func<Command>> Subcommands()
    {
        yield return CreateCheck;
        yield return KbEditCommands.CreateAddAlias;
        yield return KbEditCommands.CreateAdd;
        yield return KbEditCommands.CreateCandidates;
    }

    public static Command Create()
    {
        var command = new Command("kb", "The knowledge base of actors (knowledge/): check it, inspect and extend it");
        foreach (var create in Subcommands())
        {
            command.Subcommands.Add(create());
        }

        return command;
    }

    /// <summary>The knowledge folder from --knowledge, or the default one; null (with a message) when there is none.</summary>
    public static string? ResolveFolder(ParseResult parse)
    {
        var folder = parse.GetValue(CommonOptions.Knowledge) ?? KnowledgeLoader.FindDefaultFolder();
        if (folder is null)
        {
            Console.Error.WriteLine("tightrope: no knowledge folder found; pass --knowledge DIR or set TIGHTROPE_KNOWLEDGE");
            return null;
        }

        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"tightrope: knowledge folder '{folder}' does not exist");
            return null;
        }

        return folder;
    }

    private static Command CreateCheck()
    {
        var command = new Command("check", "Validate every file of the knowledge base; report problems as file:line and exit 1 on errors");
        command.SetAction(parse =>
        {
            var folder = ResolveFolder(parse);
            if (folder is null)
            {
                return ExitCodes.Usage;
            }

            var report = KnowledgeChecker.Check(folder);
            // The dated events (knowledge/events/, the dates capability's) are checked against the actors loaded.
            var (eventProblems, events) = Tightrope.Dates.DatedEventsCheck.Check(folder, KnowledgeLoader.Load(folder));
            report = report with { Problems = [.. report.Problems, .. eventProblems] };
            if (parse.GetValue(CommonOptions.Json))
            {
                WriteJson(folder, report, events);
            }
            else
            {
                WriteText(folder, report, events);
            }

            return report.Ok ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return command;
    }

    private static void WriteText(string folder, KnowledgeCheckReport report, int events)
    {
        foreach (var p in report.Problems)
        {
            var severity = p.Severity == KnowledgeSeverity.Error ? "error" : "warning";
            Console.Out.WriteLine($"{p.File}:{p.Line}: {severity}: {p.Message}");
        }

        var table = new Table().Title($"Knowledge base {Markup.Escape(folder)}").AddColumn("kind").AddColumn(new TableColumn("entries").RightAligned());
        foreach (var (kind, count) in report.EntriesByKind)
        {
            table.AddRow(KnowledgeLoader.KindName(kind), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.AddRow("dated event", events.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("[bold]total[/]", $"[bold]{report.Entries + events}[/]");
        AnsiConsole.Write(table);
        var verdict = report.Ok ? "[green]ok[/]" : "[red]invalid[/]";
        AnsiConsole.MarkupLine($"{verdict}: {report.Errors} error(s), {report.Warnings} warning(s)");
    }

    private static void WriteJson(string folder, KnowledgeCheckReport report, int events)
    {
        var json = new
        {
            folder,
            ok = report.Ok,
            errors = report.Errors,
            warnings = report.Warnings,
            entries = report.Entries + events,
            datedEvents = events,
            byKind = report.EntriesByKind.ToDictionary(kv => KnowledgeLoader.KindName(kv.Key), kv => kv.Value),
            problems = report.Problems.Select(p => new
            {
                file = p.File,
                line = p.Line,
                severity = p.Severity == KnowledgeSeverity.Error ? "error" : "warning",
                message = p.Message,
            }),
        };
        Console.Out.WriteLine(JsonSerializer.Serialize(json, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
