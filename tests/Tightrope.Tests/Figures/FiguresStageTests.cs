using Tightrope.Figures;
using Tightrope.Model;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Figures;

public sealed class FiguresStageTests
{
    private static readonly string Knowledge = Path.Combine(SharedData.RepoRoot, "knowledge");

    private static Article Run(string text, DateOnly? published = null)
    {
        var article = new Article("t", text, new ArticleMetadata { Published = published });
        new Tightrope.Text.TextStage().Process(article);
        FiguresStage.FromFolder(Knowledge).Process(article);
        return article;
    }

    [Fact]
    public void ACostSharingAmountAttachesToTheSmaIndicatorAndIsConvertedWithTheYearItUsed()
    {
        var a = Run("Under the new Special Measures Agreement, South Korea will pay 1.4 trillion won in 2021 for the upkeep of US forces.", new DateOnly(2021, 3, 10));
        var f = Assert.Single(a.Figures);
        Assert.Equal("rok-sma-contribution", f.IndicatorId);
        Assert.Equal("2021", f.Period);
        Assert.NotNull(f.UsdValue);
        Assert.Equal(1.4e12 / 1144, f.UsdValue!.Value, 1e6);
        Assert.Contains("KRW 2021 annual average", f.Conversion, StringComparison.Ordinal);
    }

    [Fact]
    public void AYearPastTheRateTableUsesTheLatestFullYearAndSaysSo()
    {
        var a = Run("Seoul agreed to pay 1.6 trillion won in 2030 under the cost-sharing deal.");
        var f = Assert.Single(a.Figures);
        Assert.Contains("latest full year", f.Conversion, StringComparison.Ordinal);
    }

    [Fact]
    public void ADemandAttachesToTheDemandIndicatorNotTheContribution()
    {
        var a = Run("Talks on defense cost sharing stalled. Washington demanded $5 billion a year from Seoul.", new DateOnly(2019, 12, 1));
        var f = Assert.Single(a.Figures);
        Assert.Equal("us-sma-demand", f.IndicatorId);
    }

    [Fact]
    public void LastYearResolvesAgainstTheArticleDate()
    {
        var a = Run("Discussing cost sharing for US troops in South Korea, Trump demanded $5 billion last year.", new DateOnly(2020, 10, 20));
        Assert.Equal("2019", Assert.Single(a.Figures).Period);
    }

    [Fact]
    public void ABareNumberIsClaimedByATroopIndicatorWhenTheSentenceIsAboutTroops()
    {
        var a = Run("The allies agreed to keep US troops in South Korea at 27000 for now.");
        var f = Assert.Single(a.Figures);
        Assert.Equal("troops", f.Unit);
        Assert.Equal("usfk-troop-level", f.IndicatorId);
    }

    [Fact]
    public void ABareNumberWithoutAnIndicatorIsNotAFigure() => Assert.DoesNotContain(Run("The committee met 14 times and discussed item 7.").Figures, f => f.Unit != "times");

    [Fact]
    public void TheMeasureIsTheNounPhraseAFigureQuantifies()
    {
        var a = Run("Almost 40% of Japan's battery imports come from China.");
        var f = Assert.Single(a.Figures);
        Assert.Contains("battery imports", f.Measure, StringComparison.Ordinal);
    }

    [Fact]
    public void ATroopCountMeasuresItsUnitPhrase()
    {
        var f = Assert.Single(Run("Some 4,500 American soldiers are deployed in Japan.").Figures);
        Assert.StartsWith("American soldiers", f.Measure, StringComparison.Ordinal);
        Assert.Equal(FigureQualifier.Approximate, f.Qualifier);
    }

    [Fact]
    public void TheConvertedRestatementPointsToTheOriginalAndSharesItsIndicator()
    {
        var a = Run("South Korea will contribute 1.1 trillion won (about $830 million) to the cost-sharing deal in 2025.");
        Assert.Equal(2, a.Figures.Count);
        Assert.Equal(0, a.Figures[1].EquivalentOf);
        Assert.Equal(a.Figures[0].IndicatorId, a.Figures[1].IndicatorId);
    }

    [Fact]
    public void TheActorComesFromAMentionInTheSentence()
    {
        var text = "Japan pledged 2 billion yen in aid.";
        var article = new Article("t", text, new ArticleMetadata());
        new Tightrope.Text.TextStage().Process(article);
        article.Mentions.Add(new Tightrope.Actors.Mention { Span = new TextSpan(0, 5), Text = "Japan", ActorId = "jpn" });
        FiguresStage.FromFolder(Knowledge).Process(article);
        Assert.Equal("jpn", Assert.Single(article.Figures).ActorId);
    }

    [Fact]
    public void TheStageIsRegisteredInTheDefaultPipelineBuilder()
    {
        var builder = Tightrope.Pipeline.TightropePipeline.CreateBuilder(new Tightrope.Pipeline.PipelineOptions { KnowledgeFolder = Knowledge });
        Assert.Contains(builder.Stages, s => s.Name == "figures");
    }

    [Fact]
    public void AConversionAtCurrentRatesInALaterSentenceRestatesTheEarlierAmount()
    {
        var a = Run("Under the new Special Measures Agreement, Seoul will pay 1.7 trillion won in 2031 for the upkeep of US forces. "
                    + "Negotiators met twice. The 2031 sum is roughly equal to $1.2 billion at current exchange rates.", new DateOnly(2030, 6, 1));
        var won = a.Figures.First(f => f.Unit == "KRW");
        var usd = a.Figures.First(f => f.Unit == "USD");
        Assert.Equal("rok-sma-contribution", won.IndicatorId);
        Assert.Equal(a.Figures.IndexOf(won), usd.EquivalentOf);
        Assert.Equal(won.IndicatorId, usd.IndicatorId);
        Assert.Equal(won.Period, usd.Period);
    }

    [Fact]
    public void ATroopCountPlacedInAnotherCountryIsNotTheKoreaTroopLevel()
    {
        var a = Run("There are about 27,000 US troops stationed in South Korea and some 50,000 in Japan, officials said.", new DateOnly(2031, 1, 1));
        Assert.Equal("usfk-troop-level", a.Figures.Single(f => f.Value == 27000).IndicatorId);
        Assert.DoesNotContain(a.Figures, f => f.Value == 50000 && f.IndicatorId is not null);
    }

    [Fact]
    public void ThisYearAndLastYearsAreTheNearestPeriodOfEachFigure()
    {
        var a = Run("Under the cost-sharing deal Seoul will pay 1.3 trillion won this year toward the upkeep of US forces, up from last year's 1.2 trillion won.", new DateOnly(2032, 2, 1));
        Assert.Equal("2032", a.Figures.Single(f => f.Value == 1.3e12).Period);
        Assert.Equal("2031", a.Figures.Single(f => f.Value == 1.2e12).Period);
    }

    [Fact]
    public void ANumberOfTroopsWithdrawnIsAChangeNotTheTroopLevel()
    {
        var a = Run("The Pentagon said it would withdraw roughly a quarter of its forces, 7,000 troops, from South Korea by 2034.", new DateOnly(2032, 2, 1));
        Assert.Null(a.Figures.Single(f => f.Value == 7000).IndicatorId);
        var b = Run("Some 27,000 US troops are stationed in South Korea, the Pentagon said.", new DateOnly(2032, 2, 1));
        Assert.Equal("usfk-troop-level", b.Figures.Single(f => f.Value == 27000).IndicatorId);
    }
}
