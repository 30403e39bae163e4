using System.Diagnostics;
using System.Text;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Bench;

/// <summary>
/// What the cleaned texts of duplicates would cost packed against their original's text: the corpus through the
/// foundation pipeline and into a scratch store (which decides the duplicates, not timed), then each duplicate's text
/// packed by this thread's CPU time with zstd (level 3, as the store) three ways: without a dictionary, with a
/// dictionary trained on 512 texts (as the store trains one), and with the original's text as a raw-content
/// dictionary (a near-copy is then mostly references into its original). Prints bytes and CPU seconds of packing and
/// unpacking; nothing is changed in the store.
/// </summary>
internal static class DuplicateTextQuick
{
    private const int Level = 3;

    public static void Run(string folder, int limit)
    {
        var knowledgeFolder = KnowledgeLoader.FindDefaultFolder()!;
        var builder = TightropePipeline.CreateBuilder(new PipelineOptions { Knowledge = KnowledgeLoader.Load(knowledgeFolder), KnowledgeFolder = knowledgeFolder });
        foreach (var stage in builder.Build().Stages.Where(s => s.Name is not ("clean" or "text" or "dedup")))
        {
            builder.Remove(stage.Name);
        }

        var pipeline = builder.Build();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(limit).ToList();
        var articles = files.Select(f => pipeline.Process(Tightrope.Ingest.Sources.ToArticle(new Tightrope.Ingest.RawDocument(f, File.ReadAllBytes(f), "txt", new ArticleMetadata { Title = Path.GetFileName(f), Origin = f })))).ToList();
        var db = Path.Combine(Path.GetTempPath(), "tightrope-duptext-" + Guid.NewGuid().ToString("N") + ".db");
        var pairs = new List<(byte[] Text, byte[] Original)>();
        try
        {
            using (var store = ArticleStore.Open(db))
            {
                var outcomes = new List<SaveOutcome>();
                foreach (var chunk in articles.Chunk(1024))
                {
                    outcomes.AddRange(store.SaveMany(chunk));
                }

                var texts = articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
                for (int i = 0; i < articles.Count; i++)
                {
                    if (outcomes[i] == SaveOutcome.Duplicate && articles[i].DuplicateOf is { } of && texts.TryGetValue(of, out var original))
                    {
                        pairs.Add((Encoding.UTF8.GetBytes(articles[i].Text), Encoding.UTF8.GetBytes(original)));
                    }
                }
            }
        }
        finally
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }

        long input = files.Sum(f => new FileInfo(f).Length);
        long raw = pairs.Sum(p => (long)p.Text.Length);
        Console.WriteLine(FormattableString.Invariant($"{articles.Count:N0} articles, {input / 1e6:N1} MB; {pairs.Count:N0} duplicates, their cleaned texts {raw / 1e6:N2} MB (UTF-8)"));
        if (pairs.Count == 0)
        {
            return;
        }

        var samples = articles.Take(512).Select(a => Encoding.UTF8.GetBytes(a.Text)).ToList();
        byte[]? trained = null;
        try
        {
            trained = ZstdSharp.DictBuilder.TrainFromBuffer(samples, 64 * 1024).ToArray();
        }
        catch (ZstdSharp.ZstdException)
        {
            Console.WriteLine("  (zstd could not train a dictionary on these texts: the store packs them without one)");
        }

        for (int round = 0; round < 2; round++)
        {
            Console.WriteLine($"round {round + 1}:");
            Measure("zstd, no dictionary", pairs, _ => null);
            if (trained is not null)
            {
                Measure("zstd, trained dictionary (64 KB)", pairs, _ => trained);
            }

            Measure("zstd, the original's text as dictionary", pairs, p => p.Original);
        }
    }

    private static void Measure(string name, List<(byte[] Text, byte[] Original)> pairs, Func<(byte[] Text, byte[] Original), byte[]?> dictionaryOf)
    {
        var packed = new List<byte[]>(pairs.Count);
        using var plain = new ZstdSharp.Compressor(Level);
        ZstdSharp.Compressor? shared = null;
        double c0 = StoreQuick.ThreadCpu();
        foreach (var pair in pairs)
        {
            var dictionary = dictionaryOf(pair);
            if (dictionary is null)
            {
                packed.Add(plain.Wrap(pair.Text).ToArray());
                continue;
            }

            if (ReferenceEquals(dictionary, pair.Original))
            {
                // A dictionary of its own for every duplicate: loading it is part of the cost.
                using var own = new ZstdSharp.Compressor(Level);
                own.LoadDictionary(dictionary);
                packed.Add(own.Wrap(pair.Text).ToArray());
                continue;
            }

            if (shared is null)
            {
                shared = new ZstdSharp.Compressor(Level);
                shared.LoadDictionary(dictionary);
            }

            packed.Add(shared.Wrap(pair.Text).ToArray());
        }

        double pack = StoreQuick.ThreadCpu() - c0;
        shared?.Dispose();
        using var plainReader = new ZstdSharp.Decompressor();
        ZstdSharp.Decompressor? sharedReader = null;
        double d0 = StoreQuick.ThreadCpu();
        for (int i = 0; i < pairs.Count; i++)
        {
            var dictionary = dictionaryOf(pairs[i]);
            byte[] back;
            if (dictionary is null)
            {
                back = plainReader.Unwrap(packed[i]).ToArray();
            }
            else if (ReferenceEquals(dictionary, pairs[i].Original))
            {
                using var own = new ZstdSharp.Decompressor();
                own.LoadDictionary(dictionary);
                back = own.Unwrap(packed[i]).ToArray();
            }
            else
            {
                if (sharedReader is null)
                {
                    sharedReader = new ZstdSharp.Decompressor();
                    sharedReader.LoadDictionary(dictionary);
                }

                back = sharedReader.Unwrap(packed[i]).ToArray();
            }

            if (!back.AsSpan().SequenceEqual(pairs[i].Text))
            {
                throw new InvalidOperationException($"{name}: text {i} did not come back");
            }
        }

        double unpack = StoreQuick.ThreadCpu() - d0;
        sharedReader?.Dispose();
        long bytes = packed.Sum(p => (long)p.Length);
        long raw = pairs.Sum(p => (long)p.Text.Length);
        Console.WriteLine(FormattableString.Invariant(
            $"  {name,-42} {bytes / 1e6,8:N3} MB ({bytes / (double)raw,6:P1} of the texts, {bytes / (double)pairs.Count,7:N0} B a duplicate)  pack {pack,6:N3} CPU s  unpack {unpack,6:N3} CPU s"));
    }
}
