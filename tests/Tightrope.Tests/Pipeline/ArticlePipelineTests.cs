using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Tests.Pipeline;

public sealed class ArticlePipelineTests
{
    private sealed class Stage(string name, Layer[] requires, Layer[] produces, Action<Article>? body = null) : IStage
    {
        public string Name => name;
        public IReadOnlyList<Layer> Requires => requires;
        public IReadOnlyList<Layer> Produces => produces;
        public void Process(Article article) => body?.Invoke(article);
    }

    private static Article NewArticle() => new("a1", "Some text.", new ArticleMetadata());

    [Fact]
    public void BuildFailsWhenAStageNeedsALayerNoEarlierStageProduces()
    {
        var builder = new PipelineBuilder()
            .Use(new Stage("figures", [Layer.Tokens], [Layer.Figures]))
            .Use(new Stage("tokens", [Layer.Raw], [Layer.Tokens]));

        var ex = Assert.Throws<PipelineConfigurationException>(() => builder.Build());
        Assert.Contains("figures", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tokens", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStageThatThrowsIsRecordedAndDependentStagesAreSkipped()
    {
        bool independentRan = false;
        var pipeline = new PipelineBuilder()
            .Use(new Stage("tokens", [Layer.Raw], [Layer.Tokens], _ => throw new InvalidOperationException("boom")))
            .Use(new Stage("figures", [Layer.Tokens], [Layer.Figures], _ => Assert.Fail("must not run")))
            .Use(new Stage("dates", [Layer.Raw], [Layer.ArticleDate], _ => independentRan = true))
            .Build();

        var article = pipeline.Process(NewArticle());

        Assert.True(independentRan);
        Assert.Equal(2, article.Failures.Count);
        Assert.Equal("tokens", article.Failures[0].Stage);
        Assert.Equal("boom", article.Failures[0].Message);
        Assert.Equal("figures", article.Failures[1].Stage);
        Assert.StartsWith("skipped", article.Failures[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStageOfTheSameNameIsAddedOnce()
    {
        var builder = new PipelineBuilder()
            .Use(new Stage("clean", [Layer.Raw], [Layer.CleanText]))
            .Use(new Stage("clean", [Layer.Raw], [Layer.CleanText]));

        Assert.Single(builder.Build().Stages);
    }
}
