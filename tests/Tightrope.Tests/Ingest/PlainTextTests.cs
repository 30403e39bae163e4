using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class PlainTextTests
{
    [Theory]
    [InlineData("Allies agree on a new cost-sharing deal\n\nNegotiators met in Hawaii for a fourth round.", "Allies agree on a new cost-sharing deal")]
    [InlineData("Where does the alliance go next?\nOfficials met in Seoul on Monday.", "Where does the alliance go next?")]
    [InlineData("\n\n  Troop plan frozen  \nThe Pentagon said on Friday that the cut would stop.", "Troop plan frozen")]
    public void AHeadlineOnTheFirstLineBecomesTheTitle(string text, string title) =>
        Assert.Equal(title, PlainText.Headline(text));

    [Theory]
    [InlineData("Negotiators met in Hawaii for a fourth round.\nThey agreed on little.")]
    [InlineData("By Jane Doe\nNegotiators met in Hawaii.")]
    [InlineData("[Text/Staff writer]\nNegotiators met in Hawaii.")]
    [InlineData("A headline with nothing after it\n   \n")]
    [InlineData("One line only")]
    public void ProseBylinesAndLoneLinesAreNotTitles(string text) => Assert.Null(PlainText.Headline(text));

    [Fact]
    public void AFirstLineOfRunningProseIsNotATitle()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("the negotiators met again", 12));
        Assert.Null(PlainText.Headline(paragraph + "\nMore text."));
    }

    [Fact]
    public void APlainTextArticleKeepsItsHeadlineInTheTextAndAsTitle()
    {
        var raw = new RawDocument("memory:story.txt", "Seoul and Washington sign a pact\n\nThe two sides signed it."u8.ToArray(), "txt", new Model.ArticleMetadata());
        var article = Sources.ToArticle(raw);
        Assert.Equal("Seoul and Washington sign a pact", article.Metadata.Title);
        Assert.StartsWith("Seoul and Washington sign a pact", article.Text, StringComparison.Ordinal);
    }
}
