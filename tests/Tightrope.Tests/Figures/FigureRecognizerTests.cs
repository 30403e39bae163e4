using Tightrope.Figures;
using Tightrope.Figures.Recognition;

namespace Tightrope.Tests.Figures;

public sealed class FigureRecognizerTests
{
    private static List<RecognizedFigure> Figures(string text) => [.. FigureRecognizer.Recognize(text).Where(f => f.Unit is not null)];

    [Theory]
    [InlineData("Seoul will pay 1.3 trillion won next year.", 1.3e12, "KRW")]
    [InlineData("The fund holds US$2.5 billion.", 2.5e9, "USD")]
    [InlineData("a bid of NT$ 40 million", 4e7, "TWD")]
    [InlineData("a grant of ₩500 million", 5e8, "KRW")]
    [InlineData("Beijing pledged 12 billion yuan.", 1.2e10, "CNY")]
    [InlineData("Tokyo spent ¥3 trillion.", 3e12, "JPY")]
    [InlineData("worth RMB 7.5 billion", 7.5e9, "CNY")]
    [InlineData("fined 20 million euros", 2e7, "EUR")]
    [InlineData("a loan of £15m", 1.5e7, "GBP")]
    [InlineData("sanctions worth 3 billion rubles", 3e9, "RUB")]
    [InlineData("some 80 million Taiwan dollars", 8e7, "TWD")]
    [InlineData("a deal of USD 200 million", 2e8, "USD")]
    public void MoneyIsReadWithItsCurrencyAndScale(string text, double value, string unit)
    {
        var f = Assert.Single(Figures(text));
        Assert.Equal(FigureKind.Money, f.Kind);
        Assert.Equal(unit, f.Unit);
        Assert.Equal(value, f.Value, value * 1e-9);
    }

    [Fact]
    public void AParentheticalConversionRestatesTheSameAmount()
    {
        var found = Figures("The cost is 2.1 trillion won (approximately $1.6 billion) this year.");
        Assert.Equal(2, found.Count);
        Assert.Null(found[0].EquivalentOf);
        Assert.Equal(0, found[1].EquivalentOf);
        Assert.Equal(FigureQualifier.Approximate, found[1].Qualifier);
    }

    [Theory]
    [InlineData("about 300 troops", FigureQualifier.Approximate)]
    [InlineData("roughly 300 troops", FigureQualifier.Approximate)]
    [InlineData("nearly 300 troops", FigureQualifier.Approximate)]
    [InlineData("more than 300 troops", FigureQualifier.MoreThan)]
    [InlineData("over 300 troops", FigureQualifier.MoreThan)]
    [InlineData("up to 300 troops", FigureQualifier.AtMost)]
    [InlineData("at least 300 troops", FigureQualifier.AtLeast)]
    [InlineData("no more than 300 troops", FigureQualifier.AtMost)]
    public void QualifiersAreRecorded(string text, FigureQualifier expected)
    {
        var f = Assert.Single(Figures(text));
        Assert.Equal(expected, f.Qualifier);
        Assert.Equal("troops", f.Unit);
    }

    [Theory]
    [InlineData("a demand of $4 billion to $5 billion", 4e9, 5e9, "USD")]
    [InlineData("a demand of $4 to $5 billion", 4e9, 5e9, "USD")]
    [InlineData("between 10 and 12 warships", 10, 12, "ships")]
    [InlineData("10-12 missiles", 10, 12, "missiles")]
    public void RangesKeepBothBounds(string text, double low, double high, string unit)
    {
        var f = Assert.Single(Figures(text));
        Assert.Equal(low, f.Value, low * 1e-9);
        Assert.Equal(high, f.ValueHigh!.Value, high * 1e-9);
        Assert.Equal(unit, f.Unit);
    }

    [Theory]
    [InlineData("The 12th round of talks ended.")]
    [InlineData("The law passed in 2018 after debate.")]
    [InlineData("They met on November 7 in Seoul.")]
    [InlineData("They met on 14 July in Seoul.")]
    [InlineData("The call began at 7:59 a.m. sharp.")]
    [InlineData("Huawei will sell its Ascend 950 chips.")]
    [InlineData("North Korea tested a Hwasong-18 again.")]
    [InlineData("The SF4 node was delayed.")]
    [InlineData("Two F-35A jets landed.")]
    [InlineData("It was his 45th term and the fifth dialogue.")]
    [InlineData("Production moves to the second half of the year.")]
    [InlineData("Fears grew after 9/11 and the news ran 24/7.")]
    [InlineData("The alliance has lasted half a century.")]
    public void YearsDatesOrdinalsAndModelNumbersAreNotFigures(string text) => Assert.Empty(Figures(text));

    [Theory]
    [InlineData("a 15-day visa waiver", 15, "days", FigureKind.Duration)]
    [InlineData("a five-year term", 5, "years", FigureKind.Duration)]
    [InlineData("for about 12 minutes", 12, "minutes", FigureKind.Duration)]
    [InlineData("more than 720 military bases", 720, "bases", FigureKind.Count)]
    [InlineData("28,500 US troops", 28500, "troops", FigureKind.Count)]
    [InlineData("against 180 people", 180, "persons", FigureKind.Count)]
    [InlineData("support fell to 20%", 20, "percent", FigureKind.Percent)]
    [InlineData("exports rose 3 percentage points", 3, "percentage points", FigureKind.PercentagePoints)]
    [InlineData("approximately one-third of exports", 1.0 / 3, "fraction", FigureKind.Fraction)]
    public void CountsDurationsAndSharesCarryTheirUnit(string text, double value, string unit, FigureKind kind)
    {
        var f = Assert.Single(Figures(text));
        Assert.Equal(unit, f.Unit);
        Assert.Equal(kind, f.Kind);
        Assert.Equal(value, f.Value, 1e-9);
    }

    [Theory]
    [InlineData("an increase of 8.3%")]
    [InlineData("shipments were up 13.9% on the year")]
    [InlineData("the budget grew by 4.5 percent")]
    public void PercentChangesAreChanges(string text) => Assert.Equal(FigureKind.Change, Assert.Single(Figures(text)).Kind);

    [Fact]
    public void DoubledIsAChangeOfTwoTimes()
    {
        var f = Assert.Single(Figures("Exports to the region doubled."));
        Assert.Equal(FigureKind.Change, f.Kind);
        Assert.Equal(2, f.Value);
    }

    [Fact]
    public void ALevelAfterDroppedToIsNotAChange() => Assert.Equal(FigureKind.Percent, Assert.Single(Figures("Approval has dropped to 20%.")).Kind);

    [Fact]
    public void OverBeforeADurationIsAPeriodNotAQualifier() => Assert.Equal(FigureQualifier.None, Figures("They will spend $40 billion over five years.").Single(f => f.Unit == "years").Qualifier);

    [Fact]
    public void OverBeforeADurationWithNoAmountIsMoreThan() => Assert.Equal(FigureQualifier.MoreThan, Assert.Single(Figures("The alliance is over 70 years old.")).Qualifier);

    [Fact]
    public void UrlsAreSkipped() => Assert.Empty(Figures("see https://example.org/a?q=30%25%2020% for more"));
}
