using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tightrope.Batch;
using Tightrope.Ingest;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Cli.Commands;

internal static class IngestCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders (read recursively), feeds (file or URL), URLs or files listing URLs",
            Arity = ArgumentArity.OneOrMore,
        };
        var include = new Option<string[]>("--include") { Description = "Glob of files to read in folders (repeatable), e.g. '**/*.html'", HelpName = "GLOB" };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of files to skip in folders (repeatable)", HelpName = "GLOB" };
        var date = new Option<string?>("--date") { Description = "Article date (YYYY-MM-DD) for inputs that carry none", HelpName = "YYYY-MM-DD" };
        var report = new Option<bool>("--report") { Description = "After ingesting, print a short report of what the store holds" };
        var threads = new Option<int?>("--threads") { Description = "Pipeline threads (default: one per core)", HelpName = "N" };

        var command = new Command("ingest", """
            Read articles into the store. Ingest is content-addressed: inputs already stored are skipped, so running it
            again adds nothing, and a run that was interrupted can simply be started again.
            Exit codes: 0 all stored, 1 some inputs failed (each is listed with its reason), 2 usage error.
            """)
        {
            inputs, include, exclude, date, report, threads,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, inputs, include, exclude, date, report, threads, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, Argument<string[]> inputsArg, Option<string[]> includeOpt, Option<string[]> excludeOpt,
        Option<string?> dateOpt, Option<bool> reportOpt, Option<int?> threadsOpt, CancellationToken cancellationToken)
    {
        bool json = parse.GetValue(CommonOptions.Json);
        if (!StoreCommandSupport.TryParseDate(parse.GetValue(dateOpt), "--date", out var defaultDate))
        {
            return ExitCodes.Usage;
        }

        if (parse.GetValue(threadsOpt) is < 1)
        {
            Console.Error.WriteLine("tightrope: --threads must be at least 1");
            return ExitCodes.Usage;
        }

        var knowledge = StoreCommandSupport.LoadKnowledge(parse);
        ArticlePipeline pipeline;
        try
        {
            pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = knowledge, DefaultDate = defaultDate, KnowledgeFolder = StoreCommandSupport.KnowledgeFolder(parse) });
        }
        catch (PipelineConfigurationException ex)
        {
            Console.Error.WriteLine($"tightrope: the pipeline is misconfigured: {ex.Message}");
            return ExitCodes.SomeFailed;
        }

        var options = new IngestOptions
        {
            Sources = new SourceOptions { Include = parse.GetValue(includeOpt) ?? [], Exclude = parse.GetValue(excludeOpt) ?? [] },
            Threads = parse.GetValue(threadsOpt) ?? Math.Max(1, Environment.ProcessorCount),
            Contradictions = StoreCommandSupport.ContradictionUpdater(parse),
        };

        using var store = StoreCommandSupport.TryOpen(parse.GetValue(CommonOptions.Db)!);
        if (store is null)
        {
            return ExitCodes.SomeFailed;
        }

        var runner = new IngestRunner(pipeline, store, options);
        var inputs = parse.GetValue(inputsArg) ?? [];
        var result = await RunWithProgressAsync(runner, inputs, json, cancellationToken).ConfigureAwait(false);

        if (json)
        {
            StoreCommandSupport.WriteJson(new
            {
                result.Read,
                result.Stored,
                result.AlreadyPresent,
                result.Duplicates,
                result.Failed,
                failures = result.Failures.Select(f => new { f.Input, f.Line, f.Reason, message = f.ToString() }),
                skipped = result.Skipped.Select(s => new { s.Input, s.Reason }),
                stageErrors = result.StageErrors,
                result.Bytes,
                seconds = result.Elapsed.TotalSeconds,
            });
        }
        else
        {
            PrintSummary(result, parse.GetValue(reportOpt));
        }

        if (parse.GetValue(reportOpt))
        {
            StoreCommandSupport.PrintReport(store, json);
        }

        return result.Failed > 0 || result.StageErrors.Count > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    /// <summary>
    /// Runs the ingest with live progress on an interactive terminal, plain lines (about one a second) on a terminal
    /// that cannot redraw, and no progress at all when the output is redirected or JSON: then the output is only the
    /// summary, never a progress line that is stale by the time it is read.
    /// </summary>
    private static async Task<IngestResult> RunWithProgressAsync(IngestRunner runner, string[] inputs, bool json, CancellationToken cancellationToken)
    {
        if (json || !Terminal.IsTerminal)
        {
            return await runner.RunAsync(inputs, null, cancellationToken).ConfigureAwait(false);
        }

        if (Terminal.LiveProgress)
        {
            return await AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new SpinnerColumn(), new ProgressBarColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("reading…").IsIndeterminate();
                    var progress = new Inline<IngestProgress>(p => task.Description = Markup.Escape(Describe(p)));
                    var r = await runner.RunAsync(inputs, progress, cancellationToken).ConfigureAwait(false);
                    task.StopTask();
                    return r;
                }).ConfigureAwait(false);
        }

        TimeSpan? last = null;
        var lines = new Inline<IngestProgress>(p =>
        {
            if (last is { } l && p.Elapsed - l < TimeSpan.FromSeconds(1))
            {
                return;
            }

            last = p.Elapsed;
            Console.Out.WriteLine(Describe(p));
            Console.Out.Flush();
        });
        return await runner.RunAsync(inputs, lines, cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(IngestProgress p)
    {
        double mb = p.Bytes / 1e6;
        double rate = p.Elapsed.TotalSeconds > 0 ? mb / p.Elapsed.TotalSeconds : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"read {p.Read:N0}, stored {p.Stored:N0}, already present {p.AlreadyPresent:N0}, duplicates {p.Duplicates:N0}, failed {p.Failed:N0} ({mb:N1} MB, {rate:N1} MB/s)");
    }

    private static void PrintSummary(IngestResult r, bool listSkipped)
    {
        var table = new Table().Title("Ingest").HideHeaders().AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("read", r.Read.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("stored", (r.Stored - r.Duplicates).ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("duplicates (stored, linked)", r.Duplicates.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("already present", r.AlreadyPresent.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("failed", r.Failed.ToString("N0", CultureInfo.InvariantCulture));
        if (r.Skipped.Count > 0)
        {
            // "1 (unsupported: .bin)": how many files were not read, and why, most frequent reason first.
            var reasons = r.Skipped.GroupBy(s => s.Reason, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => r.Skipped.Count == g.Count() ? g.Key : string.Create(CultureInfo.InvariantCulture, $"{g.Count():N0} {g.Key}"));
            table.AddRow("skipped (not read)", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{r.Skipped.Count:N0} ({string.Join("; ", reasons)})")));
        }

        table.AddRow("stage errors", r.StageErrors.Count.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("time", string.Create(CultureInfo.InvariantCulture, $"{r.Elapsed.TotalSeconds:N1} s ({r.Bytes / 1e6 / Math.Max(r.Elapsed.TotalSeconds, 1e-9):N1} MB/s)"));
        AnsiConsole.Write(table);
        foreach (var f in r.Failures)
        {
            Console.Out.WriteLine($"failed: {f}");
        }

        foreach (var e in r.StageErrors)
        {
            Console.Out.WriteLine($"stage error: {e}");
        }

        if (listSkipped)
        {
            foreach (var s in r.Skipped)
            {
                Console.Out.WriteLine($"skipped: {s}");
            }
        }
        else if (r.Skipped.Count > 0)
        {
            Console.Out.WriteLine("skipped files are listed with --report");
        }
    }

    /// <summary>Reports progress on the writer's thread, at once (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
