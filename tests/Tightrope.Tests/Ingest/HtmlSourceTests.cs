using System.Text;
using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class HtmlSourceTests
{
    private static string Page(string head, string article) => $$"""
        <!doctype html>
        <html><head>{{head}}</head>
        <body>
          <nav class="menu"><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/world">World</a></nav>
          <div class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Celebrity wedding</a></li><li><a href="/y">Weather</a></li></ul></div>
          <article>{{article}}</article>
          <footer>Copyright 2024 Example Media. All rights reserved.</footer>
        </body></html>
        """;

    private const string Body = """
        <h1>Allies extend cost-sharing deal</h1>
        <p>Seoul and Washington signed a six-year agreement on Tuesday that raises the South Korean contribution to the upkeep of American forces stationed on the peninsula.</p>
        <p>The accord, reached after months of negotiation, sets the first-year payment at about 1.5 trillion won and ties later increases to the growth of the South Korean defence budget.</p>
        <p>Officials from both governments said the deal removes a source of friction that had strained the alliance, and that joint exercises would continue on their usual schedule.</p>
        """;

    [Fact]
    public void ReadabilityKeepsTheArticleBodyAsParagraphsAndDropsTheNavigation()
    {
        using var dir = new TempFolder();
        var path = dir.Write("story.html", Page("<title>Deal | Example</title>", Body));
        var text = Read.Article(path).RawText;
        Assert.Contains("Seoul and Washington signed a six-year agreement", text, StringComparison.Ordinal);
        Assert.Contains("peninsula.\n\nThe accord", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Celebrity wedding", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Politics", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataComesFromOpenGraphArticleTagsAndTheCanonicalLink()
    {
        using var dir = new TempFolder();
        var head = """
            <title>Deal | Example</title>
            <meta property="og:title" content="Allies extend cost-sharing deal">
            <meta property="og:site_name" content="Example Daily">
            <meta property="article:published_time" content="2021-03-09T23:30:00-05:00">
            <meta name="author" content="Kim Min-ji">
            <link rel="canonical" href="https://news.example.com/2021/03/deal">
            """;
        var article = Read.Article(dir.Write("story.html", Page(head, Body)));
        Assert.Equal("Allies extend cost-sharing deal", article.Metadata.Title);
        Assert.Equal("Example Daily", article.Metadata.Source);
        Assert.Equal(new DateOnly(2021, 3, 9), article.Metadata.Published);
        Assert.Equal("Kim Min-ji", article.Metadata.Author);
        Assert.Equal("https://news.example.com/2021/03/deal", article.Metadata.Url);
        Assert.Equal("html", article.Metadata.Format);
    }

    [Fact]
    public void ItempropAndTimeElementsGiveTheDateAndTheHostNamesTheSource()
    {
        using var dir = new TempFolder();
        var head = """<link rel="canonical" href="https://www.koreaobserver.example/a/1">""";
        var body = "<span itemprop=\"author\">Lee Soo-jin</span><time datetime=\"2018-06-12T10:00:00+08:00\">June 12</time>" + Body;
        var article = Read.Article(dir.Write("story.htm", Page(head, body)));
        Assert.Equal(new DateOnly(2018, 6, 12), article.Metadata.Published);
        Assert.Equal("www.koreaobserver.example", article.Metadata.Source);
        Assert.Equal("Lee Soo-jin", article.Metadata.Author);
    }

    [Fact]
    public void AShortPageWithoutAnArticleFallsBackToTheBodyText()
    {
        using var dir = new TempFolder();
        var article = Read.Article(dir.Write("short.html", "<html><body><div>Brief note.</div><div>Second line.</div></body></html>"));
        Assert.Contains("Brief note.", article.RawText, StringComparison.Ordinal);
        Assert.Contains("Second line.", article.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMetaCharsetOfALegacyKoreanPageIsHonoured()
    {
        using var dir = new TempFolder();
        var html = "<html><head><meta charset=\"euc-kr\"><title>한미 방위비 협상</title></head><body><p>주한미군 방위비 분담금 협상이 타결되었다.</p></body></html>";
        var path = dir.Write("korean.html", Encoding.GetEncoding("euc-kr").GetBytes(html));
        var article = Read.Article(path);
        Assert.Equal("한미 방위비 협상", article.Metadata.Title);
        Assert.Contains("주한미군 방위비 분담금 협상이 타결되었다.", article.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedHtmlIsReadWithoutOverflowingTheStack()
    {
        using var dir = new TempFolder();
        var sb = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append("<div>");
        }

        sb.Append("The innermost sentence survives.");
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append("</div>");
        }

        sb.Append("</body></html>");
        var article = Read.Article(dir.Write("deep.html", sb.ToString()));
        Assert.Equal("The innermost sentence survives.", article.RawText.Trim());
    }

    [Fact]
    public void MalformedHtmlStillGivesItsText()
    {
        using var dir = new TempFolder();
        var html = "<html><body><p>Unclosed paragraph <b>bold <i>both</b> italic?</p><table><tr><td>cell one<td>cell two</table><p>Last words &amp; an &bogus; entity <";
        var article = Read.Article(dir.Write("broken.html", html));
        Assert.Contains("Unclosed paragraph bold both italic?", article.RawText, StringComparison.Ordinal);
        Assert.Contains("cell one cell two", article.RawText, StringComparison.Ordinal);
        Assert.Contains("Last words & an &bogus; entity", article.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void AnHtmlPageWithNoTextCannotBecomeAnArticle()
    {
        using var dir = new TempFolder();
        var raw = Read.Document(Read.All(dir.Write("blank.html", "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")));
        var ex = Assert.Throws<SourceException>(() => Sources.ToArticle(raw));
        Assert.Contains("blank.html", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no article text", ex.Reason, StringComparison.Ordinal);
    }
}

public class HtmlTextTests
{
    [Fact]
    public void OneBreakIsALineAndTwoBreaksMakeAParagraph()
    {
        var text = HtmlExtractor.FragmentText("First line<br>same paragraph<br><br>Second paragraph<br/><br/><br/>Third");
        Assert.Equal("First line\nsame paragraph\n\nSecond paragraph\n\nThird", text);
    }

    [Fact]
    public void ListItemsAreLinesAndScriptsAreDropped()
    {
        var text = HtmlExtractor.FragmentText("<p>Intro</p><ul><li>one</li><li>two</li></ul><script>alert(1)</script><pre>a\n  b</pre>");
        Assert.Equal("Intro\n\none\ntwo\n\na\n  b", text);
    }
}
