using System.Globalization;
using Tightrope.Actors;
using Tightrope.Knowledge;

namespace Tightrope.Tests.Actors;

/// <summary>
/// Names written in hangul, hanzi or kana (found through the knowledge base's native names), Western names read back
/// from their Chinese transcription, and a country abbreviated as Chinese does ("Han" for 韩国). People, sentences and
/// some actors are this test's own.
/// </summary>
public sealed class NativeAndTranscribedNamesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Aliases = ["Korea"], Native = new NativeNames { Hangul = "대한민국", Zh = "韩国" } },
        new Actor { Id = "china", Name = "China", Kind = ActorKind.Country, Country = "CHN", Native = new NativeNames { Zh = "中国" } },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Aliases = ["US"], Native = new NativeNames { Hangul = "미국", Zh = "美国" } },
        new Actor { Id = "kor-mofa", Name = "Ministry of Foreign Affairs (South Korea)", Kind = ActorKind.Government, Country = "KOR", Native = new NativeNames { Hangul = "외교부", Hanja = "外交部" } },
        new Actor { Id = "seo-min-ho", Name = "Seo Min-ho", Kind = ActorKind.Person, Country = "KOR", Native = new NativeNames { Hangul = "서민호", Hanja = "徐敏浩" } },
        new Actor
        {
            Id = "han-jae-sung", Name = "Han Jae-sung", Kind = ActorKind.Person, Country = "KOR", Native = new NativeNames { Hangul = "한재성", Hanja = "韓在成" },
            Roles = [new Role { Title = "Prime Minister", Org = "KOR", From = D("2019-01-01"), To = D("2024-12-31") }],
        },
        new Actor { Id = "lloyd-austin", Name = "Lloyd Austin", Kind = ActorKind.Person, Country = "USA", Native = new NativeNames { Zh = "奥斯汀" } },
    ],
    [new RoleTitle { Title = "Prime Minister", Function = "head-of-government" }]);

    private static readonly ActorsStage Stage = new(Kb);

    private static IReadOnlyList<Mention> Find(string text, string date = "2022-06-01") => Stage.Find(text, D(date));

    [Fact]
    public void AHangulNameOnAKoreanPageIsAMention()
    {
        var found = Find("서민호 의원은 어제 미국을 방문했다.");
        Assert.Contains(found, m => m.ActorId == "seo-min-ho" && m.Text == "서민호" && m.Kind == MentionKind.Name);
        Assert.Contains(found, m => m.ActorId == "united-states" && m.Text == "미국");
    }

    [Fact]
    public void AHangulNameMustStartAWord()
    {
        // "민호" is no name of anyone; "서민호" inside a longer hangul word is not the person either.
        Assert.DoesNotContain(Find("그는 대서민호텔에 묵었다."), m => m.ActorId == "seo-min-ho");
    }

    [Fact]
    public void HanziNamesAreFoundWithoutSpaces()
    {
        var found = Find("徐敏浩会见了奥斯汀，中国表示关注。");
        Assert.Equal(["seo-min-ho", "lloyd-austin", "china"], found.Where(m => m.ActorId is not null).Select(m => m.ActorId!));
    }

    [Fact]
    public void ANativeNameInParenthesesBesideTheRomanisedOneIsAMentionToo()
    {
        var found = Find("Lawmaker Seo Min-ho (徐敏浩) spoke on Tuesday.");
        Assert.Equal(2, found.Count(m => m.ActorId == "seo-min-ho"));
    }

    [Fact]
    public void TheHanjaOfAnInstitutionIsTheCommonNounOfAnyCountry()
    {
        // 外交部 on a Chinese page is China's foreign ministry, not the Korean one whose hanja it also is.
        Assert.DoesNotContain(Find("外交部发言人表示欢迎。"), m => m.ActorId == "kor-mofa");
        Assert.Contains(Find("외교부는 성명을 냈다."), m => m.ActorId == "kor-mofa");
    }

    [Fact]
    public void ASingleHanziIsNoName()
    {
        Assert.DoesNotContain(Find("韩美同盟"), m => m.ActorId == "han-jae-sung");
    }

    [Fact]
    public void AWesternNameReadBackFromItsTranscriptionAsOneWordResolves()
    {
        var m = Assert.Single(Find("The envoy thanked Ostin for the visit."), x => x.ActorId is not null);
        Assert.Equal("lloyd-austin", m.ActorId);
        Assert.Equal(MentionKind.Transliterated, m.Kind);
    }

    [Theory]
    [InlineData("China and Han agreed to resume the talks.")]
    [InlineData("Han and the United States held joint drills.")]
    [InlineData("Officials praised the US-Han alliance.")]
    public void APinyinCountryAbbreviationBesideAnotherCountryIsThatCountry(string text)
    {
        var found = Find(text);
        Assert.DoesNotContain(found, m => m.ActorId == "han-jae-sung");
        Assert.Contains(found, m => m.ActorId == "south-korea" && m.Text == "Han");
    }

    [Fact]
    public void ThePersonNamedInTheArticleKeepsTheSurname()
    {
        var found = Find("Prime Minister Han Jae-sung flew to Beijing. China and Han signed the accord.");
        Assert.Equal(2, found.Count(m => m.ActorId == "han-jae-sung"));
        Assert.DoesNotContain(found, m => m.ActorId == "south-korea");
    }
}
