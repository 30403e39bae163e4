namespace Tightrope.Tests.Ingest;

/// <summary>Blocks Readability leaves out of the story that <c>BlockOutline</c> puts back: the lead in the article's header.</summary>
public class HtmlPutBackTests
{
    private const string Paragraphs = """
        <p>The river authority opened the new locks on Thursday, ending two years of detours for barges carrying grain to the coast.</p>
        <p>Engineers said the gates were built to cope with the higher water levels that the valley has seen in recent winters.</p>
        <p>Shipping companies welcomed the opening, and several said they would move cargo back from the roads within a month.</p>
        <p>The authority will publish the new toll schedule next week, after a consultation with the barge operators' union.</p>
        <p>Farmers in the upper valley, who had paid more to send their harvest by lorry, said the reopening came just in time for autumn.</p>
        <p>Two smaller locks further upstream are due to be rebuilt in the same way over the next four years, the authority said.</p>
        """;

    [Fact]
    public void TheLeadInTheArticlesHeaderComesBeforeTheStory()
    {
        using var dir = new TempFolder();
        var page = $"""
            <html><body><article><header class="story-header"><h1>New locks open on the river</h1>
            <p class="intro">Barges can take the short route to the coast again after two years of works on the valley's waterway.</p></header>
            <div class="body">{Paragraphs}</div></article></body></html>
            """;
        var text = Read.Article(dir.Write("lead.html", page)).RawText;
        int lead = text.IndexOf("Barges can take the short route", StringComparison.Ordinal);
        int story = text.IndexOf("opened the new locks on Thursday", StringComparison.Ordinal);
        Assert.True(lead >= 0, text);
        Assert.True(lead < story);
    }

    [Fact]
    public void ALinkRowInTheArticlesHeaderStaysOut()
    {
        using var dir = new TempFolder();
        var page = $"""
            <html><body><article><header class="story-header">
            <p class="topics"><a href="/t/rivers">Rivers and canals</a> <a href="/t/shipping">Shipping news</a> <a href="/t/valley">The valley</a></p></header>
            <div class="body">{Paragraphs}</div></article></body></html>
            """;
        var text = Read.Article(dir.Write("topics.html", page)).RawText;
        Assert.Contains("opened the new locks on Thursday", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Shipping news", text, StringComparison.Ordinal);
    }
}
