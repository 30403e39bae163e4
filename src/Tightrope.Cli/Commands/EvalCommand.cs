using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tightrope.Eval;
using Tightrope.Knowledge;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope eval [--gold DIR] [--corpus DIR] [--only actors|figures]</c>: runs the pipeline on each gold
/// article and prints each scorer's precision/recall/F1 per article and overall. Scorers are listed in
/// <see cref="EvalScorers.All"/>.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<string?>("--gold") { Description = "Folder of *.gold.yaml files (default: ../shared/gold if present)", HelpName = "DIR" };
        var corpus = new Option<string?>("--corpus") { Description = "Folder of the gold articles (default: <gold>/../corpus/seeds)", HelpName = "DIR" };
        var only = new Option<string[]>("--only") { Description = "Run only these scorers: " + string.Join(", ", EvalScorers.All.Select(s => s.Name)), AllowMultipleArgumentsPerToken = true, HelpName = "SCORER" };
        var verbose = new Option<bool>("--misses") { Description = "List the misses and false positives of each article" };
        var recognizers = new Option<string?>("--recognizers")
        {
            Description = "Instead: score the figures recogniser on the Recognizers-Text English specs in this folder "
                + "(Number, NumberRange, Percent, Currency; e.g. ../shared/external/recognizers-text)",
            HelpName = "DIR",
        };
        var plover = new Option<string?>("--plover")
        {
            Description = "Instead: score event types on the PLOVER gold-standard records in this file or folder "
                + "(e.g. ../shared/external/plover-gsr)",
            HelpName = "PATH",
        };
        var command = new Command("eval", "Score the pipeline against gold annotations (precision, recall, F1)") { gold, corpus, only, verbose, recognizers, plover };
        command.SetAction(parse =>
        {
            if (parse.GetValue(plover) is { } records)
            {
                return Plover(records, parse.GetValue(CommonOptions.Json), parse.GetValue(verbose), parse.GetValue(CommonOptions.Knowledge));
            }

            if (parse.GetValue(recognizers) is { } specs)
            {
                return Recognizers(specs, parse.GetValue(CommonOptions.Json), parse.GetValue(verbose));
            }

            var goldDir = parse.GetValue(gold) ?? DefaultGold();
            if (goldDir is null || !Directory.Exists(goldDir))
            {
                Console.Error.WriteLine($"tightrope eval: gold folder not found: {goldDir ?? "(none; pass --gold)"}");
                return ExitCodes.Usage;
            }

            if (!Directory.EnumerateFiles(goldDir, GoldPattern).Any())
            {
                Console.Error.WriteLine($"tightrope eval: no gold file ({GoldPattern}) in {goldDir}");
                return ExitCodes.Usage;
            }

            var corpusDir = parse.GetValue(corpus) ?? Path.Combine(goldDir, "..", "corpus", "seeds");
            var names = parse.GetValue(only) ?? [];
            var scorers = EvalScorers.All.Where(s => names.Length == 0 || names.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (scorers.Count == 0)
            {
                Console.Error.WriteLine($"tightrope eval: no scorer named {string.Join(", ", names)} (known: {string.Join(", ", EvalScorers.All.Select(s => s.Name))})");
                return ExitCodes.Usage;
            }

            var kb = KnowledgeOptions.Load(parse.GetValue(CommonOptions.Knowledge));
            var report = EvalRunner.Run(goldDir, corpusDir, kb, scorers);
            foreach (var p in report.Problems)
            {
                Console.Error.WriteLine($"tightrope eval: {p}");
            }

            if (parse.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(ToJson(report, scorers), JsonOptions.Indented));
                return ExitCodes.Ok;
            }

            foreach (var scorer in scorers)
            {
                Print(report, scorer.Name, parse.GetValue(verbose));
            }

            return report.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return command;
    }

    /// <summary>The gold files <see cref="EvalRunner"/> reads from the gold folder.</summary>
    internal const string GoldPattern = "*.gold.yaml";

    private static int Plover(string path, bool json, bool misses, string? knowledge)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, "PLOVER_GSR_CAMEO.txt") : path;
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"tightrope eval: PLOVER gold-standard records not found: {file}");
            return ExitCodes.Usage;
        }

        PloverScore score;
        try
        {
            score = PloverScoring.Score(file, KnowledgeOptions.Load(knowledge));
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            Console.Error.WriteLine($"tightrope eval: {file}: {ex.Message}");
            return ExitCodes.SomeFailed;
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                records = score.Records,
                found = score.Found,
                type_correct = score.TypeCorrect,
                type_accuracy = Math.Round(score.TypeAccuracy, 4),
                type_accuracy_found = Math.Round(score.TypeAccuracyFound, 4),
                mode_records = score.ModeRecords,
                mode_correct = score.ModeCorrect,
                per_type = score.PerType.ToDictionary(p => p.Key, p => new { records = p.Value.Records, correct = p.Value.Correct }),
            }, JsonOptions.Indented));
            return ExitCodes.Ok;
        }

        var table = new Table().Title("PLOVER gold-standard records (event type; DEMAND=REQUEST, DISAPPROVE/INVESTIGATE=ACCUSE, FIGHT=ASSAULT)")
            .AddColumns("type", "records", "correct", "accuracy");
        foreach (var (type, (n, c)) in score.PerType)
        {
            table.AddRow(type, n.ToString(inv), c.ToString(inv), (n == 0 ? 0 : (double)c / n).ToString("0.000", inv));
        }

        table.AddRow("overall", score.Records.ToString(inv), score.TypeCorrect.ToString(inv), score.TypeAccuracy.ToString("0.000", inv));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"event found in {score.Found} of {score.Records} records; type accuracy where found {score.TypeAccuracyFound.ToString("0.000", inv)}; mode {score.ModeCorrect} of {score.ModeRecords}");
        if (misses)
        {
            foreach (var m in score.Misses)
            {
                AnsiConsole.MarkupLine($"  [red]missed[/] {Markup.Escape(m)}");
            }
        }

        return ExitCodes.Ok;
    }

    private static int Recognizers(string folder, bool json, bool misses)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"tightrope eval: Recognizers-Text spec folder not found: {folder}");
            return ExitCodes.Usage;
        }

        IReadOnlyList<RecognizersModelScore> scores;
        try
        {
            // The DateTime spec is scored when the folder has it (a folder of the number specs alone is scored as before).
            scores = File.Exists(Path.Combine(folder, RecognizersDateScoring.File))
                ? [.. RecognizersScoring.ScoreFolder(folder), RecognizersDateScoring.Score(folder)]
                : RecognizersScoring.ScoreFolder(folder);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            Console.Error.WriteLine($"tightrope eval: {folder}: {ex.Message}");
            return ExitCodes.SomeFailed;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(scores.Select(s => new
            {
                model = s.Model,
                cases = s.Cases,
                scored = s.Scored,
                precision = Math.Round(s.Score.Precision, 4),
                recall = Math.Round(s.Score.Recall, 4),
                f1 = Math.Round(s.Score.F1, 4),
                left_out = s.LeftOut,
            }), JsonOptions.Indented));
            return ExitCodes.Ok;
        }

        var table = new Table().Title("Recognizers-Text (span + value, + unit for currency; dates: overlap + TIMEX3 value)")
            .AddColumns("model", "cases", "scored", "left out", "P", "R", "F1");
        foreach (var s in scores)
        {
            table.AddRow(
                s.Model,
                s.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Scored.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (s.Cases - s.Scored).ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Score.Precision.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
                s.Score.Recall.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
                s.Score.F1.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        foreach (var s in scores)
        {
            foreach (var (reason, count) in s.LeftOut)
            {
                AnsiConsole.MarkupLine($"[grey]{s.Model} left out {count}:[/] {Markup.Escape(reason)}");
            }
        }

        if (misses)
        {
            foreach (var s in scores)
            {
                foreach (var e in s.Errors)
                {
                    AnsiConsole.MarkupLine($"[bold]{s.Model}[/] {Markup.Escape(e)}");
                }
            }
        }

        return ExitCodes.Ok;
    }

    private static string? DefaultGold()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "gold");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static void Print(EvalReport report, string scorer, bool misses)
    {
        var rows = report.Articles.Where(a => a.Scorer == scorer).ToList();
        var keys = rows.SelectMany(r => r.Counts.Keys).Distinct(StringComparer.Ordinal).ToList();
        var table = new Table().Title($"[bold]{scorer}[/]").AddColumn("article");
        foreach (var k in keys)
        {
            table.AddColumn(new TableColumn($"{k}\nP / R / F1").RightAligned());
        }

        foreach (var r in rows)
        {
            table.AddRow([Markup.Escape(r.Article), .. keys.Select(k => r.Counts.TryGetValue(k, out var c) ? Cell(c) : "")]);
        }

        var overall = report.Overall(scorer);
        table.AddRow(["[bold]overall[/]", .. keys.Select(k => $"[bold]{Cell(overall[k])}[/]")]);
        AnsiConsole.Write(table);
        if (misses)
        {
            foreach (var r in rows)
            {
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(r.Article)}[/]");
                foreach (var m in r.Misses)
                {
                    AnsiConsole.MarkupLine($"  [red]missed[/] {Markup.Escape(m)}");
                }

                foreach (var f in r.FalsePositives)
                {
                    AnsiConsole.MarkupLine($"  [yellow]extra[/]  {Markup.Escape(f)}");
                }
            }
        }
    }

    private static string Cell(PrfCount c) => $"{c.Precision:0.000} / {c.Recall:0.000} / {c.F1:0.000}";

    private static object ToJson(EvalReport report, IEnumerable<IGoldScorer> scorers) => new
    {
        scorers = scorers.Select(s => new
        {
            name = s.Name,
            overall = report.Overall(s.Name).ToDictionary(kv => kv.Key, kv => Json(kv.Value)),
            articles = report.Articles.Where(a => a.Scorer == s.Name).Select(a => new
            {
                article = a.Article,
                counts = a.Counts.ToDictionary(kv => kv.Key, kv => Json(kv.Value)),
                misses = a.Misses,
                false_positives = a.FalsePositives,
            }),
        }),
        problems = report.Problems,
    };

    private static object Json(PrfCount c) => new
    {
        tp = c.TruePositives,
        fp = c.FalsePositives,
        fn = c.FalseNegatives,
        precision = Math.Round(c.Precision, 4),
        recall = Math.Round(c.Recall, 4),
        f1 = Math.Round(c.F1, 4),
    };
}

/// <summary>Loads the knowledge base for a command, reporting problems on stderr (the good entries still load).</summary>
internal static class KnowledgeOptions
{
    public static KnowledgeBase Load(string? folder)
    {
        folder ??= KnowledgeLoader.FindDefaultFolder();
        if (folder is null)
        {
            Console.Error.WriteLine("tightrope: no knowledge/ folder found (pass --knowledge or set TIGHTROPE_KNOWLEDGE); resolving against an empty knowledge base");
            return KnowledgeBase.Empty;
        }

        var problems = new List<KnowledgeProblem>();
        var kb = KnowledgeLoader.Load(folder, problems);
        foreach (var p in problems)
        {
            Console.Error.WriteLine($"tightrope: {p}");
        }

        return kb;
    }
}

internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
