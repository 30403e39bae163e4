using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tightrope.Figures;
using Tightrope.Actors;
using Tightrope.Dates;
using Tightrope.Events;
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
        Row("date", ArticleCommand.Describe(a.Date));
        Row("duplicate of", a.DuplicateOf);
        Row("layers", string.Create(CultureInfo.InvariantCulture,
            $"{a.Sentences.Count} sentences, {a.Mentions.Count} mentions, {a.DateExpressions.Count} date expressions, {a.Events.Count} events, {a.Figures.Count} figures"));
        AnsiConsole.Write(grid);

        // As the source wrote it (curly quotes, dashes): the cleaned text's offsets, without its ASCII folds.
        AnsiConsole.Write(new Rule("cleaned text").LeftJustified());
        Console.Out.WriteLine(a.WrittenText);

        if (a.DateExpressions.Count > 0)
        {
            AnsiConsole.Write(new Rule($"date expressions ({a.DateExpressions.Count})").LeftJustified());
            var table = new Table().AddColumn("span").AddColumn("text").AddColumn("value").AddColumn("kind");
            foreach (var d in a.DateExpressions)
            {
                table.AddRow(
                    Markup.Escape(d.Span.ToString()),
                    Markup.Escape(d.Text),
                    Markup.Escape(d.Value + (d.EndValue is null ? "" : "/" + d.EndValue) + (d.Mod is null ? "" : $" ({d.Mod})")),
                    Markup.Escape(d.Kind.ToString().ToLowerInvariant()));
            }

            AnsiConsole.Write(table);
        }

        if (a.Events.Count > 0)
        {
            AnsiConsole.Write(new Rule($"events ({a.Events.Count})").LeftJustified());
            var table = new Table().AddColumn("span").AddColumn("predicate").AddColumn("type").AddColumn("mode").AddColumn("source").AddColumn("target")
                .AddColumn("modality").AddColumn("date");
            foreach (var e in a.Events)
            {
                var (date, dateFrom) = EventRecord.DateOf(e, a.Date?.Date ?? a.Metadata.Published);
                table.AddRow(
                    Markup.Escape(e.Span.ToString()),
                    Markup.Escape(e.Text),
                    Markup.Escape(e.Type),
                    Markup.Escape(e.Mode ?? ""),
                    Markup.Escape(e.SourceId ?? ""),
                    Markup.Escape(e.TargetId ?? ""),
                    Markup.Escape(EventNames.Modalities[(int)e.Modality]),
                    Markup.Escape(date is null ? "" : $"{date} ({dateFrom})"));
            }

            AnsiConsole.Write(table);
        }

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
