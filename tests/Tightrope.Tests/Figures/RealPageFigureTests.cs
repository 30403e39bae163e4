using Tightrope.Figures;
using Tightrope.Figures.Recognition;

namespace Tightrope.Tests.Figures;

/// <summary>Units, modifiers and non-figures as real news pages write them (issue 12 §4), from sentences of our own.</summary>
public sealed class RealPageFigureTests
{
    private static List<RecognizedFigure> Figures(string text) => [.. FigureRecognizer.Recognize(text).Where(f => f.Unit is not null)];

    [Theory]
    [InlineData("The rocket flew 1,100 km before it fell into the sea.", 1100, "kilometers")]
    [InlineData("It climbed to an altitude of 780 kilometers.", 780, "kilometers")]
    [InlineData("The drone came within 40 miles of the coast.", 40, "miles")]
    [InlineData("The new camp covers 3.5 million square meters of farmland.", 3.5e6, "square meters")]
    [InlineData("The old depot sat on 120,000 square metres.", 120000, "square meters")]
    [InlineData("Its footprint is 14,000 m² in all.", 14000, "square meters")]
    [InlineData("The zone spans 250 sq km along the border.", 250, "square kilometers")]
    [InlineData("The reservoir covers 12 km² of the valley.", 12, "square kilometers")]
    [InlineData("The site is 600 hectares of reclaimed land.", 600, "hectares")]
    [InlineData("The council adopted it with 11 votes in favour.", 11, "votes")]
    public void MeasureUnitsAfterTheNumber(string text, double value, string unit)
    {
        var f = Assert.Single(Figures(text));
        Assert.Equal(unit, f.Unit);
        Assert.Equal(value, f.Value, Math.Max(1e-9, value * 1e-9));
    }

    [Theory]
    [InlineData("Seoul offered 640 million U.S. dollars for the year.", 6.4e8, "USD")]
    [InlineData("Seoul offered 640 million US dollars for the year.", 6.4e8, "USD")]
    [InlineData("The grant is worth 75 million dollars.", 7.5e7, "USD")]
    [InlineData("The grant is worth US$ 75 million.", 7.5e7, "USD")]
    public void DollarsWrittenAfterTheNumber(string text, double value, string unit)
    {
        var f = Assert.Single(Figures(text));
        Assert.Equal(FigureKind.Money, f.Kind);
        Assert.Equal(unit, f.Unit);
        Assert.Equal(value, f.Value, value * 1e-9);
    }

    [Theory]
    [InlineData("About 21,000 U.S. troops remain on the peninsula.", 21000, "troops")]
    [InlineData("Some 3,200 American soldiers arrived in spring.", 3200, "soldiers")]
    [InlineData("Roughly 900 South Korean marines joined the drill.", 900, "marines")]
    public void AModifierBetweenTheNumberAndItsNoun(string text, double value, string unit)
    {
        var f = Assert.Single(Figures(text));
        Assert.Equal(unit, f.Unit);
        Assert.Equal(value, f.Value);
    }

    [Fact]
    public void AFoldIncreaseIsAChange()
    {
        var f = Assert.Single(Figures("The demand amounted to a sixfold increase in Seoul's share."));
        Assert.Equal(6, f.Value);
        Assert.Equal(FigureKind.Change, f.Kind);
    }

    [Fact]
    public void AVoteTallyCountsBothSides()
    {
        var found = Figures("The motion passed by a vote of 14 in favor and 1 against.");
        Assert.Equal([14.0, 1.0], found.Select(f => f.Value));
        Assert.All(found, f => Assert.Equal("votes", f.Unit));
    }

    [Theory]
    [InlineData("Updated 3 years ago")]
    [InlineData("Posted 11 hours ago by the desk")]
    [InlineData("Call 02-555-0134 for tickets.")]
    [InlineData("Page 2 of 9")]
    public void StampsPhoneNumbersAndPageCountsAreNotFigures(string text) => Assert.Empty(Figures(text));

    [Fact]
    public void SidesWithoutAVoteAreNotVotes() => Assert.Empty(Figures("The team won 3 against a weaker side."));
}
