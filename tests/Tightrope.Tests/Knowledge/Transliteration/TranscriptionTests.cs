using Tightrope.Knowledge;
using Tightrope.Knowledge.Transliteration;

namespace Tightrope.Tests.Knowledge.Transliteration;

/// <summary>
/// Western names written in Chinese characters (phonetic transcriptions) and read back by a translation as a foreign
/// word: the readings come from the Unihan pinyin of the characters and the rules of NameSyllables, not from a list.
/// The people and spellings are this test's own.
/// </summary>
public sealed class TranscriptionTests
{
    private static readonly Actor[] People =
    [
        Western("lloyd-austin", "Lloyd Austin", "奥斯汀"),
        Western("dmitry-medvedev", "Dmitry Medvedev", "梅德韦杰夫", "RUS"),
        Western("boris-johnson", "Boris Johnson", "约翰逊", "GBR"),
        Western("ashton-carter", "Ashton Carter", "卡特"),
        Western("edward-snowden", "Edward Snowden", "斯诺登"),
        new Actor
        {
            Id = "kim-dae-jung", Name = "Kim Dae-jung", Kind = ActorKind.Person, Country = "KOR",
            Native = new NativeNames { Hangul = "김대중", Hanja = "金大中" },
        },
    ];

    private static readonly TransliterationIndex Index = new(new KnowledgeBase(People));

    private static Actor Western(string id, string name, string zh, string country = "USA") => new()
    {
        Id = id, Name = name, Kind = ActorKind.Person, Country = country, Native = new NativeNames { Zh = zh },
    };

    [Theory]
    [InlineData("ao", "o")]
    [InlineData("gao", "go")]
    [InlineData("lou", "lo")]
    [InlineData("de", "d")]
    [InlineData("si", "s")]
    [InlineData("shi", "sh")]
    [InlineData("pu", "p")]
    [InlineData("er", "r")]
    public void ATranscriptionSyllableMayLoseItsAddedVowel(string pinyin, string reading)
    {
        Assert.Contains(reading, NameSyllables.TranscriptionSpellings(pinyin));
    }

    [Theory]
    [InlineData("ji")]   // i after a non-sibilant is a real vowel
    [InlineData("ma")]
    [InlineData("lian")]
    [InlineData("ye")]
    public void OtherSyllablesKeepTheirVowels(string pinyin)
    {
        Assert.Empty(NameSyllables.TranscriptionSpellings(pinyin));
    }

    [Theory]
    [InlineData("Ostin", "lloyd-austin")]      // ao → o, si → s, ting
    [InlineData("Aositing", "lloyd-austin")]   // plain pinyin, fused
    [InlineData("Os Ting", "lloyd-austin")]
    [InlineData("Kat", "ashton-carter")]       // te → t
    [InlineData("Snuodeng", "edward-snowden")] // si → s
    [InlineData("Meidewei Jiefu", "dmitry-medvedev")]
    public void AReadingOfTheTranscriptionResolves(string form, string id)
    {
        var m = Index.Match(form);
        Assert.True(m is not null, $"'{form}' did not resolve");
        Assert.Equal(id, m.Value.ActorId);
        Assert.False(m.Value.SurnameOnly);
        Assert.True(Index.IsTranscription(id));
    }

    [Fact]
    public void ATranscriptionReadOnlyInItsFirstSyllablesResolvesWhenItStartsLikeTheName()
    {
        // 梅德韦杰夫 mei-de-wei-jie-fu: the first three syllables as one word, starting as "Medvedev" does.
        var m = Index.Match("Meidewei");
        Assert.NotNull(m);
        Assert.Equal("dmitry-medvedev", m.Value.ActorId);
        Assert.True(m.Value.Score < 1);
    }

    [Theory]
    [InlineData("Yuehan")]   // 约翰逊 yue-han-xun cut short, but "Johnson" does not start so
    [InlineData("Mei")]      // one syllable is not a name
    [InlineData("Meide")]    // two of five syllables: less than half the name
    public void OtherTruncationsDoNotResolve(string form)
    {
        var m = Index.Match(form);
        Assert.True(m is null, $"{form} → {m}");
    }

    [Fact]
    public void AnEastAsianNameIsNotReadAsATranscription()
    {
        Assert.False(Index.IsTranscription("kim-dae-jung"));
        // The first two syllables of 金大中 as one word are no name.
        Assert.Null(Index.Match("Jinda"));
    }
}
