using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Tightrope.Ingest;

namespace Tightrope.Bench;

/// <summary>
/// Throughput of Sources.Open + Sources.ToArticle over generated inputs: a folder of plain-text files, one big JSON
/// lines file, and a folder of HTML pages (SmartReader). Run with
/// <c>dotnet run -c Release --project bench/Tightrope.Bench -- --filter *IngestBenchmarks*</c>, or the quick timing
/// with <c>-- ingest-quick [MB]</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private IngestCorpus? _corpus;

    [Params(64)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup() => _corpus = IngestCorpus.Create(Megabytes, Megabytes, Math.Max(4, Megabytes / 8));

    [GlobalCleanup]
    public void Cleanup() => _corpus?.Dispose();

    [Benchmark]
    public long TextFolder() => IngestCorpus.Ingest(_corpus!.TextFolder).Chars;

    [Benchmark]
    public long JsonLines() => IngestCorpus.Ingest(_corpus!.JsonLinesFile).Chars;

    [Benchmark]
    public long HtmlFolder() => IngestCorpus.Ingest(_corpus!.HtmlFolder).Chars;
}

/// <summary>A generated corpus in a temporary folder (no third-party text).</summary>
internal sealed class IngestCorpus : IDisposable
{
    private static readonly string[] Words =
    [
        "alliance", "Seoul", "Washington", "troops", "cost-sharing", "agreement", "defence", "minister", "summit",
        "exercise", "deterrence", "peninsula", "talks", "officials", "said", "the", "of", "and", "to", "in", "a",
        "on", "for", "with", "that", "was", "percent", "billion", "won", "dollars", "command", "wartime", "transfer",
        "sanctions", "missile", "launch", "semiconductor", "tariffs", "envoy", "statement", "joint", "forces",
    ];

    private IngestCorpus(string root) => Root = root;

    public string Root { get; }

    public string TextFolder => Path.Combine(Root, "text");

    public string HtmlFolder => Path.Combine(Root, "html");

    public string JsonLinesFile => Path.Combine(Root, "lines.jsonl");

    public static IngestCorpus Create(int textMb, int jsonMb, int htmlMb)
    {
        var corpus = new IngestCorpus(Path.Combine(Path.GetTempPath(), "tightrope-bench-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(corpus.TextFolder);
        Directory.CreateDirectory(corpus.HtmlFolder);
        var random = new Random(42);
        long target = textMb * 1024L * 1024, written = 0;
        for (int i = 0; written < target; i++)
        {
            var text = Article(random, 24_000);
            var bytes = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(corpus.TextFolder, $"{i / 1000:D3}", $"a{i:D6}.txt").EnsureFolder(), bytes);
            written += bytes.Length;
        }

        using (var jsonl = new StreamWriter(corpus.JsonLinesFile, false, new UTF8Encoding(false)))
        {
            target = jsonMb * 1024L * 1024;
            written = 0;
            for (int i = 0; written < target; i++)
            {
                var text = Article(random, 6_000);
                var line = $"{{\"title\":\"Article {i}\",\"source\":\"Bench Wire\",\"published\":\"2024-01-{1 + (i % 28):D2}\",\"text\":{System.Text.Json.JsonSerializer.Serialize(text)}}}";
                jsonl.Write(line);
                jsonl.Write('\n');
                written += line.Length + 1;
            }
        }

        target = htmlMb * 1024L * 1024;
        written = 0;
        for (int i = 0; written < target; i++)
        {
            var paragraphs = Article(random, 12_000).Split("\n\n");
            var sb = new StringBuilder();
            sb.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Article ").Append(i)
              .Append("</title><meta property=\"article:published_time\" content=\"2024-02-03T10:00:00+09:00\"><meta property=\"og:site_name\" content=\"Bench Daily\"></head><body>")
              .Append("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/politics\">Politics</a></li></ul></nav>")
              .Append("<div class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/1\">One</a></li><li><a href=\"/2\">Two</a></li></ul></div><article><h1>Headline ")
              .Append(i).Append("</h1>");
            foreach (var p in paragraphs)
            {
                sb.Append("<p>").Append(p).Append("</p>\n");
            }

            sb.Append("</article><footer>Copyright Bench Daily. All rights reserved.</footer></body></html>");
            var bytes = Encoding.UTF8.GetBytes(sb.ToString());
            File.WriteAllBytes(Path.Combine(corpus.HtmlFolder, $"p{i:D6}.html"), bytes);
            written += bytes.Length;
        }

        return corpus;
    }

    private static string Article(Random random, int chars)
    {
        var sb = new StringBuilder(chars + 200);
        while (sb.Length < chars)
        {
            int sentences = random.Next(2, 6);
            for (int s = 0; s < sentences; s++)
            {
                int words = random.Next(8, 25);
                for (int w = 0; w < words; w++)
                {
                    var word = Words[random.Next(Words.Length)];
                    sb.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                    sb.Append(w == words - 1 ? ". " : " ");
                }
            }

            sb.Append("\n\n");
        }

        return sb.ToString();
    }

    /// <summary>Reads every input and converts each document; returns bytes read, characters produced, documents and failures.</summary>
    public static (long Bytes, long Chars, int Documents, int Failures) Ingest(string input)
    {
        long bytes = 0, chars = 0;
        int docs = 0, failures = 0;
        foreach (var item in Sources.Open([input], new SourceOptions()))
        {
            if (item is SourceItem.Document d)
            {
                var article = Sources.ToArticle(d.Raw);
                bytes += d.Raw.Bytes.Length;
                chars += article.RawText.Length;
                docs++;
            }
            else
            {
                failures++;
            }
        }

        return (bytes, chars, docs, failures);
    }

    /// <summary>Quick console timing: MB/s of each input kind on one thread.</summary>
    public static void Quick(int megabytes)
    {
        Console.WriteLine($"Generating corpus: {megabytes} MB text files, {megabytes} MB JSON lines, {Math.Max(4, megabytes / 8)} MB HTML ...");
        using var corpus = Create(megabytes, megabytes, Math.Max(4, megabytes / 8));
        foreach (var (name, input) in new[] { ("text folder", corpus.TextFolder), ("json lines", corpus.JsonLinesFile), ("html folder", corpus.HtmlFolder) })
        {
            Ingest(input); // warm up (JIT, page cache)
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var (bytes, _, docs, failures) = Ingest(input);
            clock.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            double mb = bytes / (1024.0 * 1024.0);
            Console.WriteLine($"{name,-12} {mb,8:F1} MB {docs,7} docs {failures} failed  {clock.Elapsed.TotalSeconds,6:F2} s  {mb / clock.Elapsed.TotalSeconds,7:F1} MB/s wall  {mb / cpuSeconds,7:F1} MB/s per CPU-second  {docs / clock.Elapsed.TotalSeconds,8:F0} docs/s");
            GC.Collect();
            Console.WriteLine($"{"",-12} heap after: {GC.GetTotalMemory(false) / 1048576.0:F0} MB, peak working set so far: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class PathExtensions
{
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
