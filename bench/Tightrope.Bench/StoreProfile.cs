using Microsoft.Data.Sqlite;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Bench;

/// <summary>
/// Where the store row's CPU goes, for the full or the foundation pipeline: the corpus through the pipeline (not
/// timed), then by this thread's CPU time: packing (both forms), the write over SQLite, and apart from the store the
/// parts it is made of — zstd on the layers and texts (a dictionary trained on 512 of them), the full-text index as
/// the store defines it and with detail=column, plain inserts of the rows.
/// </summary>
internal static class StoreProfile
{
    public static void Run(string folder, int limit, string kind)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(limit).ToList();
        var knowledgeFolder = KnowledgeLoader.FindDefaultFolder()!;
        var builder = TightropePipeline.CreateBuilder(new PipelineOptions { Knowledge = KnowledgeLoader.Load(knowledgeFolder), KnowledgeFolder = knowledgeFolder });
        if (kind is "foundation" or "fts")
        {
            foreach (var stage in builder.Build().Stages.Where(s => s.Name is not ("clean" or "text" or "dedup")))
            {
                builder.Remove(stage.Name);
            }
        }

        var pipeline = builder.Build();
        var articles = files.Select(f => pipeline.Process(Tightrope.Ingest.Sources.ToArticle(new Tightrope.Ingest.RawDocument(f, File.ReadAllBytes(f), "txt", new ArticleMetadata { Title = Path.GetFileName(f), Origin = f })))).ToList();
        long bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"{kind}: {articles.Count} articles, {bytes / 1e6:N1} MB, stages {string.Join(' ', pipeline.Stages.Select(s => s.Name))}");
        if (kind == "fts")
        {
            // The index alone over more text, as the store defines it and with fewer merges (same index contents).
            for (int round = 0; round < 2; round++)
            {
                Fts(articles, bytes, $"fts5 as stored ({round + 1})", "", "");
                Fts(articles, bytes, $"fts5 automerge=8 ({round + 1})", "", "INSERT INTO f(f, rank) VALUES('automerge', 8);");
                Fts(articles, bytes, $"fts5 automerge=16 ({round + 1})", "", "INSERT INTO f(f, rank) VALUES('automerge', 16);");
                Fts(articles, bytes, $"fts5 pgsz=16000 ({round + 1})", "", "INSERT INTO f(f, rank) VALUES('pgsz', 16000);");
            }

            return;
        }

        var layers = TightropePipeline.Layers;
        for (int round = 0; round < 2; round++)
        {
            var db = Path.Combine(Path.GetTempPath(), "tightrope-storeprofile-" + Guid.NewGuid().ToString("N") + ".db");
            using (var store = ArticleStore.Open(db))
            {
                var prepared = new List<PreparedArticle>(articles.Count);
                Measure($"prepare, both forms ({round + 1})", bytes, () => prepared.AddRange(articles.Select(store.Prepare)));
                Measure($"write ({round + 1})", bytes, () =>
                {
                    foreach (var chunk in prepared.Chunk(1024))
                    {
                        store.SaveMany(chunk);
                    }
                });
            }

            Console.WriteLine($"  store file {new FileInfo(db).Length / 1e6 + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length / 1e6 : 0):N1} MB");
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }

        var blobs = articles.Select(a => LayerPack.Pack(a, layers, false)).ToList();
        Measure("pack layers (original form)", bytes, () => blobs = [.. articles.Select(a => LayerPack.Pack(a, layers, false))]);
        Console.WriteLine($"  layers {blobs.Sum(b => (long)b.Length) / 1e6:N2} MB");
        foreach (var layer in layers)
        {
            long size = 0;
            Measure($"  pack {layer.Name}", bytes, () => size = articles.Sum(a => (long)LayerPack.Pack(a, [layer], false).Length));
            Console.WriteLine($"    {layer.Name}: {size / 1e6:N2} MB, {articles.Sum(a => (long)layer.Count(a)) / (double)articles.Count:N1} rows an article");
        }

        var texts = articles.Select(a => System.Text.Encoding.UTF8.GetBytes(a.Text)).ToList();
        foreach (var (what, items) in new[] { ("layers", blobs), ("texts", texts) })
        {
            byte[] dict = [];
            Measure($"zstd train {what}", bytes, () => dict = ZstdSharp.DictBuilder.TrainFromBufferFastCover(items.Take(512), new ZstdSharp.Unsafe.ZDICT_fastCover_params_t
            {
                k = 1024, d = 8, f = 20, steps = 1, accel = 1, splitPoint = 1.0,
                zParams = new ZstdSharp.Unsafe.ZDICT_params_t { compressionLevel = 3 },
            }, 64 * 1024).ToArray());
            using var compressor = new ZstdSharp.Compressor(3);
            compressor.LoadDictionary(dict);
            long outBytes = 0;
            Measure($"zstd {what} l3 dict", bytes, () => outBytes = items.Sum(b => (long)compressor.Wrap(b).Length));
            Console.WriteLine($"  {what}: {items.Sum(b => (long)b.Length) / 1e6:N2} → {outBytes / 1e6:N2} MB");
        }

        Fts(articles, bytes, "fts5 as stored (detail=full)", "", "");
        Fts(articles, bytes, "fts5 detail=column", ", detail=column", "");
    }

    private static void Fts(List<Article> articles, long bytes, string name, string options, string configure)
    {
        var db = Path.Combine(Path.GetTempPath(), "tightrope-fts-" + Guid.NewGuid().ToString("N") + ".db");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using (var setup = c.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t (seq INTEGER PRIMARY KEY, title TEXT, text TEXT); " +
                    $"CREATE VIRTUAL TABLE f USING fts5(title, text, content='t', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'{options}); {configure}";
                setup.ExecuteNonQuery();
            }

            Measure(name, bytes, () =>
            {
                int seq = 0;
                foreach (var chunk in articles.Chunk(1024))
                {
                    using var tx = c.BeginTransaction();
                    using var insert = c.CreateCommand();
                    insert.Transaction = tx;
                    insert.CommandText = "INSERT INTO f (rowid, title, text) VALUES ($s, $t, $x)";
                    var s = insert.Parameters.Add("$s", SqliteType.Integer);
                    var t = insert.Parameters.Add("$t", SqliteType.Text);
                    var x = insert.Parameters.Add("$x", SqliteType.Text);
                    foreach (var a in chunk)
                    {
                        s.Value = ++seq;
                        t.Value = (object?)a.Metadata.Title ?? DBNull.Value;
                        x.Value = a.Text;
                        insert.ExecuteNonQuery();
                    }

                    tx.Commit();
                }
            });
        }

        Console.WriteLine($"  index {new FileInfo(db).Length / 1e6 + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length / 1e6 : 0):N1} MB");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }.Where(File.Exists))
        {
            File.Delete(f);
        }
    }

    private static void Measure(string name, long bytes, Action action)
    {
        var cpu = StoreQuick.ThreadCpu();
        action();
        double s = StoreQuick.ThreadCpu() - cpu;
        Console.WriteLine($"{name,-34} cpu {s,7:N2} s  {bytes / 1e6 / s,8:N1} MB/s per core");
    }
}
