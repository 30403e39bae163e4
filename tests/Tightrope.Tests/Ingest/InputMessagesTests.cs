using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class InputMessagesTests
{
    [Fact]
    public void ABrokenJsonLineNamesItsFileLineAndColumnNotTheParsersLineZero()
    {
        using var dir = new TempFolder();
        var good = "{\"title\": \"Talks\", \"text\": \"The two delegations met again in the capital on Friday morning.\"}";
        var broken = "{\"title\": \"Talks resume\", \"text\": \"They met\" oops}";
        var path = dir.Write("feed.jsonl", good + "\n" + broken + "\n");
        var failure = Assert.Single(Read.All(path).OfType<SourceItem.Failure>());
        var message = failure.ToString();
        Assert.Contains("feed.jsonl:2", message, StringComparison.Ordinal);
        Assert.Contains($"invalid JSON at column {broken.IndexOf("oops", StringComparison.Ordinal) + 1}", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedHtmlWithUnclosedParagraphsAndDivsStillYieldsTheStory()
    {
        using var dir = new TempFolder();
        var page = "<html><body><div class=story><p>The ferry resumed service across the strait on Sunday after a week of storms."
            + "<p>Harbour officials said the first crossing carried mostly lorries and a few families returning home."
            + "<div><p>More sailings are planned for the coming days";
        var text = Read.Article(dir.Write("broken.html", page)).RawText;
        Assert.Contains("The ferry resumed service across the strait", text, StringComparison.Ordinal);
        Assert.Contains("Harbour officials said the first crossing", text, StringComparison.Ordinal);
    }
}
