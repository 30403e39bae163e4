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
}
