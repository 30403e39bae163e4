using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

/// <summary>The element a template names as the article's body, and the prose of it that Readability leaves out.</summary>
public class StoryContainerTests
{
    [Theory]
    [InlineData("""<div class="entry-content">x</div>""", true)]
    [InlineData("""<div class="wrap post-body">x</div>""", true)]
    [InlineData("""<section class="c-article-body">x</section>""", true)]
    [InlineData("""<div id="articleBody">x</div>""", true)]
    [InlineData("""<div itemprop="articleBody">x</div>""", true)]
    [InlineData("""<div class="article-list">x</div>""", false)]
    [InlineData("""<div class="content">x</div>""", false)]
    [InlineData("""<div class="body-text">x</div>""", false)]
    public void ATemplatesArticleBodyIsFoundByItsName(string element, bool found)
    {
        using var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<html><body>{element}</body></html>");
        Assert.Equal(found, StoryContainer.Find(doc.Body!) is not null);
    }

    [Fact]
    public void OfSeveralTheOneWithTheMostProseIsTaken()
    {
        using var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("""
            <html><body><div class="post-content" id="short"><p>Two lines of a teaser.</p></div>
            <div class="post-content" id="long"><p>The ferry company added a second boat to the island route this summer after a record spring.</p></div></body></html>
            """);
        Assert.Equal("long", StoryContainer.Find(doc.Body!)?.Id);
    }

    [Fact]
    public void AProseParagraphOfTheArticleBodyThatReadabilityLeavesOutIsPutBackInPlace()
    {
        using var dir = new TempFolder();
        var para = "<p>The river authority opened the new locks on Thursday, ending two years of detours for barges, and said the tolls would stay low.</p>";
        var page = $"""
            <html><body><div class="entry-content">
            <div class="abstract"><div><div><div><p>An abstract of the report without any commas says the new locks cut the journey to the coast by half a day for most barges</p></div></div></div></div>
            <div class="main-part">{string.Concat(Enumerable.Repeat(para, 8))}</div>
            </div></body></html>
            """;
        var text = Read.Article(dir.Write("abstract.html", page)).RawText;
        int abstractAt = text.IndexOf("An abstract of the report", StringComparison.Ordinal);
        Assert.True(abstractAt >= 0, text);
        Assert.True(abstractAt < text.IndexOf("opened the new locks", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenReadabilityKeptNoneOfThePagesBlocksTheNamedBodysProseFollowsWhatItChose()
    {
        using var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("""
            <html><body><div class="post-body">
            <p>The river authority opened the new locks on Thursday, ending two years of detours for barges carrying grain to the coast.</p>
            <p>Short line.</p></div></body></html>
            """);
        var outline = BlockOutline.Of(doc.Body!);
        var region = StoryContainer.Find(doc.Body!)!;
        var chosen = doc.CreateElement("div");
        chosen.TextContent = "A table Readability chose";
        Assert.True(outline.PutBackProse(chosen, region));
        Assert.Contains("opened the new locks on Thursday", chosen.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Short line.", chosen.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("A table Readability chose", chosen.TextContent, StringComparison.Ordinal);
    }
}
