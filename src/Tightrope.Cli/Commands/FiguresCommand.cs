using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tightrope.Figures;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope figures [--indicator X] [--json] [--limit N]</c>: the stored figures; with --indicator, that
/// indicator's series over time (by period, then article date), each point with its article and sentence.
/// </summary>
internal static class FiguresCommand
{
    public static Command Create()
    {
        var indicator = new Option<string?>("--indicator") { Description = "Only this indicator (e.g. usfk-troop-level): its series over time", HelpName = "ID" };
        var limit = new Option<int>("--limit") { Description = "At most this many figures (default 200)", DefaultValueFactory = _ => 200, HelpName = "N" };
        var offset = new Option<int>("--offset") { Description = "Skip this many figures first", DefaultValueFactory = _ => 0, HelpName = "N" };
        var command = new Command("figures", "List stored figures, or one indicator's series over time") { indicator, limit, offset };
        command.SetAction(parse => StoreCommandSupport.Query(parse, "figures", queries =>
        {
            var id = parse.GetValue(indicator);
            var records = queries.Figures(id, parse.GetValue(limit), parse.GetValue(offset));
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WritePage(records, ToJson);
                return ExitCodes.Ok;
            }

            if (records.Count == 0)
            {
                Console.Error.WriteLine(id is null ? "tightrope: no figures stored" : $"tightrope: no figures on indicator '{id}'");
                return ExitCodes.Ok;
            }

            var table = new Table().Title(id is null ? "[bold]figures[/]" : $"[bold]{Markup.Escape(id)}[/] over time")
                .AddColumn("period").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit").AddColumn(new TableColumn("USD").RightAligned())
                .AddColumn("indicator").AddColumn("measure").AddColumn("article");
            foreach (var r in records)
            {
                var f = r.Figure;
                table.AddRow(
                    Markup.Escape(f.Period ?? "?"),
                    Markup.Escape(FormatValue(f)),
                    Markup.Escape(f.Unit),
                    f.UsdValue is { } usd && f.Unit != "USD" ? usd.ToString("N0", CultureInfo.InvariantCulture) : "",
                    Markup.Escape(f.IndicatorId ?? ""),
                    Markup.Escape(Shorten(f.Measure ?? "", 50)),
                    Markup.Escape($"{Shorten(r.ArticleTitle ?? r.ArticleId, 30)} {r.ArticleDate:yyyy-MM-dd}"));
            }

            AnsiConsole.Write(table);
            StoreCommandSupport.WriteCount(records, "figures");
            return ExitCodes.Ok;
        }, knowledge: false));
        return command;
    }

    /// <summary>Figures ordered as a series (the query layer's order).</summary>
    internal static IEnumerable<FigureRecord> Series(IEnumerable<FigureRecord> records) => Queries.StoreQueries.Series(records);

    internal static string FormatValue(Figure f)
    {
        string Fmt(double v) => v.ToString(v >= 1000 ? "N0" : "0.####", CultureInfo.InvariantCulture);
        var q = f.Qualifier switch
        {
            FigureQualifier.None => "",
            var x when (x & FigureQualifier.Approximate) != 0 => "~",
            var x when (x & (FigureQualifier.MoreThan | FigureQualifier.AtLeast)) != 0 => ">",
            _ => "<",
        };
        return q + Fmt(f.Value) + (f.ValueHigh is { } h ? "–" + Fmt(h) : "");
    }

    private static string Shorten(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    internal static object ToJson(FigureRecord r) => new
    {
        article = r.ArticleId,
        article_title = r.ArticleTitle,
        article_date = r.ArticleDate,
        start = r.Figure.Span.Start,
        end = r.Figure.Span.End,
        text = r.Figure.Text,
        value = r.Figure.Value,
        value_high = r.Figure.ValueHigh,
        unit = r.Figure.Unit,
        kind = r.Figure.Kind,
        qualifier = r.Figure.Qualifier.ToString(),
        measure = r.Figure.Measure,
        indicator = r.Figure.IndicatorId,
        actor = r.Figure.ActorId,
        period = r.Figure.Period,
        usd = r.Figure.UsdValue,
        conversion = r.Figure.Conversion,
        equivalent_of = r.Figure.EquivalentOf,
        sentence = r.SentenceText,
    };
}
