using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tightrope.Storage;

namespace Tightrope.Cli.Commands;

internal static class ArticlesCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "Only articles from this source (outlet)", HelpName = "NAME" };
        var from = new Option<string?>("--from") { Description = "Only articles dated on or after (YYYY-MM-DD)", HelpName = "YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Only articles dated on or before (YYYY-MM-DD)", HelpName = "YYYY-MM-DD" };
        var limit = new Option<int>("--limit") { Description = "Most articles listed", DefaultValueFactory = _ => 50, HelpName = "N" };
        var offset = new Option<int>("--offset") { Description = "Skip this many articles first", DefaultValueFactory = _ => 0, HelpName = "N" };
        var command = new Command("articles", "List stored articles in the order they were stored") { source, from, to, limit, offset };
        command.SetAction(parse =>
        {
            if (!StoreCommandSupport.TryParseDate(parse.GetValue(from), "--from", out var fromDate)
                || !StoreCommandSupport.TryParseDate(parse.GetValue(to), "--to", out var toDate))
            {
                return ExitCodes.Usage;
            }

            return StoreCommandSupport.Query(parse, "articles", queries =>
            {
                var list = queries.Articles(new ArticleQuery
                {
                    Source = parse.GetValue(source),
                    From = fromDate,
                    To = toDate,
                    Limit = parse.GetValue(limit),
                    Offset = parse.GetValue(offset),
                });
                if (parse.GetValue(CommonOptions.Json))
                {
                    StoreCommandSupport.WritePage(list, a => a);
                    return ExitCodes.Ok;
                }

                var table = new Table().AddColumn("id").AddColumn("date").AddColumn("source").AddColumn("title").AddColumn(new TableColumn("chars").RightAligned()).AddColumn("duplicate of");
                foreach (var a in list)
                {
                    table.AddRow(
                        StoreCommandSupport.Short(a.Id),
                        StoreCommandSupport.Iso(a.Date),
                        Markup.Escape(a.Source ?? ""),
                        Markup.Escape(a.Title ?? Path.GetFileName(a.Origin ?? "")),
                        a.Length.ToString("N0", CultureInfo.InvariantCulture),
                        a.DuplicateOf is null ? "" : StoreCommandSupport.Short(a.DuplicateOf));
                }

                AnsiConsole.Write(table);
                StoreCommandSupport.WriteCount(list, "articles");
                return ExitCodes.Ok;
            }, knowledge: false);
        });
        return command;
    }
}
