using Tightrope.Dates;

namespace Tightrope.Tests.Dates;

public class RegexFirstCharsTests
{
    [Theory]
    [InlineData(@"(?:the\s+)?(?<n>[1-9])x", "t123456789")]
    [InlineData(@"(?<!\w)(?:from\s+)?May|June", "fmj")]
    [InlineData(@"\G(?:a|b)*c", "abc")]
    [InlineData(@"(?-i:K)orea|[''’]9", "k'’")]
    [InlineData(@"x{0,2}y", "xy")]
    [InlineData(@"(?=q)r", "r")]
    public void FirstCharactersOfAPattern(string pattern, string expected)
    {
        var first = RegexFirstChars.Of(pattern);
        Assert.NotNull(first);
        Assert.Equal(expected.OrderBy(c => c), first.OrderBy(c => c));
    }

    [Theory]
    [InlineData(@"[^a]b")]
    [InlineData(@".x")]
    [InlineData(@"\wx")]
    [InlineData(@"(unclosed")]
    [InlineData(@"a)b")]
    public void AnythingItCannotBoundIsAnyCharacter(string pattern) => Assert.Null(RegexFirstChars.Of(pattern));
}
