using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Bench;

/// <summary>
/// The actors stage on the seed articles (read from ../shared at run time). Run with
/// <c>dotnet run -c Release --project bench/Tightrope.Bench -- --filter *ActorsBenchmarks*</c>, or
/// <c>-- actors-quick</c> for a few-second CPU-time measurement.
/// </summary>
[MemoryDiagnoser]
public class ActorsBenchmarks
{
    private ActorsStage _stage = null!;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup() => (_stage, _texts) = Load();

    internal static (ActorsStage Stage, string[] Texts) Load()
    {
        var knowledge = BenchSetup.Knowledge();
        var seeds = FindSeeds();
        var texts = seeds is null ? [] : Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        return (new ActorsStage(knowledge, new DateOnly(2024, 11, 8)), texts);
    }

    /// <summary>The Text stage runs first, as in the pipeline: the actors stage reads its tokens.</summary>
    private static readonly TextStage Text = new();

    [Benchmark]
    public int SeedArticles()
    {
        int n = 0;
        foreach (var t in _texts)
        {
            var a = new Article("b", t, new ArticleMetadata());
            Text.Process(a);
            _stage.Process(a);
            n += a.Mentions.Count;
        }

        return n;
    }

    /// <summary>Processes the seeds for about three seconds of CPU time and prints MB/s per core.</summary>
    internal static void Quick()
    {
        var (stage, texts) = Load();
        long chars = texts.Sum(t => (long)t.Length);
        var articles = texts.Select(t =>
        {
            var a = new Article("b", t, new ArticleMetadata());
            Text.Process(a);
            return a;
        }).ToArray();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        int rounds = 0;
        while ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds < 3)
        {
            foreach (var a in articles)
            {
                a.Mentions.Clear();
                stage.Process(a);
            }

            rounds++;
        }

        var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"actors stage: {rounds * chars / seconds / 1e6:0.0} M chars per CPU-second ({rounds} rounds of {texts.Length} articles, {chars:N0} chars)");

        var sw = Stopwatch.StartNew();
        for (int r = 0; r < 50; r++)
        {
            foreach (var t in texts)
            {
                _ = WordTokens.Split(t); // the character scan that knowledge-base names go through
            }
        }

        Console.WriteLine($"  tokenising alone: {50 * chars / sw.Elapsed.TotalSeconds / 1e6:0.0} M chars per second");
        string[] spans = ["Diplomacy Gets Out", "Other Allied Congresses", "Indo-Pacific Strategy", "Kim Minsu", "Park Jiwoo Lee"];
        sw.Restart();
        for (int r = 0; r < 2000; r++)
        {
            foreach (var sp in spans)
            {
                _ = stage.Bridge.Match(sp);
            }
        }

        Console.WriteLine($"  bridge: {sw.Elapsed.TotalMilliseconds * 1000 / (2000 * spans.Length):0.0} µs per capitalised span");
    }

    private static string? FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
