using Tightrope.Clean;
using Tightrope.Model;

namespace Tightrope.Tests.Clean;

/// <summary>The page around the story (PageChrome): each kind from our own lines, and story lines that must stay.</summary>
public sealed class PageChromeTests
{
    private const string Body =
        "Negotiators from both capitals met for a third day to settle how the cost of stationing troops should be divided. "
        + "Officials said the gap between the two offers had narrowed but that no figure had been agreed yet.";

    private const string Body2 =
        "The defense ministry said the joint drills planned for the spring would go ahead at a reduced scale this year. "
        + "A spokesman added that the change reflected weather conditions rather than any political decision.";

    private static Article Clean(string raw)
    {
        var article = new Article("t", raw, new ArticleMetadata());
        new CleanStage().Process(article);
        return article;
    }

    private static void Gone(Article a, string text, RemovalKind kind)
    {
        Assert.DoesNotContain(text, a.Text, StringComparison.Ordinal);
        Assert.Contains(a.Removed, r => r.Kind == kind && r.Text.Contains(text.Trim(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The talks ended. Photo by A. Lee")]
    [InlineData("The talks ended. Photo BY A. Lee and more by the pool")]
    [InlineData("Stand by  me by")]
    [InlineData(" by ")]
    [InlineData("by the way")]
    [InlineData("abby yb  bY bybY by")]
    [InlineData("no credit in this line")]
    [InlineData("")]
    public void TheLastByIsFoundAsAnOrdinalCaseInsensitiveSearchFindsIt(string text) =>
        Assert.Equal(text.LastIndexOf(" by ", StringComparison.OrdinalIgnoreCase), PageChrome.LastBy(text));

    [Theory]
    [InlineData("Posted on : 2024-03-02 08:15 KST Modified on : 2024-03-03 10:01 KST")]
    [InlineData("Mar. 2, 2024 / 8:15 PM")]
    [InlineData("Published: 2 Mar. 2024, 08:15 Updated: 2 Mar. 2024, 09:40")]
    [InlineData("example-news.com | Updated: 2024-03-02 08:15")]
    [InlineData("2024-03-02 08:15:09Source: Evening Wire")]
    [InlineData("- The Morning Ledger - Saturday, March 2, 2024")]
    [InlineData("5 years ago")]
    public void TimestampAndPostingLinesAreRemoved(string stamp)
    {
        var a = Clean("Allies agree on drills\n\n" + stamp + "\n\n" + Body + "\n\n" + Body2);
        Gone(a, stamp, RemovalKind.Boilerplate);
        Assert.Contains("Negotiators from both capitals", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("At 2:30 pm on March 2, 2024 the delegations met again in Seoul.")]
    [InlineData("The talks resumed on 2024-03-02 at 10:00 KST")]
    [InlineData("May 13, 1980.")]
    public void SentencesWithDatesAndTimesStay(string sentence)
    {
        var a = Clean(Body + "\n\n" + sentence + "\n\n" + Body2);
        Assert.Contains(sentence.TrimEnd('.'), a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Share with Y")]
    [InlineData("Share - Messenger")]
    [InlineData("Subscribe")]
    [InlineData("Print")]
    public void MenuAndShareLinesAreRemoved(string chrome)
    {
        var a = Clean("Allies agree on drills\n" + chrome + "\n" + Body + "\n\n" + Body2);
        Gone(a, chrome, RemovalKind.Boilerplate);
    }

    [Fact]
    public void SectionLabelAndMastheadAboveTheHeadlineGoAndTheHeadlineStays()
    {
        var a = Clean("The Evening Ledger\n\nNation\n\nAllies agree to share the cost of the new base\n\n" + Body + "\n\n" + Body2);
        Gone(a, "The Evening Ledger", RemovalKind.Boilerplate);
        Gone(a, "Nation", RemovalKind.Boilerplate);
        Assert.StartsWith("Allies agree to share the cost of the new base", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AGluedMastheadAndTaglineGo()
    {
        var a = Clean("The Harbor TribuneTruth Before Speed\n\nAllies agree to share the cost of the new base\n\n" + Body);
        Gone(a, "The Harbor TribuneTruth Before Speed", RemovalKind.Boilerplate);
        Assert.Contains("Allies agree to share the cost", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditionSwitcherRunTogetherAboveTheHeadlineGoes()
    {
        var a = Clean("World EditionEUROPE 日本語 Deutsch\n\nAllies agree to share the cost of the new base\n\n" + Body);
        Gone(a, "World EditionEUROPE", RemovalKind.Boilerplate);
        Assert.StartsWith("Allies agree to share the cost", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BreadcrumbsAreRemoved()
    {
        var a = Clean("Home / World / Asia\n\nAllies agree on drills\n\n" + Body);
        Gone(a, "Home / World / Asia", RemovalKind.Boilerplate);
    }

    [Theory]
    [InlineData("(Jane Roe/Harbor Tribune)")]
    [InlineData("[Photo/Agencies]")]
    [InlineData("(Video: Jane Roe/Harbor Tribune)")]
    [InlineData("(provided by the ministry)")]
    [InlineData("(U.S. Navy)")]
    [InlineData("Photo by Jane Roe/Harbor Tribune")]
    [InlineData("File Photo by Jane Roe")]
    public void ACreditClosingACaptionIsRemovedAndTheCaptionStays(string credit)
    {
        const string caption = "Sailors unload supplies at the port of Busan on Tuesday.";
        var a = Clean(Body + "\n\n" + caption + " " + credit + "\n\n" + Body2);
        Gone(a, credit, RemovalKind.Boilerplate);
        Assert.Contains(caption, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AParenthesisInsideTheStoryStays()
    {
        const string line = "The ministry said the agreement would be signed in June (after the elections) and ratified later.";
        var a = Clean(Body + "\n\n" + line + "\n\n" + Body2);
        Assert.Contains(line, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ACaptionRepeatedWithItsCreditIsKeptOnce()
    {
        const string caption = "Sailors unload supplies at the port of Busan on Tuesday.";
        var a = Clean(caption + "\n\n" + caption + " (Jane Roe/Harbor Tribune)\n\n" + Body + "\n\n" + Body2);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(a.Text, "Sailors unload supplies"));
    }

    [Fact]
    public void AGalleryCaptionIsRemoved()
    {
        var a = Clean(Body + "\n\n1 of 3 | Sailors unload supplies at the port. | License Photo\n\n" + Body2);
        Gone(a, "1 of 3 | Sailors unload supplies", RemovalKind.Boilerplate);
    }

    [Theory]
    [InlineData("SEE ALSO: Ministers trade barbs over the base relocation plan")]
    [InlineData("See also  Ministers trade barbs over the base")]
    [InlineData("Related")]
    public void ARelatedLinkInTheMiddleOfTheStoryIsRemoved(string link)
    {
        var a = Clean(Body + "\n\n" + link + "\n\n" + Body2 + "\n\n" + Body);
        Gone(a, link, RemovalKind.RelatedLinks);
        Assert.Contains("The defense ministry said", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- JANE ROE")]
    [InlineData("- [email protected]")]
    [InlineData("by editor")]
    public void BylineShapesAreRemoved(string byline)
    {
        var a = Clean("Allies agree on drills\n" + byline + "\n" + Body + "\n\n" + Body2);
        Gone(a, byline, RemovalKind.Byline);
    }

    [Fact]
    public void TheLinesAfterTheStorysEndAreRemoved()
    {
        var a = Clean(Body + "\n\n" + Body2 + "\n\nBY JANE ROE [jane@example.com]\nwith the Harbor Tribune\nTo write comments, please log in first.\nBoard Rules (0/300)");
        Gone(a, "with the Harbor Tribune", RemovalKind.Byline);
        Gone(a, "To write comments, please log in first.", RemovalKind.Boilerplate);
        Gone(a, "Board Rules (0/300)", RemovalKind.Boilerplate);
        Assert.EndsWith("political decision.", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASignOffAfterTheStoryIsRemoved()
    {
        var a = Clean(Body + "\n\n" + Body2 + "\n\nForeign News Desk");
        Gone(a, "Foreign News Desk", RemovalKind.Byline);
    }

    [Fact]
    public void ShortItemsOfAListAfterTheStoryAreNotSignOffs()
    {
        var a = Clean(Body + "\n\n" + Body2 + "\n\nWhat the kit holds:\nSpare Gate Seals\nHarbour Crane Hooks\n\nForeign News Desk");
        Assert.Contains("Spare Gate Seals", a.Text, StringComparison.Ordinal);
        Assert.Contains("Harbour Crane Hooks", a.Text, StringComparison.Ordinal);
        Gone(a, "Foreign News Desk", RemovalKind.Byline);
    }

    [Fact]
    public void ADeckRepeatedAtTheStartOfAParagraphIsKeptOnce()
    {
        const string deck = "The two governments settled the dispute over the cost of the base after months of talks.";
        var a = Clean("Allies settle base dispute\n\n" + deck + "\n\n" + deck + " " + Body + "\n\n" + Body2);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(a.Text, "The two governments settled"));
        Assert.Contains(a.Removed, r => r.Kind == RemovalKind.Duplicate);
    }

    [Theory]
    [InlineData("\"We will not back down,\" Kim said.")]
    [InlineData("No deal.")]
    [InlineData("SEOUL, March 2 (Wire) -- The allies began their drills on Saturday, officials said.")]
    [InlineData("Kim Min-jun")]
    public void ShortStoryLinesInTheMiddleStay(string line)
    {
        var a = Clean(Body + "\n\n" + line + "\n\n" + Body2);
        Assert.Contains(line, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ATitleCaseHeadlineOfTheStoryStays()
    {
        var a = Clean("Historic Summit for Peace and Prosperity on the Peninsula\n\nLeaders Sign Joint Declaration\n\n" + Body + "\n\n" + Body2);
        Assert.StartsWith("Historic Summit for Peace and Prosperity on the Peninsula", a.Text, StringComparison.Ordinal);
        Assert.Contains("Leaders Sign Joint Declaration", a.Text, StringComparison.Ordinal);
    }
}
