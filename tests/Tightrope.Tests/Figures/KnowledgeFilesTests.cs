using Tightrope.Figures;
using Tightrope.Knowledge;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Figures;

public sealed class KnowledgeFilesTests
{
    private static readonly string Knowledge = Path.Combine(SharedData.RepoRoot, "knowledge");

    [Fact]
    public void TheIndicatorsFileLoadsWithoutProblems()
    {
        var problems = new List<KnowledgeProblem>();
        var catalog = IndicatorCatalog.LoadFolder(Knowledge, problems);
        Assert.Empty(problems);
        foreach (var id in new[] { "usfk-troop-level", "rok-sma-contribution", "us-sma-demand", "approval-rating-rok-president", "rare-earth-import-share-china", "chip-export-share-china" })
        {
            Assert.NotNull(catalog.Find(id));
        }
    }

    [Fact]
    public void ABadIndicatorIsReportedWithFileAndLineAndTheOthersLoad()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "- id: good\n  name: Good\n  unit: percent\n  cues: [rate]\n- id: bad\n  name: Bad\n  unit: percent\n  cues: []\n");
            var problems = new List<KnowledgeProblem>();
            var catalog = IndicatorCatalog.Load(file, problems);
            Assert.Single(catalog.Indicators);
            var p = Assert.Single(problems);
            Assert.Equal(file, p.File);
            Assert.Equal(5, p.Line);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TheRateTableCoversSevenCurrenciesFrom1992ToTheLatestFullYear()
    {
        var rates = ExchangeRates.LoadFolder(Knowledge);
        Assert.NotNull(rates.Source);
        foreach (var c in new[] { "KRW", "CNY", "JPY", "EUR", "GBP", "RUB", "TWD" })
        {
            for (int year = 1992; year <= 2025; year++)
            {
                var conv = rates.ToUsd(1000, c, year);
                Assert.NotNull(conv);
                Assert.Equal(year, conv.Value.Year);
            }
        }

        Assert.Equal(1990, rates.ToUsd(1, "KRW", 1990)!.Value.Year);
    }

    [Fact]
    public void TheRateFileNamesItsSource()
    {
        var header = File.ReadLines(Path.Combine(Knowledge, "rates", "usd-annual.csv")).TakeWhile(l => l.StartsWith('#'));
        Assert.Contains(header, l => l.Contains("Federal Reserve", StringComparison.Ordinal));
    }
}

public sealed class IndicatorActorsTests
{
    [Fact]
    public void EveryIndicatorActorIsAnActorOfTheKnowledgeBase()
    {
        var folder = Path.Combine(SharedData.RepoRoot, "knowledge");
        var kb = KnowledgeLoader.Load(folder);
        foreach (var ind in IndicatorCatalog.LoadFolder(folder).Indicators.Where(i => i.Actor is not null))
        {
            Assert.True(kb.Find(ind.Actor!) is not null, $"indicator '{ind.Id}' names unknown actor '{ind.Actor}'");
        }
    }
}
