using Tightrope.Batch;
using Tightrope.Cli.Commands;

namespace Tightrope.Tests.Cli;

public sealed class BenchCommandTests
{
    [Theory]
    [InlineData("100MB", 100_000_000L)]
    [InlineData("1GB", 1_000_000_000L)]
    [InlineData("1.5 gb", 1_500_000_000L)]
    [InlineData("500KB", 500_000L)]
    [InlineData("2048", 2048L)]
    public void SizesAreReadWithTheirUnit(string text, long expected)
    {
        Assert.True(BenchCommand.TryParseSize(text, out long bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-5MB")]
    public void ANonSizeIsRefused(string text) => Assert.False(BenchCommand.TryParseSize(text, out _));

    [Fact]
    public void TheSyntheticCorpusIsDeterministicVariedAndHoldsDuplicates()
    {
        var first = SyntheticCorpus.Generate(300_000).ToList();
        var second = SyntheticCorpus.Generate(300_000).ToList();

        Assert.Equal(first, second);
        Assert.True(first.Sum(a => a.Text.Length) >= 300_000);
        Assert.Contains(first, a => a.Kind == SyntheticKind.NearDuplicate);
        Assert.True(first.Select(a => a.Text).Distinct().Count() > first.Count * 9 / 10);
    }

    [Theory]
    [InlineData("--batch", "0")]
    [InlineData("--cache-mb", "0")]
    [InlineData("--threads", "0")]
    public void ANonPositiveSettingIsAUsageError(string option, string value) =>
        Assert.Equal(2, Tightrope.Cli.Cli.Run(["bench", "--size", "1KB", option, value, "--warmup", "0"]));
}
