using Tightrope.Batch;
using Tightrope.Figures;
using Tightrope.Knowledge;
using Tightrope.Pipeline;
using Tightrope.Storage;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Samples;

/// <summary>
/// The contradictions the answer key (docs/samples-answer-key.md, "Cross-file answers") says the bundled samples hold
/// come out of an ordinary ingest, and the not-contradictions do not.
/// </summary>
public sealed class SampleContradictionsTests : IDisposable
{
    private static readonly string Knowledge = Path.Combine(SharedData.RepoRoot, "knowledge");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tightrope-samples-" + Guid.NewGuid().ToString("N"));

    public SampleContradictionsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(IArticleStore Store, Dictionary<string, string> Origins)> IngestSamples()
    {
        var kb = KnowledgeLoader.Load(Knowledge);
        var pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = kb, KnowledgeFolder = Knowledge });
        var store = ArticleStore.Open(Path.Combine(_dir, "s.db"));
        var options = new IngestOptions
        {
            Threads = 2,
            Contradictions = new ContradictionUpdater(IndicatorCatalog.LoadFolder(Knowledge), ExchangeRates.LoadFolder(Knowledge)),
        };
        await new IngestRunner(pipeline, store, options).RunAsync([Path.Combine(SharedData.RepoRoot, "samples")]);
        var origins = store.ListArticles(new ArticleQuery { Limit = 1000 }).ToDictionary(a => a.Id, a => Path.GetFileName(a.Origin ?? ""), StringComparer.Ordinal);
        return (store, origins);
    }

    [Fact]
    public async Task TheSampleContradictionsAreFoundAtIngestAndTheConversionsAtOtherRatesAreNot()
    {
        var (store, origins) = await IngestSamples();
        using var _ = store;
        var found = store.Contradictions();
        string Files(Contradiction c) => string.Join(" | ", new[] { origins[c.A.ArticleId], origins[c.B.ArticleId] }.Order(StringComparer.Ordinal));

        // Seoul's 2026 payment: 1.4028 trillion won on the 2024 page against 1.5192 trillion won elsewhere.
        var sma = found.Where(c => c.Subject == "rok-sma-contribution").ToList();
        Assert.NotEmpty(sma);
        Assert.All(sma, c =>
        {
            Assert.Equal("2026", c.Period);
            Assert.Contains("sma-deal-reached-before-us-election-2024.html", Files(c), StringComparison.Ordinal);
            Assert.Equal([1.4028e12, 1.5192e12], new[] { c.A.OriginalValue!.Value, c.B.OriginalValue!.Value }.Order());
        });

        // 26,500 US troops in 2023 against the 28,500 reported before and after.
        var troops = found.Where(c => c.Subject == "usfk-troop-level").ToList();
        Assert.NotEmpty(troops);
        Assert.All(troops, c => Assert.Contains("camp-david-trilateral-summit-2023.html", Files(c), StringComparison.Ordinal));
        Assert.All(troops, c => Assert.Equal([26500.0, 28500.0], new[] { c.A.OriginalValue!.Value, c.B.OriginalValue!.Value }.Order()));

        // The headline naming Moon over a body about Yoon.
        var role = Assert.Single(found, c => c.Kind == ContradictionKind.Role);
        Assert.Equal("21-washington-declaration-2023.txt", origins[role.A.ArticleId]);
        Assert.Equal(["moon-jae-in", "yoon-suk-yeol"], new[] { role.A.ActorId, role.B.ActorId }.Order(StringComparer.Ordinal));

        // Not contradictions: one won amount converted at different dates' rates, and a conversion restated later.
        Assert.DoesNotContain(found, c => c.A.OriginalValue is 1.0389e12 or 8.9e8 or 9.24e8 or 1.13e9 or 1.05e9
                                          || c.B.OriginalValue is 1.0389e12 or 8.9e8 or 9.24e8 or 1.13e9 or 1.05e9);
        Assert.Equal(found.Count, store.Stats().Contradictions);
    }
}
