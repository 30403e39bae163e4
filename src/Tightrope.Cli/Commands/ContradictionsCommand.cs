using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tightrope.Actors;
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
                var folder = StoreCommandSupport.KnowledgeFolder(parse);
                var indicators = folder is null ? IndicatorCatalog.Empty : IndicatorCatalog.LoadFolder(folder);
                var rates = folder is null ? ExchangeRates.Empty : ExchangeRates.LoadFolder(folder);
                var kb = StoreCommandSupport.LoadKnowledge(parse);
                store.ReplaceContradictions(Compute(store, indicators, kb, rates));
                list = store.Contradictions();
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
                AnsiConsole.MarkupLine($"  A {Markup.Escape(DescribeSide(c.A))}");
                AnsiConsole.MarkupLine($"  B {Markup.Escape(DescribeSide(c.B))}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{list.Count} contradiction(s)."));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One side as a line: article id, date, span, the figure with its value (and USD with the rate year), the sentence.</summary>
    internal static string DescribeSide(ContradictionSide side)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(side.ArticleId.AsSpan(0, Math.Min(12, side.ArticleId.Length)));
        if (side.ArticleDate is { } d)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({d:yyyy-MM-dd})");
        }

        sb.Append(CultureInfo.InvariantCulture, $" @{side.Span.Start}-{side.Span.End}");
        if (side.Figure is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" '{side.Figure}' = {side.OriginalValue:#,##0.####} {side.OriginalUnit}");
            if (side.Conversion is { } conv && !string.Equals(side.OriginalUnit, "USD", StringComparison.Ordinal))
            {
                sb.Append(CultureInfo.InvariantCulture, $" ≈ USD {side.Value:#,##0} ({conv})");
            }

            if (side.Period is { } p)
            {
                sb.Append(CultureInfo.InvariantCulture, $", period {p}");
            }
        }

        else if (side.ActorId is { } actor)
        {
            sb.Append(CultureInfo.InvariantCulture, $" names {actor}");
        }

        sb.Append(CultureInfo.InvariantCulture, $": {side.Text}");
        return sb.ToString();
    }

    /// <summary>Figure contradictions over every stored figure, then role conflicts article by article.</summary>
    internal static List<Contradiction> Compute(IArticleStore store, IndicatorCatalog indicators, Knowledge.KnowledgeBase kb, ExchangeRates? rates = null)
    {
        var result = new List<Contradiction>(new ContradictionFinder(indicators, rates).Find(store.Figures()));
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
