using System.Globalization;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Eval;

/// <summary>
/// The article date against the gold's <c>inferred_date</c>, as a user with an undated article gets it: the file is
/// run through the pipeline again without a date (the other scorers read it at the gold date). "month" counts a date
/// within the gold's month (its year, for a gold year); "45 days" one within 45 days of the gold's day (the middle of
/// its month or year when the gold is partial). A date elsewhere is a false positive and a miss; no date is a miss.
/// </summary>
public sealed class ArticleDateGoldScorer : IGoldScorer
{
    private const int Days = 45;

    private KnowledgeBase? _knowledge;
    private ArticlePipeline? _pipeline;

    public string Name => "dates";

    public ArticleScore Score(GoldFile gold, Article article, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knowledge);
        var counts = new Dictionary<string, PrfCount>(StringComparer.Ordinal);
        var misses = new List<string>();
        var wrong = new List<string>();
        string? text = gold.Article.InferredDate?.Trim();
        if (EvalScorers.ParseGoldDate(text) is not { } first || article.Metadata.Origin is not { } file || !File.Exists(file))
        {
            return new ArticleScore(Name, gold.Article.File, counts, misses, wrong);
        }

        if (!ReferenceEquals(_knowledge, knowledge))
        {
            _knowledge = knowledge;
            _pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = knowledge });
        }

        var undated = EvalRunner.Read(file);
        _pipeline!.Process(undated);
        var (from, to) = text!.Length switch
        {
            4 => (first, new DateOnly(first.Year, 12, 31)),
            _ => (new DateOnly(first.Year, first.Month, 1), new DateOnly(first.Year, first.Month, DateTime.DaysInMonth(first.Year, first.Month))),
        };
        var centre = text.Length == 10 ? first : DateOnly.FromDayNumber((from.DayNumber + to.DayNumber) / 2);
        if (undated.Date is not { } got)
        {
            counts["month"] = new(0, 0, 1);
            counts["45 days"] = new(0, 0, 1);
            misses.Add($"undated (gold {text})");
            return new ArticleScore(Name, gold.Article.File, counts, misses, wrong);
        }

        bool inMonth = got.Date >= from && got.Date <= to;
        bool near = Math.Abs(got.Date.DayNumber - centre.DayNumber) <= Days;
        counts["month"] = inMonth ? new(1, 0, 0) : new(0, 1, 1);
        counts["45 days"] = near ? new(1, 0, 0) : new(0, 1, 1);
        if (!inMonth || !near)
        {
            string line = string.Create(CultureInfo.InvariantCulture, $"{got.Date:yyyy-MM-dd} ({got.Source.ToString().ToLowerInvariant()}, {got.Confidence:0.##}) for gold {text}");
            wrong.Add(line);
            misses.Add(line);
        }

        return new ArticleScore(Name, gold.Article.File, counts, misses, wrong);
    }
}
