using Tightrope.Tests.Support;

namespace Tightrope.Tests.Cli;

public sealed class KbCommandTests
{
    [Fact]
    public void KbCheckExitsWithZeroOnTheRepositorysKnowledgeBase()
    {
        int code = Tightrope.Cli.Cli.Run(["kb", "check", "--knowledge", Path.Combine(SharedData.RepoRoot, "knowledge")]);

        Assert.Equal(0, code);
    }

    [Fact]
    public void KbCheckExitsWithOneWhenAFileHasAnError()
    {
        using var kb = new KnowledgeFolder();
        kb.Write("bad.yaml", "- id: x\n  name: X\n  kind: wizard\n  sources: [https://example.org]\n");

        int code = Tightrope.Cli.Cli.Run(["kb", "check", "--knowledge", kb.Root, "--json"]);

        Assert.Equal(1, code);
    }

    [Fact]
    public void KbCheckIsAUsageErrorWhenTheFolderDoesNotExist()
    {
        int code = Tightrope.Cli.Cli.Run(["kb", "check", "--knowledge", Path.Combine(Path.GetTempPath(), "no-such-kb-" + Guid.NewGuid().ToString("N"))]);

        Assert.Equal(2, code);
    }

    [Fact]
    public void TheKbCommandListsItsSubcommands()
    {
        var kb = Tightrope.Cli.Commands.KbCommand.Create();

        Assert.Contains(kb.Subcommands, c => c.Name == "check");
    }

    private static int KbAdd(KnowledgeFolder kb, params string[] args) =>
        Tightrope.Cli.Cli.Run(["kb", "add", "--knowledge", kb.Root, .. args]);

    [Theory]
    [InlineData("kim jong", "https://example.org/kim")]
    [InlineData("Kim-Jong", "https://example.org/kim")]
    [InlineData("kim-jong", null)]
    public void KbAddRefusesAnEntryKbCheckWouldRejectAndWritesNothing(string id, string? source)
    {
        using var kb = new KnowledgeFolder();
        var existing = kb.Write("people.yaml", "- id: someone\n  name: Someone\n  kind: person\n  sources: [https://example.org]\n");
        string[] sourceArgs = source is null ? [] : ["--source", source];

        int code = KbAdd(kb, ["--id", id, "--name", "Kim Jong", "--kind", "person", .. sourceArgs]);
        int codeInto = KbAdd(kb, ["--id", id, "--name", "Kim Jong", "--kind", "person", "--file", "actors/people.yaml", .. sourceArgs]);

        Assert.Equal(2, code);
        Assert.Equal(2, codeInto);
        Assert.False(File.Exists(Path.Combine(kb.Root, "actors", "added.yaml")));
        Assert.Equal("- id: someone\n  name: Someone\n  kind: person\n  sources: [https://example.org]\n", File.ReadAllText(existing));
    }

    [Fact]
    public void KbAddRefusesABadCountryCodeWithTheCheckersReason()
    {
        using var kb = new KnowledgeFolder();
        var problems = Tightrope.Cli.Commands.KbEditCommands.NewEntryProblems(
            kb.Root, Path.Combine(kb.Root, "actors", "added.yaml"), "# added\n", "\n- id: x-ray\n  name: X Ray\n  kind: person\n  country: XX\n  sources: [https://example.org]\n");

        var problem = Assert.Single(problems);
        Assert.Contains("country 'XX'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntryKbAddAcceptsPassesKbCheck()
    {
        using var kb = new KnowledgeFolder();
        kb.Write("people.yaml", "- id: someone\n  name: Someone\n  kind: person\n  sources: [https://example.org]\n");

        int code = KbAdd(kb, "--id", "kim-jong", "--name", "Kim Jong", "--kind", "person", "--alias", "Mr. Kim", "--country", "kor",
            "--hangul", "김종", "--source", "https://example.org/kim");

        Assert.Equal(0, code);
        Assert.Equal(0, Tightrope.Cli.Cli.Run(["kb", "check", "--knowledge", kb.Root, "--json"]));
        Assert.Contains("kim-jong", File.ReadAllText(Path.Combine(kb.Root, "actors", "added.yaml")), StringComparison.Ordinal);
    }
}
