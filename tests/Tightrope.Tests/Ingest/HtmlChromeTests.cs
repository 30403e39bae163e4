using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class HtmlChromeTests
{
    [Fact]
    public void ALinkListInsideTheStoryIsDroppedAndItsProseKept()
    {
        using var dir = new TempFolder();
        var page = """
            <html><body><article>
            <p>The river authority opened the new locks on Thursday, ending two years of detours for barges carrying grain to the coast.</p>
            <ul><li><a href="/a">Canal fees rise again</a></li><li><a href="/b">Ten photos of the flood</a></li><li><a href="/c">Mayor visits the docks</a></li></ul>
            <p>Engineers said the gates were built to cope with the higher water levels that the valley has seen in recent winters.</p>
            <p>Shipping companies welcomed the opening, and several said they would move cargo back from the roads within a month.</p>
            </article></body></html>
            """;
        var text = Read.Article(dir.Write("locks.html", page)).RawText;
        Assert.Contains("opened the new locks on Thursday", text, StringComparison.Ordinal);
        Assert.Contains("Engineers said the gates", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ten photos of the flood", text, StringComparison.Ordinal);
    }

    private const string Story = """
        <p>The river authority opened the new locks on Thursday, ending two years of detours for barges carrying grain to the coast.</p>
        <p>Engineers said the gates were built to cope with the higher water levels that the valley has seen in recent winters.</p>
        <p>Shipping companies welcomed the opening, and several said they would move cargo back from the roads within a month.</p>
        """;

    [Fact]
    public void ChromeNamedByClassRoleOrTagIsRemovedBeforeTheBodyIsChosen()
    {
        using var dir = new TempFolder();
        var page = $"""
            <html><body>
            <div role="navigation">Home World Sport Weather</div>
            <div class="entry-content">{Story}
            <div class="share-buttons">Share this story on your favourite network today</div>
            <div id="related_posts"><p>Readers also enjoyed a long report about the harbour cranes and their drivers.</p></div>
            </div>
            <aside><p>The weekly quiz is back with twenty questions about the history of inland shipping.</p></aside>
            <div class="cookie-banner">We use cookies to improve the site for every visitor</div>
            </body></html>
            """;
        var text = Read.Article(dir.Write("chrome.html", page)).RawText;
        Assert.Contains("opened the new locks on Thursday", text, StringComparison.Ordinal);
        Assert.Contains("move cargo back from the roads", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this story", text, StringComparison.Ordinal);
        Assert.DoesNotContain("harbour cranes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("weekly quiz", text, StringComparison.Ordinal);
        Assert.DoesNotContain("We use cookies", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home World Sport", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAsideOfRelatedArticleCardsGoesThoughItHoldsArticles()
    {
        var page = $"""
            <html><body><div class="page"><div class="story">{Story}</div>
            <aside><h2>Read next</h2><article><p>The ferry timetable changes in May for the island routes.</p></article>
            <article><p>A new bridge is planned over the lower canal near the mills.</p></article></aside>
            <div class="sidebar"><main>{Story}</main></div></div></body></html>
            """;
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        HtmlChrome.Remove(document.Body!);
        var text = document.Body!.TextContent;
        Assert.Contains("opened the new locks on Thursday", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ferry timetable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Read next", text, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("main"));
    }

    [Fact]
    public void APhotoCaptionIsNotStoryText()
    {
        using var dir = new TempFolder();
        var page = $"""<html><body><article><figure><img src="a.jpg"><figcaption>Barges wait below the old gates in March. Photo: River Authority</figcaption></figure>{Story}</article></body></html>""";
        var text = Read.Article(dir.Write("caption.html", page)).RawText;
        Assert.Contains("opened the new locks on Thursday", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Barges wait below the old gates", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AContainerNamedLikeChromeThatHoldsALongParagraphIsKept()
    {
        // Page builders wrap every block in a "widget-container"; a lead sits in a "teaser-text": a paragraph of 60
        // words or more outside links is story text, whatever its container is called.
        using var dir = new TempFolder();
        var lead = "<p>" + string.Join(' ', Enumerable.Repeat("The authority said the new gates would carry grain barges all year.", 6)) + "</p>";
        var widget = """<div class="widget-container"><p>Share this story with a friend today</p></div>""";
        var page = $"""<html><body><div class="page-widget-container">{lead}</div>{widget}<div class="text">{Story}{Story}{Story}</div></body></html>""";
        var text = Read.Article(dir.Write("builder.html", page)).RawText;
        Assert.Contains("would carry grain barges all year", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this story with a friend", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnclosedElementInsideNoscriptDoesNotSwallowThePage()
    {
        // Browsers run scripts, so <noscript> holds raw text: the <div> it opens is no element and the page follows.
        using var dir = new TempFolder();
        var page = $"""<html><body><noscript><div class="warning"></noscript><div class="text">{Story}</div></body></html>""";
        var text = Read.Article(dir.Write("noscript.html", page)).RawText;
        Assert.Contains("opened the new locks on Thursday", text, StringComparison.Ordinal);
        Assert.Contains("Shipping companies welcomed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrapperWhoseNameSoundsLikeChromeIsKeptWhenItHoldsTheProse()
    {
        using var dir = new TempFolder();
        var page = $"""<html><body><div class="layout has-sidebar"><div class="text">{Story}</div></div></body></html>""";
        var text = Read.Article(dir.Write("wrapper.html", page)).RawText;
        Assert.Contains("opened the new locks on Thursday", text, StringComparison.Ordinal);
        Assert.Contains("Shipping companies welcomed", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("share-bar", true)]
    [InlineData("post_comments", true)]
    [InlineData("article-body", false)]
    [InlineData("shareholder-report", false)]
    public void ClassNamesAreMatchedWordByWord(string className, bool chrome)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var doc = parser.ParseDocument($"<div class=\"{className}\">x</div>");
        Assert.Equal(chrome, Tightrope.Ingest.HtmlChrome.IsChrome(doc.Body!.FirstElementChild!));
    }

    [Fact]
    public void AHeadingIsNotChromeByItsClassOrIdAlone()
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var doc = parser.ParseDocument("""
            <body><h3 id="nav_results_of_the_trial">Results of the trial</h3><h2 class="story-teaser">What the engineers found</h2>
            <div id="nav_results_of_the_trial">Home World Sport</div><h3 class="menu" role="navigation">Sections</h3></body>
            """);
        var elements = doc.Body!.Children;
        Assert.False(Tightrope.Ingest.HtmlChrome.IsChrome(elements[0]));
        Assert.False(Tightrope.Ingest.HtmlChrome.IsChrome(elements[1]));
        Assert.True(Tightrope.Ingest.HtmlChrome.IsChrome(elements[2]));
        Assert.True(Tightrope.Ingest.HtmlChrome.IsChrome(elements[3]));
    }
}
