using Tightrope.Events;
using Tightrope.Knowledge;

namespace Tightrope.Tests.Events;

/// <summary>What a mention stands for in an event: "it", pronouns that are not their own objects, administrations, treaties named for their parties.</summary>
public sealed class EventActorTests
{
    private static readonly RoleTitle[] Titles =
    [
        new() { Title = "President", Function = "head-of-state", Single = true },
        new() { Title = "Minister of Foreign Affairs", Function = "foreign-minister", Single = true },
    ];

    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Sector = "GOV", Aliases = ["Korea"], Demonyms = ["South Korean"] },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Sector = "GOV", Aliases = ["US"], Demonyms = ["American"] },
        new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN", Sector = "GOV", Demonyms = ["Japanese"] },
        new Actor { Id = "ann-lee", Name = "Ann Lee", Kind = ActorKind.Person, Country = "KOR", Roles = [new Role { Title = "President", Org = "KOR", From = new DateOnly(2028, 1, 1), To = new DateOnly(2032, 12, 31) }] },
        new Actor { Id = "carl-moss", Name = "Carl Moss", Kind = ActorKind.Person, Country = "USA", Roles = [new Role { Title = "President", Org = "USA", From = new DateOnly(2010, 1, 20), To = new DateOnly(2014, 1, 20) }] },
        new Actor { Id = "dora-kent", Name = "Dora Kent", Kind = ActorKind.Person, Country = "USA", Roles = [new Role { Title = "Minister of Foreign Affairs", Org = "USA" }] },
        new Actor { Id = "kojapan-pact", Name = "Korea–Japan Fisheries Pact", Kind = ActorKind.Agreement, Aliases = ["Korea-Japan Fisheries Pact"] },
        new Actor { Id = "ocean-pact", Name = "Ocean Charter", Kind = ActorKind.Agreement },
        new Actor { Id = "tuna-accord", Name = "Tuna Accord", Kind = ActorKind.Agreement },
    ], Titles);

    private static List<Event> Events(string text) => EventTestKit.Events(Kb, text, new DateOnly(2030, 5, 2));

    [Fact]
    public void ItAsASubjectIsTheLastActorThatIsNoPersonAndNotTheObject()
    {
        var events = Events("Japan wants a bigger role for South Korea. In March, it asked South Korea to send more ships.");
        Assert.Contains(events, e => (e.Type, e.SourceId, e.TargetId) == ("REQUEST", "japan", "south-korea"));
    }

    [Fact]
    public void ItBeforeACopulaIsNoActor()
    {
        var events = Events("Japan spoke with South Korea last week. It is important to meet the United States soon.");
        Assert.DoesNotContain(events, e => e.Type == "CONSULT" && e.TargetId == "united-states");
    }

    [Fact]
    public void APronounSubjectIsNotTheObjectOfItsOwnPredicate()
    {
        var events = Events("Carl Moss praised Dora Kent in a speech, and a month later he met with Dora Kent in Tokyo.");
        Assert.Contains(events, e => (e.Type, e.SourceId, e.TargetId) == ("CONSULT", "carl-moss", "dora-kent"));
    }

    [Fact]
    public void TheAdministrationOfASittingHeadIsTheCountry()
    {
        var events = Events("The Ann Lee administration criticized Japan.");
        Assert.Contains(events, e => (e.Type, e.SourceId, e.TargetId) == ("ACCUSE", "south-korea", "japan"));
    }

    [Fact]
    public void TheAdministrationOfAPastHeadIsThePerson()
    {
        var events = Events("The Carl Moss administration criticized Japan.");
        Assert.Contains(events, e => (e.Type, e.SourceId, e.TargetId) == ("ACCUSE", "carl-moss", "japan"));
    }

    [Fact]
    public void ATreatyNamedForItsPartiesStandsForTheOtherParty()
    {
        var events = Events("South Korea signed the Korea-Japan Fisheries Pact.");
        Assert.Contains(events, e => (e.Type, e.SourceId, e.TargetId) == ("AGREE", "south-korea", "japan"));
        Assert.DoesNotContain(events, e => e.TargetId == "kojapan-pact");
    }

    [Fact]
    public void ATreatyNotNamedForItsPartiesStaysTheTarget()
    {
        var events = Events("South Korea signed the Ocean Charter.");
        Assert.Contains(events, e => (e.Type, e.SourceId, e.TargetId) == ("AGREE", "south-korea", "ocean-pact"));
    }

    [Fact]
    public void TwoDifferentRequestsOfOneSideAreNotOneReportedTwice()
    {
        var events = Events("Japan asked South Korea to send ships. Later Japan proposed to South Korea a joint patrol.");
        Assert.Equal(2, events.Count(e => (e.Type, e.SourceId, e.TargetId) == ("REQUEST", "japan", "south-korea")));
    }

    [Fact]
    public void TwoAgreementsAboutDifferentTreatiesAreTwoEvents()
    {
        var events = Events("In 2029, Japan and South Korea reached an agreement on the Ocean Charter. Experts think Japan and South Korea reached an agreement on the Tuna Accord.");
        Assert.Equal(2, events.Count(e => e.Type == "AGREE" && e.SourceId == "japan" && e.TargetId == "south-korea"));
    }

    [Fact]
    public void ASolidarityBetweenTwoActorsIsSupportFromTheFirst()
    {
        var events = Events("The public show of solidarity between Ann Lee and Dora Kent surprised observers.");
        Assert.Contains(events, e => (e.Type, e.SourceId, e.TargetId) == ("SUPPORT", "ann-lee", "dora-kent"));
    }

    [Fact]
    public void APlanNamedAsANounIsNoStatedIntentionOfTheSubject()
    {
        var stated = Events("Japan plans to hold talks with South Korea.");
        Assert.Contains(stated, e => (e.Type, e.SourceId, e.Modality) == ("AGREE", "japan", Modality.Asserted));
        var reported = Events("Ann Lee criticized Japan's plan to hold talks with South Korea.");
        Assert.DoesNotContain(reported, e => e.Type == "AGREE" && e.Modality == Modality.Asserted);
    }
}
