using System.Diagnostics;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Bench;

/// <summary>
/// Whether the store's cost per MB grows with the store: the corpus (in file order) through the foundation pipeline
/// and <see cref="ArticleStore.Prepare(Article, long, Func{Article})"/> (not counted), then each batch of 1,024 written
/// to one fresh SQLite store; for every <c>step</c> MB of input it prints this thread's CPU seconds of the writes (user
/// and system apart), the write's CPU per MB of the step, and the store file's size. A linear store prints the same
/// CPU per MB from the first step to the last. Optional: the writer's page cache in MB and the band keys gathered
/// before a merge (<see cref="Tightrope.Storage.Sqlite.SqliteStoreOptions"/>).
/// </summary>
internal static class StoreCurve
{
    public static void Run(string folder, long limitBytes, double stepMB, Tightrope.Storage.Sqlite.SqliteStoreOptions? sqlite = null)
    {
        var knowledgeFolder = KnowledgeLoader.FindDefaultFolder()!;
        var builder = TightropePipeline.CreateBuilder(new PipelineOptions { Knowledge = KnowledgeLoader.Load(knowledgeFolder), KnowledgeFolder = knowledgeFolder });
        foreach (var stage in builder.Build().Stages.Where(s => s.Name is not ("clean" or "text" or "dedup")))
        {
            builder.Remove(stage.Name);
        }

        var pipeline = builder.Build();
        var db = Path.Combine(Path.GetTempPath(), "tightrope-storecurve-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using var store = Tightrope.Storage.Sqlite.SqliteStore.Open(db, sqlite);
            Console.WriteLine(FormattableString.Invariant($"store options: {sqlite ?? new Tightrope.Storage.Sqlite.SqliteStoreOptions()}"));
            var batch = new List<PreparedArticle>(1024);
            long bytes = 0, stepBytes = 0, order = 0;
            double stepUser = 0, stepSystem = 0, totalUser = 0, totalSystem = 0;
            double nextStep = stepMB * 1e6;
            Console.WriteLine("  input MB | write CPU s (user, system) in the step | CPU s per MB in the step | total write CPU s | store MB");

            void Write()
            {
                var (u0, s0) = ThreadTimes();
                store.SaveMany(batch);
                var (u1, s1) = ThreadTimes();
                stepUser += u1 - u0;
                stepSystem += s1 - s0;
                batch.Clear();
            }

            void Report()
            {
                totalUser += stepUser;
                totalSystem += stepSystem;
                double size = new[] { db, db + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1e6;
                Console.WriteLine(FormattableString.Invariant(
                    $"{bytes / 1e6,10:N0} | {stepUser + stepSystem,8:N2} ({stepUser:N2}, {stepSystem:N2}) | {(stepUser + stepSystem) / (stepBytes / 1e6),8:N4} | {totalUser + totalSystem,8:N2} | {size,8:N0}"));
                stepUser = stepSystem = 0;
                stepBytes = 0;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var raw = new Tightrope.Ingest.RawDocument(file, File.ReadAllBytes(file), "txt", new ArticleMetadata { Title = Path.GetFileName(file), Origin = file });
                var article = pipeline.Process(Tightrope.Ingest.Sources.ToArticle(raw));
                batch.Add(store.Prepare(article, order++, () => pipeline.Process(Tightrope.Ingest.Sources.ToArticle(raw))));
                bytes += raw.Bytes.Length;
                stepBytes += raw.Bytes.Length;
                if (batch.Count == 1024)
                {
                    Write();
                }

                if (bytes >= nextStep)
                {
                    if (batch.Count > 0)
                    {
                        Write();
                    }

                    Report();
                    nextStep += stepMB * 1e6;
                }

                if (bytes >= limitBytes)
                {
                    break;
                }
            }

            if (batch.Count > 0)
            {
                Write();
            }

            if (stepBytes > 0)
            {
                Report();
            }
        }
        finally
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>This thread's user and system CPU seconds (getrusage(RUSAGE_THREAD)).</summary>
    private static (double User, double System) ThreadTimes()
    {
        if (OperatingSystem.IsLinux() && Native.getrusage(1, out var u) == 0)
        {
            return (u.UserSeconds + u.UserMicros / 1e6, u.SystemSeconds + u.SystemMicros / 1e6);
        }

        return (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, 0);
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs not read here.</summary>
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
