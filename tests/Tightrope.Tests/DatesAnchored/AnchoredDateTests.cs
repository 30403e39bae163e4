using Tightrope.Dates;
using Tightrope.Model;

namespace Tightrope.Tests.DatesAnchored;

/// <summary>Rules 43-49: lengths of time ahead, shifted dates, and expressions anchored to the time the text last told of.</summary>
public class AnchoredDateTests
{
    private static readonly DateOnly Anchor = new(2020, 10, 20); // a Tuesday

    private static List<DateExpression> Find(string text) =>
        [.. DateRecognizer.English.Find(text, Sentences(text), Anchor).Select(f => f.Expression)];

    /// <summary>The sentences of a test text, which ends each with ". ".</summary>
    private static List<Sentence> Sentences(string text)
    {
        var spans = new List<Sentence>();
        int start = 0;
        for (int i = text.IndexOf(". ", StringComparison.Ordinal); i >= 0; i = text.IndexOf(". ", start, StringComparison.Ordinal))
        {
            spans.Add(new Sentence(new TextSpan(start, i + 1)));
            start = i + 2;
        }

        spans.Add(new Sentence(new TextSpan(start, text.Length)));
        return spans;
    }

    [Theory]
    [InlineData("The envoy arrived on March 3, 2019 and left the next day.", "the next day", "2019-03-04")]
    [InlineData("The envoy arrived on March 3, 2019 and left the following day.", "the following day", "2019-03-04")]
    [InlineData("The treaty was signed on June 12, 2018. The day before, the envoys met in a hotel.", "The day before", "2018-06-11")]
    [InlineData("The talks opened on March 3, 2019. Five months later the deal was signed.", "Five months later", "2019-08-03")]
    [InlineData("The plant shut on May 2, 2019, and a second one closed two weeks later.", "two weeks later", "2019-05-16")]
    [InlineData("The drill began on May 2, 2019, and a second one started on the same day.", "the same day", "2019-05-02")]
    [InlineData("The firm was founded in 2015. That year it hired ten people.", "That year", "2015")]
    [InlineData("The vote came three days after January 12, 2019, in the rain.", "three days after January 12, 2019", "2019-01-15")]
    [InlineData("Staff were told to leave two weeks before March 30, 2019, by letter.", "two weeks before March 30, 2019", "2019-03-16")]
    public void AnAnchoredExpressionCountsFromTheTimeTheTextLastToldOf(string sentence, string text, string value)
    {
        var e = Assert.Single(Find(sentence), d => d.Text == text);
        Assert.Equal(sentence.IndexOf(text, StringComparison.Ordinal), e.Span.Start);
        Assert.Equal(value, e.Value);
        Assert.Equal(DateKind.Date, e.Kind);
    }

    [Fact]
    public void BeforeAnyDateOfTheTextTheReferenceIsTheArticleDate()
    {
        var e = Assert.Single(Find("Officials said the next day would bring more rain."), d => d.Text == "the next day");
        Assert.Equal("2020-10-21", e.Value);
    }

    [Fact]
    public void ALengthOfTimeAheadEndsThatFarAfterTheArticleDate()
    {
        var e = Assert.Single(Find("The envoy will return in two weeks, aides say."), d => d.Text == "two weeks");
        Assert.Equal("P2W", e.Value);
        Assert.Equal("2020-11-03", e.EndValue);
        Assert.Equal(DateKind.Duration, e.Kind);
    }

    [Theory]
    [InlineData("The work was finished in two weeks by the crew.", "two weeks")]
    [InlineData("The season began a month earlier than usual, doctors said.", "a month earlier")]
    [InlineData("The firm was founded in 2015. A week later it hired ten people.", "A week later")]
    [InlineData("The polls closed and two days after the vote the count began.", "two days after")]
    [InlineData("The talks opened on March 3, 2019. Nothing moved. Nobody spoke for weeks. Five months later the deal was signed.", "Five months later")]
    public void WithoutAReferenceItCanNameOrInThePastTheExpressionIsLeftOut(string sentence, string text) =>
        Assert.DoesNotContain(Find(sentence), d => d.Text.StartsWith(text, StringComparison.Ordinal));
}
