using Tightrope.Knowledge;
using Tightrope.Knowledge.Transliteration;

namespace Tightrope.Tests.Knowledge.Transliteration;

/// <summary>
/// The bridge is tested with people who are not in the sample articles. Every garbled form is computed here from
/// the characters through the Unihan table; none is typed in.
/// </summary>
public sealed class TransliterationIndexTests
{
    private static readonly Actor[] People =
    [
        Person("lee-myung-bak", "Lee Myung-bak", "이명박", "李明博"),
        Person("park-geun-hye", "Park Geun-hye", "박근혜", "朴槿惠"),
        Person("roh-moo-hyun", "Roh Moo-hyun", "노무현", "盧武鉉"),
        Person("kim-dae-jung", "Kim Dae-jung", "김대중", "金大中"),
        Person("ban-ki-moon", "Ban Ki-moon", "반기문", "潘基文"),
        Person("chung-eui-yong", "Chung Eui-yong", "정의용", "鄭義溶"),
        Person("kang-kyung-wha", "Kang Kyung-wha", "강경화", "康京和"),
        Person("kim-young-sam", "Kim Young-sam", "김영삼", "金泳三"),
    ];

    private static readonly TransliterationIndex Index = new(new KnowledgeBase(People));

    private static Actor Person(string id, string name, string hangul, string hanja) => new()
    {
        Id = id,
        Name = name,
        Kind = ActorKind.Person,
        Country = "KOR",
        Native = new NativeNames { Hangul = hangul, Hanja = hanja },
    };

    private static string[] PinyinOf(string hanja) =>
        [.. hanja.Select(c => UnihanTable.Default.Pinyin(c)[0])];

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    public static TheoryData<string> Ids() => [.. People.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void APinyinRenderingResolvesToThePerson(string id)
    {
        var actor = People.Single(p => p.Id == id);
        var py = PinyinOf(actor.Native.Hanja!);
        // "Li Mingbo", "Li Ming-bo", "LI MINGBO", "li ming bo"
        string[] forms =
        [
            $"{Cap(py[0])} {Cap(py[1])}{py[2]}",
            $"{Cap(py[0])} {Cap(py[1])}-{py[2]}",
            $"{py[0]} {py[1]}{py[2]}".ToUpperInvariant(),
            string.Join(' ', py),
            $"{Cap(py[0])} {Cap(py[1])}{Cap(py[2])}",
        ];
        foreach (var form in forms)
        {
            var m = Index.Match(form);
            Assert.True(m is not null, $"'{form}' did not resolve");
            Assert.Equal(id, m.Value.ActorId);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void MixturesOfPinyinAndKoreanRomanisationResolve(string id)
    {
        var actor = People.Single(p => p.Id == id);
        var py = PinyinOf(actor.Native.Hanja!);
        var korean = actor.Name.Split(' ', '-');
        string[] forms =
        [
            $"{Cap(py[0])} {korean[1]}-{korean[2].ToLowerInvariant()}",  // pinyin surname, Korean given name
            $"{korean[0]} {Cap(py[1])}{py[2]}",                          // Korean surname, pinyin given name
            $"{korean[0]} {korean[1]}-{py[2]}",                          // half and half inside the given name
            $"{korean[0]} {korean[1]}{korean[2].ToLowerInvariant()}",    // fused given name
            $"{korean[0]} {korean[1].ToLowerInvariant()} {korean[2].ToLowerInvariant()}",
        ];
        foreach (var form in forms)
        {
            var m = Index.Match(form);
            Assert.True(m is not null, $"'{form}' did not resolve");
            Assert.Equal(id, m.Value.ActorId);
        }
    }

    [Fact]
    public void SmallSpellingErrorsAreTolerated()
    {
        // One letter dropped from a long syllable, and a dropped final consonant.
        var m = Index.Match("Kang Kyng-wha");
        Assert.Equal("kang-kyung-wha", m?.ActorId);
        var m2 = Index.Match("Roh Moo-hyu");
        Assert.Equal("roh-moo-hyun", m2?.ActorId);
        Assert.True(m2!.Value.Score < Index.Match("Roh Moo-hyun")!.Value.Score);
    }

    [Fact]
    public void McCuneReischauerSpellingsResolve()
    {
        Assert.Equal("park-geun-hye", Index.Match("Pak Kŭn-hye".Replace("ŭ", "u", StringComparison.Ordinal))?.ActorId);
        Assert.Equal("roh-moo-hyun", Index.Match("No Mu-hyon")?.ActorId);
        Assert.Equal("chung-eui-yong", Index.Match("Chong Ui-yong")?.ActorId);
    }

    [Theory]
    [InlineData("Smith Johnson")]
    [InlineData("New York")]
    [InlineData("Kim")]
    [InlineData("Kim Jong Un")]
    [InlineData("Park Chung")]
    public void UnrelatedNamesDoNotResolve(string form) => Assert.Null(Index.Match(form));

    [Fact]
    public void TheSameSurnameWithAnotherGivenNamePicksTheRightPerson()
    {
        Assert.Equal("kim-young-sam", Index.Match("Kim Young-sam")?.ActorId);
        var py = PinyinOf("金泳三");
        Assert.Equal("kim-young-sam", Index.Match($"Kim {Cap(py[1])}{py[2]}")?.ActorId);
        var py2 = PinyinOf("金大中");
        Assert.Equal("kim-dae-jung", Index.Match($"{Cap(py2[0])} {Cap(py2[1])}{py2[2]}")?.ActorId);
    }

    [Fact]
    public void ASurnameAloneIsReportedButDoesNotResolve()
    {
        var py = PinyinOf("潘基文");
        Assert.Null(Index.Match(Cap(py[0])));
        Assert.Contains(Index.Candidates(Cap(py[0])), c => c.ActorId == "ban-ki-moon" && c.SurnameOnly);
        Assert.True(Index.IsSurnameOf(py[0], "ban-ki-moon"));
    }

    [Theory]
    [InlineData("abc", "abd", true)]
    [InlineData("abc", "acb", true)]
    [InlineData("abc", "abcd", true)]
    [InlineData("abc", "xyz", false)]
    [InlineData("hwa", "wha", true)]
    [InlineData("abcd", "ab", false)]
    public void EditDistanceAllowsOneChange(string a, string b, bool expected) =>
        Assert.Equal(expected, TransliterationIndex.EditDistanceAtMostOne(a, b));

    [Fact]
    public void ASpanAskedAgainGetsTheSameAnswerFromTheCache()
    {
        var index = new TransliterationIndex(new KnowledgeBase(People));
        var first = index.Match("No Mu-hyon");
        Assert.Equal("roh-moo-hyun", first?.ActorId);
        Assert.Equal(first, index.Match("No Mu-hyon"));
        Assert.Null(index.Match("Quentin Blake"));
        Assert.Null(index.Match("Quentin Blake"));
    }
}
