using Parquet.Serialization;
using Tightrope.Cli;
using Tightrope.Cli.Commands;
using Tightrope.Figures;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Storage;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Figures;

public sealed class FigureCommandsTests : IDisposable
{
    private static readonly string Knowledge = Path.Combine(SharedData.RepoRoot, "knowledge");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tightrope-figures-" + Guid.NewGuid().ToString("N"));

    public FigureCommandsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StoreWithTwoTroopReports()
    {
        var path = Path.Combine(_dir, "t.db");
        var stage = FiguresStage.FromFolder(Knowledge);
        using var store = ArticleStore.Open(path);
        foreach (var (id, text) in new[]
        {
            ("a1", "Some 28,500 US troops are stationed in South Korea in 2020, officials said."),
            ("a2", "About 40,000 US troops were stationed in South Korea in 2020, a report claimed."),
        })
        {
            var article = new Article(id, text, new ArticleMetadata { Published = new DateOnly(2020, 10, 1), Title = id });
            new Tightrope.Text.TextStage().Process(article);
            stage.Process(article);
            store.Save(article);
        }

        return path;
    }

    [Fact]
    public void TwoStoredReportsOfOneTroopLevelThatDisagreeAreAContradictionWithBothSides()
    {
        var path = StoreWithTwoTroopReports();
        using var store = ArticleStore.Open(path);
        Assert.Equal(2, store.Figures("usfk-troop-level").Count);
        Assert.Equal(1, new ContradictionUpdater(IndicatorCatalog.LoadFolder(Knowledge)).RecomputeAll(store, KnowledgeBase.Empty));
        var c = Assert.Single(store.Contradictions());
        Assert.Equal(ContradictionKind.Figure, c.Kind);
        Assert.Equal("usfk-troop-level", c.Subject);
        Assert.NotEqual(c.A.ArticleId, c.B.ArticleId);
    }

    [Fact]
    public void ASeriesIsOrderedByPeriod()
    {
        FigureRecord R(string period) => new("a", new Figure { Span = new TextSpan(0, 1), Text = "1", Value = 1, Unit = "troops", Period = period }, null, null, null);
        var ordered = FiguresCommand.Series([R("2020"), R("2008"), R("2014")]).Select(r => r.Figure.Period).ToList();
        Assert.Equal(["2008", "2014", "2020"], ordered);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("parquet")]
    public async Task ExportWritesEveryFigureInTheChosenFormat(string format)
    {
        var path = StoreWithTwoTroopReports();
        var output = Path.Combine(_dir, "out." + format);
        Assert.Equal(0, Tightrope.Cli.Cli.Run(["export", "figures", "--db", path, "--format", format, "--out", output]));
        switch (format)
        {
            case "csv":
                var lines = File.ReadAllLines(output).Where(l => l.Length > 0).ToList();
                Assert.Equal(3, lines.Count);
                Assert.StartsWith("article,", lines[0], StringComparison.Ordinal);
                break;
            case "json":
                Assert.Contains("usfk-troop-level", File.ReadAllText(output), StringComparison.Ordinal);
                break;
            default:
                await using (var stream = File.OpenRead(output))
                {
                    var rows = await ParquetSerializer.DeserializeUntypedAsync(stream);
                    Assert.Equal(2, rows.Data.Count);
                }

                break;
        }
    }
}
