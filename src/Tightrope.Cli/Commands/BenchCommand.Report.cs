using System.Globalization;
using Spectre.Console;
using Tightrope.Batch;

namespace Tightrope.Cli.Commands;

/// <summary>`tightrope bench`, what it reports: the rows measured, the tables and the JSON.</summary>
internal static partial class BenchCommand
{
    private static void Report(BenchOutcome outcome, int threads, bool json)
    {
        if (json)
        {
            StoreCommandSupport.WriteJson(new
            {
                corpus = outcome.Corpus,
                threads,
                cores = Environment.ProcessorCount,
                runs = outcome.Runs.Select(r => r.ToJson()),
                peers = outcome.Peers?.ToJson(outcome.Runs),
            });
            return;
        }

        foreach (var report in outcome.Runs)
        {
            Print(report, threads);
        }

        if (outcome.Peers is { } peers)
        {
            Console.Out.WriteLine();
            foreach (var line in peers.Describe(outcome.Runs))
            {
                Console.Out.WriteLine(line);
            }
        }
    }

    private sealed record RunReport(string Pipeline, string StageList, IngestResult Result, Measure EndToEnd, long PeakWorkingSet, long PeakHeap, double StoreMB)
    {
        public List<Measure> Stages { get; init; } = [];

        /// <summary>Time the garbage collector paused the process during the end-to-end run.</summary>
        public TimeSpan GcPause { get; init; }

        public int Gen2Collections { get; init; }

        /// <summary>Articles packed only as duplicates on the workers (likely copies), and those the writer packed as originals after all.</summary>
        public int ForeseenCopies { get; init; }

        public int CopiesPackedAfterAll { get; init; }

        public object ToJson() => new
        {
            pipeline = Pipeline,
            stageList = StageList,
            Result.Read,
            Result.Stored,
            Result.Duplicates,
            Result.AlreadyPresent,
            Result.Failed,
            endToEnd = EndToEnd.ToJson(),
            peakWorkingSetMB = PeakWorkingSet / 1e6,
            peakGcHeapMB = PeakHeap / 1e6,
            storeMB = StoreMB,
            gcPauseSeconds = GcPause.TotalSeconds,
            gen2Collections = Gen2Collections,
            foreseenCopies = ForeseenCopies,
            copiesPackedAfterAll = CopiesPackedAfterAll,
            stages = Stages.Select(s => s.ToJson()),
        };
    }

    private static void Print(RunReport report, int threads)
    {
        var ci = CultureInfo.InvariantCulture;
        var result = report.Result;
        Console.Out.WriteLine();
        Console.Out.WriteLine(string.Create(ci,
            $"{report.Pipeline} pipeline ({report.StageList}): {result.Read:N0} articles, {result.Bytes / 1e6:N1} MB: stored {result.Stored - result.Duplicates:N0}, duplicates {result.Duplicates:N0}, already present {result.AlreadyPresent:N0}, failed {result.Failed:N0}; {threads} pipeline thread(s) + 1 writer on {Environment.ProcessorCount} core(s)"));
        var table = new Table().AddColumn("what").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("MB/s").RightAligned())
            .AddColumn(new TableColumn("articles/s").RightAligned()).AddColumn(new TableColumn("CPU s").RightAligned())
            .AddColumn(new TableColumn("MB/s per core").RightAligned()).AddColumn(new TableColumn("articles/s per core").RightAligned())
            .AddColumn(new TableColumn("allocated MB per MB").RightAligned()).AddColumn(new TableColumn("GC pause s").RightAligned());
        foreach (var m in report.Stages.Prepend(report.EndToEnd))
        {
            table.AddRow([Markup.Escape(m.Name), .. m.Cells()]);
        }

        AnsiConsole.Write(table);
        Console.Out.WriteLine(string.Create(ci, $"end to end: peak working set {report.PeakWorkingSet / 1e6:N0} MB, peak GC heap {report.PeakHeap / 1e6:N0} MB (sampled every 50 ms); GC pauses {report.GcPause.TotalSeconds:N2} s ({report.Gen2Collections} gen-2 collections); store file {report.StoreMB:N0} MB; likely copies packed as duplicates only {report.ForeseenCopies:N0} ({report.CopiesPackedAfterAll:N0} packed again as originals)"));
        Console.Out.WriteLine("per core = per CPU-second of the process (end to end) or of the timing thread (stage rows: one thread, each stage timed alone over the whole corpus)");
        if (report.Stages.Prepend(report.EndToEnd).Any(m => m.Cpu < Measure.Shortest || m.Elapsed < Measure.Shortest))
        {
            Console.Out.WriteLine("— = too short to give a rate (under 1 ms in all)");
        }
    }

    internal static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var t = text.Trim().ToUpperInvariant();
        long unit = 1;
        foreach (var (suffix, factor) in new[] { ("GB", 1_000_000_000L), ("MB", 1_000_000L), ("KB", 1_000L), ("G", 1_000_000_000L), ("M", 1_000_000L), ("K", 1_000L), ("B", 1L) })
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                unit = factor;
                t = t[..^suffix.Length].Trim();
                break;
            }
        }

        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        bytes = (long)(n * unit);
        return true;
    }

    /// <summary>
    /// One timed row. A rate is only given when its time is at least <see cref="Shortest"/>, the resolution the table
    /// prints seconds at: a stage that costs almost nothing (the article-date stage) sums to a few milliseconds of CPU
    /// time over a whole corpus, and bytes divided by that read as thousands of MB/s. Below it the table gives the
    /// bound the resolution allows ("&gt;2,000": at least the amount per 0.01 s) and the JSON gives null.
    /// </summary>
    internal sealed record Measure(string Name, long Bytes, int Articles, TimeSpan Elapsed, TimeSpan Cpu)
    {
        public static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(10);

        /// <summary>Bytes allocated on the managed heap while the row ran (the timing thread's, or the process's end to end).</summary>
        public long Allocated { get; init; }

        /// <summary>Managed bytes allocated per input byte: what the GC has to collect, steadier than CPU time on a shared machine.</summary>
        public double? AllocatedPerByte => Bytes == 0 ? null : (double)Allocated / Bytes;

        /// <summary>Time the GC paused the process while the row ran (a collection lands on the row whose allocation set it off).</summary>
        public TimeSpan GcPause { get; init; }

        public double? MBps => Rate(Bytes / 1e6, Elapsed);
        public double? ArticlesPerSecond => Rate(Articles, Elapsed);
        public double? MBPerCpuSecond => Rate(Bytes / 1e6, Cpu);
        public double? ArticlesPerCpuSecond => Rate(Articles, Cpu);

        private static double? Rate(double amount, TimeSpan time) => time < Shortest ? null : amount / time.TotalSeconds;

        /// <summary>The table cells after the name: seconds, MB/s, articles/s, CPU s, MB/s per core, articles/s per core.</summary>
        public string[] Cells() =>
            [Seconds(Elapsed), RateCell(Bytes / 1e6, Elapsed, "N1"), RateCell(Articles, Elapsed, "N0"), Seconds(Cpu), RateCell(Bytes / 1e6, Cpu, "N1"), RateCell(Articles, Cpu, "N0"), F(AllocatedPerByte, "N1"), Seconds(GcPause)];

        private static string Seconds(TimeSpan t) => t < Shortest ? "<0.01" : t.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture);

        private static string RateCell(double amount, TimeSpan time, string format) =>
            Rate(amount, time) is { } rate ? rate.ToString(format, CultureInfo.InvariantCulture)
            : amount == 0 ? "—"
            : ">" + (amount / Shortest.TotalSeconds).ToString(format, CultureInfo.InvariantCulture);

        private static string F(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";

        public object ToJson() => new
        {
            name = Name,
            seconds = Elapsed.TotalSeconds,
            mbPerSecond = MBps,
            articlesPerSecond = ArticlesPerSecond,
            cpuSeconds = Cpu.TotalSeconds,
            mbPerCpuSecond = MBPerCpuSecond,
            articlesPerCpuSecond = ArticlesPerCpuSecond,
            allocatedBytes = Allocated,
            allocatedPerInputByte = AllocatedPerByte,
            gcPauseSeconds = GcPause.TotalSeconds,
        };
    }
}
