using System.Text.Json;
using Tightrope.Ingest;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Queries;

namespace Tightrope.Bench;

/// <summary>
/// "snapshot DIR [N] [OUT]": what the full pipeline finds in the first N articles of DIR (each folder given
/// in DIR, ';'-separated), one line of `annotate --json` per article, in file order, to OUT or standard output.
/// Diff two snapshots to show that a speed-up changed nothing the pipeline reports.
/// </summary>
internal static class Snapshot
{
    public static void Run(string folders, int limit, string? output)
    {
        var (knowledge, pipeline) = BenchSetup.FullPipeline();
        using var writer = output is null ? Console.Out : new StreamWriter(output);
        var compact = new JsonSerializerOptions(ArticleJson.Options) { WriteIndented = false };
        int n = 0;
        foreach (var item in Sources.Open(folders.Split(';'), new SourceOptions()))
        {
            if (item is not SourceItem.Document { Raw: var raw })
            {
                continue;
            }

            if (!Sources.TryToArticle(raw, out var article, out var failure))
            {
                writer.WriteLine($"failed: {failure}");
                continue;
            }

            var result = pipeline.Process(article);
            writer.WriteLine(ArticleJson.ToJson(result, pipeline.Layers, knowledge).ToJsonString(compact));
            if (++n == limit)
            {
                break;
            }
        }
    }
}
