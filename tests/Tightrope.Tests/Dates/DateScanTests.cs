using System.Text.RegularExpressions;
using Tightrope.Dates;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Dates;

/// <summary>
/// The prefiltered scan (the grammar tried only where an expression can start) finds exactly what the plain
/// expression finds when tried at every position.
/// </summary>
public class DateScanTests
{
    private static void AssertSameAsPlainScan(string text, string name)
    {
        var grammar = DateGrammar.English;
        var plain = grammar.Pattern.Matches(text).Select(m => (m.Index, m.Value)).ToList();
        var scanned = grammar.Scan(text).Select(m => (m.Index, m.Value)).ToList();
        Assert.True(plain.SequenceEqual(scanned),
            $"{name}: plain scan found {plain.Count}, prefiltered {scanned.Count}; first difference: "
            + plain.Except(scanned).Concat(scanned.Except(plain)).FirstOrDefault());
    }

    [Theory]
    [InlineData("On Tuesday, 14 July 2020, at 7:59 a.m. KST the envoys met; a few weeks ago, in the '90s and the 1990s.")]
    [InlineData("mid-October, late-2019, the second half of 2026, three years ago, 2019/02/11, 2019-02-11T17:09+09:00")]
    [InlineData("Recently, now, today's drill, this week, next month, last year, 25 years from now, noon on Friday.")]
    [InlineData("A380s and F-35A jets, 2010 troops, $2019, ‘80s music, _2020, x2020, 2020x.")]
    public void OwnSentencesScanAlike(string text) => AssertSameAsPlainScan(text, "sentence");

    [Fact]
    public void BundledSamplesScanAlike()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedData.RepoRoot, "samples"), "*", SearchOption.AllDirectories))
        {
            AssertSameAsPlainScan(File.ReadAllText(file), file);
        }
    }

    [Fact]
    public void SyntheticCorpusScansAlike()
    {
        foreach (var article in Tightrope.Batch.SyntheticCorpus.Generate(400_000, seed: 7))
        {
            AssertSameAsPlainScan(article.Text, article.Name);
        }
    }

    [SharedFact]
    public void SharedCorpusScansAlike()
    {
        foreach (var folder in new[] { "corpus/seeds", "corpus/realnews-dev", "external/te3-platinum" })
        {
            foreach (var file in Directory.EnumerateFiles(SharedData.Require(folder), "*.txt"))
            {
                AssertSameAsPlainScan(File.ReadAllText(file), file);
            }
        }
    }
}
