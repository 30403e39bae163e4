using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tightrope.Figures;
using Tightrope.Model;
using Tightrope.Storage;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope contradictions [--json] [--stored]</c>: recomputes the contradictions over the whole store (figure
/// contradictions across articles, role conflicts inside each article), stores them and lists them with both sides'
/// evidence. <c>--stored</c> lists what is stored without recomputing.
/// </summary>
internal static class ContradictionsCommand
{
    public static Command Create()
    {
        var stored = new Option<bool>("--stored") { Description = "List the stored contradictions without recomputing them" };
        var command = new Command("contradictions", "Find and list contradictions between figures and role conflicts, with evidence") { stored };
        command.SetAction(parse =>
        {
            using var store = StoreCommandSupport.OpenExisting(parse);
            if (store is null)
            {
                return ExitCodes.Usage;
            }

            IReadOnlyList<Contradiction> list;
            if (parse.GetValue(stored))
            {
                list = store.Contradictions();
            }
            else
            {
                var folder = parse.GetValue(CommonOptions.Knowledge) ?? Knowledge.KnowledgeLoader.FindDefaultFolder();
                var indicators = folder is null ? IndicatorCatalog.Empty : IndicatorCatalog.LoadFolder(folder);
                var kb = StoreCommandSupport.LoadKnowledge(parse);
                list = Compute(store, indicators, kb);
                store.ReplaceContradictions(list);
            }

            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(list);
                return ExitCodes.Ok;
            }

            if (list.Count == 0)
            {
                Console.WriteLine("No contradictions found.");
                return ExitCodes.Ok;
            }

            foreach (var c in list)
            {
                AnsiConsole.MarkupLine($"[bold]{c.Kind}[/] {Markup.Escape(c.Subject)} {Markup.Escape(c.Period ?? "")}: {Markup.Escape(c.Description)}");
                AnsiConsole.MarkupLine($"  A [grey]{Markup.Escape(c.A.ArticleId[..Math.Min(12, c.A.ArticleId.Length)])} {Markup.Escape(c.A.Span.ToString())}[/] {Markup.Escape(c.A.Text)}");
                AnsiConsole.MarkupLine($"  B [grey]{Markup.Escape(c.B.ArticleId[..Math.Min(12, c.B.ArticleId.Length)])} {Markup.Escape(c.B.Span.ToString())}[/] {Markup.Escape(c.B.Text)}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{list.Count} contradiction(s)."));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Figure contradictions over every stored figure, then role conflicts article by article.</summary>
    internal static List<Contradiction> Compute(IArticleStore store, IndicatorCatalog indicators, Knowledge.KnowledgeBase kb)
    {
        var result = new List<Contradiction>(new ContradictionFinder(indicators).Find(store.Figures()));
        const int page = 500;
        for (int offset = 0; ; offset += page)
        {
            var batch = store.ListArticles(new ArticleQuery { Limit = page, Offset = offset });
            foreach (var summary in batch)
            {
                if (summary.DuplicateOf is not null || store.GetArticle(summary.Id) is not { } stored)
                {
                    continue;
                }

                var article = new Article(stored.Id, stored.Text, stored.Metadata) { Date = stored.Date };
                article.Sentences.AddRange(stored.Sentences);
                article.Mentions.AddRange(stored.Mentions);
                result.AddRange(RoleConflicts.Find(article, kb));
            }

            if (batch.Count < page)
            {
                break;
            }
        }

        return result;
    }
}
