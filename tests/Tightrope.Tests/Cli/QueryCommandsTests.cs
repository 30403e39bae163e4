using System.Text.Json;
using Tightrope.Batch;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Cli;

/// <summary>One store of the synthetic corpus, ingested once for the read-command tests.</summary>
public sealed class IngestedStore : IDisposable
{
    public IngestedStore()
    {
        var corpus = Path.Combine(Folder, "corpus");
        SyntheticCorpus.WriteTo(corpus, 60_000);
        Db = Path.Combine(Folder, "store.db");
        var (exit, _, err) = CliProcess.Run(null, "ingest", corpus, "--db", Db);
        Assert.True(exit == 0, err);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));

    public string Db { get; }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>The read commands over the query layer: totals, paging, and one exit code per kind of refusal.</summary>
public sealed class QueryCommandsTests(IngestedStore store) : IClassFixture<IngestedStore>
{
    private readonly string _folder = store.Folder;

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(null, args);

    private string Ingested() => store.Db;

    [Fact]
    public void AnActorReadWithASmallLimitStillCountsAllItsArticles()
    {
        var db = Ingested();
        using var actors = JsonDocument.Parse(Run("actors", "--db", db, "--json", "--limit", "1").Out);
        var top = actors.RootElement.GetProperty("items")[0];
        int articles = top.GetProperty("articles").GetInt32();
        Assert.True(articles > 5, $"the top actor is in {articles} articles");

        var (exit, output, err) = Run("actor", top.GetProperty("id").GetString()!, "--db", db, "--limit", "5", "--json");
        Assert.True(exit == 0, err);
        using var actor = JsonDocument.Parse(output);
        Assert.Equal(articles, actor.RootElement.GetProperty("articles").GetProperty("total").GetInt32());
        Assert.Equal(top.GetProperty("mentions").GetInt32(), actor.RootElement.GetProperty("mentions").GetInt32());
        Assert.Equal(5, actor.RootElement.GetProperty("mentionsRead").GetInt32());

        var text = Run("actor", top.GetProperty("id").GetString()!, "--db", db, "--limit", "5");
        Assert.Contains($"articles: {articles:N0}", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void APageSaysHowManyOfHowMany()
    {
        var db = Ingested();
        var (exit, output, _) = Run("articles", "--db", db, "--limit", "5");
        Assert.Equal(0, exit);
        Assert.Matches(@"5 of \d+ articles", output);
    }

    [Fact]
    public void NotFoundIsExitOneAndABadParameterExitTwoInEveryCommand()
    {
        var db = Ingested();
        var show = Run("show", "ffffffffffff", "--db", db);
        var actor = Run("actor", "no-such-actor-anywhere", "--db", db);
        Assert.Equal(1, show.Exit);
        Assert.Equal(1, actor.Exit);
        Assert.Contains("no article", show.Err, StringComparison.Ordinal);
        Assert.Contains("no actor 'no-such-actor-anywhere'", actor.Err, StringComparison.Ordinal);

        var figures = Run("figures", "--indicator", "bogus", "--db", db);
        Assert.Equal(2, figures.Exit);
        Assert.Contains("unknown indicator 'bogus'", figures.Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("articles", "--db", db, "--limit", "0").Exit);
        Assert.Equal(2, Run("figures", "--db", Path.Combine(_folder, "missing.db")).Exit);
    }

    [Fact]
    public void ShowJsonCarriesEveryLayerWrittenByItsCodec()
    {
        var db = Ingested();
        using var list = JsonDocument.Parse(Run("articles", "--db", db, "--json", "--limit", "1").Out);
        var id = list.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
        var (exit, output, err) = Run("show", id, "--db", db, "--json");
        Assert.True(exit == 0, err);
        using var shown = JsonDocument.Parse(output);
        foreach (var layer in new[] { "sentences", "mentions", "figures" })
        {
            Assert.True(shown.RootElement.GetProperty(layer).GetArrayLength() > 0, layer);
        }

        var mention = shown.RootElement.GetProperty("mentions")[0];
        var text = shown.RootElement.GetProperty("text").GetString()!;
        Assert.Equal(text[mention.GetProperty("start").GetInt32()..mention.GetProperty("end").GetInt32()], mention.GetProperty("text").GetString());
    }
}
