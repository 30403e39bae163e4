using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Parquet.Serialization;
using Tightrope.Figures;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope export figures --format csv|json|parquet --out FILE [--indicator X]</c>: every stored figure with its
/// article, measure, indicator, period and USD value, as a flat table.
/// </summary>
internal static class ExportFiguresCommand
{
    public static Command Create()
    {
        var (format, output) = StoreCommandSupport.ExportOptions("csv, json or parquet", "csv", "json", "parquet");
        var indicator = new Option<string?>("--indicator") { Description = "Only this indicator (an id of knowledge/indicators.yaml)", HelpName = "ID" };
        var figures = new Command("figures", "Export the stored figures (CSV, JSON or Parquet)") { format, output, indicator };
        figures.SetAction(parse => StoreCommandSupport.Query(parse, "export figures", queries =>
        {
            var records = queries.Figures(parse.GetValue(indicator), int.MaxValue).Items;
            var path = parse.GetValue(output)!;
            try
            {
                StoreCommandSupport.CreateFolderOf(path);

                switch (parse.GetValue(format))
                {
                    case "json":
                        File.WriteAllText(path, JsonSerializer.Serialize(records.Select(FiguresCommand.ToJson), StoreCommandSupport.JsonOptions));
                        break;
                    case "parquet":
                        WriteParquet(path, [.. records]).GetAwaiter().GetResult();
                        break;
                    default:
                        WriteCsv(path, [.. records]);
                        break;
                }
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"tightrope export figures: cannot write {path}: {ex.Message}");
                return ExitCodes.SomeFailed;
            }
            catch (UnauthorizedAccessException ex)
            {
                Console.Error.WriteLine($"tightrope export figures: cannot write {path}: {ex.Message}");
                return ExitCodes.SomeFailed;
            }

            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(new
                {
                    file = Path.GetFullPath(path),
                    format = parse.GetValue(format),
                    rows = records.Count,
                    indicator = parse.GetValue(indicator),
                    bytes = new FileInfo(path).Length,
                });
            }
            else
            {
                Console.Error.WriteLine($"tightrope: wrote {records.Count} figure(s) to {path}");
            }

            return ExitCodes.Ok;
        }, knowledge: false));

        return new Command("export", "Export stored data") { figures, ExportEventsCommand.Create() };
    }

    internal sealed record Row(
        string Article, string? ArticleDate, string? Title, int Start, int End, string Text, double Value, double? ValueHigh, string Unit,
        string Kind, string Qualifier, string? Measure, string? Indicator, string? Actor, string? Period, double? Usd, string? Conversion, string? Sentence);

    internal static Row ToRow(FigureRecord r) => new(
        r.ArticleId, r.ArticleDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.ArticleTitle, r.Figure.Span.Start, r.Figure.Span.End, r.Figure.Text,
        r.Figure.Value, r.Figure.ValueHigh, r.Figure.Unit, r.Figure.Kind.ToString(), r.Figure.Qualifier.ToString(), r.Figure.Measure, r.Figure.IndicatorId,
        r.Figure.ActorId, r.Figure.Period, r.Figure.UsdValue, r.Figure.Conversion, r.SentenceText);

    private static void WriteCsv(string path, List<FigureRecord> records)
    {
        using var writer = new StreamWriter(path);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), false);
        csv.WriteHeader(["article", "article_date", "title", "start", "end", "text", "value", "value_high", "unit", "kind", "qualifier", "measure", "indicator", "actor", "period", "usd", "conversion", "sentence"]);
        foreach (var r in records.Select(ToRow))
        {
            csv.WriteRecord(
            [
                r.Article, r.ArticleDate ?? "", r.Title ?? "", N(r.Start), N(r.End), r.Text, N(r.Value), r.ValueHigh is { } h ? N(h) : "", r.Unit, r.Kind, r.Qualifier,
                r.Measure ?? "", r.Indicator ?? "", r.Actor ?? "", r.Period ?? "", r.Usd is { } u ? N(u) : "", r.Conversion ?? "", r.Sentence ?? "",
            ]);
        }

        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }

    private static async Task WriteParquet(string path, List<FigureRecord> records)
    {
        await using var stream = File.Create(path);
        await ParquetSerializer.SerializeAsync(records.Select(ToRow), stream).ConfigureAwait(false);
    }
}
