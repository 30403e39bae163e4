using Tightrope.Cli.Commands;
using Tightrope.Knowledge;

namespace Tightrope.Tests.Actors;

public sealed class KnowledgeFileEditorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tightrope-kb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, "people.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Theory]
    [InlineData("- id: a\n  name: Alpha One\n  kind: person\n  aliases: [A1]\n- id: b\n  name: Beta\n  kind: person\n")]
    [InlineData("- id: a\n  name: Alpha One\n  kind: person\n  aliases:\n    - A1\n- id: b\n  name: Beta\n  kind: person\n")]
    [InlineData("- id: a\n  name: Alpha One\n  kind: person\n- id: b\n  name: Beta\n  kind: person\n")]
    public void AnAliasIsAddedToTheRightEntryWhateverTheListStyle(string yaml)
    {
        var path = Write(yaml);
        Assert.Null(KnowledgeFileEditor.AddAlias(path, 1, "a", "Alpha, the First"));
        var actors = KnowledgeLoader.LoadFile(path, []);
        Assert.Contains("Alpha, the First", actors.Single(x => x.Id == "a").Aliases);
        Assert.Empty(actors.Single(x => x.Id == "b").Aliases);
    }
}
