using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tightrope.Ingest;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Bench;

/// <summary>
/// `html-quick DIR [--verbose] [--trace] [--save DIR]`: the html-extraction check of ../shared/tools/html_extraction_check.py run
/// in one process (no start-up per page): each page of DIR/expected.jsonl read as ingest reads it, extracted, cleaned
/// by the default pipeline; its "with" snippets must be in the text, its "without" snippets must not (whitespace
/// collapsed, case folded). Prints P/R/F1 and the time per page of extraction and of the rest of the pipeline.
/// `--trace` also prints, under each missed or leaked snippet, the innermost element of the page that holds it (its tag path
/// with id and first class), the first ancestor <see cref="HtmlChrome"/> takes for chrome, and whether the snippet
/// was in the extracted text before cleaning.
/// </summary>
internal static partial class HtmlQuick
{
    public static void Run(string folder, bool verbose, string? save, bool trace = false)
    {
        var pipeline = TightropePipeline.Create(new PipelineOptions());
        int tp = 0, fp = 0, fn = 0, tn = 0, failed = 0, pages = 0;
        double extractMs = 0, pipelineMs = 0;
        if (save is not null)
        {
            Directory.CreateDirectory(save);
        }

        foreach (var line in File.ReadLines(Path.Combine(folder, "expected.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var file = doc.RootElement.GetProperty("file").GetString()!;
            var with = doc.RootElement.GetProperty("with").EnumerateArray().Select(e => e.GetString()!).ToList();
            var without = doc.RootElement.GetProperty("without").EnumerateArray().Select(e => e.GetString()!).ToList();
            pages++;
            string? text = null;
            string? rawText = null;
            string? error = null;
            foreach (var item in Sources.Open([Path.Combine(folder, file)], new SourceOptions()))
            {
                if (item is SourceItem.Failure f)
                {
                    error = f.ToString();
                }
                else if (item is SourceItem.Document d)
                {
                    var sw = Stopwatch.StartNew();
                    if (Sources.TryToArticle(d.Raw, out var article, out var bad))
                    {
                        extractMs += sw.Elapsed.TotalMilliseconds;
                        sw.Restart();
                        pipeline.Process(article);
                        pipelineMs += sw.Elapsed.TotalMilliseconds;
                        text = article.WrittenText;
                        rawText = article.RawText;
                    }
                    else
                    {
                        extractMs += sw.Elapsed.TotalMilliseconds;
                        error = bad.ToString();
                    }
                }

                break;
            }

            if (save is not null && text is not null)
            {
                File.WriteAllText(Path.Combine(save, Path.GetFileNameWithoutExtension(file) + ".txt"), text);
            }

            failed += error is null ? 0 : 1;
            var t = text is null ? null : Norm(text);
            var missed = with.Where(w => t is null || !t.Contains(Norm(w), StringComparison.Ordinal)).ToList();
            var leaked = without.Where(w => t is not null && t.Contains(Norm(w), StringComparison.Ordinal)).ToList();
            tp += with.Count - missed.Count;
            fn += missed.Count;
            fp += leaked.Count;
            tn += without.Count - leaked.Count;
            if (verbose && (missed.Count > 0 || leaked.Count > 0 || error is not null))
            {
                Console.WriteLine($"{file}{(error is null ? "" : " ERROR " + error)}");
                foreach (var m in missed)
                {
                    Console.WriteLine($"  missed: {Cut(m)}");
                    if (trace)
                    {
                        Console.WriteLine("     " + HtmlTrace.Where(Path.Combine(folder, file), m, rawText ?? ""));
                    }
                }

                foreach (var l in leaked)
                {
                    Console.WriteLine($"  leaked: {Cut(l)}");
                    if (trace)
                    {
                        Console.WriteLine("     " + HtmlTrace.Where(Path.Combine(folder, file), l, rawText ?? ""));
                    }
                }
            }
        }

        double p = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        double f1 = 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pages {pages}, failed {failed}; tp {tp} fn {fn} fp {fp} tn {tn}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extraction {extractMs / pages:F1} ms/page, rest of the pipeline {pipelineMs / pages:F1} ms/page"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"html-quick P={p:F3} R={r:F3} F1={f1:F3}"));
    }

    private static string Cut(string s) => s.Length > 100 ? s[..100] : s;

    private static string Norm(string s) => Spaces().Replace(s, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
