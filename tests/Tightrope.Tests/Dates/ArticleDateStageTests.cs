using Tightrope.Dates;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Dates;

public class ArticleDateStageTests
{
    private static Article Article(DateOnly? published = null) =>
        new("a1", "Seoul agreed to pay 1.2 trillion won under the deal.", new ArticleMetadata { Published = published });

    [Fact]
    public void TheMetadataDateWinsOverTheRunDefault()
    {
        var article = Article(new DateOnly(2019, 3, 8));
        new ArticleDateStage(new DateOnly(2001, 1, 1)).Process(article);
        Assert.Equal(new DateOnly(2019, 3, 8), article.Date!.Date);
        Assert.Equal(DateSource.Metadata, article.Date.Source);
    }

    [Fact]
    public void AnArticleWithoutADateTakesTheRunDefault()
    {
        var article = Article();
        new ArticleDateStage(new DateOnly(2014, 2, 2)).Process(article);
        Assert.Equal(new DateOnly(2014, 2, 2), article.Date!.Date);
        Assert.Equal(DateSource.Given, article.Date.Source);
    }

    [Fact]
    public void ADateAlreadySetIsKeptAndNoDateStaysUnknown()
    {
        var given = Article();
        given.Date = new ArticleDate(new DateOnly(2020, 5, 5), DateSource.Given, 1.0);
        new ArticleDateStage(new DateOnly(2014, 2, 2)).Process(given);
        Assert.Equal(new DateOnly(2020, 5, 5), given.Date.Date);

        var none = Article();
        new ArticleDateStage(null).Process(none);
        Assert.Null(none.Date);
    }

    [Fact]
    public void TheRunDefaultDateReachesTheFiguresPeriodAndConversion()
    {
        var pipeline = TightropePipeline.Create(new PipelineOptions
        {
            DefaultDate = new DateOnly(2014, 2, 2),
            KnowledgeFolder = System.IO.Path.Combine(SharedData.RepoRoot, "knowledge"),
        });
        var article = Article();
        pipeline.Process(article);
        var figure = Assert.Single(article.Figures, f => f.Unit == "KRW");
        Assert.Contains("2014", figure.Conversion, StringComparison.Ordinal);
    }
}
