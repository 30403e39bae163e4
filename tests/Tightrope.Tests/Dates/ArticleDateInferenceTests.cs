using Tightrope.Dates;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Tests.Dates;

public class ArticleDateInferenceTests
{
    private static Article Run(string raw)
    {
        var article = new Article("a1", raw, new ArticleMetadata());
        var pipeline = new PipelineBuilder().UseFoundation().UseDates().Build();
        pipeline.Process(article);
        return article;
    }

    [Fact]
    public void ALabelledPageLineDatesTheArticle()
    {
        var a = Run("Site menu\nPosted on : 2021-03-04 10:00\n\nThe envoys met on Tuesday to discuss the cost of the troops.\n");
        Assert.Equal(new DateOnly(2021, 3, 4), a.Date!.Date);
        Assert.Equal(DateSource.PageLine, a.Date.Source);
        Assert.Contains("Posted on", a.Date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void AWireDatelineTakesItsYearFromThePageStamp()
    {
        var a = Run("Envoys meet\n\n2017-05-09 01:10:00 GMT\n\nTOKYO, May 8 (Wire) -- The two envoys met on Monday and agreed to talk again.\n");
        Assert.Equal(new DateOnly(2017, 5, 8), a.Date!.Date);
    }

    [Fact]
    public void AWeatherWidgetDateIsNotTheArticles()
    {
        var a = Run("Today's weather 12°C Friday, June 3, 2022\n\nThe ministers signed the accord on March 2, 2019 in Seoul after long talks.\n");
        Assert.Equal(new DateOnly(2019, 3, 2), a.Date!.Date);
        Assert.Equal(DateSource.Inferred, a.Date.Source);
    }

    [Fact]
    public void APhotoCaptionWithADateIsNotAPageDateLine()
    {
        var a = Run("Base history\n\nTroops eat lunch at the base, May 13, 1955.\n\nThe - Army Weekly - June 3, 2018\n\nThe base has grown over the decades.\n");
        Assert.Equal(DateSource.PageLine, a.Date!.Source);
        Assert.Equal(new DateOnly(2018, 6, 3), a.Date.Date);
    }

    [Fact]
    public void ExpressionsResolveAgainstTheInferredDate()
    {
        var a = Run("Updated: 2022-01-10\n\nThe drills ended last year and the envoys met on Friday.\n");
        Assert.Contains(a.DateExpressions, d => d.Text == "last year" && d.Value == "2021");
        Assert.Contains(a.DateExpressions, d => d.Text == "Friday" && d.Value == "2022-01-07");
    }
}

public class WeekdayInferenceTests
{
    [Fact]
    public void ADayAndMonthWithTheirWeekdayGiveTheYear()
    {
        var article = new Article("a2", "The envoys met in Seoul on Wednesday, March 4 to talk about the troops.\n", new ArticleMetadata());
        new PipelineBuilder().UseFoundation().UseDates().Build().Process(article);
        // 4 March fell on a Wednesday in 2020 (and 2015, 2009): the latest such year up to this one is taken.
        Assert.Equal(DateSource.Inferred, article.Date!.Source);
        Assert.Equal(DayOfWeek.Wednesday, article.Date.Date.DayOfWeek);
        Assert.Equal((3, 4), (article.Date.Date.Month, article.Date.Date.Day));
        Assert.True(article.Date.Date.Year >= 2020);
    }
}
