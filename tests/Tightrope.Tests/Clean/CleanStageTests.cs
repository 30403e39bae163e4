using Tightrope.Clean;
using Tightrope.Model;

namespace Tightrope.Tests.Clean;

/// <summary>Synthetic inputs, one or more per kind of noise; the words are ours.</summary>
public sealed class CleanStageTests
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

    private static RemovedSegment Single(Article article, RemovalKind kind) => Assert.Single(article.Removed, r => r.Kind == kind);

    [Fact]
    public void EscapedParagraphTagsInsideTheTextAreRemovedAsHtmlArtifacts()
    {
        var a = Clean("The envoy left Seoul on Friday. < p > < p > for the allies, the question is still open.");
        Assert.Equal(2, a.Removed.Count(r => r.Kind == RemovalKind.HtmlArtifact));
        Assert.DoesNotContain("<", a.Text, StringComparison.Ordinal);
        Assert.Equal("The envoy left Seoul on Friday.\n\nfor the allies, the question is still open.", a.Text);
    }

    [Fact]
    public void InlineTagsBecomeASpaceAndEntitiesAreDecoded()
    {
        var a = Clean("Troop levels<br>stayed flat&nbsp;in 2019 &amp; 2020.");
        Assert.Equal("Troop levels stayed flat in 2019 & 2020.", a.Text);
        Assert.Equal(3, a.Removed.Count(r => r.Kind == RemovalKind.HtmlArtifact));
    }

    [Fact]
    public void ASpaceBeforeAnApostropheIsRemovedButAQuotedWordIsLeftAlone()
    {
        var a = Clean("Seoul ’s envoy and Tokyo 's envoy used the word 'stable' twice.");
        Assert.Equal("Seoul's envoy and Tokyo's envoy used the word 'stable' twice.", a.Text);
        Assert.Equal(2, a.Removed.Count(r => r.Kind == RemovalKind.HtmlArtifact));
    }

    [Fact]
    public void AStrayDoubledFullStopIsRemovedButASpacedEllipsisStays()
    {
        var a = Clean("The plant opening slipped to 2027. . Engineers were recalled. He paused . . . then went on.");
        Assert.Equal("The plant opening slipped to 2027. Engineers were recalled. He paused . . . then went on.", a.Text);
        var seg = Single(a, RemovalKind.HtmlArtifact);
        Assert.Equal(" .", seg.Text);
    }

    [Fact]
    public void ABracketedBylineLineIsRemoved()
    {
        var a = Clean("[Text/Example Daily correspondent Jane Roe]\n\n" + Body);
        var seg = Single(a, RemovalKind.Byline);
        Assert.Equal("[Text/Example Daily correspondent Jane Roe]", seg.Text);
        Assert.Equal(Body, a.Text);
    }

    [Theory]
    [InlineData("BY JOHN DOE [john.doe@example.com]")]
    [InlineData("By Mary Major, Reuters")]
    [InlineData("(Reporting by Sam Poe; Editing by Ann Lee)")]
    public void AShortBylineLineAtTheEndIsRemoved(string byline)
    {
        var a = Clean(Body + "\n" + byline);
        Assert.Equal(byline, Single(a, RemovalKind.Byline).Text);
        Assert.Equal(Body, a.Text);
    }

    [Theory]
    [InlineData("Copyright © 2024 Example News. All rights reserved.")]
    [InlineData("ⓒ 예시뉴스, 무단전재 및 재배포 금지")]
    [InlineData("版权所有，未经授权不得转载。")]
    [InlineData("This material may not be reproduced without permission.")]
    [InlineData("This story first ran in the Example Ledger and is republished here under a content-sharing agreement.")]
    [InlineData("Reprinted with permission of the Example Gazette.")]
    public void CopyrightNoticesInAnyLanguageAreRemoved(string notice)
    {
        var a = Clean(Body + "\n\n" + notice);
        Assert.Equal(notice, Single(a, RemovalKind.Copyright).Text);
        Assert.Equal(Body, a.Text);
    }

    [Fact]
    public void NoticeSentencesThatEndTheLastParagraphAreSplitIntoCopyrightAndPrompt()
    {
        var tail = "This piece is an exclusive article of Example Weekly. The views expressed are the author's own. "
            + "It may not be reproduced without authorization. Follow Example Weekly on Telegram for daily updates.";
        var a = Clean(Body + "\n\n" + Body2 + " " + tail);
        var copyright = Single(a, RemovalKind.Copyright);
        Assert.StartsWith("This piece is an exclusive article", copyright.Text, StringComparison.Ordinal);
        Assert.EndsWith("without authorization.", copyright.Text, StringComparison.Ordinal);
        Assert.StartsWith("Follow Example Weekly", Single(a, RemovalKind.Boilerplate).Text, StringComparison.Ordinal);
        Assert.Equal(Body + "\n\n" + Body2, a.Text);
    }

    [Theory]
    [InlineData("File photo: Soldiers of both armies march during a ceremony in 2019. Example Agency")]
    [InlineData("Information picture of the two defense ministers shaking hands")]
    [InlineData("Photo by Kim Min-ji")]
    public void ImageCaptionsAreRemovedAsBoilerplate(string caption)
    {
        var a = Clean(Body + "\n\n" + caption + "\n\n" + Body2);
        Assert.Equal(caption, Single(a, RemovalKind.Boilerplate).Text);
        Assert.Equal(Body + "\n\n" + Body2, a.Text);
    }

    [Fact]
    public void ALineInAnotherScriptThanTheArticleIsRemovedAsBoilerplate()
    {
        var chrome = "뉴스 홈으로 이동하기 전체 메뉴 보기";
        var a = Clean("Allies Talk Costs\n" + chrome + "\n" + Body + "\n" + Body2);
        Assert.Equal(chrome, Single(a, RemovalKind.Boilerplate).Text);
        Assert.Equal("Allies Talk Costs\n" + Body + "\n" + Body2, a.Text);
    }

    [Theory]
    [InlineData("Here’s what you need to know:")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Text size")]
    public void SiteChromeAndSeoFillerLinesAreRemovedAsBoilerplate(string line)
    {
        var a = Clean(Body + "\n" + line + "\n" + Body2);
        Assert.Equal(line, Single(a, RemovalKind.Boilerplate).Text);
    }

    [Fact]
    public void AFirstPersonPersonaSentenceIsRemovedAndTheRestOfItsParagraphKept()
    {
        var a = Clean("As a retired diplomat with years in Tokyo, I can say this visit matters a great deal. " + Body);
        Assert.StartsWith("As a retired diplomat", Single(a, RemovalKind.Boilerplate).Text, StringComparison.Ordinal);
        Assert.Equal(Body, a.Text);
    }

    [Fact]
    public void ARunOfBulletedHeadlinesAfterTheBodyIsRemovedAsRelatedLinks()
    {
        var links = "- Navy chief visits port city ahead of drills\n- Chipmaker expands plant in Texas\n"
            + "- Lawmakers debate troop cap amendment\n- Exchange rate hits two-year low";
        var a = Clean(Body + "\n" + Body2 + "\n" + links);
        Assert.Equal(4, a.Removed.Count(r => r.Kind == RemovalKind.RelatedLinks));
        Assert.Equal(Body + "\n" + Body2, a.Text);
    }

    [Theory]
    [InlineData("More from Example Ledger:")]
    [InlineData("More on North Korea")]
    [InlineData("Latest from the Example Gazette:")]
    public void AHeaderNamingThePublicationOpensARelatedLinksListEvenWithoutBullets(string header)
    {
        var links = "Navy chief visits port city ahead of drills\nChipmaker expands plant in Texas\nExchange rate hits two-year low";
        var a = Clean(Body + "\n" + Body2 + "\n\n" + header + "\n" + links);
        Assert.Equal(4, a.Removed.Count(r => r.Kind == RemovalKind.RelatedLinks));
        Assert.Equal(Body + "\n" + Body2, a.Text);
    }

    [Fact]
    public void ASentenceThatOpensLikeAHeaderButEndsTheBodyIsKept()
    {
        var closing = "More on the talks is expected next week.";
        var a = Clean(Body + "\n\n" + Body2 + "\n\n" + closing);
        Assert.Empty(a.Removed);
        Assert.EndsWith(closing, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BulletsInsideTheBodyAreKept()
    {
        var bullets = "* About 28,500 troops remain on the peninsula.\n* The agreement runs for five years.\n* Payments rise each year.";
        var a = Clean(Body + "\n" + bullets + "\n" + Body2);
        Assert.Empty(a.Removed);
        Assert.Equal(Body + "\n" + bullets + "\n" + Body2, a.Text);
    }

    [Fact]
    public void AParagraphThatRepeatsAnEarlierOneIsRemovedAsADuplicate()
    {
        var a = Clean(Body + "\n\n" + Body2 + "\n\n" + Body);
        var seg = Single(a, RemovalKind.Duplicate);
        Assert.Equal(Body.Length + 2 + Body2.Length + 2, seg.RawSpan.Start);
        Assert.Equal(Body + "\n\n" + Body2, a.Text);
    }

    [Fact]
    public void AFirstLineThatRestatesTheLeadInOtherWordsIsRemovedAsADuplicate()
    {
        var variant = "Negotiators from both capitals gathered for a third day to settle how the cost of stationing troops "
            + "should be split. Officials said the gap between the two offers had narrowed but that";
        var a = Clean(variant + "\n\n" + Body + "\n\n" + Body2);
        Assert.Equal(variant, Single(a, RemovalKind.Duplicate).Text);
        Assert.Equal(Body + "\n\n" + Body2, a.Text);
    }

    [Fact]
    public void AParagraphCutOffMidSentenceIsMarkedTruncatedAndKept()
    {
        var cut = "Before the call, the president had already sent a message of congratulations on the";
        var a = Clean(Body + "\n\n" + cut + "\n\n" + Body2);
        var mark = Single(a, RemovalKind.Truncated);
        Assert.Equal(cut, mark.Text);
        Assert.Equal(cut, a.Text.Substring(mark.CleanOffset, mark.Text.Length));
        Assert.Contains(cut, a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The launch came at 09:00 a.m. (0030 GMT) Tuesday and the missile flew along its")]
    [InlineData("Officials said U.S. Forces Korea announced a")]
    [InlineData("The drill ended. Gen. Kim then told reporters that the")]
    public void TheTruncatedSentenceIsTheOneTheTextStageSplits(string cut)
    {
        // The clean stage finds sentences with the Text stage's splitter: "a.m." before a bracket and "U.S." before a
        // name do not end a sentence, a title never does, an ordinary full stop does.
        var a = Clean(Body + "\n\n" + cut + "\n\n" + Body2);
        var mark = Single(a, RemovalKind.Truncated);
        var sentences = new List<TextSpan>();
        Tightrope.Text.SentenceSplitter.Split(cut, sentences);
        Assert.Equal(cut[sentences[^1].Start..], mark.Text);
        Assert.Equal(cut.StartsWith("The drill", StringComparison.Ordinal) ? cut["The drill ended. ".Length..] : cut, mark.Text);
    }

    [Fact]
    public void AHeadingWithoutFinalPunctuationIsNotMarkedTruncated()
    {
        var a = Clean("Second question: the minister and his staff\n\n" + Body);
        Assert.Empty(a.Removed);
    }

    [Fact]
    public void TypographyIsNormalised()
    {
        var a = Clean("“Allies” – and \u2018partners\u2019\u00A0met\u200B in ＵＳＦＫ\u3000base\u2014today. Cafe\u0301 talks.");
        Assert.Equal("\"Allies\" - and 'partners' met in USFK base\u2014today. Café talks.", a.Text);
    }

    [Fact]
    public void TheWrittenTextKeepsThePagesTypographyAtTheSameOffsets()
    {
        var a = Clean("“Allies” – and \u2018partners\u2019\u00A0met\u200B in ＵＳＦＫ\u3000base\u2014to\u00ADday. Cafe\u0301 talks.");
        Assert.Equal("“Allies” – and \u2018partners\u2019 met in ＵＳＦＫ base\u2014today. Café talks.", a.WrittenText);
        Assert.Equal(a.Text.Length, a.WrittenText.Length);
        for (int i = 0; i < a.Text.Length; i++)
        {
            Assert.Equal(a.Text[i], Typography.Fold(a.WrittenText[i]));
        }
    }

    [Fact]
    public void TheWrittenTextIsTheCleanedTextWhenNothingWasFolded()
    {
        var a = Clean("Plain \"ASCII\" - text with a soft hy\u00ADphen.");
        Assert.Same(a.Text, a.WrittenText);
        Assert.Equal("Plain \"ASCII\" - text with a soft hyphen.", a.Text);
    }

    [Fact]
    public void AnEntityDecodedToACurlyQuoteIsWrittenCurly()
    {
        var a = Clean("The envoy&rsquo;s talks went on.");
        Assert.Equal("The envoy's talks went on.", a.Text);
        Assert.Equal("The envoy\u2019s talks went on.", a.WrittenText);
    }

    [Fact]
    public void WhiteSpaceIsFoldedIntoSingleSpacesAndParagraphBreaks()
    {
        var a = Clean("  One   line\t here.  \r\n\r\n\r\n\n  Two lines\nhere.  ");
        Assert.Equal("One line here.\n\nTwo lines\nhere.", a.Text);
    }

    [Fact]
    public void EveryKeptCharacterMapsBackToTheSameRawCharacter()
    {
        var raw = "[Text/Example Daily correspondent Jane Roe]\n\nSeoul ’s envoy<br>met &amp; “talked”  \t for 2.5 hours. . Then\u00A0left.\n\n"
            + Body + "\n\nCopyright © 2024 Example News.\n- One link here now\n- Two link here now\n- Three link here now";
        var a = Clean(raw);
        int letters = 0;
        for (int i = 0; i < a.Text.Length; i++)
        {
            char c = a.Text[i];
            char r = raw[a.Offsets.ToRaw(i)];
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or ',')
            {
                Assert.Equal(c, r);
                letters++;
            }
            else if (c is '"' or '\'')
            {
                Assert.Equal(c, Typography.Fold(r));
            }
        }

        Assert.True(letters > 100);
        Assert.StartsWith("Seoul's envoy met & \"talked\" for 2.5 hours. Then left.", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EachRemovedSegmentRecordsItsRawTextAndWhereItWouldSitInTheCleanText()
    {
        var raw = Body + "\n\nFile photo: A parade in the capital\n\n" + Body2;
        var a = Clean(raw);
        var seg = Single(a, RemovalKind.Boilerplate);
        Assert.Equal(seg.Text, raw[seg.RawSpan.Start..seg.RawSpan.End]);
        Assert.Equal(Body.Length, seg.CleanOffset);
    }

    [Fact]
    public void AnOrdinaryArticleLosesNothing()
    {
        var raw = "Alliance Talks Resume\n\n" + Body + "\n\n" + Body2;
        var a = Clean(raw);
        Assert.Empty(a.Removed);
        Assert.Equal(raw, a.Text);
    }

    [Fact]
    public void EmptyAndBlankInputsCleanToEmptyText()
    {
        Assert.Equal("", Clean("").Text);
        Assert.Equal("", Clean(" \n\t \u200B ").Text);
    }

    [Fact]
    public void OneStageInstanceGivesTheSameResultOnManyThreads()
    {
        var stage = new CleanStage();
        var raw = "[Text/Example Daily correspondent Jane Roe]\n\n" + Body + " < p > \n\n" + Body2 + "\n\n" + Body + "\nCopyright © Example.";
        var expected = Clean(raw);
        Parallel.For(0, 16, _ =>
        {
            var a = new Article("t", raw, new ArticleMetadata());
            stage.Process(a);
            Assert.Equal(expected.Text, a.Text);
            Assert.Equal(expected.Removed, a.Removed);
        });
    }

    [Fact]
    public void ALongArticleIsCleanedInFullWithEachRepeatFound()
    {
        var paragraphs = Enumerable.Range(0, 3000).Select(i => $"Paragraph number {i} says the envoys met on day {i} to talk about costs and troops.").ToList();
        var raw = string.Join("\n\n", paragraphs) + "\n\n" + paragraphs[10] + "\n\n" + paragraphs[20];
        var a = Clean(raw);
        Assert.Equal(2, a.Removed.Count(r => r.Kind == RemovalKind.Duplicate));
        Assert.Equal(string.Join("\n\n", paragraphs), a.Text);
    }
}
