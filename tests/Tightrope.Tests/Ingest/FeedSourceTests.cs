using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class FeedSourceTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Peninsula Watch</title>
            <link>https://watch.example.net/</link>
            <item>
              <title>Exercise resumes</title>
              <link>https://watch.example.net/1</link>
              <pubDate>Mon, 04 Mar 2024 08:00:00 +0900</pubDate>
              <dc:creator>Choi Ji-ho</dc:creator>
              <description>Short summary.</description>
              <content:encoded><![CDATA[<p>The allies began their spring drills.</p><p>About 10,000 troops took part.</p>]]></content:encoded>
            </item>
            <item>
              <title>Envoy visits Seoul</title>
              <link>https://watch.example.net/2</link>
              <pubDate>Tue, 05 Mar 2024 17:30:00 GMT</pubDate>
              <description>&lt;p&gt;The special envoy met the foreign minister.&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Alliance Log</title>
          <entry>
            <title>Troop level debate</title>
            <link rel="self" href="https://log.example.org/self/9"/>
            <link rel="alternate" href="https://log.example.org/9"/>
            <published>2020-07-21T06:00:00-04:00</published>
            <author><name>Dana Lee</name></author>
            <content type="html">&lt;p&gt;Lawmakers pushed back on a drawdown.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Plain summary</title>
            <updated>2020-07-22T00:00:00Z</updated>
            <summary type="text">Only a summary &lt;here&gt;.</summary>
          </entry>
        </feed>
        """;

    [Fact]
    public void RssItemsBecomeArticlesWithTheirMetadataAndContent()
    {
        using var dir = new TempFolder();
        var path = dir.Write("watch.xml", Rss);
        var articles = Read.Documents(Read.All(path)).Select(Sources.ToArticle).ToList();
        Assert.Equal(2, articles.Count);
        var first = articles[0];
        Assert.Equal("Exercise resumes", first.Metadata.Title);
        Assert.Equal("https://watch.example.net/1", first.Metadata.Url);
        Assert.Equal(new DateOnly(2024, 3, 4), first.Metadata.Published);
        Assert.Equal("Choi Ji-ho", first.Metadata.Author);
        Assert.Equal("Peninsula Watch", first.Metadata.Source);
        Assert.Equal("rss", first.Metadata.Format);
        Assert.Equal("The allies began their spring drills.\n\nAbout 10,000 troops took part.", first.RawText);
        Assert.Equal("The special envoy met the foreign minister.", articles[1].RawText);
        Assert.Equal(new DateOnly(2024, 3, 5), articles[1].Metadata.Published);
        Assert.NotEqual(articles[0].Id, articles[1].Id);
    }

    [Fact]
    public void ReadingTheSameFeedTwiceGivesTheSameIds()
    {
        using var dir = new TempFolder();
        var path = dir.Write("watch.rss", Rss);
        var first = Read.Documents(Read.All(path)).Select(d => Sources.ToArticle(d).Id).ToList();
        var second = Read.Documents(Read.All(path)).Select(d => Sources.ToArticle(d).Id).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void AtomEntriesUseTheAlternateLinkAndContentOrSummary()
    {
        using var dir = new TempFolder();
        var articles = Read.Documents(Read.All(dir.Write("log.atom", Atom))).Select(Sources.ToArticle).ToList();
        Assert.Equal(2, articles.Count);
        Assert.Equal("https://log.example.org/9", articles[0].Metadata.Url);
        Assert.Equal("Dana Lee", articles[0].Metadata.Author);
        Assert.Equal(new DateOnly(2020, 7, 21), articles[0].Metadata.Published);
        Assert.Equal("Alliance Log", articles[0].Metadata.Source);
        Assert.Equal("Lawmakers pushed back on a drawdown.", articles[0].RawText);
        Assert.Equal("Only a summary <here>.", articles[1].RawText);
        Assert.Equal("atom", articles[1].Metadata.Format);
    }

    [Fact]
    public void AFeedThatIsNotXmlIsOneFailure()
    {
        using var dir = new TempFolder();
        var path = dir.Write("broken.rss", "this is { not xml at all");
        var failure = Read.Failure(Read.All(path));
        Assert.Equal(path, failure.Input);
        Assert.Contains("not well-formed XML", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeedBrokenPartWayGivesItsEarlierItemsThenAFailureWithTheLine()
    {
        using var dir = new TempFolder();
        var broken = Rss.Replace("<title>Envoy visits Seoul</title>", "<title>Envoy visits Seoul</titel>", StringComparison.Ordinal);
        var path = dir.Write("half.xml", broken);
        var items = Read.All(path);
        Assert.IsType<SourceItem.Document>(items[0]);
        var failure = Assert.IsType<SourceItem.Failure>(items[1]);
        Assert.Equal(2, items.Count);
        Assert.NotNull(failure.Line);
        Assert.True(failure.Line > 10);
    }

    [Fact]
    public void XmlThatIsNotAFeedIsAFailureNamingItsRoot()
    {
        using var dir = new TempFolder();
        var failure = Read.Failure(Read.All(dir.Write("sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example</loc></url></urlset>")));
        Assert.Contains("<urlset>", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeedWithoutItemsIsAFailure()
    {
        using var dir = new TempFolder();
        var failure = Read.Failure(Read.All(dir.Write("empty.xml", "<rss version=\"2.0\"><channel><title>Nothing</title></channel></rss>")));
        Assert.Contains("no items", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentTypeDeclarationCannotExpandEntities()
    {
        using var dir = new TempFolder();
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss><channel><item><title>&c;</title><description>x</description></item></channel></rss>";
        var items = Read.All(dir.Write("bomb.xml", bomb));
        var failure = Assert.IsType<SourceItem.Failure>(Assert.Single(items));
        Assert.Contains("XML", failure.Reason, StringComparison.Ordinal);
    }
}

public class FeedDetectionTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- generator -->\n<rss version=\"2.0\">", true)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\">", true)]
    [InlineData("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", true)]
    [InlineData("<!doctype html><html><body><p>Subscribe to our <rss> feed</p>", false)]
    [InlineData("<html><head><link rel=\"alternate\" type=\"application/rss+xml\"></head>", false)]
    public void AFeedIsRecognisedByItsRootElementOnly(string head, bool isFeed) =>
        Assert.Equal(isFeed, FeedSource.LooksLikeFeed(System.Text.Encoding.UTF8.GetBytes(head)));
}
