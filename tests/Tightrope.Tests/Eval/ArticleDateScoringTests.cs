using Tightrope.Eval;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Tests.Eval;

/// <summary>The article-date scorer reruns the file without a date and compares with the gold month and day.</summary>
public sealed class ArticleDateScoringTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tr-datescore-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ArticleScore Score(string text, string goldDate)
    {
        var file = Path.Combine(_dir, "a.txt");
        File.WriteAllText(file, text);
        var gold = new GoldFile { Article = new GoldArticle { File = "a.txt", InferredDate = goldDate } };
        // The article the other scorers read is dated by the gold; the date scorer must not use that date.
        var article = EvalRunner.Read(file);
        article.Date = new ArticleDate(EvalScorers.ParseGoldDate(goldDate)!.Value, DateSource.Given, 1, "gold");
        return new ArticleDateGoldScorer().Score(gold, article, new KnowledgeBase([]));
    }

    [Fact]
    public void ADateInTheGoldMonthCountsAndOneElsewhereIsWrong()
    {
        const string text = "Envoys meet again\n\nThe envoys met in Geneva on October 14, 2019, and agreed to meet again in December.\n";
        var right = Score(text, "2019-10");
        Assert.Equal(new PrfCount(1, 0, 0), right.Counts["month"]);
        Assert.Equal(new PrfCount(1, 0, 0), right.Counts["45 days"]);

        var wrong = Score(text, "2021-03");
        Assert.Equal(new PrfCount(0, 1, 1), wrong.Counts["month"]);
        Assert.Contains(wrong.Misses, m => m.Contains("2019-10-14", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUndatableTextIsAMiss()
    {
        var s = Score("Talks go on\n\nThe envoys met and agreed to meet again.\n", "2019-10-02");
        Assert.Equal(new PrfCount(0, 0, 1), s.Counts["month"]);
    }
}
