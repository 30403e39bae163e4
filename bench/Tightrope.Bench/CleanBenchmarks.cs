using System.Text;
using BenchmarkDotNet.Attributes;
using Tightrope.Clean;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Bench;

/// <summary>
/// Throughput of the clean and text stages on generated articles (about 4 MB in 5 KB articles, with the usual mess:
/// curly quotes, bylines, captions, related links, a stray tag). MB/s = 4 MB / mean time; divide by nothing: one core.
/// Run: dotnet run -c Release --project bench/Tightrope.Bench -- --filter '*CleanBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class CleanBenchmarks
{
    private string[] _articles = [];
    private Article[] _cleaned = [];

    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _articles = ArticleGenerator.Generate(seed: 7, totalChars: 4_000_000);
        Bytes = _articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a));
        var clean = new CleanStage();
        _cleaned = [.. _articles.Select(a =>
        {
            var art = new Article("b", a, new ArticleMetadata());
            clean.Process(art);
            return art;
        })];
    }

    [Benchmark]
    public int Clean()
    {
        var stage = new CleanStage();
        int n = 0;
        foreach (var raw in _articles)
        {
            var a = new Article("b", raw, new ArticleMetadata());
            stage.Process(a);
            n += a.Text.Length;
        }

        return n;
    }

    [Benchmark]
    public int Text()
    {
        var stage = new TextStage();
        int n = 0;
        foreach (var a in _cleaned)
        {
            stage.Process(a);
            n += a.Tokens.Count;
        }

        return n;
    }

    [Benchmark]
    public int CleanAndText()
    {
        var clean = new CleanStage();
        var text = new TextStage();
        int n = 0;
        foreach (var raw in _articles)
        {
            var a = new Article("b", raw, new ArticleMetadata());
            clean.Process(a);
            text.Process(a);
            n += a.Tokens.Count;
        }

        return n;
    }
}

/// <summary>Generates article-like English text with the kinds of noise the cleaner removes.</summary>
public static class ArticleGenerator
{
    private static readonly string[] Subjects =
    [
        "The defense ministry", "Negotiators in Seoul", "U.S. officials", "Gen. Paul Roe", "The foreign minister",
        "Lawmakers of the ruling party", "Kim Jong-un", "The allies", "Analysts at the institute", "Mr. Park",
    ];

    private static readonly string[] Verbs =
    [
        "said on Tuesday that", "argued that", "warned that", "told reporters at 9 a.m. that", "noted in a statement that",
        "confirmed that", "suggested that",
    ];

    private static readonly string[] Clauses =
    [
        "the cost of stationing 28,500 troops would rise by 8.3% next year",
        "the agreement worth about $6.4 billion was still under review",
        "the drills would go ahead at a reduced scale",
        "talks on the 12th cost-sharing deal had made “real progress”",
        "Seoul’s contribution would reach 1.5192 trillion won",
        "the exchange rate had fallen to a two-year low",
        "the summit in Singapore could be repeated",
        "the chip plant in Texas would open in 2026",
    ];

    public static string[] Generate(int seed, int totalChars)
    {
        var rng = new Random(seed);
        var list = new List<string>();
        int total = 0;
        var sb = new StringBuilder();
        while (total < totalChars)
        {
            sb.Clear();
            sb.Append("Allies Weigh Troop Costs Ahead of Talks\n\n");
            if (rng.Next(3) == 0)
            {
                sb.Append("[Text/Example Daily correspondent Jane Roe]\n\n");
            }

            int paragraphs = 6 + rng.Next(6);
            for (int p = 0; p < paragraphs; p++)
            {
                int sentences = 2 + rng.Next(4);
                for (int s = 0; s < sentences; s++)
                {
                    sb.Append(Subjects[rng.Next(Subjects.Length)]).Append(' ')
                        .Append(Verbs[rng.Next(Verbs.Length)]).Append(' ')
                        .Append(Clauses[rng.Next(Clauses.Length)]);
                    if (rng.Next(4) == 0)
                    {
                        sb.Append(", and ").Append(Clauses[rng.Next(Clauses.Length)]);
                    }

                    sb.Append(rng.Next(10) == 0 ? "? " : ". ");
                }

                if (rng.Next(12) == 0)
                {
                    sb.Append("< p > ");
                }

                sb.Append("\n\n");
                if (rng.Next(15) == 0)
                {
                    sb.Append("File photo: Soldiers march during a ceremony in the capital. Example Agency\n\n");
                }
            }

            sb.Append("BY JANE ROE [jane.roe@example.com]\nCopyright © Example Daily. All rights reserved.\n");
            for (int l = 0; l < 4; l++)
            {
                sb.Append("- Navy chief visits port city ahead of drills number ").Append(l).Append('\n');
            }

            var text = sb.ToString();
            list.Add(text);
            total += text.Length;
        }

        return [.. list];
    }
}
