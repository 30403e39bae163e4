using Tightrope.Knowledge.Transliteration;

namespace Tightrope.Tests.Knowledge.Transliteration;

public sealed class HangulRomanizerTests
{
    [Theory]
    [InlineData('석', "seok")]
    [InlineData('열', "yeol")]
    [InlineData('윤', "yun")]
    [InlineData('명', "myeong")]
    [InlineData('박', "bak")]
    [InlineData('희', "hui")]
    [InlineData('원', "won")]
    [InlineData('최', "choe")]
    public void RevisedRomanizationFollowsTheJamo(char syllable, string expected) =>
        Assert.Equal(expected, HangulRomanizer.RevisedRomanization(syllable));

    [Theory]
    [InlineData('석', "sŏk")]
    [InlineData('근', "kŭn")]
    [InlineData('신', "shin")]
    [InlineData('철', "ch'ŏl")]
    public void McCuneReischauerKeepsBrevesAndAspiration(char syllable, string expected) =>
        Assert.Equal(expected, HangulRomanizer.McCuneReischauer(syllable));

    [Theory]
    [InlineData('이', "lee")]
    [InlineData('이', "rhee")]
    [InlineData('이', "yi")]
    [InlineData('박', "park")]
    [InlineData('노', "roh")]
    [InlineData('정', "chung")]
    [InlineData('정', "jeong")]
    [InlineData('서', "suh")]
    [InlineData('안', "ahn")]
    public void SurnamesHaveTheirCommonSpellings(char syllable, string spelling) =>
        Assert.Contains(spelling, HangulRomanizer.Renderings(syllable, surname: true));

    [Theory]
    [InlineData('문', "moon")]
    [InlineData('석', "suk")]
    [InlineData('석', "sok")]
    [InlineData('명', "myung")]
    [InlineData('혁', "hyuck")]
    [InlineData('희', "hee")]
    [InlineData('의', "eui")]
    [InlineData('우', "woo")]
    [InlineData('중', "chung")]
    public void GivenNameSyllablesHaveTheUsualSpellings(char syllable, string spelling) =>
        Assert.Contains(spelling, HangulRomanizer.Renderings(syllable));

    [Fact]
    public void AGivenNameSyllableDoesNotGetSurnameOnlySpellings() =>
        Assert.DoesNotContain("rhee", HangulRomanizer.Renderings('이'));

    [Fact]
    public void ANonHangulCharacterIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HangulRomanizer.Decompose('A'));
}
