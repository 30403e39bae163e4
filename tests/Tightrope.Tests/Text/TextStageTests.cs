using Tightrope.Clean;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Tests.Text;

public sealed class TextStageTests
{
    private static Article Run(string text, bool clean = false)
    {
        var article = new Article("t", text, new ArticleMetadata());
        if (clean)
        {
            new CleanStage().Process(article);
        }

        new TextStage().Process(article);
        return article;
    }

    private static List<string> Tokens(Article a) => [.. a.Tokens.Select(t => a[t.Span])];

    private static List<string> Sentences(Article a) => [.. a.Sentences.Select(s => a[s.Span])];

    [Fact]
    public void AbbreviationsKeepTheirFullStopAndDoNotEndTheSentence()
    {
        var a = Run("U.S. troops landed at 9 a.m. on Sept. 19 with Gen. Paul Roe and Lt. Col. Ann Lee. Dr. Kim and Mr. Park of Samsung Electronics Co. waited.");
        Assert.Equal(
            ["U.S. troops landed at 9 a.m. on Sept. 19 with Gen. Paul Roe and Lt. Col. Ann Lee.", "Dr. Kim and Mr. Park of Samsung Electronics Co. waited."],
            Sentences(a));
        var tokens = Tokens(a);
        foreach (var t in new[] { "U.S.", "a.m.", "Sept.", "Gen.", "Lt.", "Col.", "Dr.", "Mr.", "Co." })
        {
            Assert.Contains(t, tokens);
        }
    }

    [Fact]
    public void TheSplitterWorksOnAnySpanAndAgreesWithTheStage()
    {
        // Other stages split a paragraph or a line on its own: the spans are relative to the span they passed.
        const string Text = "Intro line\nThe talks ended at 9 a.m. (0030 GMT) Tuesday. U.S. Forces Korea said so. Gen. Kim left!";
        var a = Run(Text);
        int start = Text.IndexOf('\n', StringComparison.Ordinal) + 1;
        var spans = new List<TextSpan>();
        SentenceSplitter.Split(Text.AsSpan(start), spans);
        Assert.Equal(
            ["The talks ended at 9 a.m. (0030 GMT) Tuesday.", "U.S. Forces Korea said so.", "Gen. Kim left!"],
            spans.Select(s => Text.Substring(start + s.Start, s.Length)));
        Assert.Equal(Sentences(a).Skip(1), spans.Select(s => Text.Substring(start + s.Start, s.Length)));
    }

    [Fact]
    public void AnInitialismEndsASentenceWhenASentenceOpeningWordFollows()
    {
        var a = Run("The drills were approved by the U.S. The allies agreed. Talks with the U.K. Foreign Office went on.");
        Assert.Equal(["The drills were approved by the U.S.", "The allies agreed.", "Talks with the U.K. Foreign Office went on."], Sentences(a));
    }

    [Fact]
    public void NumberAbbreviationNoIsATokenOnlyBeforeANumber()
    {
        var a = Run("He was the No. 2 official. The answer was No. Then talks ended.");
        Assert.Contains("No.", Tokens(a));
        Assert.Equal(["He was the No. 2 official.", "The answer was No.", "Then talks ended."], Sentences(a));
    }

    [Fact]
    public void DecimalsThousandsSeparatorsAndFractionsAreSingleNumberTokens()
    {
        var a = Run("Seoul pays 1.5192 trillion won for 28,500 troops, about US$6.4 billion or 1/9 of the ask, up 8.3%.");
        var tokens = Tokens(a);
        Assert.Contains("1.5192", tokens);
        Assert.Contains("28,500", tokens);
        Assert.Contains("6.4", tokens);
        Assert.Contains("1/9", tokens);
        Assert.Contains("8.3", tokens);
        Assert.Contains("$", tokens);
        Assert.Equal(TokenKind.Number, a.Tokens[tokens.IndexOf("28,500")].Kind);
        Assert.Equal(TokenKind.Symbol, a.Tokens[tokens.IndexOf("%")].Kind);
        Assert.Single(a.Sentences);
    }

    [Fact]
    public void ACommaBetweenNumbersThatIsNotAThousandsSeparatorSplits()
    {
        Assert.Equal(["1", ",", "2", "and", "3"], Tokens(Run("1,2 and 3")));
    }

    [Fact]
    public void HyphenatedRomanisedNamesAreOneToken()
    {
        var a = Run("Kim Jong-un met Moon Jae-in and Cho Tae-yul in the South Korea-U.S. talks on K-pop.");
        var tokens = Tokens(a);
        Assert.Contains("Jong-un", tokens);
        Assert.Contains("Jae-in", tokens);
        Assert.Contains("Tae-yul", tokens);
        Assert.Contains("Korea-U.S.", tokens);
        Assert.Single(a.Sentences);
    }

    [Fact]
    public void APossessiveIsItsOwnTokenButAContractionStaysWhole()
    {
        var tokens = Tokens(Run("Korea's envoy said they don't know."));
        Assert.Equal(["Korea", "'s", "envoy", "said", "they", "don't", "know", "."], tokens);
    }

    [Fact]
    public void AMissingSpaceAfterAFullStopStillEndsTheSentenceButADomainDoesNot()
    {
        var a = Run("Beijing watched with scrutiny.Specifically, it read Observer.com daily.");
        Assert.Equal(["Beijing watched with scrutiny.", "Specifically, it read Observer.com daily."], Sentences(a));
        Assert.Contains("Observer.com", Tokens(a));
    }

    [Fact]
    public void ClosingQuotesBelongToTheSentenceTheyClose()
    {
        var a = Run("He said, \"We will stay.\" Then he left. She asked: \"Why?\" Nobody answered.");
        Assert.Equal(["He said, \"We will stay.\"", "Then he left.", "She asked: \"Why?\"", "Nobody answered."], Sentences(a));
    }

    [Fact]
    public void AnEllipsisEndsASentenceOnlyBeforeACapital()
    {
        var a = Run("We waited... and waited. Then... Nothing happened.");
        Assert.Equal(["We waited... and waited.", "Then...", "Nothing happened."], Sentences(a));
        Assert.Contains("...", Tokens(a));
    }

    [Fact]
    public void HeadingsAndBulletLinesAreTheirOwnSentencesWithoutTheBulletMarker()
    {
        var text = "Economic Ties: A Mixed Picture\n* Half of the minerals come from abroad\n- Chip exports fell.\nThe end is near.";
        var a = Run(text);
        Assert.Equal(["Economic Ties: A Mixed Picture", "Half of the minerals come from abroad", "Chip exports fell.", "The end is near."], Sentences(a));
    }

    [Fact]
    public void ASentenceEndingInStackedStopsIsNotFollowedByAnEmptySentence()
    {
        var a = Run("He said \"it will take time.\". A new sentence starts.");
        Assert.Equal(["He said \"it will take time.\".", "A new sentence starts."], Sentences(a));
    }

    [Fact]
    public void TokenSpansAreExactOrderedAndDisjoint()
    {
        const string text = "On Nov. 7, 2024, at 7:59 a.m., Yoon (the president) called Trump—briefly.";
        var a = Run(text);
        int previousEnd = 0;
        foreach (var t in a.Tokens)
        {
            Assert.True(t.Span.Start >= previousEnd);
            Assert.False(string.IsNullOrWhiteSpace(a[t.Span]));
            previousEnd = t.Span.End;
        }

        Assert.Equal(
            ["On", "Nov.", "7", ",", "2024", ",", "at", "7", ":", "59", "a.m.", ",", "Yoon", "(", "the", "president", ")", "called", "Trump", "—", "briefly", "."],
            Tokens(a));
        Assert.Equal(new TextSpan(3, 7), a.Tokens[1].Span);
        Assert.Equal(new TextSpan(0, text.Length), Assert.Single(a.Sentences).Span);
    }

    [Fact]
    public void SentencesTheCleanStageMarkedAsCutOffAreTruncated()
    {
        var raw = "The talks opened on Monday. Before the call, the president had sent a note of thanks on the\n\nThe next paragraph is whole.";
        var a = Run(raw, clean: true);
        Assert.Equal(3, a.Sentences.Count);
        Assert.False(a.Sentences[0].Truncated);
        Assert.True(a.Sentences[1].Truncated);
        Assert.False(a.Sentences[2].Truncated);
        Assert.Equal("Before the call, the president had sent a note of thanks on the", a[a.Sentences[1].Span]);
    }

    [Fact]
    public void KoreanAndChineseFullStopsEndSentences()
    {
        var a = Run("동맹은 굳건하다。협상은 계속된다.");
        Assert.Equal(2, a.Sentences.Count);
    }
}
