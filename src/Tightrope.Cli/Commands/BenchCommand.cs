using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Tightrope.Batch;
using Tightrope.Ingest;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Cli.Commands;

/// <summary>
/// `tightrope bench`: generates (or reads) a synthetic corpus, ingests it end to end into a fresh store, then times
/// each stage alone over the same corpus. Reports throughput (MB/s and articles/s, in total and per CPU-second)
/// and peak memory.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var size = new Option<string>("--size") { Description = "Corpus size to generate: 100MB, 1GB, 500KB", DefaultValueFactory = _ => "100MB" };
        var dir = new Option<string?>("--articles-dir") { Description = "Folder of the corpus: generated there when empty or missing, read as it is otherwise (default: a temporary folder, deleted after)" };
        var threads = new Option<int?>("--threads") { Description = "Pipeline threads for the end-to-end run (default: one per core)" };
        var skipStages = new Option<bool>("--no-stages") { Description = "Only the end-to-end run, not each stage alone" };
        var command = new Command("bench", """
            Measure throughput: ingest a deterministic synthetic corpus end to end (read, pipeline, store), then each
            stage alone. The store is a temporary file unless --db is given.
            """)
        {
            size, dir, threads, skipStages,
        };
        command.SetAction((parse, ct) => RunAsync(parse, size, dir, threads, skipStages, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string> sizeOpt, Option<string?> dirOpt, Option<int?> threadsOpt, Option<bool> noStagesOpt, CancellationToken ct)
    {
        if (!TryParseSize(parse.GetValue(sizeOpt)!, out long size))
        {
            Console.Error.WriteLine($"tightrope: --size expects a size such as 100MB or 1GB, not '{parse.GetValue(sizeOpt)}'");
            return ExitCodes.Usage;
        }

        int threads = parse.GetValue(threadsOpt) ?? Environment.ProcessorCount;
        if (threads < 1)
        {
            Console.Error.WriteLine("tightrope: --threads must be at least 1");
            return ExitCodes.Usage;
        }

        bool json = parse.GetValue(CommonOptions.Json);
        var scratch = Path.Combine(Path.GetTempPath(), "tightrope-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var corpus = parse.GetValue(dirOpt) ?? Path.Combine(scratch, "corpus");
        var dbResult = parse.GetResult(CommonOptions.Db);
        var db = dbResult is null || dbResult.Implicit ? Path.Combine(scratch, "bench.db") : parse.GetValue(CommonOptions.Db)!;
        try
        {
            if (!Directory.Exists(corpus) || !Directory.EnumerateFileSystemEntries(corpus).Any())
            {
                var gen = Stopwatch.StartNew();
                var (files, chars) = SyntheticCorpus.WriteTo(corpus, size);
                Log(json, string.Create(CultureInfo.InvariantCulture, $"generated {files:N0} articles, {chars / 1e6:N1} M characters in {corpus} ({gen.Elapsed.TotalSeconds:N1} s)"));
            }
            else
            {
                Log(json, $"reading the corpus in {corpus}");
            }

            var knowledge = StoreCommandSupport.LoadKnowledge(parse);
            var pipelineOptions = new PipelineOptions { Knowledge = knowledge };
            var pipeline = TightropePipeline.Create(pipelineOptions);

            // End to end.
            if (File.Exists(db))
            {
                Log(json, $"note: {db} exists; articles already in it are skipped");
            }

            using var sampler = new MemorySampler();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            IngestResult result;
            using (var store = ArticleStore.Open(db))
            {
                var runner = new IngestRunner(pipeline, store, new IngestOptions { Threads = threads });
                result = await runner.RunAsync([corpus], null, ct).ConfigureAwait(false);
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            var endToEnd = new Measure("end to end (read, pipeline, store)", result.Bytes, result.Read, result.Elapsed, cpu);
            long peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
            long peakHeap = sampler.PeakHeap;

            // Each stage alone, one thread.
            var stages = parse.GetValue(noStagesOpt) ? [] : TimeStages(corpus, pipeline, Path.Combine(scratch, "stages.db"), ct);

            if (json)
            {
                StoreCommandSupport.WriteJson(new
                {
                    corpus,
                    threads,
                    cores = Environment.ProcessorCount,
                    result.Read,
                    result.Stored,
                    result.Duplicates,
                    result.AlreadyPresent,
                    result.Failed,
                    endToEnd = endToEnd.ToJson(),
                    peakWorkingSetMB = peakWorkingSet / 1e6,
                    peakGcHeapMB = peakHeap / 1e6,
                    stages = stages.Select(s => s.ToJson()),
                });
            }
            else
            {
                Print(endToEnd, stages, result, threads, peakWorkingSet, peakHeap);
            }

            return ExitCodes.Ok;
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static readonly int StageBatch = new IngestOptions().BatchSize;

    private static List<Measure> TimeStages(string corpus, ArticlePipeline pipeline, string db, CancellationToken ct)
    {
        var names = new List<string> { "read files", "decode (Sources.ToArticle)" };
        names.AddRange(pipeline.Stages.Select(s => $"stage '{s.Name}'"));
        names.Add($"store (SQLite, batches of {StageBatch})");
        var wall = new long[names.Count];
        var cpu = new long[names.Count];
        long bytes = 0;
        int articles = 0;
        var batch = new List<Article>(StageBatch);
        using var store = ArticleStore.Open(db);
        var clock = new ThreadClock();

        void Time(int slot, Action action)
        {
            var (w0, c0) = clock.Now();
            action();
            var (w1, c1) = clock.Now();
            wall[slot] += w1 - w0;
            cpu[slot] += c1 - c0;
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
        }

        if (batch.Count > 0)
        {
            Time(names.Count - 1, () => store.SaveMany(batch));
        }

        return [.. names.Select((n, i) => new Measure(n, bytes, articles, TimeSpan.FromTicks(wall[i]), TimeSpan.FromTicks(cpu[i])))];
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

    private static void Print(Measure endToEnd, List<Measure> stages, IngestResult result, int threads, long peakWorkingSet, long peakHeap)
    {
        var ci = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(ci,
            $"{result.Read:N0} articles, {result.Bytes / 1e6:N1} MB: stored {result.Stored - result.Duplicates:N0}, duplicates {result.Duplicates:N0}, already present {result.AlreadyPresent:N0}, failed {result.Failed:N0}; {threads} pipeline thread(s) on {Environment.ProcessorCount} core(s)"));
        var table = new Table().AddColumn("what").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("MB/s").RightAligned())
            .AddColumn(new TableColumn("articles/s").RightAligned()).AddColumn(new TableColumn("CPU s").RightAligned())
            .AddColumn(new TableColumn("MB per CPU-s").RightAligned()).AddColumn(new TableColumn("articles per CPU-s").RightAligned());
        foreach (var m in stages.Prepend(endToEnd))
        {
            table.AddRow(Markup.Escape(m.Name), F(m.Elapsed.TotalSeconds, "N2"), F(m.MBps, "N1"), F(m.ArticlesPerSecond, "N0"),
                F(m.Cpu.TotalSeconds, "N2"), F(m.MBPerCpuSecond, "N1"), F(m.ArticlesPerCpuSecond, "N0"));
        }

        AnsiConsole.Write(table);
        Console.Out.WriteLine(string.Create(ci, $"peak working set {peakWorkingSet / 1e6:N0} MB; peak GC heap {peakHeap / 1e6:N0} MB (sampled every 50 ms during the end-to-end run)"));
        Console.Out.WriteLine("stage rows: one thread, each stage timed alone over the whole corpus; CPU s is that thread's CPU time (the machine may be shared)");

        static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
    }

    private static void Log(bool json, string line)
    {
        if (json)
        {
            Console.Error.WriteLine(line);
        }
        else
        {
            Console.Out.WriteLine(line);
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

    private sealed record Measure(string Name, long Bytes, int Articles, TimeSpan Elapsed, TimeSpan Cpu)
    {
        public double MBps => Bytes / 1e6 / Math.Max(Elapsed.TotalSeconds, 1e-9);
        public double ArticlesPerSecond => Articles / Math.Max(Elapsed.TotalSeconds, 1e-9);
        public double MBPerCpuSecond => Bytes / 1e6 / Math.Max(Cpu.TotalSeconds, 1e-9);
        public double ArticlesPerCpuSecond => Articles / Math.Max(Cpu.TotalSeconds, 1e-9);

        public object ToJson() => new
        {
            name = Name,
            seconds = Elapsed.TotalSeconds,
            mbPerSecond = MBps,
            articlesPerSecond = ArticlesPerSecond,
            cpuSeconds = Cpu.TotalSeconds,
            mbPerCpuSecond = MBPerCpuSecond,
            articlesPerCpuSecond = ArticlesPerCpuSecond,
        };
    }

    /// <summary>Samples the GC heap size while a run goes on, keeping the peak.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public MemorySampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

        public long PeakHeap
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        private void Sample()
        {
            long heap = GC.GetTotalMemory(forceFullCollection: false);
            long current;
            while (heap > (current = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, heap, current) != current)
            {
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
