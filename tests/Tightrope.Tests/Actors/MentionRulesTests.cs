using System.Globalization;
using Tightrope.Actors;
using Tightrope.Knowledge;

namespace Tightrope.Tests.Actors;

/// <summary>
/// The rules of mention detection beyond names: descriptions, forces abroad, party adjectives, policy names,
/// places after prepositions, quantifiers, joined countries and organisations inside titles. Names and sentences
/// are our own (several actors are invented).
/// </summary>
public sealed class MentionRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN", Demonyms = ["Japanese"], Metonyms = ["Tokyo"] },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Aliases = ["US", "U.S.", "America"], Demonyms = ["American"] },
        new Actor { Id = "philippines", Name = "Philippines", Kind = ActorKind.Country, Country = "PHL" },
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Aliases = ["Korea"], Demonyms = ["South Korean", "Korean"] },
        new Actor { Id = "tokyo", Name = "Tokyo", Kind = ActorKind.Place, Country = "JPN" },
        new Actor { Id = "asia-pacific", Name = "Asia-Pacific", Kind = ActorKind.Place },
        new Actor { Id = "korean-peninsula", Name = "Korean Peninsula", Kind = ActorKind.Place, Descriptions = ["peninsula"] },
        new Actor { Id = "usfj", Name = "United States Forces Japan", Kind = ActorKind.Military, Country = "USA", Aliases = ["USFJ", "US Forces Japan"] },
        new Actor { Id = "harbour-party", Name = "Harbour Party (Japan)", Kind = ActorKind.Party, Country = "JPN", Descriptions = ["conservative party"], From = D("1951-01-01"), To = D("1969-12-31") },
        new Actor { Id = "meadow-party", Name = "Meadow Party (Japan)", Kind = ActorKind.Party, Country = "JPN", Descriptions = ["conservative party"], From = D("1970-01-01") },
        new Actor { Id = "lantern-party", Name = "Lantern Party (United States)", Kind = ActorKind.Party, Country = "USA" },
        new Actor { Id = "democratic-party-jpn", Name = "Democratic Party (Japan)", Kind = ActorKind.Party, Country = "JPN" },
        new Actor { Id = "democratic-party-usa", Name = "Democratic Party (United States)", Kind = ActorKind.Party, Country = "USA" },
        new Actor { Id = "harbour-watch", Name = "Harbour Watch Bureau", Kind = ActorKind.Government, Country = "JPN", Descriptions = ["intelligence agency"] },
        new Actor { Id = "canals-act", Name = "Canals and Lighthouses Act", Kind = ActorKind.Agreement },
        new Actor { Id = "coral-treaty", Name = "Coral Sea Defense Treaty", Kind = ActorKind.Agreement },
        new Actor { Id = "maritime-council", Name = "Maritime Council", Kind = ActorKind.Government, Country = "JPN" },
        new Actor
        {
            Id = "hana-mori", Name = "Hana Mori", Kind = ActorKind.Person, Country = "JPN",
            Roles = [new Role { Title = "Chief of the Maritime Council", Org = "JPN", From = D("2015-01-01") }],
        },
        new Actor { Id = "tom-bridges", Name = "Tom Bridges", Kind = ActorKind.Person, Country = "USA" },
    ],
    [new RoleTitle { Title = "Chief of the Maritime Council", Function = "chief" }]);

    private static readonly ActorsStage Stage = new(Kb);

    private static IReadOnlyList<Mention> Find(string text, string date = "2020-06-01") => Stage.Find(text, D(date));

    [Fact]
    public void ACountryThenADescriptionIsOneMentionOfThatCountrysActor()
    {
        var m = Assert.Single(Find("Yesterday the Japanese conservative party chose a new leader."), x => x.ActorId is not null);
        Assert.Equal("meadow-party", m.ActorId);
        Assert.Equal("Japanese conservative party", m.Text);
        Assert.Equal(MentionKind.Description, m.Kind);
    }

    [Fact]
    public void ADescriptionNamesTheActorThatExistedAtTheDate()
    {
        Assert.Contains(Find("Voters deserted the Japanese conservative party.", "1960-03-01"), m => m.ActorId == "harbour-party");
        Assert.Contains(Find("Voters deserted the Japanese conservative party.", "1990-03-01"), m => m.ActorId == "meadow-party");
    }

    [Fact]
    public void ADefiniteDescriptionResolvesOnlyInAnArticleThatNamesTheCountry()
    {
        Assert.Contains(Find("Japan holds an election soon. Polls favour the conservative party."), m => m.ActorId == "meadow-party" && m.Text == "conservative party");
        Assert.DoesNotContain(Find("Polls favour the conservative party."), m => m.ActorId == "meadow-party");
        Assert.Contains(Find("The US intelligence agency and the Japanese intelligence agency met."), m => m.ActorId == "harbour-watch" && m.Text == "Japanese intelligence agency");
    }

    [Fact]
    public void AnActorWithoutACountryIsDescribedWhenACountryInItsNameIsNamed()
    {
        Assert.Contains(Find("South Korea wants calm on the peninsula."), m => m.ActorId == "korean-peninsula" && m.Text == "peninsula");
        Assert.DoesNotContain(Find("Japan sent ships around the peninsula."), m => m.ActorId == "korean-peninsula");
    }

    [Fact]
    public void ForcesOfOneCountryInAnotherAlsoMentionBothCountries()
    {
        var mentions = Find("The cost of U.S. troops in Japan keeps rising.");
        Assert.Contains(mentions, m => m.ActorId == "usfj" && m.Text == "U.S. troops in Japan");
        Assert.Contains(mentions, m => m.ActorId == "united-states" && m.Text == "U.S.");
        Assert.Contains(mentions, m => m.ActorId == "japan" && m.Text == "Japan");
    }

    [Fact]
    public void TroopsStationedInACountryAreTheOnlyForeignForceKnownThere()
    {
        var mentions = Find("Talks stalled over troops stationed in Japan last year.");
        Assert.Contains(mentions, m => m.ActorId == "usfj" && m.Text == "troops stationed in Japan");
        Assert.DoesNotContain(Find("Talks stalled over troops stationed in South Korea last year."), m => m.ActorId == "usfj");
    }

    [Fact]
    public void ACountryThenThePartysDistinctiveWordIsTheParty()
    {
        var m = Assert.Single(Find("A US Lantern senator objected to the bill."), x => x.ActorId is not null);
        Assert.Equal("lantern-party", m.ActorId);
        Assert.Equal("US Lantern", m.Text);
    }

    [Fact]
    public void ACountryNamedAfterASharedNamePicksAmongItsBearers()
    {
        var mentions = Find("The US and the US allies spoke. The US was firm. Support came from the Democratic Party in Japan.");
        Assert.Contains(mentions, m => m.ActorId == "democratic-party-jpn" && m.Text == "Democratic Party");
    }

    [Fact]
    public void PlacesInsidePolicyNamesAndSlogansAreNotTheActor()
    {
        Assert.DoesNotContain(Find("He praised the Asia-Pacific Strategy of the government."), m => m.ActorId == "asia-pacific");
        Assert.DoesNotContain(Find("Critics mocked the American dream and the pro-American camp."), m => m.ActorId == "united-states");
        Assert.DoesNotContain(Find("The slogan “America First” returned."), m => m.ActorId == "united-states");
        Assert.Contains(Find("America first proposed the talks."), m => m.ActorId == "united-states");
    }

    [Fact]
    public void AMetonymAfterAPrepositionOfPlaceIsThePlace()
    {
        Assert.Contains(Find("Diplomats flew to Tokyo on Monday and the visit was short."), m => m.ActorId == "tokyo");
        Assert.Contains(Find("Tokyo said it would respond."), m => m.ActorId == "japan");
    }

    [Fact]
    public void ALowerCaseWordAfterAQuantifierIsNoSurname()
    {
        var mentions = Find("Tom Bridges toured the valley. The flood left only a few bridges standing.");
        Assert.Single(mentions, m => m.ActorId == "tom-bridges");
        Assert.Contains(Find("They bought an american radar."), m => m.ActorId == "united-states");
    }

    [Fact]
    public void TwoCountriesJoinedBeforeAnAgreementBelongToItsName()
    {
        var mentions = Find("Manila invoked the Philippines and the United States Coral Sea Defense Treaty on Monday.");
        Assert.Contains(mentions, m => m.ActorId == "coral-treaty" && m.Text == "Philippines and the United States Coral Sea Defense Treaty");
        Assert.DoesNotContain(mentions, m => m.ActorId == "philippines");
    }

    [Fact]
    public void AnOrganisationInsideATitleIsAMentionOfItsOwn()
    {
        var mentions = Find("The chief of the Maritime Council warned of storms.");
        Assert.Contains(mentions, m => m.ActorId == "maritime-council" && m.Text == "Maritime Council");
    }

    [Fact]
    public void ALongNameMatchesWithOnePluralWordMadeSingular()
    {
        Assert.Contains(Find("Congress amended the Canal and Lighthouses Act again."), m => m.ActorId == "canals-act" && m.Text == "Canal and Lighthouses Act");
        Assert.Contains(Find("Congress amended the Canals and Lighthouse Act again."), m => m.ActorId == "canals-act");
        Assert.DoesNotContain(Find("Congress amended the Canal and Lighthouse Act again."), m => m.ActorId == "canals-act");
    }
}
