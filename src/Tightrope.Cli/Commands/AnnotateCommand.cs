using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Tightrope.Figures;
using Tightrope.Actors;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope annotate FILE|- [--date YYYY-MM-DD] [--json]</c>: runs the pipeline on one input without storing it
/// and shows the cleaned text, date, removed segments, mentions and figures.
/// </summary>
internal static class AnnotateCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A text file, or - for standard input" };
        var date = new Option<string?>("--date") { Description = "Article date (YYYY-MM-DD) when the input has none", HelpName = "YYYY-MM-DD" };
        var command = new Command("annotate", "Run the pipeline on one input and print what it finds (nothing is stored)") { input, date };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            DateOnly? day = null;
            if (parse.GetValue(date) is { } d)
            {
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    Console.Error.WriteLine($"tightrope annotate: --date '{d}' is not YYYY-MM-DD");
                    return ExitCodes.Usage;
                }

                day = parsed;
            }

            var options = new Ingest.SourceOptions();
            IEnumerable<Ingest.SourceItem> items;
            if (path == "-")
            {
                // Standard input: read up to one byte past the size limit, so that an over-long stream is refused.
                using var stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int n;
                while (buffer.Length <= options.MaxBytes && (n = stdin.Read(chunk, 0, chunk.Length)) > 0)
                {
                    buffer.Write(chunk, 0, n);
                }

                items = Ingest.Sources.Read("stdin", buffer.ToArray(), options);
            }
            else
            {
                // A file (any format ingest reads: text, markdown, HTML, JSON lines, a feed) or a URL, read exactly as
                // `tightrope ingest` reads it.
                items = Ingest.Sources.Open([path], options);
            }

            var kb = KnowledgeOptions.Load(parse.GetValue(CommonOptions.Knowledge));
            var pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = kb, DefaultDate = day });
            bool json = parse.GetValue(CommonOptions.Json);
            var annotated = new List<System.Text.Json.Nodes.JsonNode>();
            int failed = 0, done = 0;
            foreach (var item in items)
            {
                Article? article = null;
                if (item is Ingest.SourceItem.Failure failure)
                {
                    Console.Error.WriteLine($"tightrope annotate: {failure}");
                    failed++;
                }
                else if (item is Ingest.SourceItem.Document document)
                {
                    if (Ingest.Sources.TryToArticle(document.Raw, out article, out var bad))
                    {
                        pipeline.Process(article);
                    }
                    else
                    {
                        Console.Error.WriteLine($"tightrope annotate: {bad}");
                        failed++;
                    }
                }

                if (article is null)
                {
                    continue;
                }

                done++;
                if (json)
                {
                    annotated.Add(Queries.ArticleJson.ToJson(article, pipeline.Layers, kb, day));
                }
                else
                {
                    Print(article, kb, day);
                }

                foreach (var f in article.Failures)
                {
                    Console.Error.WriteLine($"tightrope annotate: {article.Metadata.Origin}: stage '{f.Stage}': {f.Message}");
                    failed++;
                }
            }

            if (json && annotated.Count > 0)
            {
                // One input, one object; an input holding several articles (JSON lines, a feed) gives an array.
                var output = annotated.Count == 1 ? annotated[0] : new System.Text.Json.Nodes.JsonArray([.. annotated]);
                Console.WriteLine(Queries.ArticleJson.Serialize(output));
            }

            return failed == 0 && done > 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return command;
    }

    private static void Print(Article a, Knowledge.KnowledgeBase kb, DateOnly? fallback)
    {
        if (a.Metadata.Title is { } title)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        }

        AnsiConsole.MarkupLine($"[bold]date[/] {(a.Date?.Date ?? fallback)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown"}");
        foreach (var r in a.Removed)
        {
            AnsiConsole.MarkupLine($"[grey]removed {r.Kind}:[/] {Markup.Escape(Short(r.Text))}");
        }

        var table = new Table().AddColumns("span", "text", "kind", "actor", "conf");
        foreach (var m in a.Mentions)
        {
            table.AddRow(Markup.Escape(m.Span.ToString()), Markup.Escape(m.Text), m.Kind.ToString(),
                m.ActorId is { } id ? Markup.Escape($"{id} ({kb.Find(id)?.Name})") : "[yellow]unresolved[/]", m.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        foreach (var f in a.Figures)
        {
            AnsiConsole.MarkupLine($"[bold]figure[/] {Markup.Escape(f.Text)} = {f.Value.ToString(CultureInfo.InvariantCulture)} {Markup.Escape(f.Unit)}");
        }
    }

    private static string Short(string s) => s.Length <= 80 ? s.ReplaceLineEndings(" ") : s[..77].ReplaceLineEndings(" ") + "...";
}
