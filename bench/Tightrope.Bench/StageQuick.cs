using System.Runtime.InteropServices;
using Tightrope.Ingest;
using Tightrope.Model;

namespace Tightrope.Bench;

/// <summary>
/// "stage-quick DIR N STAGE [ROUNDS]": one stage of the full pipeline (or "read" for reading the files) timed alone
/// over the first N articles of DIR, ROUNDS times (the first is a warm-up): this thread's CPU seconds and the bytes
/// it allocated, per input byte. Each round decodes the articles again and runs the stages before STAGE untimed, so
/// the stage sees exactly what it sees in the pipeline. Run it under DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0
/// to compile as the CLI does.
/// </summary>
internal static class StageQuick
{
    public static void Run(string folder, int limit, string stageName, int rounds)
    {
        var (_, pipeline) = BenchSetup.FullPipeline();
        using var ticks = Environment.GetEnvironmentVariable("STAGE_QUICK_TYPES") == "1" ? new AllocQuick.TickListener { Stage = stageName } : null;
        if (stageName == "read")
        {
            for (int r = 0; r < rounds; r++)
            {
                long bytes = 0;
                int n = 0;
                var (c0, a0) = (ThreadCpu(), GC.GetAllocatedBytesForCurrentThread());
                foreach (var item in Sources.Open([folder], new SourceOptions()))
                {
                    if (item is SourceItem.Document { Raw: var raw })
                    {
                        bytes += raw.Bytes.Length;
                        if (++n == limit)
                        {
                            break;
                        }
                    }
                }

                Report(r, "read", ThreadCpu() - c0, GC.GetAllocatedBytesForCurrentThread() - a0, bytes);
            }

            Types(ticks, stageName);
            return;
        }

        int at = pipeline.Stages.ToList().FindIndex(s => s.Name == stageName);
        if (at < 0)
        {
            Console.WriteLine($"no stage '{stageName}': {string.Join(", ", pipeline.Stages.Select(s => s.Name))}");
            return;
        }

        var raws = new List<RawDocument>();
        long total = 0;
        foreach (var item in Sources.Open([folder], new SourceOptions()))
        {
            if (item is SourceItem.Document { Raw: var raw })
            {
                raws.Add(raw);
                total += raw.Bytes.Length;
                if (raws.Count == limit)
                {
                    break;
                }
            }
        }

        var stage = pipeline.Stages[at];
        for (int r = 0; r < rounds; r++)
        {
            var articles = new List<Article>(raws.Count);
            foreach (var raw in raws)
            {
                var article = Sources.ToArticle(raw);
                for (int i = 0; i < at; i++)
                {
                    Guarded(pipeline.Stages[i], article);
                }

                articles.Add(article);
            }

            var (c0, a0) = (ThreadCpu(), GC.GetAllocatedBytesForCurrentThread());
            foreach (var article in articles)
            {
                Guarded(stage, article);
            }

            Report(r, stageName, ThreadCpu() - c0, GC.GetAllocatedBytesForCurrentThread() - a0, total);
        }

        Types(ticks, stageName);
    }

    /// <summary>With STAGE_QUICK_TYPES=1: the types allocated, from allocation ticks over every round (untimed work included).</summary>
    private static void Types(AllocQuick.TickListener? ticks, string stageName)
    {
        if (ticks is null)
        {
            return;
        }

        ticks.Drain();
        foreach (var (type, amount, _) in ticks.Top(stageName, 15))
        {
            Console.WriteLine($"  {amount / 1e6,9:N1} MB  {type}");
        }
    }

    private static void Guarded(Tightrope.Pipeline.IStage stage, Article article)
    {
        try
        {
            stage.Process(article);
        }
#pragma warning disable CA1031 // a failing article is skipped, as the bench does
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static void Report(int round, string name, double cpu, long allocated, long bytes) =>
        Console.WriteLine(System.FormattableString.Invariant(
            $"{(round == 0 ? "warm-up" : $"round {round}")}: {name} {cpu:0.000} CPU s, {bytes / 1e6 / cpu:0.0} MB/s per core, {allocated / (double)bytes:0.00} B allocated per B"));

    private static double ThreadCpu()
    {
        if (Native.clock_gettime(3, out var ts) == 0) // CLOCK_THREAD_CPUTIME_ID
        {
            return ts.Seconds + ts.Nanos / 1e9;
        }

        return Environment.TickCount64 / 1e3;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanos;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable CA5392, SYSLIB1054 // a plain libc call; not a library load from an unsafe path
        public static extern int clock_gettime(int clock, out TimeSpec time);
#pragma warning restore CA5392, SYSLIB1054
    }
}
