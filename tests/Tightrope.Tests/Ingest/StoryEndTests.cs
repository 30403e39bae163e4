namespace Tightrope.Tests.Ingest;

/// <summary>What Readability keeps after the story's last paragraph: short prompts and labels go, list items and mid-story lines stay.</summary>
public class StoryEndTests
{
    private const string Story = """
        <p>The river authority opened the new locks on Thursday, ending two years of detours for barges carrying grain to the coast and the mills beyond it.</p>
        <p>Short line in the middle.</p>
        <p>Engineers said the gates were built to cope with the higher water levels that the valley has seen in recent winters, and tested them twice.</p>
        <p>Shipping companies welcomed the opening, and several said they would move cargo back from the roads within a month of the first crossing.</p>
        """;

    [Fact]
    public void ShortBlocksAfterTheLastParagraphAreDropped()
    {
        using var dir = new TempFolder();
        var page = $"""
            <html><body><article>{Story}
            <p><strong>Did you find this report useful?</strong></p>
            <h3>More from the valley desk</h3>
            <p>Cover picture: the harbour office</p>
            </article></body></html>
            """;
        var text = Read.Article(dir.Write("end.html", page)).RawText;
        Assert.Contains("move cargo back from the roads", text, StringComparison.Ordinal);
        Assert.Contains("Short line in the middle.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you find this report useful?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("More from the valley desk", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cover picture", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AListAfterTheLastParagraphStays()
    {
        using var dir = new TempFolder();
        var page = $"""
            <html><body><article>{Story}
            <ul><li>Toll per barge: 40 euros</li><li>Opening hours: 6 to 22</li><li>Locks: three chambers</li></ul>
            <table><tr><td>Draught</td><td>3.5 metres</td></tr></table>
            </article></body></html>
            """;
        var text = Read.Article(dir.Write("list.html", page)).RawText;
        Assert.Contains("Toll per barge: 40 euros", text, StringComparison.Ordinal);
        Assert.Contains("3.5 metres", text, StringComparison.Ordinal);
    }

    [Fact]
    public void APageOfShortBlocksOnlyIsLeftAlone()
    {
        using var dir = new TempFolder();
        var page = """
            <html><body><article><h2>Locks reopen</h2><p>Barges are back on the river.</p><p>Tolls start at 40 euros.</p>
            <p>The harbour office opens at six.</p></article></body></html>
            """;
        var text = Read.Article(dir.Write("short.html", page)).RawText;
        Assert.Contains("Tolls start at 40 euros.", text, StringComparison.Ordinal);
        Assert.Contains("The harbour office opens at six.", text, StringComparison.Ordinal);
    }
}
