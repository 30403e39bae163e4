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
internal static partial class BenchCommand
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

    private sealed class IngestProgressReporter(IStepProgress progress) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => progress.Advance(value.Bytes);
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
