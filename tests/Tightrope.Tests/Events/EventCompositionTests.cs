using Tightrope.Actors;
using Tightrope.Events;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Tests.Events;

/// <summary>Verbs typed by their object, noun modifiers, role-noun subjects and quotations carried to the next sentence.</summary>
public sealed class EventCompositionTests
{
    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Sector = "GOV", Demonyms = ["South Korean"] },
        new Actor { Id = "north-korea", Name = "North Korea", Kind = ActorKind.Country, Country = "PRK", Sector = "GOV", Demonyms = ["North Korean"] },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Sector = "GOV", Aliases = ["US"] },
        new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN", Sector = "GOV" },
        new Actor { Id = "tokyo", Name = "Tokyo", Kind = ActorKind.Place, Country = "JPN" },
        new Actor { Id = "korea-mofa", Name = "Ministry of Foreign Affairs", Kind = ActorKind.Government, Country = "KOR", Aliases = ["Foreign Ministry"] },
        new Actor { Id = "alice-park", Name = "Alice Park", Kind = ActorKind.Person, Country = "KOR", Roles = [new Role { Title = "Minister of Foreign Affairs", Org = "KOR" }] },
    ]);

    private static List<Event> Events(string text) => EventTestKit.Events(Kb, text, new DateOnly(2030, 3, 4));

    [Theory]
    [InlineData("Japan lifted the three-day curfew in Tokyo.", "CONCEDE", "lifted the three-day curfew")]
    [InlineData("Japan eased its sanctions against North Korea.", "CONCEDE", "eased its sanctions")]
    [InlineData("Japan cancelled a planned visit to South Korea.", "SANCTION", "cancelled a planned visit")]
    [InlineData("Japan suspended economic cooperation with North Korea.", "SANCTION", "suspended economic cooperation")]
    [InlineData("Japan extended the curfew in Tokyo.", "COERCE", "extended the curfew")]
    public void AVerbTakesItsTypeFromTheActItsObjectNames(string text, string type, string predicate)
    {
        var e = Assert.Single(Events(text), x => x.SourceId == "japan" && x.Modality == Modality.Asserted);
        Assert.Equal((type, predicate), (e.Type, e.Text));
    }

    [Fact]
    public void SuspendingAnExerciseStaysAWithdrawal()
    {
        var e = Assert.Single(Events("Japan and South Korea suspended the joint exercise."));
        Assert.Equal("RETREAT", e.Type);
    }

    [Fact]
    public void AnEventNounBeforeAHeadNounOnlyNamesAKind()
    {
        Assert.DoesNotContain(Events("The cooperation mechanism between Japan and South Korea is old."), e => e.Type == "COOPERATE");
        Assert.Contains(Events("The cooperation between Japan and South Korea grew."), e => e.Type == "COOPERATE");
    }

    [Fact]
    public void AMentionNamingAnEventNounIsNoSubjectOfTheVerbAfterIt()
    {
        Assert.DoesNotContain(Events("The Tokyo meeting ended without a deal."), e => e.Type == "RETREAT");
    }

    [Fact]
    public void AnAdverbAfterToOrAnAuxiliaryKeepsTheVerbAVerb()
    {
        var events = Events("Japan plans to further strengthen cooperation with South Korea.");
        Assert.Contains(events, e => (e.Type, e.SourceId, e.TargetId, e.Modality) == ("COOPERATE", "japan", "south-korea", Modality.Planned));
    }

    [Fact]
    public void ARoleNounSubjectStandsForTheOrganisationOfItsEarlierMention()
    {
        var events = Events("A senior Foreign Ministry official spoke on Monday. Asked about the talks with Japan, the senior official criticized North Korea.");
        var e = Assert.Single(events, x => x.Type == "ACCUSE");
        Assert.Equal(("korea-mofa", "north-korea"), (e.SourceId, e.TargetId));
    }

    [Fact]
    public void ARoleNounSubjectWithNoEarlierMentionIsNotTheActorBeforeIt()
    {
        Assert.DoesNotContain(Events("Asked about Japan, the official criticized North Korea."), e => e.SourceId == "japan");
    }

    [Fact]
    public void AQuotationGoingOnInTheNextSentenceKeepsItsSpeaker()
    {
        var events = Events("\"We met often,\" Alice Park said. \"Our alliance with the United States is ironclad.\"");
        var e = Assert.Single(events, x => x.Type == "SUPPORT");
        Assert.Equal(("alice-park", "united-states", Modality.Asserted, "ironclad"), (e.SourceId, e.TargetId, e.Modality, e.Text));
    }

    [Fact]
    public void AQuestionGoingOnInTheNextSentenceIsNoStatement()
    {
        Assert.DoesNotContain(Events("\"We met often,\" Alice Park said. \"Is our alliance with the United States ironclad?\""), e => e.Type == "SUPPORT");
    }

    [Fact]
    public void AQuotationWithNoSpeakerBeforeItIsNoStatement()
    {
        Assert.Empty(Events("Alice Park arrived on Monday. \"Our alliance with the United States is ironclad.\""));
    }
}
