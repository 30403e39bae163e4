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

    [Theory]
    [InlineData("Menu\n\nAllies talk\n\n입력 2023-04-26 09:12 수정 2023-04-27 10:40\n\n", "입력")]
    [InlineData("Menu\n2026年12月7日 星期一\n\nAllies talk\n\n发布时间：2023年04月26日 10:21  来源：本网\n\n", "发布时间")]
    [InlineData("Menu\n\nAllies talk\n\n公開日：2023年4月26日\n\n", "公開日")]
    public void AKoreanChineseOrJapaneseLabelDatesTheArticle(string head, string label)
    {
        var a = Run(head + "The envoys met on Tuesday to discuss the cost of the troops and agreed to meet again.\n");
        Assert.Equal(new DateOnly(2023, 4, 26), a.Date!.Date);
        Assert.Equal(DateSource.PageLine, a.Date.Source);
        Assert.Contains("labelled", a.Date.Evidence, StringComparison.Ordinal);
        Assert.Contains(label, a.Date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnlabelledDateLineBeforeWhatTheContentReportsIsNotTheArticles()
    {
        // The article cannot report a signing two years after its own date: the line is a header's or an old stamp.
        var a = Run("Menu\nMay 2, 2019\n\nAllies talk\n\nThe ministers signed the accord on June 3, 2021 in Seoul after talks that lasted a year.\n");
        Assert.Equal(DateSource.Inferred, a.Date!.Source);
        Assert.Equal(new DateOnly(2021, 6, 3), a.Date.Date);
    }

    [Fact]
    public void OfTwoUnlabelledDateLinesTheOneTheContentSupportsWins()
    {
        // A header's clock shows a later day than the article's own line; the content reports the day before the latter.
        var a = Run("Monday, December 7, 2026\n\nAllies talk\n\nApril 26, 2023\n\n"
            + "The ministers signed the accord on April 25, 2023 in Seoul after talks that lasted a year.\n");
        Assert.Equal(DateSource.PageLine, a.Date!.Source);
        Assert.Equal(new DateOnly(2023, 4, 26), a.Date.Date);

        // Without dated content the first line is kept, as before.
        var b = Run("Monday, December 7, 2026\n\nAllies talk\n\nApril 26, 2023\n\nThe ministers met in Seoul after talks that lasted a year.\n");
        Assert.Equal(new DateOnly(2026, 12, 7), b.Date!.Date);
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
