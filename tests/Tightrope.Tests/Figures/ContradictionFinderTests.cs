using Tightrope.Actors;
using Tightrope.Figures;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Tests.Figures;

public sealed class ContradictionFinderTests
{
    private static readonly IndicatorCatalog Catalog = new([new Indicator { Id = "troops", Name = "Troops", Unit = "troops", Cues = ["troops"], Tolerance = 0.03 }]);

    private static FigureRecord Record(string article, double value, FigureQualifier q = FigureQualifier.None, string period = "2020", double? high = null) =>
        new(article, new Figure
        {
            Span = new TextSpan(0, 5),
            Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Value = value,
            ValueHigh = high,
            Unit = "troops",
            Kind = FigureKind.Count,
            Qualifier = q,
            IndicatorId = "troops",
            Period = period,
            Sentence = 0,
        }, null, "sentence", null);

    [Fact]
    public void TwoFiguresOnOneIndicatorAndPeriodThatDifferBeyondToleranceContradict()
    {
        var found = new ContradictionFinder(Catalog).Find([Record("a", 28500), Record("b", 40000)]);
        var c = Assert.Single(found);
        Assert.Equal(ContradictionKind.Figure, c.Kind);
        Assert.Equal("a", c.A.ArticleId);
        Assert.Equal("b", c.B.ArticleId);
    }

    [Fact]
    public void FiguresWithinToleranceAgree() => Assert.Empty(new ContradictionFinder(Catalog).Find([Record("a", 28500), Record("b", 28000)]));

    [Fact]
    public void AnApproximateFigureWidensTheTolerance()
    {
        Assert.Single(new ContradictionFinder(Catalog).Find([Record("a", 28500), Record("b", 26500)]));
        Assert.Empty(new ContradictionFinder(Catalog).Find([Record("a", 28500), Record("b", 26500, FigureQualifier.Approximate)]));
    }

    [Fact]
    public void MoreThanIsABoundNotAValue() => Assert.Empty(new ContradictionFinder(Catalog).Find([Record("a", 20000, FigureQualifier.MoreThan), Record("b", 28500)]));

    [Fact]
    public void DifferentPeriodsAreASeriesNotAContradiction() => Assert.Empty(new ContradictionFinder(Catalog).Find([Record("a", 37000, period: "2008"), Record("b", 28500, period: "2020")]));

    [Fact]
    public void ARangeCoversTheValuesInIt() => Assert.Empty(new ContradictionFinder(Catalog).Find([Record("a", 25000, high: 30000), Record("b", 28500)]));

    [Fact]
    public void MoneyIsComparedInUsd()
    {
        var catalog = new IndicatorCatalog([new Indicator { Id = "sma", Name = "SMA", Unit = "money", Cues = ["sma"] }]);
        FigureRecord Money(string article, double value, string unit, double usd) => new(article, new Figure
        {
            Span = new TextSpan(0, 3), Text = "x", Value = value, Unit = unit, Kind = FigureKind.Money, IndicatorId = "sma", Period = "2021", UsdValue = usd,
        }, null, null, null);
        Assert.Empty(new ContradictionFinder(catalog).Find([Money("a", 1.18e12, "KRW", 1.03e9), Money("b", 1.03e9, "USD", 1.03e9)]));
        Assert.Single(new ContradictionFinder(catalog).Find([Money("a", 1.18e12, "KRW", 1.03e9), Money("b", 5e9, "USD", 5e9)]));
    }

    [Fact]
    public void AnArticleThatGivesOneRoleToTwoPeopleWhoNeverSharedItIsARoleConflict()
    {
        var kb = new KnowledgeBase(
        [
            new Actor { Id = "p1", Name = "Alpha Person", Kind = ActorKind.Person, Roles = [new Role { Title = "President", Org = "KOR", From = new DateOnly(2022, 5, 10), To = new DateOnly(2025, 4, 4) }] },
            new Actor { Id = "p2", Name = "Beta Person", Kind = ActorKind.Person, Roles = [new Role { Title = "President", Org = "KOR", From = new DateOnly(2025, 6, 4) }] },
        ]);
        const string text = "President Beta visits Beijing. South Korean President Alpha Person's visit marks a turn.";
        var article = new Article("art", text, new ArticleMetadata { Published = new DateOnly(2026, 1, 5) });
        int b = text.IndexOf("Beta", StringComparison.Ordinal);
        int a = text.IndexOf("Alpha", StringComparison.Ordinal);
        article.Mentions.Add(new Mention { Span = new TextSpan(b, b + 4), Text = "Beta", ActorId = "p2", Kind = MentionKind.Partial });
        article.Mentions.Add(new Mention { Span = new TextSpan(a, a + 12), Text = "Alpha Person", ActorId = "p1", Kind = MentionKind.Name });
        var c = Assert.Single(RoleConflicts.Find(article, kb));
        Assert.Equal(ContradictionKind.Role, c.Kind);
        Assert.Contains("Beta Person", c.Description, StringComparison.Ordinal);
        Assert.Contains("holder was Beta Person", c.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoHoldersWhoseTermsOverlapAreNoConflict()
    {
        var kb = new KnowledgeBase(
        [
            new Actor { Id = "p1", Name = "Alpha", Kind = ActorKind.Person, Roles = [new Role { Title = "Ambassador", Org = "USA", From = new DateOnly(2020, 1, 1) }] },
            new Actor { Id = "p2", Name = "Beta", Kind = ActorKind.Person, Roles = [new Role { Title = "Ambassador", Org = "USA", From = new DateOnly(2021, 1, 1) }] },
        ]);
        const string text = "Ambassador Alpha met Ambassador Beta.";
        var article = new Article("art", text, new ArticleMetadata());
        article.Mentions.Add(new Mention { Span = new TextSpan(11, 16), Text = "Alpha", ActorId = "p1" });
        article.Mentions.Add(new Mention { Span = new TextSpan(32, 36), Text = "Beta", ActorId = "p2" });
        Assert.Empty(RoleConflicts.Find(article, kb));
    }
}
