using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tightrope.Figures;
using Tightrope.Actors;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Queries;

namespace Tightrope.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Article id, or a prefix of it that names one article" };
        var command = new Command("show", "Show a stored article: metadata, date with its evidence, cleaned text, removed segments, failures") { id };
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(id)!.Trim();
            if (wanted.Length == 0)
            {
                Console.Error.WriteLine("tightrope show: give an article id");
                return ExitCodes.Usage;
            }

            return StoreCommandSupport.Query(parse, "show", queries =>
            {
                var article = queries.Article(wanted);
                if (parse.GetValue(CommonOptions.Json))
                {
                    Console.Out.WriteLine(ArticleJson.Serialize(ArticleJson.ToJson(article, TightropePipeline.Layers, queries.Knowledge)));
                    return ExitCodes.Ok;
                }

                Print(article);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static void Print(Article a)
    {
        var m = a.Metadata;
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                grid.AddRow(new Spectre.Console.Text(key, new Style(decoration: Decoration.Bold)), new Spectre.Console.Text(value));
            }
        }

        Row("id", a.Id);
        Row("title", m.Title);
        Row("source", m.Source);
        Row("author", m.Author);
        Row("url", m.Url);
        Row("origin", m.Origin);
        Row("format", m.Format);
        Row("published", m.Published is null ? null : StoreCommandSupport.Iso(m.Published));
        Row("date", a.Date is null
            ? "(unknown)"
            : string.Create(CultureInfo.InvariantCulture, $"{StoreCommandSupport.Iso(a.Date.Date)} ({a.Date.Source.ToString().ToLowerInvariant()}, confidence {a.Date.Confidence:0.##}{(a.Date.Evidence is null ? "" : $"; evidence: {a.Date.Evidence}")})"));
        Row("duplicate of", a.DuplicateOf);
        Row("layers", string.Create(CultureInfo.InvariantCulture, $"{a.Sentences.Count} sentences, {a.Mentions.Count} mentions, {a.Figures.Count} figures"));
        AnsiConsole.Write(grid);

        AnsiConsole.Write(new Rule("cleaned text").LeftJustified());
        Console.Out.WriteLine(a.Text);

        if (a.Removed.Count > 0)
        {
            AnsiConsole.Write(new Rule($"removed segments ({a.Removed.Count})").LeftJustified());
            var table = new Table().AddColumn("kind").AddColumn("raw span").AddColumn("text").AddColumn("reason");
            foreach (var r in a.Removed)
            {
                var text = r.Text.ReplaceLineEndings(" ");
                table.AddRow(
                    Markup.Escape(RemovalKindNames.Name(r.Kind)),
                    Markup.Escape(r.RawSpan.ToString()),
                    Markup.Escape(text.Length > 80 ? text[..77] + "…" : text),
                    Markup.Escape(r.Reason ?? ""));
            }

            AnsiConsole.Write(table);
        }

        if (a.Failures.Count > 0)
        {
            AnsiConsole.Write(new Rule($"failures ({a.Failures.Count})").LeftJustified());
            foreach (var f in a.Failures)
            {
                Console.Out.WriteLine($"{f.Stage}: {f.Message}{(f.ExceptionType is null ? "" : $" ({f.ExceptionType})")}");
            }
        }
    }
}
