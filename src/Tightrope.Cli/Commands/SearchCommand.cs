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
        var limit = new Option<int>("--limit") { Description = "Most hits shown", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Full-text search over titles and cleaned texts, with the matches highlighted") { query, limit };
        command.SetAction(parse =>
        {
            var q = parse.GetValue(query)!;
            if (string.IsNullOrWhiteSpace(q) || parse.GetValue(limit) < 1)
            {
                Console.Error.WriteLine("tightrope: give a query and a --limit of at least 1");
                return ExitCodes.Usage;
            }

            using var store = StoreCommandSupport.OpenExisting(parse);
            if (store is null)
            {
                return ExitCodes.SomeFailed;
            }

            var hits = store.Search(q, parse.GetValue(limit));
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(hits);
                return ExitCodes.Ok;
            }

            foreach (var hit in hits)
            {
                AnsiConsole.MarkupLine($"[bold]{StoreCommandSupport.Short(hit.ArticleId)}[/]  {Markup.Escape(hit.Title ?? "")}");
                AnsiConsole.MarkupLine("  " + Highlight(hit));
            }

            Console.Out.WriteLine($"{hits.Count} hit(s)");
            return ExitCodes.Ok;
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
