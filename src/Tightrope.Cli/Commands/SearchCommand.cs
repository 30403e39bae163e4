using System.CommandLine;
using System.Text;
using Spectre.Console;
using Tightrope.Storage;

namespace Tightrope.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find (FTS5 syntax: \"exact phrase\", OR, NOT, prefix*)" };
        var limit = new Option<int>("--limit") { Description = "Most hits shown", DefaultValueFactory = _ => 20, HelpName = "N" };
        var offset = new Option<int>("--offset") { Description = "Skip this many hits first", DefaultValueFactory = _ => 0, HelpName = "N" };
        var command = new Command("search", "Full-text search over titles and cleaned texts, with the matches highlighted") { query, limit, offset };
        command.SetAction(parse =>
        {
            return StoreCommandSupport.Query(parse, "search", queries =>
            {
                var hits = queries.Search(parse.GetValue(query)!, parse.GetValue(limit), parse.GetValue(offset));
                if (parse.GetValue(CommonOptions.Json))
                {
                    StoreCommandSupport.WritePage(hits, h => h);
                    return ExitCodes.Ok;
                }

                foreach (var hit in hits)
                {
                    AnsiConsole.MarkupLine($"[bold]{StoreCommandSupport.Short(hit.ArticleId)}[/]  {Markup.Escape(hit.Title ?? "")}");
                    AnsiConsole.MarkupLine("  " + Highlight(hit));
                }

                StoreCommandSupport.WriteCount(hits, "hits");
                return ExitCodes.Ok;
            }, knowledge: false);
        });
        return command;
    }

    /// <summary>The snippet with its matches highlighted (in double brackets when there is no colour).</summary>
    private static string Highlight(SearchHit hit)
    {
        bool colour = StoreCommandSupport.Interactive;
        var snippet = hit.Snippet;
        var sb = new StringBuilder();
        int i = 0;
        foreach (var m in hit.Matches)
        {
            sb.Append(Markup.Escape(snippet[i..m.Start]));
            var match = Markup.Escape(snippet[m.Start..m.End]);
            sb.Append(colour ? $"[black on yellow]{match}[/]" : $"[[[[{match}]]]]");
            i = m.End;
        }

        sb.Append(Markup.Escape(snippet[i..]));
        return sb.ToString().ReplaceLineEndings(" ");
    }
}
