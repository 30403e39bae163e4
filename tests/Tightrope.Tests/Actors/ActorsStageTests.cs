using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Knowledge.Transliteration;
using Tightrope.Model;

namespace Tightrope.Tests.Actors;

public sealed class ActorsStageTests
{
    private static Actor Person(string id, string name, string? hangul, string? hanja, string country, params Role[] roles) => new()
    {
        Id = id,
        Name = name,
        Kind = ActorKind.Person,
        Country = country,
        Native = new NativeNames { Hangul = hangul, Hanja = hanja },
        Roles = roles,
    };

    private static Role R(string title, string org, string from, string? to) =>
        new() { Title = title, Org = org, From = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), To = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) };

    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Aliases = ["ROK", "Republic of Korea"], Demonyms = ["South Korean"], Metonyms = ["Seoul"] },
        new Actor { Id = "north-korea", Name = "North Korea", Kind = ActorKind.Country, Country = "PRK", Aliases = ["DPRK"], Demonyms = ["North Korean"] },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Aliases = ["US", "U.S."], Demonyms = ["American"], Metonyms = ["Washington"] },
        new Actor { Id = "seoul", Name = "Seoul", Kind = ActorKind.Place, Country = "KOR" },
        new Actor { Id = "usfk", Name = "United States Forces Korea", Kind = ActorKind.Military, Country = "USA", Aliases = ["USFK"] },
        Person("lee-myung-bak", "Lee Myung-bak", "이명박", "李明博", "KOR", R("President", "KOR", "2008-02-25", "2013-02-24")),
        Person("lee-jae-myung", "Lee Jae-myung", "이재명", "李在明", "KOR", R("President", "KOR", "2025-06-04", null)),
        Person("kim-dae-jung", "Kim Dae-jung", "김대중", "金大中", "KOR", R("President", "KOR", "1998-02-25", "2003-02-24")),
        Person("kim-young-sam", "Kim Young-sam", "김영삼", "金泳三", "KOR", R("President", "KOR", "1993-02-25", "1998-02-24")),
        Person("ban-ki-moon", "Ban Ki-moon", "반기문", "潘基文", "KOR", R("Minister of Foreign Affairs", "KOR", "2004-01-17", "2006-11-09")),
        Person("mark-esper", "Mark Esper", null, null, "USA", R("Secretary of Defense", "USA", "2019-07-23", "2020-11-09")),
    ]);

    private static readonly ActorsStage Stage = new(Kb);

    private static IReadOnlyList<Mention> Find(string text, string? date = "2010-06-01") =>
        Stage.Find(text, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    [Fact]
    public void FullNamesResolveWithSpansAndWithoutThePossessive()
    {
        const string text = "Ban Ki-moon's speech was praised.";
        var m = Assert.Single(Find(text), x => x.ActorId == "ban-ki-moon");
        Assert.Equal("Ban Ki-moon", m.Text);
        Assert.Equal("Ban Ki-moon", text[m.Span.Start..m.Span.End]);
        Assert.Equal(MentionKind.Name, m.Kind);
    }

    [Fact]
    public void AcronymsMustBeUpperCase()
    {
        var mentions = Find("USFK said the troops would stay with us for now.");
        Assert.Contains(mentions, m => m.ActorId == "usfk" && m.Kind == MentionKind.Acronym);
        Assert.DoesNotContain(mentions, m => m.ActorId == "united-states");
    }

    [Fact]
    public void PresidentLeeMeansTheHolderAtTheArticleDate()
    {
        Assert.Contains(Find("President Lee met the delegation.", "2010-06-01"), m => m.Text == "Lee" && m.ActorId == "lee-myung-bak");
        Assert.Contains(Find("President Lee met the delegation.", "2025-08-01"), m => m.Text == "Lee" && m.ActorId == "lee-jae-myung");
    }

    [Fact]
    public void ARoleAloneResolvesToTheHolderOfThatCountry()
    {
        var mentions = Find("The South Korean president flew to Tokyo.", "1999-05-01");
        Assert.Contains(mentions, m => m.Kind == MentionKind.Role && m.ActorId == "kim-dae-jung");
        Assert.Contains(mentions, m => m.Text == "South Korean" && m.ActorId == "south-korea");
    }

    [Fact]
    public void ARoleAloneIsNotTheHolderWhenTheArticleGivesTheTitleToSomeoneUnknown()
    {
        // An invented president in a story that gives the title to him: the title alone is his, not the holder's.
        var mentions = Find("President Arvid Lindqvist spoke first. The South Korean president flew to Tokyo.", "1999-05-01");
        Assert.DoesNotContain(mentions, m => m.ActorId == "kim-dae-jung");
        Assert.Contains(Find("Officials spoke first. The South Korean president flew to Tokyo.", "1999-05-01"), m => m.Kind == MentionKind.Role && m.ActorId == "kim-dae-jung");
    }

    [Fact]
    public void ASurnameAloneCorefersWithThePersonNamedBefore()
    {
        var mentions = Find("Kim Young-sam spoke first. Later, Kim said he agreed.", "2010-01-01");
        var kim = Assert.Single(mentions, m => m.Text == "Kim");
        Assert.Equal("kim-young-sam", kim.ActorId);
        Assert.Equal(MentionKind.Partial, kim.Kind);
    }

    [Fact]
    public void AnAmbiguousSurnameWithNoContextStaysUnresolved()
    {
        var kim = Assert.Single(Find("Critics said Kim was wrong.", "2010-01-01"), m => m.Text == "Kim");
        Assert.Null(kim.ActorId);
        Assert.True(kim.Confidence < 0.6);
    }

    [Fact]
    public void APlaceStandsForTheGovernmentOnlyInGovernmentalContext()
    {
        Assert.Contains(Find("Seoul said it would respond."), m => m.Text == "Seoul" && m.ActorId == "south-korea" && m.Kind == MentionKind.Metonym);
        Assert.Contains(Find("The meeting was held in Seoul on Monday."), m => m.Text == "Seoul" && m.ActorId == "seoul");
        Assert.Contains(Find("Talks between Seoul and Washington resumed."), m => m.Text == "Washington" && m.ActorId == "united-states");
    }

    [Fact]
    public void APinyinRenderingResolvesThroughTheBridgeAndItsSurnameCorefers()
    {
        // The pinyin is computed from the hanja here, never typed in.
        var py = "潘基文".Select(c => UnihanTable.Default.Pinyin(c)[0]).ToArray();
        var text = $"Former minister {Cap(py[0])} {Cap(py[1])}{py[2]} arrived. {Cap(py[0])} later left.";
        var mentions = Find(text);
        Assert.Contains(mentions, m => m.Kind == MentionKind.Transliterated && m.ActorId == "ban-ki-moon");
        Assert.Contains(mentions, m => m.Text == Cap(py[0]) && m.ActorId == "ban-ki-moon" && m.Kind == MentionKind.Partial);
    }

    [Fact]
    public void UnknownNamesAreKeptAsUnresolvedCandidatesButCommonWordsAreNot()
    {
        var mentions = Find("However, in March the envoy met Arvid Lindqvist in Oslo.");
        var candidate = Assert.Single(mentions, m => m.Text == "Arvid Lindqvist");
        Assert.Null(candidate.ActorId);
        Assert.Equal("arvid lindqvist", candidate.Normalized);
        Assert.DoesNotContain(mentions, m => m.Text is "However" or "March");
    }

    [Fact]
    public void FormerBeforeATitleNamesAnEarlierHolderAndNotTheOneAtTheDate()
    {
        Assert.Contains(Find("On Monday former President Lee spoke at the ceremony.", "2026-01-10"), m => m.Text == "Lee" && m.ActorId == "lee-myung-bak");
        Assert.Contains(Find("On Monday ex-President Lee spoke at the ceremony.", "2026-01-10"), m => m.Text == "Lee" && m.ActorId == "lee-myung-bak");
        Assert.Contains(Find("On Monday President Lee spoke at the ceremony.", "2026-01-10"), m => m.Text == "Lee" && m.ActorId == "lee-jae-myung");
    }

    [Fact]
    public void TheCountryAfterATitleIsWhoseOfficeItIs()
    {
        var mentions = Find("The United States and the United States Congress welcomed the President of South Korea on Friday.", "2026-01-10");
        Assert.Contains(mentions, m => m.Kind == MentionKind.Role && m.ActorId == "lee-jae-myung");
        Assert.Contains(mentions, m => m.Text == "South Korea" && m.ActorId == "south-korea");
    }

    [Fact]
    public void TheFormerPresidentAloneIsNotTheHolderAtTheDate()
    {
        Assert.DoesNotContain(Find("The South Korean former president spoke at the ceremony.", "2026-01-10"), m => m.ActorId == "lee-jae-myung");
    }

    [Fact]
    public void LowerCaseNamesResolveWhenTheyAreNotCommonWords()
    {
        var mentions = Find("Tensions with north Korea rose as esper visited.", "2020-01-10");
        Assert.Contains(mentions, m => m.Text == "north Korea" && m.ActorId == "north-korea");
        Assert.Contains(mentions, m => m.Text == "esper" && m.ActorId == "mark-esper");
    }

    [Fact]
    public void ADemonymDescribingPeopleIsNotTheState()
    {
        Assert.DoesNotContain(Find("Many South Korean voters were unhappy."), m => m.ActorId == "south-korea");
        Assert.Contains(Find("The South Korean government protested."), m => m.ActorId == "south-korea");
    }

    [Fact]
    public void TheStageIsThreadSafe()
    {
        var texts = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? $"President Lee met Ban Ki-moon {i} times." : $"Seoul said Kim Dae-jung was right {i}.").ToArray();
        var sequential = texts.Select(t => string.Join("|", Find(t).Select(m => $"{m.Span}{m.ActorId}"))).ToArray();
        var parallel = new string[texts.Length];
        Parallel.For(0, texts.Length, i => parallel[i] = string.Join("|", Find(texts[i]).Select(m => $"{m.Span}{m.ActorId}")));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void TheStageUsesTheArticleDateAndRecordsMentionsOnTheArticle()
    {
        var stage = new ActorsStage(Kb, defaultDate: new DateOnly(2025, 8, 1));
        var article = new Article("a", "President Lee spoke.", new ArticleMetadata());
        stage.Process(article);
        Assert.Equal("lee-jae-myung", Assert.Single(article.Mentions, m => m.Text == "Lee").ActorId);

        var dated = new Article("b", "President Lee spoke.", new ArticleMetadata()) { Date = new ArticleDate(new DateOnly(2009, 1, 1), DateSource.Given, 1) };
        stage.Process(dated);
        Assert.Equal("lee-myung-bak", Assert.Single(dated.Mentions, m => m.Text == "Lee").ActorId);
    }
}

public sealed class ActorsStageConstructionTests
{
    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN", Demonyms = ["Japanese"] },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Aliases = ["US", "U.S."], Demonyms = ["American"] },
        new Actor { Id = "us-armed-forces", Name = "United States Armed Forces", Kind = ActorKind.Military, Country = "USA", Aliases = ["US military"] },
        new Actor { Id = "usfj", Name = "United States Forces Japan", Kind = ActorKind.Military, Country = "USA", Aliases = ["USFJ"] },
        new Actor { Id = "kremlin", Name = "Kremlin", Kind = ActorKind.Place, Aliases = ["the Kremlin"] },
        new Actor { Id = "north", Name = "North Korea", Kind = ActorKind.Country, Aliases = ["the North"] },
    ]);

    private static readonly ActorsStage Stage = new(Kb);

    [Theory]
    [InlineData("Critics of the U.S. troops stationed in Japan spoke.", "U.S. troops stationed in Japan")]
    [InlineData("The US military in Japan is large.", "US military in Japan")]
    [InlineData("American forces based in Japan moved.", "American forces based in Japan")]
    public void TheForcesOfOneCountryInAnotherResolveToTheirCommand(string text, string surface) =>
        Assert.Contains(Stage.Find(text, null), m => m.Text == surface && m.ActorId == "usfj");

    [Fact]
    public void ALeadingArticleIsNotPartOfTheName() =>
        Assert.Contains(Stage.Find("A statement from the Kremlin followed.", null), m => m.Text == "Kremlin" && m.ActorId == "kremlin");

    [Fact]
    public void LowerCaseCommonWordsAreNotANameEvenIfListed()
    {
        Assert.DoesNotContain(Stage.Find("Storms moved to the north overnight.", null), m => m.ActorId == "north");
        Assert.Contains(Stage.Find("Talks with the North stalled.", null), m => m.ActorId == "north");
    }
}
