using Tightrope.Eval;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Tests.Eval;

/// <summary>The article-date scorer reruns the file without a date and compares with the gold month and day.</summary>
public sealed class ArticleDateScoringTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tr-datescore-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ArticleScore Score(string text, string goldDate, params GoldEvent[] events)
    {
        var file = Path.Combine(_dir, "a.txt");
        File.WriteAllText(file, text);
        var gold = new GoldFile { Article = new GoldArticle { File = "a.txt", InferredDate = goldDate }, Events = [.. events] };
        // The article the other scorers read is dated by the gold; the date scorer must not use that date.
        var article = EvalRunner.Read(file);
        article.Date = new ArticleDate(EvalScorers.ParseGoldDate(goldDate)!.Value, DateSource.Given, 1, "gold");
        Tightrope.Pipeline.TightropePipeline.Create(new Tightrope.Pipeline.PipelineOptions { Knowledge = new KnowledgeBase([]) }).Process(article);
        return new ArticleDateGoldScorer().Score(gold, article, new KnowledgeBase([]));
    }

    [Fact]
    public void AnExpressionResolvedToTheGoldDateIsRightAndAnotherValueWrong()
    {
        const string text = "Envoys meet again\n\nThe envoys met on Tuesday. They will return in December. They met there last year, as they did before.\n";
        var s = Score(text, "2019-10-17",
            new GoldEvent { Type = "CONSULT", DateText = "on Tuesday", Date = "2019-10-15" },
            new GoldEvent { Type = "CONSULT", DateText = "in December", Date = "2018-12" },
            new GoldEvent { Type = "CONSULT", DateText = "as they did", Date = "2018" },
            new GoldEvent { Type = "CONSULT", DateText = "last year", Date = "2018" });
        // Tuesday and last year agree; December resolves to 2019-12 (a future sentence), not the gold's; "as they did" is no expression.
        Assert.Equal(new PrfCount(2, 1, 2), s.Counts["expressions"]);
        Assert.Contains(s.Misses, m => m.Contains("2019-12", StringComparison.Ordinal));
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
    public void AGoldMonthIsReadAtItsMiddle()
    {
        Assert.Equal(new DateOnly(2020, 10, 15), EvalRunner.AnchorOf("2020-10", new DateOnly(2020, 10, 1)));
        Assert.Equal(new DateOnly(2024, 11, 8), EvalRunner.AnchorOf("2024-11-08", new DateOnly(2024, 11, 8)));
        Assert.Equal(new DateOnly(2019, 1, 1), EvalRunner.AnchorOf("2019", new DateOnly(2019, 1, 1)));
    }

    [Fact]
    public void AnUndatableTextIsAMiss()
    {
        var s = Score("Talks go on\n\nThe envoys met and agreed to meet again.\n", "2019-10-02");
        Assert.Equal(new PrfCount(0, 0, 1), s.Counts["month"]);
    }
}
