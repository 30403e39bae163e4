using System.Text;
using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

/// <summary>A page saved as a JSON document (a WordPress REST answer): the article is read out of it.</summary>
public sealed class JsonPageTests
{
    private static Model.Article Read(string text) =>
        Sources.ToArticle(new RawDocument("memory:page.txt", Encoding.UTF8.GetBytes(text), "txt", new Model.ArticleMetadata()));

    [Fact]
    public void AWordPressPostGivesItsTitleDateLinkAndContentNotTheJson()
    {
        const string json = """
            {"id":7,"date":"2024-03-02T08:15:00","link":"https://example.org/allies-drills/",
             "title":{"rendered":"Allies agree on spring drills"},
             "content":{"rendered":"<p>Negotiators met for a third day to settle the cost of the base.<\/p>\n<p>Officials said the gap had narrowed.<\/p>","protected":false},
             "excerpt":{"rendered":"<p>Short.<\/p>"}}
            """;
        var a = Read(json);
        Assert.Equal("Allies agree on spring drills", a.Metadata.Title);
        Assert.Equal(new DateOnly(2024, 3, 2), a.Metadata.Published);
        Assert.Equal("https://example.org/allies-drills/", a.Metadata.Url);
        Assert.StartsWith("Allies agree on spring drills", a.Text, StringComparison.Ordinal);
        Assert.Contains("Officials said the gap had narrowed.", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("rendered", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArrayOfPostsGivesTheFirst()
    {
        var a = Read("""[{"title":"Envoys meet","content":"The envoys met in Seoul on Monday and agreed to talk again."},{"title":"Other","content":"Other text."}]""");
        Assert.Equal("Envoys meet", a.Metadata.Title);
        Assert.Contains("The envoys met in Seoul", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Other text", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json at all, only braces}")]
    [InlineData("{\"id\": 3, \"name\": \"no body field\"}")]
    public void TextThatIsNotAnArticleDocumentStaysText(string text) =>
        Assert.Equal(text, Read(text).Text);
}
