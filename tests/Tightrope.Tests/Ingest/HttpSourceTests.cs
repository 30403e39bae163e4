using System.Text;
using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class HttpSourceTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("""
        <html><head><title>Summit ends</title><meta property="og:site_name" content="Local Wire"></head>
        <body><article><p>The two leaders ended their summit with a joint statement on extended deterrence and new consultation groups.</p>
        <p>Officials said a nuclear consultative group would meet four times a year, starting this summer in Washington.</p></article></body></html>
        """);

    private const string Feed = """
        <rss version="2.0"><channel><title>Local Feed</title>
        <item><title>One</title><link>http://127.0.0.1/one</link><description>First item text.</description></item>
        <item><title>Two</title><description>Second item text.</description></item>
        </channel></rss>
        """;

    private static SourceOptions Fast => new() { HttpTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public void AUrlIsFetchedWithTheConfiguredUserAgentAndExtracted()
    {
        using var server = new LocalHttpServer().On("/story", new LocalHttpServer.Response(200, Page));
        var url = server.Url("/story");
        var options = Fast with { UserAgent = "TightropeTest/1.0" };
        var raw = Read.Document(Read.All(options, url));
        var article = Sources.ToArticle(raw);
        Assert.Equal("Summit ends", article.Metadata.Title);
        Assert.Equal("Local Wire", article.Metadata.Source);
        Assert.Equal(url, article.Metadata.Origin);
        Assert.Equal(url, article.Metadata.Url);
        Assert.Contains("joint statement on extended deterrence", article.RawText, StringComparison.Ordinal);
        Assert.Equal("TightropeTest/1.0", Assert.Single(server.Requests).Headers["User-Agent"]);
    }

    [Theory]
    [InlineData(404, "HTTP 404")]
    [InlineData(500, "HTTP 500")]
    public void AnHttpErrorIsAFailureNamingTheUrl(int status, string reason)
    {
        using var server = new LocalHttpServer().On("/bad", new LocalHttpServer.Response(status, "oops"u8.ToArray(), "text/plain"));
        var url = server.Url("/bad");
        var failure = Read.Failure(Read.All(Fast, url));
        Assert.Equal(url, failure.Input);
        Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AServerThatDoesNotAnswerInTimeIsATimeout()
    {
        using var server = new LocalHttpServer().On("/slow", new LocalHttpServer.Response(200, Page, Delay: TimeSpan.FromSeconds(10)));
        var failure = Read.Failure(Read.All(new SourceOptions { HttpTimeout = TimeSpan.FromMilliseconds(300) }, server.Url("/slow")));
        Assert.Contains("timed out", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingListeningIsAConnectionFailure()
    {
        string url;
        using (var server = new LocalHttpServer())
        {
            url = server.Url("/gone");
        }

        var failure = Read.Failure(Read.All(Fast, url));
        Assert.Equal(url, failure.Input);
        Assert.False(string.IsNullOrWhiteSpace(failure.Reason));
    }

    [Fact]
    public void RedirectsAreFollowedUpToTheLimit()
    {
        using var server = new LocalHttpServer();
        for (int i = 0; i < 4; i++)
        {
            server.On($"/r{i}", new LocalHttpServer.Response(302, [], null, Location: $"/r{i + 1}"));
        }

        server.On("/r4", new LocalHttpServer.Response(200, Page));
        var raw = Read.Document(Read.All(Fast with { MaxRedirects = 4 }, server.Url("/r0")));
        Assert.Equal(server.Url("/r4"), raw.Metadata.Url);

        var failure = Read.Failure(Read.All(Fast with { MaxRedirects = 3 }, server.Url("/r0")));
        Assert.Contains("more than 3 redirects", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AResponseOverTheSizeCapIsRejected()
    {
        var big = new byte[200_000];
        Array.Fill(big, (byte)'a');
        using var server = new LocalHttpServer()
            .On("/declared", new LocalHttpServer.Response(200, big, "text/plain"))
            .On("/undeclared", new LocalHttpServer.Response(200, big, "text/plain", DeclaredLength: -1));
        var options = Fast with { MaxBytes = 50_000 };
        Assert.Contains("over the 50,000-byte limit (not read)", Read.Failure(Read.All(options, server.Url("/declared"))).Reason, StringComparison.Ordinal);
        Assert.Contains("over the 50,000-byte limit (stopped reading)", Read.Failure(Read.All(options, server.Url("/undeclared"))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeedUrlIsRecognisedByItsContentAndGivesItsItems()
    {
        using var server = new LocalHttpServer().On("/feed", new LocalHttpServer.Response(200, Encoding.UTF8.GetBytes(Feed), "text/xml"));
        var docs = Read.Documents(Read.All(Fast, server.Url("/feed"))).ToList();
        Assert.Equal(["One", "Two"], docs.Select(d => d.Metadata.Title));
        Assert.Equal("Second item text.", Sources.ToArticle(docs[1]).RawText);
    }

    [Fact]
    public void TheContentTypeCharsetDecodesALegacyPage()
    {
        var html = "<html><body><p>주한미군 방위비 분담금 협상이 타결되었다.</p></body></html>";
        using var server = new LocalHttpServer().On("/kr", new LocalHttpServer.Response(200, Encoding.GetEncoding("euc-kr").GetBytes(html), "text/html; charset=EUC-KR"));
        var raw = Read.Document(Read.All(Fast, server.Url("/kr")));
        Assert.Equal("EUC-KR", raw.Charset);
        Assert.Contains("주한미군 방위비 분담금 협상이 타결되었다.", Sources.ToArticle(raw).RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void AUrlListFileFetchesEachUrlAndReportsBadLinesAndFailures()
    {
        using var server = new LocalHttpServer()
            .On("/a", new LocalHttpServer.Response(200, Page))
            .On("/b", new LocalHttpServer.Response(404, [], "text/plain"));
        using var dir = new TempFolder();
        var list = dir.Write("reading.urls", $"# morning reading\n{server.Url("/a")}\nnot a url\n\n{server.Url("/b")}\n");
        var items = Read.All(Fast, list);
        Assert.Equal(3, items.Count);
        Assert.Equal(server.Url("/a"), Assert.IsType<SourceItem.Document>(items[0]).Raw.Origin);
        var bad = Assert.IsType<SourceItem.Failure>(items[1]);
        Assert.Equal((list, 3), (bad.Input, bad.Line));
        Assert.Equal(server.Url("/b"), Assert.IsType<SourceItem.Failure>(items[2]).Input);
    }

    [Fact]
    public void ATextFileOfUrlsIsReadAsAUrlList()
    {
        using var server = new LocalHttpServer().On("/a", new LocalHttpServer.Response(200, Page));
        using var dir = new TempFolder();
        var list = dir.Write("links.txt", server.Url("/a") + "\n");
        Assert.Equal(server.Url("/a"), Read.Document(Read.All(Fast, list)).Origin);
    }
}
