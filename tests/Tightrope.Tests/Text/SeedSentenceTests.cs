using Tightrope.Clean;
using Tightrope.Eval;
using Tightrope.Model;
using Tightrope.Tests.Clean;
using Tightrope.Tests.Support;
using Tightrope.Text;
using Xunit.Abstractions;

namespace Tightrope.Tests.Text;

/// <summary>The gold files quote the first words of the sentences they annotate: each should open one of our sentences.</summary>
public sealed class SeedSentenceTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Seeds() => SeedCleaningTests.Seeds();

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void GoldSentencesStartSentencesOfTheTextStage(string goldName)
    {
        var gold = GoldFile.Load(Path.Combine(SharedData.Gold, goldName));
        var article = new Article(goldName, File.ReadAllText(Path.Combine(SharedData.Seeds, gold.Article.File)), new ArticleMetadata());
        new CleanStage().Process(article);
        new TextStage().Process(article);

        var starts = article.Sentences.Select(s => SeedCleaningTests.Canonical(article[s.Span])).ToList();
        var golds = SeedCleaningTests.GoldSentences(gold).Select(SeedCleaningTests.Canonical).Where(s => s.Length > 0).ToList();
        var missing = golds.Where(g => !starts.Exists(s => s.StartsWith(g, StringComparison.Ordinal))).ToList();
        foreach (var m in missing)
        {
            output.WriteLine($"no sentence starts with: {m}");
        }

        output.WriteLine($"{golds.Count - missing.Count}/{golds.Count} gold sentences open a sentence");
        Assert.True(missing.Count * 10 <= golds.Count, $"{goldName}: {missing.Count} of {golds.Count} gold sentences do not open a sentence");
    }

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void SentencesAndTokensOfASeedAreExactDisjointSpans(string goldName)
    {
        var gold = GoldFile.Load(Path.Combine(SharedData.Gold, goldName));
        var article = new Article(goldName, File.ReadAllText(Path.Combine(SharedData.Seeds, gold.Article.File)), new ArticleMetadata());
        new CleanStage().Process(article);
        new TextStage().Process(article);

        int end = 0;
        foreach (var s in article.Sentences)
        {
            Assert.True(s.Span.Start >= end && s.Span.End > s.Span.Start);
            Assert.False(char.IsWhiteSpace(article.Text[s.Span.Start]) || char.IsWhiteSpace(article.Text[s.Span.End - 1]));
            end = s.Span.End;
        }

        foreach (var t in article.Tokens)
        {
            Assert.DoesNotContain(article[t.Span], char.IsWhiteSpace);
            Assert.True(article.SentenceAt(t.Span.Start) >= 0 || t.Kind is not (TokenKind.Word or TokenKind.Number));
        }
    }
}
