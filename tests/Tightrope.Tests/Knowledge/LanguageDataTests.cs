using Tightrope.Knowledge;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Knowledge;

public sealed class LanguageDataTests
{
    [Fact]
    public void EveryListFileInTheRepositoryIsEmbeddedAndValid()
    {
        var folder = Path.Combine(SharedData.RepoRoot, "knowledge");
        Assert.Empty(LanguageData.CheckFolder(folder));
        var files = Directory.GetFiles(Path.Combine(folder, "lang", "en"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(files, LanguageData.English.Names);
    }

    [Fact]
    public void ListsAnswerSpanLookupsUnderTheirCaseRule()
    {
        var prefixes = LanguageData.English["abbreviations-prefix"];
        Assert.True(prefixes.Contains("Gen".AsSpan()));
        Assert.False(prefixes.Contains("gen".AsSpan()));
        Assert.False(prefixes.IgnoreCase);
    }

    [Fact]
    public void AnUnknownListNamesItsFile()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => LanguageData.English["no-such-list"]);
        Assert.Contains("knowledge/lang/en/no-such-list.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("words: [a, b]", "description is missing")]
    [InlineData("description: x\nwords: []", "no words")]
    [InlineData("description: x\nwords: [a, a]", "'a' is listed twice")]
    [InlineData("description: x\ncase: ignore\nwords: [Ab, aB]", "'aB' is listed twice")]
    [InlineData("description: x\ncase: loud\nwords: [a]", "case must be")]
    [InlineData("description: x\nwords: ['a ']", "spaces around it")]
    [InlineData("description: x\nlist: [a]", "unknown key 'list'")]
    public void ABrokenListFileIsReportedWithItsFile(string yaml, string message)
    {
        using var kb = new KnowledgeFolder();
        var dir = Path.Combine(kb.Root, "lang", "en");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "broken.yaml");
        File.WriteAllText(file, yaml);
        var problems = LanguageData.CheckFolder(kb.Root);
        Assert.Contains(problems, p => p.File == file && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Contains(KnowledgeChecker.Check(kb.Root).Problems, p => p.File == file);
    }

    [Fact]
    public void AMappingListKeepsEachWordsValue()
    {
        var problems = new List<KnowledgeProblem>();
        var list = LanguageData.Read("n", "n.yaml", new StringReader("description: x\ncase: ignore\nvalues: {one: '1', two: '2'}"), problems);
        Assert.Empty(problems);
        Assert.Equal("2", list!.Values["TWO"]);
        Assert.True(list.Contains("One"));
    }
}
