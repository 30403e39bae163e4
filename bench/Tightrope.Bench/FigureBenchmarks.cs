using System.Text;
using BenchmarkDotNet.Attributes;
using Tightrope.Figures;
using Tightrope.Figures.Recognition;
using Tightrope.Model;

namespace Tightrope.Bench;

/// <summary>
/// The figures stage alone on generated news-like text (about 1 MB, numbers in every form at news density).
/// Throughput = text length / mean time. Run: dotnet run -c Release --project bench/Tightrope.Bench -- --filter *FigureBenchmarks*
/// </summary>
[MemoryDiagnoser]
public class FigureBenchmarks
{
    private string _text = "";
    private FiguresStage _stage = null!;
    private Article _article = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = FigureText.Generate(1_000_000, seed: 7);
        var folder = Knowledge.KnowledgeLoader.FindDefaultFolder();
        _stage = FiguresStage.FromFolder(folder);
        // The stage reads the Text stage's sentences: made once, outside the timed part.
        _article = new Article("bench", _text, new ArticleMetadata { Published = new DateOnly(2024, 11, 8) });
        new Tightrope.Text.TextStage().Process(_article);
    }

    [Benchmark]
    public int NumberExtractor() => Tightrope.Figures.Recognition.NumberExtractor.Extract(_text).Count;

    [Benchmark]
    public int Recognizer() => FigureRecognizer.Recognize(_text).Count;

    [Benchmark]
    public int Stage()
    {
        _stage.Process(_article);
        return _article.Figures.Count;
    }
}

/// <summary>Generated text for figure benchmarks: template sentences with numbers in every form, no third-party text.</summary>
public static class FigureText
{
    private static readonly string[] Templates =
    [
        "Officials said the {0} talks ended without agreement on Tuesday after {1} hours of discussion.",
        "Seoul agreed to pay {2} trillion won (about ${3} billion) under the cost-sharing deal in {4}.",
        "Roughly {5} US troops remain stationed in South Korea, the ministry said.",
        "Approval of the president fell to {6}% in the latest poll, down {7} percentage points.",
        "Exports of chips to China rose {8}% from a year earlier, to {9} billion dollars.",
        "The navy deployed {10} destroyers and more than {11} aircraft near the peninsula.",
        "Nearly two-thirds of respondents backed the alliance, while one in {12} opposed it.",
        "The ministers met on November {13} in Washington and again on {14} July.",
        "A {15}-day exercise will involve between {16} and {17} soldiers and up to {18} tanks.",
        "Analysts expect a budget of {19} billion yuan, or RMB {20} billion including reserves.",
        "The Hwasong-{21} launch came hours after the F-{22}A flights over the 12th district.",
        "Trade with Japan reached ¥{23} trillion, while Russia earned {24} million rubles from the deal.",
    ];

    public static string Generate(int length, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(length + 256);
        while (sb.Length < length)
        {
            var t = Templates[rng.Next(Templates.Length)];
            object[] args =
            [
                rng.Next(2, 20), rng.Next(1, 12), (rng.Next(10000, 20000) / 10000.0).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
                rng.Next(1, 9), rng.Next(1995, 2027), rng.Next(20, 40).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",500",
                rng.Next(10, 70), rng.Next(1, 9), rng.Next(1, 30), rng.Next(10, 200), rng.Next(2, 9), rng.Next(20, 90), rng.Next(3, 9),
                rng.Next(1, 28), rng.Next(1, 28), rng.Next(3, 30), rng.Next(1000, 2000), rng.Next(2000, 4000), rng.Next(10, 90),
                rng.Next(10, 900), rng.Next(10, 900), rng.Next(10, 20), rng.Next(15, 36), rng.Next(1, 9), rng.Next(100, 900),
            ];
            sb.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, t, args));
            sb.Append(rng.Next(6) == 0 ? "\n\n" : " ");
        }

        return sb.ToString();
    }
}
