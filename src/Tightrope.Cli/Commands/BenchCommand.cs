using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Tightrope.Storage.Sqlite;
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
        var size = new Option<string>("--size") { Description = "Corpus size to generate: 100MB, 1GB, 500KB", DefaultValueFactory = _ => "100MB", HelpName = "SIZE" };
        var dir = new Option<string?>("--articles-dir") { Description = "Folder of the corpus: generated there when empty or missing, read as it is otherwise (default: a temporary folder, deleted after)", HelpName = "DIR" };
        var threads = new Option<int?>("--threads") { Description = "Pipeline threads for the end-to-end run (default: one per core)", HelpName = "N" };
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
            HelpName = "N",
        };
        var batch = new Option<int>("--batch")
        {
            Description = "Articles written in one transaction in the end-to-end run",
            DefaultValueFactory = _ => new IngestOptions().BatchSize,
            HelpName = "N",
        };
        var cache = new Option<int>("--cache-mb")
        {
            Description = "SQLite page cache of the writer, in MB",
            DefaultValueFactory = _ => new SqliteStoreOptions().CacheMegabytes,
            HelpName = "MB",
        };
        var peers = new Option<bool>("--peers")
        {
            Description = "Also time compromise (npm) extracting people, organisations and places from the same files, next to the actors stage (needs Node.js)",
        };
        var peersDir = new Option<string?>("--peers-dir")
        {
            Description = $"Folder where compromise is installed (npm install --prefix DIR compromise; default: ${CompromisePeer.EnvVar}, else {CompromisePeer.DefaultDir})",
            HelpName = "DIR",
        };
        var command = new Command("bench", """
            Measure throughput: ingest a deterministic synthetic corpus end to end (read, pipeline, store), then each
            stage alone. The store is a temporary file unless --db is given. On a terminal, progress is shown while it runs.
            """)
        {
            size, dir, threads, skipStages, pipelineKind, warmup, batch, cache, peers, peersDir,
        };
        command.SetAction((parse, ct) => RunAsync(parse, new BenchOptions(size, dir, threads, skipStages, pipelineKind, warmup, batch, cache, peers, peersDir), ct));
        return command;
    }

    private sealed record BenchOptions(
        Option<string> Size, Option<string?> Dir, Option<int?> Threads, Option<bool> NoStages, Option<string> Pipeline, Option<int> Warmup, Option<int> Batch, Option<int> Cache,
        Option<bool> Peers, Option<string?> PeersDir);

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
        try
        {
            var outcome = await StepProgress.RunAsync(json, progress => MeasureAsync(parse, o, size, threads, scratch, progress, ct)).ConfigureAwait(false);

            Report(outcome, threads, json);
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

    /// <summary>What a bench run measured: the runs of each pipeline, and the peers when asked for.</summary>
    private sealed record BenchOutcome(string Corpus, List<RunReport> Runs, PeerReport? Peers);

    private static async Task<BenchOutcome> MeasureAsync(ParseResult parse, BenchOptions o, long size, int threads, string scratch, IStepProgress progress, CancellationToken ct)
    {
        var corpus = parse.GetValue(o.Dir) ?? Path.Combine(scratch, "corpus");
        var dbResult = parse.GetResult(CommonOptions.Db);
        bool useGivenDb = dbResult is not null && !dbResult.Implicit;
        var db = useGivenDb ? parse.GetValue(CommonOptions.Db)! : Path.Combine(scratch, "bench.db");
        PrepareCorpus(corpus, size, progress);
        long corpusBytes = progress.Live ? CorpusBytes(corpus) : 0;

        var (runs, full) = Pipelines(parse, parse.GetValue(o.Pipeline)!);
        if (parse.GetValue(o.Warmup) is > 0 and var warm)
        {
            progress.Start($"warm-up ({warm:N0} documents)", 0);
            var w = Stopwatch.StartNew();
            await WarmUpAsync(corpus, full, Path.Combine(scratch, "warmup.db"), warm, ct).ConfigureAwait(false);
            progress.Log(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warm:N0} documents through the full pipeline and a scratch store in {w.Elapsed.TotalSeconds:N1} s (not counted)"));
        }

        if (useGivenDb && File.Exists(db))
        {
            progress.Log($"note: {db} exists; articles already in it are skipped");
        }

        var reports = new List<RunReport>();
        foreach (var (name, pipeline) in runs)
        {
            var runDb = useGivenDb ? db : Path.Combine(scratch, $"bench-{name}.db");
            progress.Start($"end to end ({name})", corpusBytes);
            reports.Add(await EndToEndAsync(name, corpus, pipeline, runDb, threads, parse.GetValue(o.Batch), parse.GetValue(o.Cache), progress, ct).ConfigureAwait(false));
            if (!parse.GetValue(o.NoStages))
            {
                progress.Start($"each stage alone ({name})", corpusBytes);
                reports[^1] = reports[^1] with { Stages = TimeStages(corpus, pipeline, Path.Combine(scratch, $"stages-{name}.db"), progress, ct) };
            }
        }

        PeerReport? peers = null;
        if (parse.GetValue(o.Peers))
        {
            var peersDir = parse.GetValue(o.PeersDir) ?? CompromisePeer.ConfiguredDir();
            progress.Start("compromise (npm) on the same files", corpusBytes);
            peers = await CompromisePeer.RunAsync(peersDir, corpus, scratch, progress, ct).ConfigureAwait(false);
        }

        return new BenchOutcome(corpus, reports, peers);
    }

    private static void PrepareCorpus(string corpus, long size, IStepProgress progress)
    {
        if (!Directory.Exists(corpus) || !Directory.EnumerateFileSystemEntries(corpus).Any())
        {
            progress.Start(string.Create(CultureInfo.InvariantCulture, $"generating a {size / 1e6:N1} MB corpus"), 0);
            var gen = Stopwatch.StartNew();
            var (files, chars) = SyntheticCorpus.WriteTo(corpus, size);
            progress.Log(string.Create(CultureInfo.InvariantCulture, $"generated {files:N0} articles, {chars / 1e6:N1} M characters in {corpus} ({gen.Elapsed.TotalSeconds:N1} s)"));
        }
        else
        {
            progress.Log($"reading the corpus in {corpus}");
        }
    }

    /// <summary>The pipelines to run, foundation first, and the full pipeline (the warm-up runs it whichever are timed).</summary>
    private static (List<(string Name, ArticlePipeline Pipeline)> Runs, ArticlePipeline Full) Pipelines(ParseResult parse, string kind)
    {
        var knowledge = StoreCommandSupport.LoadKnowledge(parse);
        var builder = TightropePipeline.CreateBuilder(new PipelineOptions { Knowledge = knowledge });
        var full = builder.Build();
        foreach (var stage in full.Stages.Where(st => !FoundationStages.Contains(st.Name, StringComparer.Ordinal)))
        {
            builder.Remove(stage.Name);
        }

        var foundation = builder.Build();
        var runs = new List<(string Name, ArticlePipeline Pipeline)>();
        if (kind is "foundation" or "both")
        {
            runs.Add(("foundation", foundation));
        }

        if (kind is "full" or "both")
        {
            runs.Add(("full", full));
        }

        return (runs, full);
    }

    private static long CorpusBytes(string corpus) =>
        Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

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

    private static readonly int StageBatch = new IngestOptions().BatchSize;

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

    /// <summary>Runs the first documents of the corpus through the pipeline and a scratch store, so that the timed
    /// runs measure compiled code rather than the JIT's first tiers.</summary>
    private static async Task WarmUpAsync(string corpus, ArticlePipeline pipeline, string db, int documents, CancellationToken ct)
    {
        using var store = ArticleStore.Open(db);
        var runner = new IngestRunner(pipeline, store, new IngestOptions { BatchSize = 128 });
        await runner.RunAsync(Sources.Open([corpus], new SourceOptions(), ct).Take(documents), null, ct).ConfigureAwait(false);
    }

    private static async Task<RunReport> EndToEndAsync(
        string name, string corpus, ArticlePipeline pipeline, string db, int threads, int batch, int cacheMB, IStepProgress progress, CancellationToken ct)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var sampler = new MemorySampler();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var gcPause0 = GC.GetTotalPauseDuration();
        long allocated0 = GC.GetTotalAllocatedBytes(precise: false);
        int gen2 = GC.CollectionCount(2);
        IngestResult result;
        (int Foreseen, int PackedAfterAll) copies;
        using (var store = SqliteStore.Open(db, new SqliteStoreOptions { CacheMegabytes = cacheMB }))
        {
            var runner = new IngestRunner(pipeline, store, new IngestOptions { Threads = threads, BatchSize = batch });
            result = await runner.RunAsync([corpus], progress.Live ? new IngestProgressReporter(progress) : null, ct).ConfigureAwait(false);
            copies = store.CopyForecasts;
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var gcPause = GC.GetTotalPauseDuration() - gcPause0;
        gen2 = GC.CollectionCount(2) - gen2;
        var measure = new Measure($"end to end ({name})", result.Bytes, result.Read, result.Elapsed, cpu)
        {
            Allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated0,
            GcPause = GC.GetTotalPauseDuration() - gcPause0,
        };
        double storeMB = new[] { db, db + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1e6;
        return new RunReport(name, string.Join(" → ", pipeline.Stages.Select(st => st.Name)), result, measure, sampler.PeakWorkingSet, sampler.PeakHeap, storeMB)
        {
            GcPause = gcPause,
            Gen2Collections = gen2,
            ForeseenCopies = copies.Foreseen,
            CopiesPackedAfterAll = copies.PackedAfterAll,
        };
    }

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

    private sealed class IngestProgressReporter(IStepProgress progress) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => progress.Advance(value.Bytes);
    }

    /// <summary>What compromise did on the corpus: its version, what it read and found, its time.</summary>
    internal sealed record PeerResult(string Version, int Files, long Bytes, int People, int Organizations, int Places, double Seconds, double CpuSeconds)
    {
        public double? MBPerCpuSecond => CpuSeconds < Measure.Shortest.TotalSeconds ? null : Bytes / 1e6 / CpuSeconds;
    }

    /// <summary>The peer measured in the run, or why it was not.</summary>
    private sealed record PeerReport(PeerResult? Compromise, string? Missing)
    {
        /// <summary>Tightrope per CPU-second: the actors stage alone, and clean → text → actors (compromise tokenises and tags itself).</summary>
        private static (double? Actors, double? WithText) Tightrope(IEnumerable<RunReport> runs)
        {
            var stages = runs.LastOrDefault(r => r.Stages.Exists(m => m.Name == "stage 'actors'"))?.Stages;
            if (stages is null)
            {
                return (null, null);
            }

            var path = stages.Where(m => m.Name is "stage 'clean'" or "stage 'text'" or "stage 'actors'").ToList();
            var cpu = TimeSpan.FromTicks(path.Sum(m => m.Cpu.Ticks));
            return (stages.First(m => m.Name == "stage 'actors'").MBPerCpuSecond, new Measure("", path[0].Bytes, path[0].Articles, cpu, cpu).MBPerCpuSecond);
        }

        public IEnumerable<string> Describe(IEnumerable<RunReport> runs)
        {
            var ci = CultureInfo.InvariantCulture;
            if (Compromise is not { } c)
            {
                yield return $"peers: compromise was not measured: {Missing}";
                yield break;
            }

            yield return string.Create(ci, $"peers, on the same {c.Files:N0} files ({c.Bytes / 1e6:N1} MB), one thread:");
            yield return string.Create(ci,
                $"  compromise {c.Version} (people, organisations, places): {c.Seconds:N2} s, {c.CpuSeconds:N2} CPU s, {Rate(c.MBPerCpuSecond)} MB/s per core; found {c.People:N0} people, {c.Organizations:N0} organisations, {c.Places:N0} places");
            var (actors, withText) = Tightrope(runs);
            yield return actors is null
                ? "  Tightrope's actors stage was not timed in this run (it needs --pipeline full or both, without --no-stages)"
                : string.Create(ci, $"  Tightrope actors stage: {Rate(actors)} MB/s per core, {Ratio(actors, c.MBPerCpuSecond)} compromise; clean → text → actors: {Rate(withText)} MB/s per core, {Ratio(withText, c.MBPerCpuSecond)} compromise");

            static string Rate(double? v) => v is { } x ? x.ToString("N2", CultureInfo.InvariantCulture) : "—";
        }

        private static string Ratio(double? ours, double? theirs) =>
            Divide(ours, theirs) is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "×" : "—";

        private static double? Divide(double? a, double? b) => a is { } x && b is > 0 ? x / b.Value : null;

        public object ToJson(IEnumerable<RunReport> runs)
        {
            var (actors, withText) = Tightrope(runs);
            return new
            {
                compromise = Compromise is { } c ? new
                {
                    c.Version, c.Files, c.Bytes, c.People, c.Organizations, c.Places, c.Seconds, c.CpuSeconds, mbPerCpuSecond = c.MBPerCpuSecond,
                } : null,
                missing = Missing,
                actorsMbPerCpuSecond = actors,
                cleanTextActorsMbPerCpuSecond = withText,
                actorsRatio = Divide(actors, Compromise?.MBPerCpuSecond),
                cleanTextActorsRatio = Divide(withText, Compromise?.MBPerCpuSecond),
            };
        }
    }

    /// <summary>
    /// The peer of <c>bench --peers</c>: compromise (npm), run by Node.js in a child process on the corpus files, with a
    /// script written to the scratch folder. It reads each file as it is and asks for people, organisations and places;
    /// its first files run once untimed first (the JIT), then each file's extraction is timed (CPU time of the process).
    /// </summary>
    private static class CompromisePeer
    {
        public const string EnvVar = "TIGHTROPE_PEERS_DIR";

        public static readonly string DefaultDir = Path.Combine(".tightrope", "peers");

        public static string ConfiguredDir() => Environment.GetEnvironmentVariable(EnvVar) is { Length: > 0 } d ? d : DefaultDir;

        public static string InstallHint(string dir) => $"npm install --prefix {dir} compromise";

        /// <summary>Null when compromise is installed in <paramref name="dir"/>; otherwise what is missing and how to install it.</summary>
        public static string? Missing(string dir) => File.Exists(Path.Combine(dir, "node_modules", "compromise", "package.json"))
            ? null
            : $"compromise is not installed in {dir}; install it with '{InstallHint(dir)}' (needs Node.js and npm), or pass --peers-dir DIR";

        public static async Task<PeerReport> RunAsync(string dir, string corpus, string scratch, IStepProgress progress, CancellationToken ct)
        {
            if (Missing(dir) is { } missing)
            {
                return new PeerReport(null, missing);
            }

            Directory.CreateDirectory(scratch);
            var script = Path.Combine(scratch, "compromise-bench.cjs");
            var list = Path.Combine(scratch, "compromise-files.txt");
            await File.WriteAllTextAsync(script, Script, ct).ConfigureAwait(false);
            await File.WriteAllLinesAsync(list, Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal), ct).ConfigureAwait(false);
            var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(script);
            info.ArgumentList.Add(Path.GetFullPath(dir));
            info.ArgumentList.Add(list);
            Process node;
            try
            {
                node = Process.Start(info)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return new PeerReport(null, $"Node.js ('node') is not on the PATH; install Node.js and npm, then '{InstallHint(dir)}'");
            }

            using (node)
            using (ct.Register(() => node.Kill(entireProcessTree: true)))
            {
                var output = node.StandardOutput.ReadToEndAsync(ct);
                var errors = new StringBuilder();
                while (await node.StandardError.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    if (line.StartsWith("progress ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out long bytes))
                    {
                        progress.Advance(bytes);
                    }
                    else
                    {
                        errors.AppendLine(line);
                    }
                }

                await node.WaitForExitAsync(ct).ConfigureAwait(false);
                var lines = (await output.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (node.ExitCode != 0 || lines.Length == 0)
                {
                    return new PeerReport(null, $"compromise failed (node exited with {node.ExitCode}): {errors.ToString().Trim()}");
                }

                return new PeerReport(System.Text.Json.JsonSerializer.Deserialize<PeerResult>(lines[^1], StoreCommandSupport.JsonOptions), null);
            }
        }

        /// <summary>The Node.js script: argv are the folder compromise is installed in and a file listing the corpus files.</summary>
        internal const string Script = """
            'use strict';
            // Written by `tightrope bench --peers`: times compromise extracting people, organisations and places.
            const fs = require('fs');
            const path = require('path');
            const { createRequire } = require('module');
            const [dir, listFile] = process.argv.slice(2);
            const nlp = createRequire(path.join(dir, 'package.json'))('compromise');
            const version = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'compromise', 'package.json'), 'utf8')).version;
            const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(f => f.length > 0);
            const extract = text => { const doc = nlp(text); return [doc.people().length, doc.organizations().length, doc.places().length]; };
            for (const f of files.slice(0, 200)) { extract(fs.readFileSync(f, 'utf8')); }
            let bytes = 0, people = 0, organizations = 0, places = 0, cpu = 0, wall = 0n, reported = Date.now();
            for (const f of files) {
              const raw = fs.readFileSync(f);
              bytes += raw.length;
              const text = raw.toString('utf8');
              const c0 = process.cpuUsage();
              const w0 = process.hrtime.bigint();
              const [p, o, l] = extract(text);
              wall += process.hrtime.bigint() - w0;
              const c = process.cpuUsage(c0);
              cpu += c.user + c.system;
              people += p; organizations += o; places += l;
              if (Date.now() - reported > 250) { process.stderr.write(`progress ${bytes}\n`); reported = Date.now(); }
            }
            process.stdout.write(JSON.stringify({ version, files: files.length, bytes, people, organizations, places, seconds: Number(wall) / 1e9, cpuSeconds: cpu / 1e6 }) + '\n');
            """;
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
