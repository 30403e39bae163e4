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
        var limit = new Option<int>("--limit") { Description = "At most this many contradictions listed", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var offset = new Option<int>("--offset") { Description = "Skip this many first", DefaultValueFactory = _ => 0, HelpName = "N" };
        command.Options.Add(limit);
        command.Options.Add(offset);
        command.SetAction(parse => StoreCommandSupport.Query(parse, "contradictions", queries =>
        {
            if (!parse.GetValue(stored))
            {
                var folder = StoreCommandSupport.KnowledgeFolder(parse);
                var rates = folder is null ? ExchangeRates.Empty : ExchangeRates.LoadFolder(folder);
                new ContradictionUpdater(queries.Indicators, rates).RecomputeAll(queries.Store, queries.Knowledge);
            }

            var list = queries.Contradictions(parse.GetValue(limit), parse.GetValue(offset));
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WritePage(list, c => c);
                return ExitCodes.Ok;
            }

            if (list.Total == 0)
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

            StoreCommandSupport.WriteCount(list, "contradictions");
            return ExitCodes.Ok;
        }));
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
}
