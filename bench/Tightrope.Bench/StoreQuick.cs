using System.Diagnostics;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Bench;

/// <summary>
/// Where the store's time goes: the corpus through the full pipeline (not timed), then, by this thread's CPU time,
/// packing layers, the raw-text difference, the core store over a backend that keeps nothing, and the SQLite store.
/// </summary>
internal static class StoreQuick
{
    public static void Run(string folder, int limit, string? keep = null)
    {
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(limit).ToList();
        var kb = KnowledgeLoader.Load(KnowledgeLoader.FindDefaultFolder()!);
        var pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = kb, KnowledgeFolder = KnowledgeLoader.FindDefaultFolder() });
        var articles = files.Select((f, i) => pipeline.Process(new Article(i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(f), new ArticleMetadata { Title = Path.GetFileName(f) }))).ToList();
        long bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"{articles.Count} articles, {bytes / 1e6:N1} MB");
        var layers = TightropePipeline.Layers;
        for (int warm = 0; warm < 2; warm++)
        {
            // The first round runs partly unoptimised code (the JIT's tiers): only the second is measured.
            foreach (var a in articles.Take(3000))
            {
                LayerPack.Pack(a, layers, false);
                RawTextDiff.Encode(a.RawText, a.Text, a.Offsets);
            }
        }

        Save(new ArticleStore(new NullBackend()), articles);
        long packed = 0;
        Measure("pack layers", bytes, () => { foreach (var a in articles) { packed += LayerPack.Pack(a, layers, false).Length; } });
        Console.WriteLine($"  packed layers: {packed / 1e6:N1} MB ({packed / (double)articles.Count:N0} B an article)");
        foreach (var layer in layers)
        {
            long size = articles.Sum(a => (long)LayerPack.Pack(a, [layer], false).Length);
            long rows = articles.Sum(a => (long)layer.Count(a));
            Console.WriteLine($"    {layer.Name,-12} {size / (double)articles.Count,8:N0} B an article, {rows / (double)articles.Count,6:N1} rows, {size / (double)Math.Max(1, rows),6:N1} B a row");
        }
        var blobs = articles.Select(a => LayerPack.Pack(a, layers, false)).ToList();
        foreach (var (name, make) in new (string, Func<Stream, Stream>)[]
        {
            ("deflate fastest", o => new System.IO.Compression.DeflateStream(o, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)),
            ("brotli q1", o => new System.IO.Compression.BrotliStream(o, new System.IO.Compression.BrotliCompressionOptions { Quality = 1 }, leaveOpen: true)),
            ("brotli q3", o => new System.IO.Compression.BrotliStream(o, new System.IO.Compression.BrotliCompressionOptions { Quality = 3 }, leaveOpen: true)),
            ("brotli q4", o => new System.IO.Compression.BrotliStream(o, new System.IO.Compression.BrotliCompressionOptions { Quality = 4 }, leaveOpen: true)),
            ("brotli q5", o => new System.IO.Compression.BrotliStream(o, new System.IO.Compression.BrotliCompressionOptions { Quality = 5 }, leaveOpen: true)),
        })
        {
            long outBytes = 0;
            var ms = new MemoryStream();
            Measure(name, bytes, () =>
            {
                foreach (var b in blobs)
                {
                    ms.SetLength(0);
                    using (var z = make(ms))
                    {
                        z.Write(b);
                    }

                    outBytes += ms.Length;
                }
            });
            Console.WriteLine($"  {name}: {outBytes / (double)blobs.Sum(b => (long)b.Length):P0} of the layers");
        }

        foreach (var (what, items) in new (string, List<byte[]>)[] { ("layers", blobs), ("texts", articles.Select(a => System.Text.Encoding.UTF8.GetBytes(a.Text)).ToList()) })
        {
            foreach (int dictKb in new[] { 0, 16, 32, 64 })
            {
                byte[]? dict = null;
                if (dictKb > 0)
                {
                    Measure($"zstd train {what} {dictKb}k", bytes, () => dict = ZstdSharp.DictBuilder.TrainFromBuffer(items.Take(1024), dictKb * 1024));
                }

                foreach (int level in new[] { 1, 3 })
                {
                    long outBytes = 0;
                    using var compressor = new ZstdSharp.Compressor(level);
                    if (dict is not null)
                    {
                        compressor.LoadDictionary(dict);
                    }

                    Measure($"zstd {what} d{dictKb}k l{level}", bytes, () =>
                    {
                        foreach (var b in items)
                        {
                            outBytes += compressor.Wrap(b).Length;
                        }
                    });
                    Console.WriteLine($"  zstd {what} dict {dictKb} KB level {level}: {outBytes / 1e6:N2} MB of {items.Sum(t => (long)t.Length) / 1e6:N2}");
                }
            }
        }

        var texts = articles.Select(a => System.Text.Encoding.UTF8.GetBytes(a.Text)).ToList();
        foreach (int q in new[] { 1, 2, 3, 4, 5 })
        {
            long outBytes = 0;
            var buffer = new byte[1 << 20];
            Measure($"text brotli q{q}", bytes, () =>
            {
                foreach (var t in texts)
                {
                    System.IO.Compression.BrotliEncoder.TryCompress(t, buffer, out int n, q, 22);
                    outBytes += n;
                }
            });
            Console.WriteLine($"  text brotli q{q}: {outBytes / 1e6:N2} MB of {texts.Sum(t => (long)t.Length) / 1e6:N2}");
        }

        long diff = 0;
        Measure("raw text diff", bytes, () => { foreach (var a in articles) { diff += RawTextDiff.Encode(a.RawText, a.Text, a.Offsets)?.Length ?? 0; } });
        Console.WriteLine($"  raw diffs: {diff / 1e6:N1} MB");
        Measure("core store, null backend", bytes, () => Save(new ArticleStore(new NullBackend()), articles));
        var db = Path.Combine(Path.GetTempPath(), "tightrope-storequick-" + Guid.NewGuid().ToString("N") + ".db");
        var warmDb = db + ".warm";
        Save(ArticleStore.Open(warmDb), articles.Take(2000).ToList());
        // The machine may be shared: three fresh stores, each measured by this thread's CPU time; compare the lowest.
        for (int run = 1; run <= 3; run++)
        {
            Measure($"sqlite store, run {run}", bytes, () => Save(ArticleStore.Open(db), articles));
            Console.WriteLine($"  store file: {new[] { db, db + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1e6:N1} MB");
            if (run == 3 && keep is not null)
            {
                Keep(db, keep);
            }

            Delete(db);
        }

        Delete(warmDb);
    }

    /// <summary>
    /// What packing costs on the workers (<see cref="ArticleStore.Prepare(Article)"/>, both forms) against preparing in
    /// input order (<see cref="ArticleStore.Prepare(Article, long, Func{Article})"/>: likely copies packed as duplicates
    /// only), by this thread's CPU time, best of three rounds, and the write over SQLite after each.
    /// </summary>
    public static void Prepare(string folder, int limit)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(limit).ToList();
        var kb = KnowledgeLoader.Load(KnowledgeLoader.FindDefaultFolder()!);
        var pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = kb, KnowledgeFolder = KnowledgeLoader.FindDefaultFolder() });
        var articles = files.Select((f, i) => pipeline.Process(new Article(i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(f), new ArticleMetadata { Title = Path.GetFileName(f) }))).ToList();
        long bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"{articles.Count} articles, {bytes / 1e6:N1} MB");
        for (int round = 0; round < 3; round++)
        {
            foreach (var (name, forecast) in new[] { ("prepare, both forms", false), ("prepare in input order", true) })
            {
                var db = Path.Combine(Path.GetTempPath(), "tightrope-preparequick-" + Guid.NewGuid().ToString("N") + ".db");
                using (var store = ArticleStore.Open(db))
                {
                    var prepared = new List<PreparedArticle>(articles.Count);
                    Measure($"{name} ({round + 1})", bytes, () =>
                    {
                        for (int i = 0; i < articles.Count; i++)
                        {
                            var a = articles[i];
                            prepared.Add(forecast ? store.Prepare(a, i, () => a) : store.Prepare(a));
                        }
                    });
                    Measure($"  write ({round + 1})", bytes, () =>
                    {
                        foreach (var chunk in prepared.Chunk(1024))
                        {
                            store.SaveMany(chunk);
                        }
                    });
                    Console.WriteLine($"  likely copies {store.CopyForecasts.Foreseen:N0}, packed again {store.CopyForecasts.PackedAfterAll:N0}");
                }

                Delete(db);
            }
        }
    }

    /// <summary>
    /// Keeps the store at <paramref name="keep"/> (checkpointed: one file) for a table-by-table look with
    /// <c>bench/store_tables.py</c> (SQLite's <c>dbstat</c>, which the bundled SQLite lacks).
    /// </summary>
    private static void Keep(string db, string keep)
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        Delete(keep);
        File.Copy(db, keep);
        Console.WriteLine($"  kept as {keep}: python3 bench/store_tables.py {keep}");
    }

    private static void Delete(string db)
    {
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }.Where(File.Exists))
        {
            File.Delete(f);
        }
    }

    private static void Save(IArticleStore store, List<Article> articles)
    {
        using (store)
        {
            foreach (var chunk in articles.Chunk(1024))
            {
                foreach (var a in chunk)
                {
                    a.DuplicateOf = null;
                }

                store.SaveMany(chunk);
            }
        }
    }

    private static void Measure(string name, long bytes, Action action)
    {
        var cpu = ThreadCpu();
        var sw = Stopwatch.StartNew();
        action();
        double s = ThreadCpu() - cpu;
        Console.WriteLine($"{name,-28} cpu {s,7:N2} s  wall {sw.Elapsed.TotalSeconds,7:N2} s  {bytes / 1e6 / s,8:N1} MB/s per core");
    }

    /// <summary>This thread's CPU seconds (getrusage(RUSAGE_THREAD) on Linux; the process's elsewhere).</summary>
    internal static double ThreadCpu()
    {
        if (OperatingSystem.IsLinux() && Native.getrusage(1, out var u) == 0)
        {
            return u.UserSeconds + u.UserMicros / 1e6 + u.SystemSeconds + u.SystemMicros / 1e6;
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
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

    private sealed class NullBackend : IStoreBackend
    {
        public string Location => "null:";
        public int SchemaVersion => 0;
        public void Write(Func<StoreBatch> prepare) => prepare();
        public bool Contains(string articleId) => false;
        public StoredRecord? Get(string articleId) => null;
        public IReadOnlyList<string> IdsStartingWith(string prefix, int limit) => [];
        public string? OriginalOfTextHash(string textHash) => null;
        public void CountBandCandidates(ReadOnlySpan<long> bandKeys, int perBand, Dictionary<long, int> counts) { }
        public (string Id, byte[] Signature)? SignatureOf(long seq) => null;
        public Page<ArticleSummary> ListArticles(ArticleQuery query) => Page<ArticleSummary>.Empty;
        public Page<SearchHit> Search(string query, int limit, int offset) => Page<SearchHit>.Empty;
        public Page<KeyTotal> KeyTotals(string name, int limit, int offset) => Page<KeyTotal>.Empty;
        public KeyTotal? KeyTotal(string name, string value) => null;
        public Page<StoredRecord> ArticlesWithKey(string name, string value, ArticleOrder order, int limit, int offset) => Page<StoredRecord>.Empty;
        public IReadOnlyList<StoredRecord> ArticlesWithKeyAfter(string name, string value, long afterSeq, int limit) => [];
        public IReadOnlyList<StoredRecord> ArticlesWithKeyByDateAfter(string name, string value, DateKeyset? after, int limit) => [];
        public BackendTotals Totals() => new(0, 0, 0, null, null);
        public DateOverride? DateOverride(string articleId) => null;
        public bool WriteDate(string articleId, Tightrope.Model.ArticleDate? date, DateOverride? dateOverride) => false;
        public IReadOnlyList<ScopedRecords> Scoped(string kind) => [];
        public void ReplaceScoped(string kind, IReadOnlyList<ScopedRecords> scopes, bool all) { }
        public IReadOnlyList<string> PendingScopes(string kind) => [];
        public void Dispose() { }
    }
}
