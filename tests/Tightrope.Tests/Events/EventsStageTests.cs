using Tightrope.Actors;
using Tightrope.Events;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Tests.Events;

public sealed class EventsStageTests
{
    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Sector = "GOV", Demonyms = ["South Korean"] },
        new Actor { Id = "north-korea", Name = "North Korea", Kind = ActorKind.Country, Country = "PRK", Sector = "GOV", Demonyms = ["North Korean"] },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Sector = "GOV", Aliases = ["US"], Demonyms = ["American"] },
        new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN", Sector = "GOV" },
        new Actor { Id = "tokyo", Name = "Tokyo", Kind = ActorKind.Place, Country = "JPN" },
        new Actor { Id = "alice-park", Name = "Alice Park", Kind = ActorKind.Person, Country = "KOR", Roles = [new Role { Title = "Minister of Foreign Affairs", Org = "KOR" }] },
        new Actor { Id = "bob-stone", Name = "Bob Stone", Kind = ActorKind.Person, Country = "USA", Roles = [new Role { Title = "Secretary of State", Org = "USA" }] },
    ]);

    private static List<Event> Events(string text) => EventTestKit.Events(Kb, text, new DateOnly(2030, 3, 4));

    [Fact]
    public void AMeetingHasItsSubjectAsSourceAndItsObjectAsTarget()
    {
        var e = Assert.Single(Events("Alice Park met with Bob Stone in Tokyo."));
        Assert.Equal(("CONSULT", "alice-park", "bob-stone", Modality.Asserted), (e.Type, e.SourceId, e.TargetId, e.Modality));
        Assert.Equal("Tokyo", e.Location);
        Assert.Equal("met with", e.Text);
        Assert.Equal(("2030-03-04", "article"), (e.Date, e.DateFrom));
        Assert.Equal(("KORGOV", "USAGOV", "04"), (e.SourceCode, e.TargetCode, e.Cameo));
    }

    [Fact]
    public void CoordinatedSubjectsOfAReciprocalEventAreSourceAndTarget()
    {
        var e = Assert.Single(Events("Japan and South Korea reached an agreement on fishing rights."));
        Assert.Equal(("AGREE", "japan", "south-korea"), (e.Type, e.SourceId, e.TargetId));
    }

    [Fact]
    public void APassiveTakesItsSourceFromTheByPhrase()
    {
        var e = Assert.Single(Events("The fishing accord was signed by Japan."));
        Assert.Equal(("AGREE", "japan"), (e.Type, e.SourceId));
    }

    [Fact]
    public void APronounSubjectGoesBackToTheLastPerson()
    {
        var events = Events("Alice Park arrived on Monday. She criticized North Korea over the tests.");
        var e = Assert.Single(events, x => x.Type == "ACCUSE");
        Assert.Equal(("alice-park", "north-korea"), (e.SourceId, e.TargetId));
    }

    [Theory]
    [InlineData("North Korea may attack South Korea.", Modality.Hypothetical)]
    [InlineData("If North Korea attacks South Korea, the alliance responds.", Modality.Hypothetical)]
    [InlineData("North Korea did not attack South Korea.", Modality.Negated)]
    [InlineData("North Korea will attack South Korea, the report says.", Modality.Planned)]
    [InlineData("North Korea should apologize to South Korea.", Modality.Proposed)]
    [InlineData("Would North Korea attack South Korea?", Modality.Hypothetical)]
    [InlineData("North Korea attacked South Korea.", Modality.Asserted)]
    public void SpeculationNegationPlansAndQuestionsAreModalitiesNotFacts(string text, Modality expected)
    {
        var e = Assert.Single(Events(text), x => x.SourceId == "north-korea" && x.Cameo != "13");
        Assert.Equal(expected, e.Modality);
    }

    [Fact]
    public void WhatARequestAsksForIsProposedAndWhatAThreatNamesIsThreatened()
    {
        var asked = Events("The United States urged Japan to withdraw its ships.");
        Assert.Contains(asked, e => e.Type == "REQUEST" && e.SourceId == "united-states" && e.TargetId == "japan" && e.Modality == Modality.Asserted);
        Assert.Contains(asked, e => e.Type == "RETREAT" && e.Modality == Modality.Proposed);
        var threat = Events("North Korea threatened to attack Japan.");
        Assert.Contains(threat, e => e.Type == "THREATEN" && e.Modality == Modality.Asserted);
        Assert.Contains(threat, e => e.Type == "ASSAULT" && e.Modality == Modality.Threatened);
    }

    [Fact]
    public void AnActorAfterATopicPrepositionIsNotTheTarget()
    {
        var e = Assert.Single(Events("Alice Park and Bob Stone reached an agreement on North Korea."));
        Assert.Equal(("AGREE", "alice-park", "bob-stone"), (e.Type, e.SourceId, e.TargetId));
    }

    [Fact]
    public void CoordinatedSubjectsWithAHeadNounAreStillCoordinated()
    {
        var e = Assert.Single(Events("The Japan government and the South Korea government suspended the drills."));
        Assert.Equal(("RETREAT", "japan"), (e.Type, e.SourceId));
    }

    [Fact]
    public void AnAppositionBetweenSubjectAndPredicateIsSkipped()
    {
        var e = Assert.Single(Events("Alice Park, the envoy of South Korea, criticized North Korea."));
        Assert.Equal(("ACCUSE", "alice-park", "north-korea"), (e.Type, e.SourceId, e.TargetId));
    }

    [Fact]
    public void APassiveWithoutAnAgentMakesItsSubjectTheTarget()
    {
        var e = Assert.Single(Events("Bob Stone was attacked on Monday."));
        Assert.Equal(("ASSAULT", null, "bob-stone"), (e.Type, e.SourceId, e.TargetId));
    }

    [Fact]
    public void AnInfinitiveAfterAPredicateKeepsItsSubject()
    {
        var events = Events("Alice Park flew to Tokyo to meet with Bob Stone.");
        Assert.Contains(events, x => x.Type == "CONSULT" && x.SourceId == "alice-park" && x.TargetId == "bob-stone");
        Assert.DoesNotContain(events, x => x.SourceId == "japan" && x.TargetId == "bob-stone");
    }

    [Fact]
    public void AnEventNounWithoutItsOwnActorIsNoEvent()
    {
        Assert.Empty(Events("Bob Stone said the meeting was useful."));
        var e = Assert.Single(Events("Alice Park's visit to Japan ended."), x => x.Type == "CONSULT");
        Assert.Equal(("alice-park", "japan"), (e.SourceId, e.TargetId));
    }

    [Fact]
    public void ACapitalisedPredicateInsideANameIsNoEvent()
    {
        Assert.DoesNotContain(Events("Japan joined the Freedom Strike Shield drills with South Korea."), x => x.Text == "Strike");
    }

    [Fact]
    public void TheSameEventNamedAgainWithoutADateIsReportedOnce()
    {
        var events = Events("Alice Park visited Japan. Later, Alice Park visited Japan again.");
        Assert.Single(events, x => x.Type == "CONSULT" && x.SourceId == "alice-park");
    }

    [Fact]
    public void AStatedIntentionIsAlsoPloversAgreeOrThreaten()
    {
        var aid = Events("Japan will send aid to South Korea.");
        Assert.Contains(aid, x => x.Type == "AGREE" && x.Cameo == "03" && x.SourceId == "japan" && x.TargetId == "south-korea" && x.Modality == Modality.Asserted);
        Assert.Contains(aid, x => x.Type == "AID" && x.Modality == Modality.Planned);
        var attack = Events("North Korea plans to attack Japan.");
        Assert.Contains(attack, x => x.Type == "THREATEN" && x.SourceId == "north-korea" && x.TargetId == "japan" && x.Modality == Modality.Asserted);
        Assert.DoesNotContain(Events("If Japan sends aid to South Korea, it helps."), x => x.Modality == Modality.Asserted);
        var forecast = Events("North Korea is expected to attack Japan.");
        Assert.DoesNotContain(forecast, x => x.Type == "THREATEN");
        Assert.Contains(forecast, x => x.Type == "ASSAULT" && x.Modality == Modality.Planned);
    }

    [Theory]
    [InlineData("In the event of a crisis, North Korea attacks South Korea.", Modality.Hypothetical)]
    [InlineData("It is difficult for North Korea to attack South Korea.", Modality.Hypothetical)]
    [InlineData("North Korea was unable to attack South Korea.", Modality.Negated)]
    [InlineData("North Korea aims to attack South Korea.", Modality.Planned)]
    public void ConditionsAbilityAndAimsAreModalitiesToo(string text, Modality expected)
    {
        var e = Assert.Single(Events(text), x => x.SourceId == "north-korea" && x.Type == "ASSAULT");
        Assert.Equal(expected, e.Modality);
    }

    [Fact]
    public void AnIngFormWithoutAnAuxiliaryIsANoun()
    {
        Assert.DoesNotContain(Events("Japan said the Tokyo meeting ended early."), x => x.Type == "CONSULT");
        Assert.Contains(Events("Japan is meeting South Korea."), x => x.Type == "CONSULT" && x.SourceId == "japan" && x.TargetId == "south-korea");
    }

    [Fact]
    public void OneModifierMayStandBeforeTheNounOfAPhrase()
    {
        var e = Assert.Single(Events("Japan suspended economic aid to North Korea."));
        Assert.Equal(("SANCTION", "japan", "north-korea"), (e.Type, e.SourceId, e.TargetId));
    }

    [Fact]
    public void AThreatWithoutATargetIsAimedAtTheTargetOfTheActItGoverns()
    {
        var events = Events("North Korea threatened to attack Japan.");
        Assert.Contains(events, x => x.Type == "THREATEN" && x.SourceId == "north-korea" && x.TargetId == "japan" && x.Modality == Modality.Asserted);
        Assert.Contains(events, x => x.Type == "ASSAULT" && x.TargetId == "japan" && x.Modality == Modality.Threatened);
    }

    [Fact]
    public void TheLayerRoundTripsThroughItsCodecAsJson()
    {
        var article = new Article("t", "Alice Park met with Bob Stone.", new ArticleMetadata());
        new Tightrope.Text.TextStage().Process(article);
        new ActorsStage(Kb).Process(article);
        new EventsStage(Kb).Process(article);
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Tightrope.Storage.LayerPack.WriteJson(article, [EventLayer.Layer], writer);
            writer.WriteEndObject();
        }

        var json = System.Text.Json.JsonDocument.Parse(buffer.ToArray()).RootElement.GetProperty("events")[0];
        Assert.Equal("CONSULT", json.GetProperty("type").GetString());
        Assert.Equal("bob-stone", json.GetProperty("target_id").GetString());
        Assert.Equal("asserted", json.GetProperty("modality").GetString());
    }
}

public sealed class EventsJsonTests
{
    [Fact]
    public void AnnotateJsonGivesSourceAndTargetAsIdAndNameWithThePredicateAndSentenceSpans()
    {
        var kb = new KnowledgeBase(
        [
            new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN" },
            new Actor { Id = "north-korea", Name = "North Korea", Kind = ActorKind.Country, Country = "PRK" },
        ]);
        var article = new Article("t", "Japan condemned North Korea.", new ArticleMetadata());
        new Tightrope.Text.TextStage().Process(article);
        new ActorsStage(kb).Process(article);
        new EventsStage(kb).Process(article);
        var json = Tightrope.Queries.ArticleJson.ToJson(article, [MentionLayer.Layer, EventLayer.Layer], kb);
        var e = json["events"]![0]!;
        Assert.Equal("ACCUSE", (string?)e["type"]);
        Assert.Equal("Japan", (string?)e["source"]!["name"]);
        Assert.Equal("north-korea", (string?)e["target"]!["id"]);
        Assert.Equal("condemned", (string?)e["predicate"]!["text"]);
        Assert.Equal(0, (int?)e["sentence"]!["start"]);
    }
}
