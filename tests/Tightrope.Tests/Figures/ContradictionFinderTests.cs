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
    public void ManyReportsOfOnePeriodAreSetAgainstTheirConsensusNotAgainstEachOther()
    {
        // 40 reports agree on about 28,500; 5 say 40,000. Pair by pair that is 200 records (each outlier against every
        // agreeing report, each agreeing one against every outlier); against the consensus, one per outlier.
        var records = Enumerable.Range(0, 40).Select(i => Record($"agree{i:D2}", 28_400 + (i % 5) * 50))
            .Concat(Enumerable.Range(0, 5).Select(i => Record($"outlier{i}", 40_000))).ToList();

        var found = new ContradictionFinder(Catalog).Find(records);

        Assert.Equal(5, found.Count);
        Assert.All(found, c =>
        {
            var (outlier, consensus) = c.A.ArticleId.StartsWith("outlier", StringComparison.Ordinal) ? (c.A, c.B) : (c.B, c.A);
            Assert.StartsWith("outlier", outlier.ArticleId, StringComparison.Ordinal);
            Assert.StartsWith("agree", consensus.ArticleId, StringComparison.Ordinal);
            Assert.Contains("40 of the 45 reports", c.Description, StringComparison.Ordinal);
        });
        Assert.Equal(5, found.Select(c => c.A.ArticleId.StartsWith("outlier", StringComparison.Ordinal) ? c.A.ArticleId : c.B.ArticleId).Distinct().Count());
    }

    [Fact]
    public void AFewReportsOfOnePeriodAreStillComparedPairByPair()
    {
        var records = Enumerable.Range(0, ContradictionFinder.MaxPairwise - 2).Select(i => Record($"agree{i:D2}", 28_500))
            .Concat([Record("x", 40_000), Record("y", 20_000)]).ToList();

        var found = new ContradictionFinder(Catalog).Find(records);

        // x and y each against every agreeing report, and against each other.
        Assert.Equal((2 * (ContradictionFinder.MaxPairwise - 2)) + 1, found.Count);
    }

    [Fact]
    public void FiguresWithinToleranceAgree() => Assert.Empty(new ContradictionFinder(Catalog).Find([Record("a", 28500), Record("b", 28000)]));

    [Fact]
    public void AnApproximateFigureWidensTheTolerance()
    {
        Assert.Single(new ContradictionFinder(Catalog).Find([Record("a", 28500), Record("b", 26500)]));
        // "some 26,500" is rounded to the hundred: 26,450–26,550 before the tolerance, still short of 28,500.
        Assert.Single(new ContradictionFinder(Catalog).Find([Record("a", 28500), Record("b", 26500, FigureQualifier.Approximate)]));
        Assert.Empty(new ContradictionFinder(Catalog).Find([Record("a", 28500), Record("b", 28500, FigureQualifier.Approximate)]));
    }

    [Fact]
    public void AChangeInPercentAndAPercentageOfOneValueAgree()
    {
        // "up 13.9%" (a change) and "a 13.9% increase" (a percentage) in the same story.
        var catalog = new IndicatorCatalog([new Indicator { Id = "rise", Name = "Rise", Unit = "percent", Cues = ["increase"], Tolerance = 0.05 }]);
        FigureRecord Rise(string article, FigureKind kind, double value) => new(article, new Figure
        {
            Span = new TextSpan(0, 5),
            Text = "13.9%",
            Value = value,
            Unit = "percent",
            Kind = kind,
            IndicatorId = "rise",
            Period = "2021",
            Sentence = 0,
        }, null, "sentence", null);

        Assert.Empty(new ContradictionFinder(catalog).Find([Rise("a", FigureKind.Change, 13.9), Rise("b", FigureKind.Percent, 13.9)]));
        Assert.Single(new ContradictionFinder(catalog).Find([Rise("a", FigureKind.Change, 13.9), Rise("b", FigureKind.Percent, 8.2)]));
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
        var article = Sentenced(new Article("art", text, new ArticleMetadata { Published = new DateOnly(2026, 1, 5) }));
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
        var article = Sentenced(new Article("art", text, new ArticleMetadata()));
        article.Mentions.Add(new Mention { Span = new TextSpan(11, 16), Text = "Alpha", ActorId = "p1" });
        article.Mentions.Add(new Mention { Span = new TextSpan(32, 36), Text = "Beta", ActorId = "p2" });
        Assert.Empty(RoleConflicts.Find(article, kb));
    }

    [Fact]
    public void AnApproximateRoundNumberAllowsItsRounding()
    {
        // "about 30,000" may be rounded (up to 10%): 27,500 is within it; an exact 30,000 is not.
        Assert.Empty(new ContradictionFinder(Catalog).Find([Record("a", 30000, FigureQualifier.Approximate), Record("b", 27500)]));
        Assert.Single(new ContradictionFinder(Catalog).Find([Record("a", 30000), Record("b", 27500)]));
        // Rounding of exact figures stays within the tolerance: 1.5192 against 1.52.
        Assert.Empty(new ContradictionFinder(Catalog).Find([Record("a", 15192), Record("b", 15200)]));
    }

    [Fact]
    public void TheRelativeStepIsTheUnitOfTheLastSignificantDigit()
    {
        Assert.Equal(100 / 28500.0, ContradictionFinder.RelativeStep(28500), 1e-12);
        Assert.Equal(1e8 / 1.5192e12, ContradictionFinder.RelativeStep(1.5192e12), 1e-12);
        Assert.Equal(0.2, ContradictionFinder.RelativeStep(5e9), 1e-12);
        Assert.Equal(0, ContradictionFinder.RelativeStep(1.0 / 9));
    }

    private static readonly IndicatorCatalog Money = new([new Indicator { Id = "pay", Name = "Payment", Unit = "money", Cues = ["pay"], Tolerance = 0.03 }]);

    private static FigureRecord Amount(string article, double value, string unit, double usd, string period, DateOnly? date = null, FigureQualifier q = FigureQualifier.None) =>
        new(article, new Figure
        {
            Span = new TextSpan(0, 3), Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture), Value = value, Unit = unit, Kind = FigureKind.Money,
            IndicatorId = "pay", Period = period, UsdValue = usd, Qualifier = q, Sentence = 0,
        }, date, "s", null);

    [Fact]
    public void AmountsInOneCurrencyAreComparedInThatCurrencyWhateverTheirConversion()
    {
        // Same won amount, converted at two different years' rates: no contradiction.
        Assert.Empty(new ContradictionFinder(Money).Find([Amount("a", 2.2e12, "KRW", 2.2e12 / 1100, "2030"), Amount("b", 2.2e12, "KRW", 2.2e12 / 1300, "2030")]));
        // Two won amounts 8% apart: a contradiction even if a conversion happened to bring them close.
        Assert.Single(new ContradictionFinder(Money).Find([Amount("a", 2.21e12, "KRW", 1.7e9, "2030"), Amount("b", 2.03e12, "KRW", 1.7e9, "2030")]));
    }

    [Fact]
    public void AnAmountInAnotherCurrencyIsAllowedTheMovesOfTheExchangeRate()
    {
        var rates = new ExchangeRates(new Dictionary<string, SortedDictionary<int, double>> { ["KRW"] = new() { [2030] = 1200, [2031] = 1260 } });
        // 1.2 trillion won is $1 billion at the 2030 average; an article of 2031 writes $960 million: within the allowance.
        Assert.Empty(new ContradictionFinder(Money, rates).Find([Amount("a", 1.2e12, "KRW", 1e9, "2030", new DateOnly(2030, 3, 1)), Amount("b", 9.6e8, "USD", 9.6e8, "2030", new DateOnly(2031, 2, 1))]));
        // …but $700 million is not a conversion of it.
        Assert.Single(new ContradictionFinder(Money, rates).Find([Amount("a", 1.2e12, "KRW", 1e9, "2030", new DateOnly(2030, 3, 1)), Amount("b", 7e8, "USD", 7e8, "2030", new DateOnly(2031, 2, 1))]));
    }

    private static readonly IndicatorCatalog Levels = new([new Indicator { Id = "troops", Name = "Troops", Unit = "troops", Cues = ["troops"], Tolerance = 0.03, Series = IndicatorSeries.Level }]);

    private static FigureRecord Level(string article, double value, DateOnly date, FigureQualifier q = FigureQualifier.None) =>
        new(article, new Figure
        {
            Span = new TextSpan(0, 5), Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture), Value = value, Unit = "troops", Kind = FigureKind.Count,
            IndicatorId = "troops", Period = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Qualifier = q, Sentence = 0,
        }, date, "s", null);

    [Fact]
    public void ALevelThatDiffersFromTheAgreeingReportsBeforeAndAfterItContradictsBoth()
    {
        var found = new ContradictionFinder(Levels).Find(
        [
            Level("early", 31000, new DateOnly(2031, 5, 1)),
            Level("odd", 28000, new DateOnly(2032, 8, 1), FigureQualifier.Approximate),
            Level("late", 31000, new DateOnly(2033, 10, 1), FigureQualifier.Approximate),
        ]);
        Assert.Equal(2, found.Count);
        Assert.All(found, c => Assert.Equal("odd", c.A.ArticleId));
        Assert.Equal(["early", "late"], found.Select(c => c.B.ArticleId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ALevelThatMovesOneWayIsAHistoryNotAContradiction()
    {
        Assert.Empty(new ContradictionFinder(Levels).Find(
        [
            Level("a", 45000, new DateOnly(2031, 5, 1)),
            Level("b", 39000, new DateOnly(2032, 8, 1)),
            Level("c", 33000, new DateOnly(2033, 10, 1)),
        ]));
    }

    private static KnowledgeBase TwoPresidents() => new(
    [
        new Actor { Id = "p1", Name = "Alpha Person", Kind = ActorKind.Person, Roles = [new Role { Title = "President", Org = "XYZ", From = new DateOnly(2030, 1, 1), To = new DateOnly(2034, 12, 31) }] },
        new Actor { Id = "p2", Name = "Beta Person", Kind = ActorKind.Person, Roles = [new Role { Title = "President", Org = "XYZ", From = new DateOnly(2035, 1, 1) }] },
    ]);

    /// <summary>The Text stage's sentences, which role conflicts read (the pipeline runs it before them).</summary>
    private static Article Sentenced(Article article)
    {
        new Tightrope.Text.TextStage().Process(article);
        return article;
    }

    private static Article WithMentions(string text, DateOnly? date, params (string Form, string Actor)[] mentions)
    {
        var article = Sentenced(new Article("art", text, new ArticleMetadata { Published = date }));
        int from = 0;
        foreach (var (form, actor) in mentions)
        {
            int i = text.IndexOf(form, from, StringComparison.Ordinal);
            article.Mentions.Add(new Mention { Span = new TextSpan(i, i + form.Length), Text = form, ActorId = actor, Kind = MentionKind.Partial });
            from = i + form.Length;
        }

        return article;
    }

    [Fact]
    public void AFormerHolderNamedWithTheCurrentOneIsNoConflict()
    {
        var article = WithMentions("President Beta spoke in the capital. Beta is the son of former President Alpha.", new DateOnly(2036, 2, 1), ("Beta", "p2"), ("Alpha", "p1"));
        Assert.Empty(RoleConflicts.Find(article, TwoPresidents()));
    }

    [Fact]
    public void AnUndatedRetrospectiveNamingTwoHoldersIsNoConflict()
    {
        var article = WithMentions("President Alpha opened the harbour. Decades on, President Beta closed it.", null, ("Alpha", "p1"), ("Beta", "p2"));
        Assert.Empty(RoleConflicts.Find(article, TwoPresidents()));
        var dated = WithMentions("President Alpha opened the harbour. Decades on, President Beta closed it.", new DateOnly(2036, 1, 1), ("Alpha", "p1"), ("Beta", "p2"));
        Assert.Single(RoleConflicts.Find(dated, TwoPresidents()));
    }

    [Fact]
    public void HoldersNamedForDifferentYearsAreAHistoryNotAConflict()
    {
        var article = WithMentions("In 2032 President Alpha began the drills. President Beta resumed them this month.", new DateOnly(2036, 2, 1), ("Alpha", "p1"), ("Beta", "p2"));
        Assert.Empty(RoleConflicts.Find(article, TwoPresidents()));
    }

    [Fact]
    public void AHeadlineWhoseSubjectNeverSharedTheRoleTheBodyGivesIsARoleConflict()
    {
        var article = WithMentions("Alpha and partners open the harbour\n\nThe President Beta opened the harbour on Monday with partners.", null, ("Alpha", "p1"), ("Beta", "p2"));
        var c = Assert.Single(RoleConflicts.Find(article, TwoPresidents()));
        Assert.Equal(ContradictionKind.Role, c.Kind);
        Assert.Equal("p1", c.A.ActorId);
        Assert.Equal("p2", c.B.ActorId);
        Assert.Contains("headline", c.Description, StringComparison.Ordinal);
        // A possessive in the headline is not its subject.
        var possessive = WithMentions("Alpha's harbour plan revived\n\nThe President Beta opened the harbour on Monday.", null, ("Alpha", "p1"), ("Beta", "p2"));
        Assert.Empty(RoleConflicts.Find(possessive, TwoPresidents()));
    }
}
