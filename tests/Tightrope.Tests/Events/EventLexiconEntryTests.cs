using Tightrope.Events;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Tests.Events;

/// <summary>Predicates whose PLOVER type follows their CAMEO code: boycotts and blocking passage, apologies, lodged protests, hacking, alerts, withdrawn monitors, stated readiness, launched efforts.</summary>
public sealed class EventLexiconEntryTests
{
    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Sector = "GOV", Demonyms = ["South Korean"] },
        new Actor { Id = "north-korea", Name = "North Korea", Kind = ActorKind.Country, Country = "PRK", Sector = "GOV", Demonyms = ["North Korean"] },
        new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN", Sector = "GOV", Demonyms = ["Japanese"] },
        new Actor { Id = "osaka", Name = "Osaka", Kind = ActorKind.Place, Country = "JPN" },
    ]);

    private static List<Event> Events(string text) => EventTestKit.Events(Kb, text, new DateOnly(2030, 3, 4));

    [Theory]
    [InlineData("Japan blocked the bridge to North Korea for two hours.", "PROTEST", "blocked")]
    [InlineData("Japan boycotted the games in North Korea.", "PROTEST", "boycotted")]
    [InlineData("Japan apologized to South Korea for the incident.", "SUPPORT", "apologized")]
    [InlineData("South Korea lodged an official protest with Japan.", "ACCUSE", "lodged an official protest")]
    [InlineData("North Korea tried to hack into the servers of South Korea.", "COERCE", "hack into")]
    public void APredicateHasItsCameoType(string text, string type, string predicate)
    {
        Assert.Contains(Events(text), e => (e.Type, e.Text) == (type, predicate));
    }

    [Fact]
    public void SayingOneWillBoycottIsAThreat()
    {
        Assert.Contains(Events("Japan said it would boycott the talks with North Korea."), e => e.Type == "THREATEN" && e.SourceId == "japan" && e.Modality == Modality.Asserted);
    }

    [Fact]
    public void StatingTheWithdrawalOfMonitorsIsAThreatAndOfTroopsNone()
    {
        Assert.Contains(Events("Japan said it will withdraw election monitors from North Korea."), e => e.Type == "THREATEN" && e.SourceId == "japan" && e.TargetId == "north-korea");
        Assert.DoesNotContain(Events("Japan said it will withdraw troops from North Korea."), e => e.Type == "THREATEN");
    }

    [Fact]
    public void BeingPreparedToActIsAStatedIntention()
    {
        var events = Events("Japan said it is prepared to impose a curfew in Osaka.");
        Assert.Contains(events, e => e.Type == "THREATEN" && e.SourceId == "japan" && e.Modality == Modality.Asserted);
        Assert.Contains(events, e => e.Type == "COERCE" && e.Modality == Modality.Planned);
    }

    [Fact]
    public void LaunchingAnEffortIsTheEffortsAct()
    {
        var events = Events("Japan launched a mediation effort with North Korea.");
        var e = Assert.Single(events, x => x.SourceId == "japan");
        Assert.Equal(("CONSULT", "launched a mediation", "north-korea"), (e.Type, e.Text, e.TargetId));
    }

    [Fact]
    public void AnActAfterAPrepositionIsNoObjectOfTheVerb()
    {
        var events = Events("North Korea conducted missile launches during a meeting with South Korea.");
        Assert.DoesNotContain(events, e => e.Type == "CONSULT" && e.Text.StartsWith("launches", StringComparison.Ordinal));
    }
}
