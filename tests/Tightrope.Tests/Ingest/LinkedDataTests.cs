namespace Tightrope.Tests.Ingest;

/// <summary>The article body a page declares in its JSON-LD, used when the markup shows only a part of it.</summary>
public class LinkedDataTests
{
    private const string Declared =
        "The river authority opened the new locks on Thursday, ending two years of detours for barges. "
        + "Engineers said the gates were built to cope with the higher water levels of recent winters. "
        + "Shipping companies welcomed the opening and said they would move cargo back from the roads within a month. "
        + "The authority will publish the new toll schedule next week, after a consultation with the operators.";

    [Fact]
    public void ADeclaredBodyMuchLongerThanTheShownTeaserIsTheText()
    {
        using var dir = new TempFolder();
        var page = $$"""
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
            {"@type":"NewsArticle","headline":"Locks open","articleBody":"{{Declared}}"}]}</script></head>
            <body><article><p>The river authority opened the new locks on Thursday.</p><button>Read more</button></article></body></html>
            """;
        var text = Read.Article(dir.Write("teaser.html", page)).RawText;
        Assert.Contains("move cargo back from the roads", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShownStoryStaysWhenItIsAsLongAsTheDeclaredOne()
    {
        using var dir = new TempFolder();
        var page = $$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Locks open. The gates work."}</script>
            <script type="application/ld+json">{ broken </script></head>
            <body><article><p>{{Declared}}</p><p>Farmers in the upper valley said the reopening came just in time for the autumn harvest.</p></article></body></html>
            """;
        var text = Read.Article(dir.Write("full.html", page)).RawText;
        Assert.Contains("Farmers in the upper valley", text, StringComparison.Ordinal);
        Assert.DoesNotContain("The gates work.", text, StringComparison.Ordinal);
    }
}
