namespace Tightrope.Eval;

/// <summary>True/false positives and false negatives, with precision, recall and F1.</summary>
public readonly record struct PrfCount(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrfCount operator +(PrfCount a, PrfCount b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public static PrfCount Zero { get; } = new(0, 0, 0);

    public PrfCount Add(PrfCount other) => this + other;

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})");
}

/// <summary>What one scorer found on one article: named counts ("pairs/person") and the misses, for the report.</summary>
public sealed record ArticleScore(string Scorer, string Article, IReadOnlyDictionary<string, PrfCount> Counts, IReadOnlyList<string> Misses, IReadOnlyList<string> FalsePositives);

/// <summary>
/// One capability's scorer against the gold files (actors, figures…). The eval command runs every registered scorer
/// (<see cref="EvalScorers"/>) on each processed article and sums the counts.
/// </summary>
public interface IGoldScorer
{
    /// <summary>Short name used by <c>tightrope eval --only</c>: "actors", "figures".</summary>
    string Name { get; }

    ArticleScore Score(GoldFile gold, Model.Article article, Knowledge.KnowledgeBase knowledge);
}

/// <summary>The scorers <c>tightrope eval</c> runs. Add a capability's scorer here (one line).</summary>
public static class EvalScorers
{
    public static IReadOnlyList<IGoldScorer> All { get; } =
    [
        new ActorScoring(),
        new FigureGoldScorer(),
        new EventGoldScorer(),
        new ArticleDateGoldScorer(),
    ];

    /// <summary>Reads a gold date ("2024-11-08", "2020-10", "2019"): a partial date means the first day of its period.</summary>
    public static DateOnly? ParseGoldDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var format in new[] { "yyyy-MM-dd", "yyyy-MM", "yyyy" })
        {
            if (DateOnly.TryParseExact(text.Trim(), format, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return d;
            }
        }

        return null;
    }
}
