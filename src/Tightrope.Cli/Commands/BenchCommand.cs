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
/// `tightrope bench`: generates (or reads) a synthetic corpus, ingests it end to end into a fresh store with the
/// foundation pipeline (clean, text, dedup) and with the full default pipeline, then times each stage alone over the
/// same corpus. Reports throughput (MB/s and articles/s, in total and per core, i.e. per CPU-second) and peak memory.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var size = new Option<string>("--size") { Description = "Corpus size to generate: 100MB, 1GB, 500KB", DefaultValueFactory = _ => "100MB" };
        var dir = new Option<string?>("--articles-dir") { Description = "Folder of the corpus: generated there when empty or missing, read as it is otherwise (default: a temporary folder, deleted after)" };
        var threads = new Option<int?>("--threads") { Description = "Pipeline threads for the end-to-end run (default: one per core)" };
        var skipStages = new Option<bool>("--no-stages") { Description = "Only the end-to-end run, not each stage alone" };
        var pipelineKind = new Option<string>("--pipeline")
        {
            Description = "Which pipeline: foundation (clean, text, dedup), full (every default stage), or both",
            DefaultValueFactory = _ => "both",
        };
        pipelineKind.AcceptOnlyFromAmong("foundation", "full", "both");
        var warmup = new Option<int>("--warmup")
        {
            Description = "Documents run through the pipeline and a scratch store before timing, so that the timed runs measure compiled code (0: none)",
            DefaultValueFactory = _ => 500,
        };
        var batch = new Option<int>("--batch")
        {
            Description = "Articles written in one transaction in the end-to-end run",
            DefaultValueFactory = _ => new IngestOptions().BatchSize,
        };
        var cache = new Option<int>("--cache-mb")
        {
            Description = "SQLite page cache of the writer, in MB",
            DefaultValueFactory = _ => new SqliteStoreOptions().CacheMegabytes,
        };
        var command = new Command("bench", """
            Measure throughput: ingest a deterministic synthetic corpus end to end (read, pipeline, store), then each
            stage alone. The store is a temporary file unless --db is given.
            """)
        {
            size, dir, threads, skipStages, pipelineKind, warmup, batch, cache,
        };
        command.SetAction((parse, ct) => RunAsync(parse, new BenchOptions(size, dir, threads, skipStages, pipelineKind, warmup, batch, cache), ct));
        return command;
    }

    private sealed record BenchOptions(
        Option<string> Size, Option<string?> Dir, Option<int?> Threads, Option<bool> NoStages, Option<string> Pipeline, Option<int> Warmup, Option<int> Batch, Option<int> Cache);

    /// <summary>The stages of the foundation: everything up to and including dedup.</summary>
    internal static readonly string[] FoundationStages = ["clean", "text", "dedup"];

    private static async Task<int> RunAsync(ParseResult parse, BenchOptions o, CancellationToken ct)
    {
        if (!TryParseSize(parse.GetValue(o.Size)!, out long size))
        {
            Console.Error.WriteLine($"tightrope: --size expects a size such as 100MB or 1GB, not '{parse.GetValue(o.Size)}'");
            return ExitCodes.Usage;
        }

        int threads = parse.GetValue(o.Threads) ?? Environment.ProcessorCount;
        if (threads < 1)
        {
            Console.Error.WriteLine("tightrope: --threads must be at least 1");
            return ExitCodes.Usage;
        }

        if (parse.GetValue(o.Batch) < 1 || parse.GetValue(o.Cache) < 1)
        {
            Console.Error.WriteLine("tightrope: --batch and --cache-mb must be at least 1");
            return ExitCodes.Usage;
        }

        bool json = parse.GetValue(CommonOptions.Json);
        var scratch = Path.Combine(Path.GetTempPath(), "tightrope-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var corpus = parse.GetValue(o.Dir) ?? Path.Combine(scratch, "corpus");
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
            var builder = TightropePipeline.CreateBuilder(new PipelineOptions { Knowledge = knowledge });
            var full = builder.Build();
            foreach (var stage in full.Stages.Where(st => !FoundationStages.Contains(st.Name, StringComparer.Ordinal)))
            {
                builder.Remove(stage.Name);
            }

            var foundation = builder.Build();
            var kind = parse.GetValue(o.Pipeline)!;
            var runs = new List<(string Name, ArticlePipeline Pipeline)>();
            if (kind is "foundation" or "both")
            {
                runs.Add(("foundation", foundation));
            }

            if (kind is "full" or "both")
            {
                runs.Add(("full", full));
            }

            if (parse.GetValue(o.Warmup) is > 0 and var warm)
            {
                var w = Stopwatch.StartNew();
                await WarmUpAsync(corpus, full, Path.Combine(scratch, "warmup.db"), warm, ct).ConfigureAwait(false);
                Log(json, string.Create(CultureInfo.InvariantCulture, $"warm-up: {warm:N0} documents through the full pipeline and a scratch store in {w.Elapsed.TotalSeconds:N1} s (not counted)"));
            }

            bool useGivenDb = dbResult is not null && !dbResult.Implicit;
            if (useGivenDb && File.Exists(db))
            {
                Log(json, $"note: {db} exists; articles already in it are skipped");
            }

            var reports = new List<RunReport>();
            foreach (var (name, pipeline) in runs)
            {
                var runDb = useGivenDb ? db : Path.Combine(scratch, $"bench-{name}.db");
                reports.Add(await EndToEndAsync(name, corpus, pipeline, runDb, threads, parse.GetValue(o.Batch), parse.GetValue(o.Cache), ct).ConfigureAwait(false));
                if (!parse.GetValue(o.NoStages))
                {
                    reports[^1] = reports[^1] with { Stages = TimeStages(corpus, pipeline, Path.Combine(scratch, $"stages-{name}.db"), ct) };
                }
            }

            if (json)
            {
                StoreCommandSupport.WriteJson(new
                {
                    corpus,
                    threads,
                    cores = Environment.ProcessorCount,
                    runs = reports.Select(r => r.ToJson()),
                });
            }
            else
            {
                foreach (var report in reports)
                {
                    Print(report, threads);
                }
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

    private sealed record RunReport(string Pipeline, string StageList, IngestResult Result, Measure EndToEnd, long PeakWorkingSet, long PeakHeap, double StoreMB)
    {
        public List<Measure> Stages { get; init; } = [];

        /// <summary>Time the garbage collector paused the process during the end-to-end run.</summary>
        public TimeSpan GcPause { get; init; }

        public int Gen2Collections { get; init; }

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
            stages = Stages.Select(s => s.ToJson()),
        };
    }

    /// <summary>Runs the first documents of the corpus through the pipeline and a scratch store, so that the timed
    /// runs measure compiled code rather than the JIT's first tiers.</summary>
    private static async Task WarmUpAsync(string corpus, ArticlePipeline pipeline, string db, int documents, CancellationToken ct)
    {
        using var store = ArticleStore.Open(db);
        var runner = new IngestRunner(pipeline, store, new IngestOptions { BatchSize = 128 });
        await runner.RunAsync(Sources.Open([corpus], new SourceOptions(), ct).Take(documents), null, ct).ConfigureAwait(false);
    }

    private static async Task<RunReport> EndToEndAsync(string name, string corpus, ArticlePipeline pipeline, string db, int threads, int batch, int cacheMB, CancellationToken ct)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var sampler = new MemorySampler();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var gcPause0 = GC.GetTotalPauseDuration();
        int gen2 = GC.CollectionCount(2);
        IngestResult result;
        using (var store = ArticleStore.Open(db, new SqliteStoreOptions { CacheMegabytes = cacheMB }))
        {
            var runner = new IngestRunner(pipeline, store, new IngestOptions { Threads = threads, BatchSize = batch });
            result = await runner.RunAsync([corpus], null, ct).ConfigureAwait(false);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var gcPause = GC.GetTotalPauseDuration() - gcPause0;
        gen2 = GC.CollectionCount(2) - gen2;
        var measure = new Measure($"end to end ({name})", result.Bytes, result.Read, result.Elapsed, cpu);
        double storeMB = new[] { db, db + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1e6;
        return new RunReport(name, string.Join(" → ", pipeline.Stages.Select(st => st.Name)), result, measure, sampler.PeakWorkingSet, sampler.PeakHeap, storeMB)
        {
            GcPause = gcPause,
            Gen2Collections = gen2,
        };
    }

    private static List<Measure> TimeStages(string corpus, ArticlePipeline pipeline, string db, CancellationToken ct)
    {
        var names = new List<string> { "read files", "decode" };
        names.AddRange(pipeline.Stages.Select(s => $"stage '{s.Name}'"));
        names.Add($"store ({StageBatch}/tx)");
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

    private static void Print(RunReport report, int threads)
    {
        var ci = CultureInfo.InvariantCulture;
        var result = report.Result;
        Console.Out.WriteLine();
        Console.Out.WriteLine(string.Create(ci,
            $"{report.Pipeline} pipeline ({report.StageList}): {result.Read:N0} articles, {result.Bytes / 1e6:N1} MB: stored {result.Stored - result.Duplicates:N0}, duplicates {result.Duplicates:N0}, already present {result.AlreadyPresent:N0}, failed {result.Failed:N0}; {threads} pipeline thread(s) + 1 writer on {Environment.ProcessorCount} core(s)"));
        var table = new Table().AddColumn("what").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("MB/s").RightAligned())
            .AddColumn(new TableColumn("articles/s").RightAligned()).AddColumn(new TableColumn("CPU s").RightAligned())
            .AddColumn(new TableColumn("MB/s per core").RightAligned()).AddColumn(new TableColumn("articles/s per core").RightAligned());
        foreach (var m in report.Stages.Prepend(report.EndToEnd))
        {
            table.AddRow(Markup.Escape(m.Name), F(m.Elapsed.TotalSeconds, "N2"), F(m.MBps, "N1"), F(m.ArticlesPerSecond, "N0"),
                F(m.Cpu.TotalSeconds, "N2"), F(m.MBPerCpuSecond, "N1"), F(m.ArticlesPerCpuSecond, "N0"));
        }

        AnsiConsole.Write(table);
        Console.Out.WriteLine(string.Create(ci, $"end to end: peak working set {report.PeakWorkingSet / 1e6:N0} MB, peak GC heap {report.PeakHeap / 1e6:N0} MB (sampled every 50 ms); GC pauses {report.GcPause.TotalSeconds:N2} s ({report.Gen2Collections} gen-2 collections); store file {report.StoreMB:N0} MB"));
        Console.Out.WriteLine("per core = per CPU-second of the process (end to end) or of the timing thread (stage rows: one thread, each stage timed alone over the whole corpus)");

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
        private long _peakWorkingSet;

        public MemorySampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

        public long PeakHeap
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        public long PeakWorkingSet
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peakWorkingSet);
            }
        }

        private void Sample()
        {
            Raise(ref _peak, GC.GetTotalMemory(forceFullCollection: false));
            Raise(ref _peakWorkingSet, Environment.WorkingSet);
        }

        private static void Raise(ref long peak, long value)
        {
            long current;
            while (value > (current = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, current) != current)
            {
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
