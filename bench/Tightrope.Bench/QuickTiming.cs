using System.Diagnostics;
using System.Text;
using Tightrope.Clean;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Bench;

/// <summary>Measures the clean and text stages by CPU time on generated articles and prints MB/s per core.</summary>
internal static class QuickTiming
{
    public static void Run(int megabytes)
    {
        var articles = ArticleGenerator.Generate(seed: 11, totalChars: megabytes * 1_000_000);
        long bytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a));
        var clean = new CleanStage();
        var text = new TextStage();
        var cleaned = new Article[articles.Length];

        // Calibration: one scalar pass over every character (a lower bound of any per-character work).
        long sink = 0;
        Measure("scalar-pass", bytes, () =>
        {
            foreach (var a in articles)
            {
                foreach (char c in a)
                {
                    sink += char.IsLetter(c) ? 1 : 0;
                }
            }
        });
        GC.KeepAlive(sink);

        for (int i = 0; i < articles.Length; i++)
        {
            cleaned[i] = new Article("q", articles[i], new ArticleMetadata());
            clean.Process(cleaned[i]);
        }

        int sinkLength = 0;
        Measure("clean", bytes, () =>
        {
            foreach (var raw in articles)
            {
                var a = new Article("q", raw, new ArticleMetadata());
                clean.Process(a);
                sinkLength += a.Text.Length;
            }
        });
        GC.KeepAlive(sinkLength);
        Measure("text", bytes, () =>
        {
            foreach (var a in cleaned)
            {
                text.Process(a);
            }
        });
        Measure("clean+text", bytes, () =>
        {
            foreach (var raw in articles)
            {
                var a = new Article("q", raw, new ArticleMetadata());
                clean.Process(a);
                text.Process(a);
            }
        });
    }

    private static void Measure(string name, long bytes, Action body)
    {
        body(); // warm-up
        var best = TimeSpan.MaxValue;
        for (int r = 0; r < 3; r++)
        {
            var thread = Process.GetCurrentProcess();
            var before = thread.TotalProcessorTime;
            body();
            thread.Refresh();
            var cpu = thread.TotalProcessorTime - before;
            if (cpu < best)
            {
                best = cpu;
            }
        }

        Console.WriteLine($"{name,-12} {bytes / 1e6:F1} MB in {best.TotalMilliseconds:F0} ms CPU: {bytes / 1e6 / best.TotalSeconds:F0} MB/s per core");
    }
}
