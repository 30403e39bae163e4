using Tightrope.Actors;
using Tightrope.Dates;
using Tightrope.Events;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Tests.Events;

/// <summary>Speech acts coded by what is said, dates carried from the sentence before, targets outside the clause, repeats merged.</summary>
public sealed class EventContextTests
{
    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Sector = "GOV", Demonyms = ["South Korean"] },
        new Actor { Id = "north-korea", Name = "North Korea", Kind = ActorKind.Country, Country = "PRK", Sector = "GOV", Demonyms = ["North Korean"] },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Sector = "GOV", Aliases = ["US"], Demonyms = ["American"] },
        new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN", Sector = "GOV" },
        new Actor { Id = "china", Name = "China", Kind = ActorKind.Country, Country = "CHN", Sector = "GOV" },
        new Actor { Id = "korean-peninsula", Name = "Korean Peninsula", Kind = ActorKind.Place },
        new Actor { Id = "alice-park", Name = "Alice Park", Kind = ActorKind.Person, Country = "KOR", Roles = [new Role { Title = "Minister of Foreign Affairs", Org = "KOR" }] },
        new Actor { Id = "bob-stone", Name = "Bob Stone", Kind = ActorKind.Person, Country = "USA", Roles = [new Role { Title = "Secretary of State", Org = "USA" }] },
    ]);

    private static List<Event> Events(string text)
    {
        var article = new Article("t", text, new ArticleMetadata()) { Date = new ArticleDate(new DateOnly(2030, 3, 20), DateSource.Given, 1) };
        new Tightrope.Text.TextStage().Process(article);
        new ActorsStage(Kb).Process(article);
        new DateExpressionsStage().Process(article);
        new EventsStage(Kb, SentenceDater.Instance).Process(article);
        return article.Events;
    }

    [Theory]
    [InlineData("On the same day, Japan condemned North Korea.", "2030-03-03")]
    [InlineData("The next day Japan condemned North Korea.", "2030-03-04")]
    [InlineData("Japan had condemned North Korea a day earlier.", "2030-03-02")]
    public void ASentenceDatedByTheOneBeforeTakesThatDateShifted(string second, string expected)
    {
        var events = Events("Alice Park met with Bob Stone on March 3, 2030. " + second);
        var e = Assert.Single(events, x => x.Type == "ACCUSE");
        Assert.Equal((expected, "sentence"), (e.Date, e.DateFrom));
    }

    [Fact]
    public void ASentenceWithoutADatePhraseKeepsTheArticleDate()
    {
        var e = Assert.Single(Events("Alice Park met with Bob Stone on March 3, 2030. Japan condemned North Korea."), x => x.Type == "ACCUSE");
        Assert.Equal(("2030-03-20", "article"), (e.Date, e.DateFrom));
    }

    [Fact]
    public void AStatedIntentionToUsePressureIsAThreatOfTheSpeaker()
    {
        var events = Events("Japan said it would impose sanctions on North Korea.");
        Assert.Contains(events, x => (x.Type, x.SourceId, x.TargetId, x.Modality) == ("THREATEN", "japan", "north-korea", Modality.Asserted));
        Assert.Contains(events, x => x.Type == "SANCTION" && x.Modality == Modality.Planned);
        Assert.DoesNotContain(events, x => x.Type == EventLexicon.Speech);
    }

    [Fact]
    public void AStatedIntentionToCooperateIsAnAgreementWithTheOtherSideNamedInTheSentence()
    {
        var e = Assert.Single(Events("Alice Park said at the meeting in the United States that South Korea would withdraw its complaint."), x => x.Modality == Modality.Asserted);
        Assert.Equal(("AGREE", "alice-park", "united-states"), (e.Type, e.SourceId, e.TargetId));
    }

    [Fact]
    public void TellingSomeoneToActIsARequestToThem()
    {
        var events = Events("Bob Stone told Japan to withdraw its ships.");
        Assert.Contains(events, x => (x.Type, x.SourceId, x.TargetId, x.Modality) == ("REQUEST", "bob-stone", "japan", Modality.Asserted));
        Assert.Contains(events, x => (x.Type, x.SourceId, x.Modality) == ("RETREAT", "japan", Modality.Proposed));
    }

    [Theory]
    [InlineData("Alice Park said that the alliance with the United States would be strengthened.", "SUPPORT", "alice-park", "united-states")]
    [InlineData("\"North Korea must stop its tests,\" Bob Stone said.", "REQUEST", "bob-stone", "north-korea")]
    [InlineData("Alice Park said the plan was not in line with the wishes of Japan.", "REJECT", "alice-park", "japan")]
    public void AStatementIsCodedByWhatItSays(string text, string type, string source, string target)
    {
        var e = Assert.Single(Events(text));
        Assert.Equal((type, source, target, Modality.Asserted), (e.Type, e.SourceId, e.TargetId, e.Modality));
    }

    [Theory]
    [InlineData("Alice Park said she arrived on Monday.")]
    [InlineData("Bob Stone said there is no need to hurry.")]
    [InlineData("The order emphasized by Bob Stone was strengthened.")]
    public void AStatementWithNoContentCueIsNoEvent(string text)
    {
        Assert.Empty(Events(text));
    }

    [Fact]
    public void AStatementThatNamesNoOtherPartyTakesTheOtherSideOfTheSentenceBefore()
    {
        var events = Events("Alice Park met with Bob Stone. Bob Stone said it was premature.");
        Assert.Contains(events, x => (x.Type, x.SourceId, x.TargetId) == ("REJECT", "bob-stone", "alice-park"));
    }

    [Fact]
    public void AnActDoneToSomeoneWithNoTargetInItsClauseIsAimedAtTheOtherPartyOfTheSentenceBefore()
    {
        var events = Events("Bob Stone arrived in Seoul on Monday. Alice Park sent congratulations.");
        Assert.Contains(events, x => (x.Type, x.SourceId, x.TargetId) == ("SUPPORT", "alice-park", "bob-stone"));
    }

    [Fact]
    public void TheSourcesOwnSideAndAPlaceWithNoCountryAreNoOtherParty()
    {
        var events = Events("South Korea and the Korean Peninsula were in the news. Alice Park sent congratulations.");
        var e = Assert.Single(events, x => x.Type == "SUPPORT");
        Assert.Null(e.TargetId);
    }

    [Fact]
    public void AMeetingWithNoPartnerInItsClauseStaysWithoutATarget()
    {
        var events = Events("Bob Stone arrived on Monday. Alice Park held talks.");
        Assert.DoesNotContain(events, x => x.Type == "CONSULT" && x.TargetId is not null);
    }

    [Fact]
    public void TheSameEventReportedTwiceInAnArticleIsOneEventCitingBothSentences()
    {
        const string text = "Japan condemned North Korea on March 3, 2030. Later, Japan condemned North Korea again. Japan condemned North Korea on March 9, 2030.";
        var events = Events(text);
        Assert.Equal(2, events.Count);
        var first = events[0];
        Assert.Equal("2030-03-03", first.Date);
        var also = Assert.Single(first.Also!);
        Assert.Equal("condemned", text[also.Predicate.Start..also.Predicate.End]);
        Assert.StartsWith("Later, Japan", text[also.Sentence.Start..also.Sentence.End], StringComparison.Ordinal);
        Assert.Null(events[1].Also);
    }

    [Fact]
    public void TheFurtherReportsOfAnEventRoundTripThroughTheStoreCodec()
    {
        var article = new Article("t", "Japan condemned North Korea. Japan condemned North Korea again.", new ArticleMetadata());
        new Tightrope.Text.TextStage().Process(article);
        new ActorsStage(Kb).Process(article);
        new EventsStage(Kb).Process(article);
        var blob = Tightrope.Storage.LayerPack.Pack(article, [EventLayer.Layer], duplicate: false);
        var read = new Article("t", article.Text, new ArticleMetadata());
        Tightrope.Storage.LayerPack.Unpack(blob, read, [EventLayer.Layer]);
        var e = Assert.Single(read.Events);
        Assert.Equal(article.Events[0].Also, e.Also);
        Assert.Single(e.Also!);
    }

    [Fact]
    public void AnActorAfterACommaAndAConjunctionBelongsToAnotherClause()
    {
        var e = Assert.Single(Events("Japan condemned the plan in strong words, and even North Korea was surprised."), x => x.Type == "ACCUSE");
        Assert.Null(e.TargetId);
    }

    [Fact]
    public void APredicateThatMarksAnIntentionBeforeToIsNoActOfItsOwn()
    {
        var events = Events("Japan is seeking to condemn North Korea.");
        Assert.DoesNotContain(events, x => x.Type == "REQUEST");
        Assert.Contains(events, x => x.Type == "ACCUSE" && x.Modality == Modality.Planned);
    }

    [Theory]
    [InlineData("Alice Park and Bob Stone had a long phone call on Monday.", "CONSULT", "alice-park", "bob-stone")]
    [InlineData("Alice Park paid a visit to Japan.", "CONSULT", "alice-park", "japan")]
    public void AnEventNounAsALightVerbsObjectIsThatVerbsAct(string text, string type, string source, string target)
    {
        var e = Assert.Single(Events(text));
        Assert.Equal((type, source, target), (e.Type, e.SourceId, e.TargetId));
    }

    [Fact]
    public void ABareEventNounStillNeedsItsOwnActors()
    {
        Assert.Empty(Events("Alice Park said the phone call was long."));
    }

    [Fact]
    public void WithholdingAgreementIsARejectionAimedAtTheOtherPartyEarlierInTheSentence()
    {
        var events = Events("South Korea proposed a truce, which was not accepted by the United States.");
        Assert.Contains(events, x => (x.Type, x.SourceId, x.TargetId, x.Modality) == ("REJECT", "united-states", "south-korea", Modality.Asserted));
        Assert.Contains(events, x => x.Type == "AGREE" && x.Modality == Modality.Negated);
    }

    [Fact]
    public void AParticipleAfterACommaHasTheSubjectOfTheActBeforeIt()
    {
        var events = Events("North Korea rejected the offer of Alice Park, criticizing her plan.");
        Assert.Contains(events, x => (x.Type, x.SourceId) == ("ACCUSE", "north-korea"));
        Assert.DoesNotContain(events, x => x.Type == "ACCUSE" && x.SourceId == "alice-park");
    }
}
