using Tightrope.Figures.Recognition;

namespace Tightrope.Tests.Figures;

public sealed class NumberExtractorTests
{
    private static (string Text, double Value)[] Numbers(string text) =>
        [.. NumberExtractor.Extract(text).Where(n => !n.Has(NumberFlags.Model)).Select(n => (text[n.Span.Start..n.Span.End], n.Value))];

    [Theory]
    [InlineData("about 28,500 soldiers", "28,500", 28500)]
    [InlineData("a level of 28500", "28500", 28500)]
    [InlineData("rate 1.5192 to one", "1.5192", 1.5192)]
    [InlineData("1.5192 trillion won", "1.5192 trillion", 1.5192e12)]
    [InlineData("$6.4bn in aid", "6.4bn", 6.4e9)]
    [InlineData("twelve ships", "twelve", 12)]
    [InlineData("a dozen drones", "a dozen", 12)]
    [InlineData("two-thirds of seats", "two-thirds", 2.0 / 3)]
    [InlineData("one-third of exports", "one-third", 1.0 / 3)]
    [InlineData("roughly 1/9 of it", "1/9", 1.0 / 9)]
    [InlineData("one hundred and sixty-one", "one hundred and sixty-one", 161)]
    [InlineData("twenty-one trillion three hundred", "twenty-one trillion three hundred", 21000000000300)]
    [InlineData("5192억 원", "5192억", 5192e8)]
    [InlineData("1조 5192억원", "1조 5192억", 1.5192e12)]
    [InlineData("3.5亿美元", "3.5亿", 3.5e8)]
    public void FindsNumbersInEveryWrittenForm(string text, string expectedText, double expected)
    {
        var found = Numbers(text);
        Assert.Contains(found, n => n.Text == expectedText && Math.Abs(n.Value - expected) <= Math.Abs(expected) * 1e-9);
    }

    [Theory]
    [InlineData("the 12th round of talks")]
    [InlineData("the 52nd security meeting")]
    [InlineData("his 45th term")]
    [InlineData("the fifth dialogue")]
    [InlineData("the first time")]
    public void OrdinalsAreNotNumbers(string text) => Assert.Empty(Numbers(text));

    [Theory]
    [InlineData("the SF4 plan", "4")]
    [InlineData("a Hwasong-18 launch", "18")]
    [InlineData("F-35A jets", "35")]
    [InlineData("(sf2/sf1.4)", "1.4")]
    public void NumbersGluedToLettersAreModelNumbers(string text, string digits)
    {
        var match = NumberExtractor.Extract(text).First(n => text[n.Span.Start..n.Span.End].Contains(digits, StringComparison.Ordinal));
        Assert.True(match.Has(NumberFlags.Model));
    }

    [Fact]
    public void AClockTimeIsFlaggedAsATime()
    {
        var found = NumberExtractor.Extract("at 7:59 a.m. on Friday");
        Assert.All(found, n => Assert.True(n.Has(NumberFlags.DateOrTime)));
    }

    [Fact]
    public void APronounOneIsNotANumber() => Assert.Empty(Numbers("Which one do you prefer?"));
}
