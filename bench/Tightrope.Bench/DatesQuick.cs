using System.Diagnostics;
using System.Text;
using Tightrope.Batch;
using Tightrope.Clean;
using Tightrope.Dates;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Bench;

/// <summary>
/// The parts of the dates stages timed alone by CPU time on the synthetic corpus (MB/s per core): the grammar's
/// scan, candidates (scan with each sentence's tense), resolution, content dating, and the page-line finder.
/// </summary>
internal static class DatesQuick
{
    public static void Run(int megabytes)
    {
        var articles = new List<Article>();
        var clean = new CleanStage();
        var text = new TextStage();
        foreach (var s in SyntheticCorpus.Generate(megabytes * 1_000_000L))
        {
            var a = new Article("q", s.Text, new ArticleMetadata());
            clean.Process(a);
            text.Process(a);
            articles.Add(a);
        }

        long bytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.RawText));
        var recognizer = DateRecognizer.English;
        var today = new DateOnly(2026, 12, 1);
        long sink = 0;
        Measure("scan", bytes, () =>
        {
            foreach (var a in articles)
            {
                foreach (var m in recognizer.Grammar.Scan(a.Text))
                {
                    sink += m.Length;
                }
            }
        });
        Measure("candidates", bytes, () =>
        {
            foreach (var a in articles)
            {
                sink += recognizer.Candidates(a.Text, a.Sentences).Count;
            }
        });
        var candidates = articles.Select(a => recognizer.Candidates(a.Text, a.Sentences)).ToList();
        Measure("resolve", bytes, () =>
        {
            foreach (var c in candidates)
            {
                sink += recognizer.Resolve(c, null).Count;
            }
        });
        var found = candidates.Select(c => recognizer.Resolve(c, null)).ToList();
        Measure("infer", bytes, () =>
        {
            for (int i = 0; i < articles.Count; i++)
            {
                var a = articles[i];
                sink += ContentDater.Infer(a.Text, found[i], [], today, k => a.Sentences[k].Span) is null ? 0 : 1;
            }
        });
        Measure("page-lines", bytes, () =>
        {
            foreach (var a in articles)
            {
                sink += PageDateLines.English.Find(a.RawText) is null ? 0 : 1;
            }
        });
        GC.KeepAlive(sink);
    }

    private static void Measure(string name, long bytes, Action body)
    {
        body(); // warm-up
        var best = TimeSpan.MaxValue;
        long allocated = 0;
        for (int r = 0; r < 3; r++)
        {
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            var process = Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            body();
            process.Refresh();
            var cpu = process.TotalProcessorTime - before;
            best = cpu < best ? cpu : best;
            allocated = GC.GetAllocatedBytesForCurrentThread() - a0;
        }

        Console.WriteLine($"{name,-12} {bytes / 1e6:F1} MB in {best.TotalMilliseconds:F0} ms CPU: {bytes / 1e6 / best.TotalSeconds:F1} MB/s per core, {(double)allocated / bytes:F2} B allocated per B");
    }
}
