using System.Text;
using BenchmarkDotNet.Attributes;
using Tightrope.Clean;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Bench;

/// <summary>
/// Throughput of the clean and text stages on generated articles (about 4 MB in 5 KB articles, with the usual mess:
/// curly quotes, bylines, captions, related links, a stray tag). Single-threaded: MB/s per core = 4 MB / mean time.
/// On a busy machine prefer the CPU-time measurement: dotnet run -c Release --project bench/Tightrope.Bench -- quick 10
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

/// <summary>
/// Generates article-like English text: sentences of random words from a made-up vocabulary mixed with function
/// words, numbers, abbreviations and quotes, and the kinds of noise the cleaner removes (byline, caption, stray tag,
/// copyright line, related links, now and then a repeated paragraph).
/// </summary>
public static class ArticleGenerator
{
    private static readonly string[] Function =
    [
        "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "by", "at", "from", "its", "was", "is",
        "would", "said", "has", "their", "over", "after", "between",
    ];

    private static readonly string[] Phrases =
    [
        "U.S. officials", "at 9 a.m.", "Gen. Paul Roe", "Kim Jong-un", "28,500 troops", "$6.4 billion", "1.5192 trillion won",
        "8.3%", "“real progress”", "Seoul’s envoy", "on Sept. 19", "Mr. Park", "the No. 2 official", "South Korea-U.S. alliance",
    ];

    private static string[] Vocabulary(Random rng)
    {
        const string consonants = "bcdfghjklmnprstvwz";
        const string vowels = "aeiou";
        var words = new string[3000];
        var sb = new StringBuilder();
        for (int i = 0; i < words.Length; i++)
        {
            sb.Clear();
            int syllables = 1 + rng.Next(3);
            for (int k = 0; k < syllables; k++)
            {
                sb.Append(consonants[rng.Next(consonants.Length)]).Append(vowels[rng.Next(vowels.Length)]);
                if (rng.Next(2) == 0)
                {
                    sb.Append(consonants[rng.Next(consonants.Length)]);
                }
            }

            words[i] = sb.ToString();
        }

        return words;
    }

    public static string[] Generate(int seed, int totalChars)
    {
        var rng = new Random(seed);
        var vocabulary = Vocabulary(rng);
        var list = new List<string>();
        int total = 0;
        var sb = new StringBuilder();
        var paragraph = new StringBuilder();
        while (total < totalChars)
        {
            sb.Clear();
            sb.Append("Allies Weigh Troop Costs Ahead of Talks\n\n");
            if (rng.Next(3) == 0)
            {
                sb.Append("[Text/Example Daily correspondent Jane Roe]\n\n");
            }

            string? first = null;
            int paragraphs = 6 + rng.Next(6);
            for (int p = 0; p < paragraphs; p++)
            {
                paragraph.Clear();
                int sentences = 2 + rng.Next(4);
                for (int s = 0; s < sentences; s++)
                {
                    int words = 10 + rng.Next(16);
                    for (int w = 0; w < words; w++)
                    {
                        string word = rng.Next(10) switch
                        {
                            < 4 => Function[rng.Next(Function.Length)],
                            4 when rng.Next(3) == 0 => Phrases[rng.Next(Phrases.Length)],
                            _ => vocabulary[rng.Next(vocabulary.Length)],
                        };
                        if (w == 0)
                        {
                            paragraph.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                        }
                        else
                        {
                            paragraph.Append(' ').Append(word);
                        }

                        if (w > 2 && w < words - 2 && rng.Next(12) == 0)
                        {
                            paragraph.Append(',');
                        }
                    }

                    paragraph.Append(rng.Next(10) == 0 ? "? " : ". ");
                }

                if (rng.Next(12) == 0)
                {
                    paragraph.Append("< p > ");
                }

                first ??= paragraph.ToString();
                sb.Append(paragraph).Append("\n\n");
                if (rng.Next(15) == 0)
                {
                    sb.Append("File photo: Soldiers march during a ceremony in the capital. Example Agency\n\n");
                }
            }

            if (rng.Next(5) == 0)
            {
                sb.Append(first).Append("\n\n");
            }

            sb.Append("BY JANE ROE [jane.roe@example.com]\nCopyright © Example Daily. All rights reserved.\n");
            for (int l = 0; l < 4; l++)
            {
                sb.Append("- ").Append(char.ToUpperInvariant(vocabulary[rng.Next(vocabulary.Length)][0]))
                    .Append(" chief visits ").Append(vocabulary[rng.Next(vocabulary.Length)]).Append(" ahead of drills\n");
            }

            var text = sb.ToString();
            list.Add(text);
            total += text.Length;
        }

        return [.. list];
    }
}
