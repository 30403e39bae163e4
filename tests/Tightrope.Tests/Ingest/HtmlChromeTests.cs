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
}
