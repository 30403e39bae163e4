using Tightrope.Dates;
using Tightrope.Model;

namespace Tightrope.Tests.Dates;

public class DateExpressionTests
{
    private static readonly DateOnly Anchor = new(2020, 10, 20); // a Tuesday

    private static List<DateExpression> Find(string text) =>
        [.. DateRecognizer.English.Find(text, [], Anchor).Select(f => f.Expression)];

    [Theory]
    [InlineData("The ministers met on November 7, 2019 in Seoul.", "November 7, 2019", "2019-11-07", null, DateKind.Date)]
    [InlineData("They met at 7:59 a.m. on Nov. 7 in Seoul.", "7:59 a.m. on Nov. 7", "2019-11-07T07:59", null, DateKind.Time)]
    [InlineData("Talks ran October 13 to 16 in Washington.", "October 13 to 16", "2020-10-13", "2020-10-16", DateKind.Range)]
    [InlineData("The drill ended on 14 July.", "14 July", "2020-07-14", null, DateKind.Date)]
    [InlineData("The plan was announced in mid-October.", "mid-October", "2020-10", null, DateKind.Date)]
    [InlineData("Prices rose in early 2025 and fell.", "early 2025", "2025", null, DateKind.Date)]
    [InlineData("Seoul paid less last year than before.", "last year", "2019", null, DateKind.Date)]
    [InlineData("Seoul will pay more next year.", "next year", "2021", null, DateKind.Date)]
    [InlineData("Officials met this month.", "this month", "2020-10", null, DateKind.Date)]
    [InlineData("The envoy arrived Tuesday night.", "Tuesday night", "2020-10-20TNI", null, DateKind.Time)]
    [InlineData("Output grows in the second half of 2026.", "the second half of 2026", "2026-H2", null, DateKind.Date)]
    [InlineData("The camp opened 70 years ago.", "70 years ago", "1950", null, DateKind.Date)]
    [InlineData("Such drills were common in the 1990s.", "the 1990s", "199X", null, DateKind.Date)]
    [InlineData("The two sides have recently drifted.", "recently", "PAST_REF", null, DateKind.Fuzzy)]
    [InlineData("Troops are now leaving.", "now", "PRESENT_REF", null, DateKind.Fuzzy)]
    [InlineData("The spokesman spoke on Friday.", "Friday", "2020-10-16", null, DateKind.Date)]
    [InlineData("The envoy will arrive on Friday.", "Friday", "2020-10-23", null, DateKind.Date)]
    [InlineData("The note was dated 2019-02-11 17:09 in the file.", "2019-02-11 17:09", "2019-02-11T17:09", null, DateKind.Time)]
    [InlineData("The page says 2023年4月26日 at the top.", "2023年4月26日", "2023-04-26", null, DateKind.Date)]
    [InlineData("The page says 2023년 4월 26일 at the top.", "2023년 4월 26일", "2023-04-26", null, DateKind.Date)]
    [InlineData("The page says 2023. 4. 26. at the top.", "2023. 4. 26.", "2023-04-26", null, DateKind.Date)]
    [InlineData("The page says 2019年11月 at the top.", "2019年11月", "2019-11", null, DateKind.Date)]
    [InlineData("Talks end early 2019.11.04 in Seoul.", "2019.11.04", "2019-11-04", null, DateKind.Date)]
    [InlineData("The minister spoke by phone with his counterpart on the 14th and agreed to meet.", "the 14th", "2020-10-14", null, DateKind.Date)]
    [InlineData("An official said on the 26th local time that the talks had stalled.", "the 26th", "2020-09-26", null, DateKind.Date)]
    [InlineData("The envoy will return on the 3rd, officials say.", "the 3rd", "2020-11-03", null, DateKind.Date)]
    [InlineData("The vote was held on the 31st.", "the 31st", "2020-08-31", null, DateKind.Date)]
    public void AnExpressionIsFoundWithItsSpanValueAndKind(string sentence, string text, string value, string? end, DateKind kind)
    {
        var e = Assert.Single(Find(sentence), d => d.Text == text);
        Assert.Equal(sentence.IndexOf(text, StringComparison.Ordinal), e.Span.Start);
        Assert.Equal(value, e.Value);
        Assert.Equal(end, e.EndValue);
        Assert.Equal(kind, e.Kind);
    }

    [Fact]
    public void NextToIsAPlaceNotTheFuture()
    {
        // "parked next to" is no future sentence: Friday is the one before the anchor (a Tuesday), not after it.
        var e = Assert.Single(Find("The bus parked next to the county office left on Friday."));
        Assert.Equal("2020-10-16", e.Value);
        Assert.Equal("2020-10-23", Assert.Single(Find("The bus will leave on Friday.")).Value);
    }

    [Theory]
    [InlineData("The base holds 2010 troops.")]
    [InlineData("It may rain, and they march on.")]
    [InlineData("The bill cost $2019 in fees.")]
    [InlineData("Crowds gathered on the 10th anniversary of the accord.")]
    [InlineData("The office is on the 3rd floor of the annex.")]
    public void CountsAndCommonWordsAreNotDates(string sentence) => Assert.Empty(Find(sentence));

    [Fact]
    public void ASentenceEndingWithAMonthKeepsItsFullStopOutOfTheSpan()
    {
        var e = Assert.Single(Find("The talks resumed in August."));
        Assert.Equal("August", e.Text);
        Assert.Equal("2020-08", e.Value);
    }

    [Fact]
    public void ValuesGiveTheDaysTheyCover()
    {
        Assert.Equal((new DateOnly(2018, 4, 1), new DateOnly(2018, 6, 30)), TimexValue.Bounds("2018-Q2"));
        Assert.Equal((new DateOnly(2019, 2, 1), new DateOnly(2019, 2, 28)), TimexValue.Bounds("2019-02"));
        Assert.Null(TimexValue.Bounds("PRESENT_REF"));
    }
}
