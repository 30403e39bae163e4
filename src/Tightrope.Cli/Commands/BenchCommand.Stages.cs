using System.Diagnostics;
using Tightrope.Batch;
using Tightrope.Ingest;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Cli.Commands;

/// <summary>`tightrope bench`, each stage alone: one thread walks the corpus and times reading, decoding, every stage and the store with its own CPU clock.</summary>
internal static partial class BenchCommand
{
    private static readonly int StageBatch = new IngestOptions().BatchSize;

    internal static List<Measure> TimeStages(string corpus, ArticlePipeline pipeline, string db, IStepProgress progress, CancellationToken ct)
    {
        var names = new List<string> { "read files", "decode" };
        names.AddRange(pipeline.Stages.Select(s => $"stage '{s.Name}'"));
        names.Add($"store ({StageBatch}/tx)");
        var wall = new long[names.Count];
        var cpu = new long[names.Count];
        var allocated = new long[names.Count];
        var paused = new long[names.Count];
        long bytes = 0;
        int articles = 0;
        var batch = new List<Article>(StageBatch);
        using var store = ArticleStore.Open(db);
        var clock = new ThreadClock();

        void Time(int slot, Action action)
        {
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            var p0 = GC.GetTotalPauseDuration();
            var (w0, c0) = clock.Now();
            action();
            var (w1, c1) = clock.Now();
            paused[slot] += (GC.GetTotalPauseDuration() - p0).Ticks;
            wall[slot] += w1 - w0;
            cpu[slot] += c1 - c0;
            allocated[slot] += GC.GetAllocatedBytesForCurrentThread() - a0;
        }

        using var enumerator = Sources.Open([corpus], new SourceOptions(), ct).GetEnumerator();
        bool more = true;
        while (true)
        {
            Time(0, () => more = enumerator.MoveNext());
            if (!more)
            {
                break;
            }

            if (enumerator.Current is not SourceItem.Document { Raw: var raw })
            {
                continue;
            }

            bytes += raw.Bytes.Length;
            articles++;
            Article article = null!;
            Time(1, () => article = Sources.ToArticle(raw));
            for (int i = 0; i < pipeline.Stages.Count; i++)
            {
                var stage = pipeline.Stages[i];
                Time(2 + i, () =>
                {
                    try
                    {
                        stage.Process(article);
                    }
#pragma warning disable CA1031 // A failing stage is timed like the others; the bench does not need its failures.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                    }
                });
            }

            batch.Add(article);
            if (batch.Count == StageBatch)
            {
                Time(names.Count - 1, () => store.SaveMany(batch));
                batch.Clear();
            }

            if ((articles & 63) == 0)
            {
                progress.Advance(bytes);
            }
        }

        if (batch.Count > 0)
        {
            Time(names.Count - 1, () => store.SaveMany(batch));
        }

        progress.Advance(bytes);
        return [.. names.Select((n, i) => new Measure(n, bytes, articles, TimeSpan.FromTicks(wall[i]), TimeSpan.FromTicks(cpu[i])) { Allocated = allocated[i], GcPause = TimeSpan.FromTicks(paused[i]) })];
    }

    /// <summary>
    /// Wall time and this thread's CPU time, in ticks. The machine may be shared, so CPU time is what a stage
    /// costs; on Linux it comes from getrusage(RUSAGE_THREAD), elsewhere it falls back to wall time.
    /// </summary>
    private sealed class ThreadClock
    {
        private readonly bool _rusage = OperatingSystem.IsLinux();

        public (long Wall, long Cpu) Now()
        {
            long wall = Stopwatch.GetElapsedTime(0).Ticks;
            if (_rusage && Native.getrusage(1, out var usage) == 0)
            {
                long micros = usage.UserSeconds * 1_000_000 + usage.UserMicros + usage.SystemSeconds * 1_000_000 + usage.SystemMicros;
                return (wall, micros * 10);
            }

            return (wall, wall);
        }
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs this code does not read.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Size = 144)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
    }

    private static class Native
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
        public static extern int getrusage(int who, out RUsage usage);
    }
}
