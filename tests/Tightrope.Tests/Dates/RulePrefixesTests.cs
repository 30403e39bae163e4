using Tightrope.Dates;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Dates;

/// <summary>
/// The prefix trie that rules the date grammar's rules out at a position before they are tried: it must never rule
/// out a rule that matches there, and it should rule out the rules that cannot.
/// </summary>
public class RulePrefixesTests
{
    private static bool Possible(RulePrefixes prefixes, string text, int rule) => (prefixes.Possible(text, 0) & (1UL << rule)) != 0;

    [Theory]
    [InlineData(@"(?:the\s+)?(?<n>[1-9])x", "the 5x", true)]
    [InlineData(@"(?:the\s+)?(?<n>[1-9])x", "5 x", false)]
    [InlineData(@"(?<!\w)(?:from\s+)?May|June", "FROM  may", true)]
    [InlineData(@"(?<!\w)(?:from\s+)?May|June", "fromage", false)]
    [InlineData(@"\G(?:a|b)*c", "ababc", true)]
    [InlineData(@"\G(?:a|b)*c", "abd", false)]
    [InlineData(@"(?-i:K)orea", "korea", true)] // capitals-only parts are read ignoring case: more, never less
    [InlineData(@"x{2,3}y", "xxy", true)]
    [InlineData(@"x{2,3}y", "xy", false)]
    [InlineData(@"x{2,}y", "xxxxxxxxxxxxy", true)]
    [InlineData(@"(?=q)r", "r", true)] // lookarounds consume nothing and are not checked
    [InlineData(@"ab\w", "ab?", true)] // \w is not modelled: anything may follow
    [InlineData(@"[^a]b", "ab", true)]
    [InlineData(@"\d{4}[年년]", "2024年", true)]
    [InlineData(@"\d{4}[年년]", "2024-", false)]
    [InlineData(@"\d{4}\s?[年년]", "2024 x", false)]
    [InlineData(@"k", "\u212A", true)] // a character outside ASCII ends the walk with every rule kept (the Kelvin sign matches k)
    [InlineData(@"(unclosed", "anything", true)] // a pattern it cannot read is always tried
    public void RulesOutOnlyWhatCannotMatch(string pattern, string text, bool possible)
        => Assert.Equal(possible, Possible(new RulePrefixes([pattern]), text, 0));

    [Fact]
    public void ReadsEachRuleApart()
    {
        var prefixes = new RulePrefixes([@"\d+\s+percent", @"\d{1,2}\s+(?:May|June)", @"\d{4}"]);
        Assert.Equal(0b001UL, prefixes.Possible("18 percent", 0));
        Assert.Equal(0b010UL, prefixes.Possible("18 June", 0));
        Assert.Equal(0b100UL, prefixes.Possible("2024, when", 0));
        Assert.Equal(0b000UL, prefixes.Possible("18.9 billion", 0));
        Assert.Equal(0b000UL, prefixes.Possible("", 0));
    }

    /// <summary>At every word start of the texts, each rule of the grammar that matches there is among the possible ones.</summary>
    private static void AssertNeverRulesOutAMatch(string text, string name)
    {
        var grammar = DateGrammar.English;
        for (int i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                continue;
            }

            ulong possible = grammar.Prefixes.Possible(text, i);
            for (int r = 0; r < grammar.Prefixes.Count; r++)
            {
                if ((possible & (1UL << r)) == 0 && grammar.Rules[r].Match(text, i).Success)
                {
                    Assert.Fail($"{name}: {grammar.RuleNames[r]} matches at {i} (\"{text.Substring(i, Math.Min(30, text.Length - i))}\") but was ruled out");
                }
            }
        }
    }

    [Theory]
    [InlineData("On Tuesday, 14 July 2020, at 7:59 a.m. KST the envoys met; a few weeks ago, in the '90s and the 1990s.")]
    [InlineData("mid-October, late-2019, the second half of 2026, three years ago, 2019/02/11, 2019-02-11T17:09+09:00")]
    [InlineData("Recently, now, today's drill, this week, next month, last year, 25 years from now, noon on Friday.")]
    [InlineData("2023年4月26日, 2023년 4월 26일, 2023. 4. 26., 2023年4月 and ‘80s, 9\u00a0am, 10\tp.m., MAY 3\u2013 5")]
    public void OwnSentencesKeepEveryMatchingRule(string text) => AssertNeverRulesOutAMatch(text, "sentence");

    [Fact]
    public void SyntheticCorpusKeepsEveryMatchingRule()
    {
        foreach (var article in Tightrope.Batch.SyntheticCorpus.Generate(150_000, seed: 11))
        {
            AssertNeverRulesOutAMatch(article.Text, article.Name);
        }
    }

    [Fact]
    public void BundledSamplesKeepEveryMatchingRule()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedData.RepoRoot, "samples"), "*", SearchOption.AllDirectories))
        {
            AssertNeverRulesOutAMatch(File.ReadAllText(file), file);
        }
    }

    [Fact]
    public void AFigureTriesNoRule()
    {
        var grammar = DateGrammar.English;
        foreach (var figure in new[] { "18.9 billion", "29,531 troops", "51% of", "1/9 of" })
        {
            Assert.Equal(0UL, grammar.Prefixes.Possible(figure, 0));
        }
    }
}
