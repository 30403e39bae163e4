using System.CommandLine;
using System.Text;
using Spectre.Console;

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
                AnsiConsole.MarkupLine("  " + Highlight(hit.Snippet.ReplaceLineEndings(" ")));
            }

            Console.Out.WriteLine($"{hits.Count} hit(s)");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Turns the snippet's [match] marks into highlighting (kept as brackets when there is no colour).</summary>
    private static string Highlight(string snippet)
    {
        bool colour = StoreCommandSupport.Interactive;
        var sb = new StringBuilder();
        int i = 0;
        while (i < snippet.Length)
        {
            int open = snippet.IndexOf('[', i);
            int close = open < 0 ? -1 : snippet.IndexOf(']', open + 1);
            if (open < 0 || close < 0)
            {
                sb.Append(Markup.Escape(snippet[i..]));
                break;
            }

            sb.Append(Markup.Escape(snippet[i..open]));
            var match = Markup.Escape(snippet[(open + 1)..close]);
            sb.Append(colour ? $"[black on yellow]{match}[/]" : $"[[{match}]]");
            i = close + 1;
        }

        return sb.ToString();
    }
}
