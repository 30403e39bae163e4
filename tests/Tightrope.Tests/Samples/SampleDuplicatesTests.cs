using Tightrope.Batch;
using Tightrope.Pipeline;
using Tightrope.Storage;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Samples;

/// <summary>
/// The duplicates the answer key (docs/samples-answer-key.md) says the bundled samples hold are linked by an ordinary
/// ingest, and nothing else is: the exact copy in the JSON lines file, and the re-post with its own byline,
/// syndication note, share line and "More from" list, whose body differs in two edited sentences.
/// </summary>
public sealed class SampleDuplicatesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tightrope-samples-dup-" + Guid.NewGuid().ToString("N"));

    public SampleDuplicatesTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TheExactCopyAndTheRepostAreLinkedToTheirOriginalsAndNothingElseIs()
    {
        using var store = ArticleStore.Open(Path.Combine(_dir, "s.db"));
        var pipeline = TightropePipeline.Create(new PipelineOptions());
        await new IngestRunner(pipeline, store, new IngestOptions { Threads = 2 }).RunAsync([Path.Combine(SharedData.RepoRoot, "samples")]);

        var all = store.ListArticles(new ArticleQuery { Limit = 1000 });
        var byId = all.ToDictionary(a => a.Id, StringComparer.Ordinal);
        string Name(string id) => Path.GetFileName(byId[id].Origin ?? "") is var f && f.EndsWith(".jsonl", StringComparison.Ordinal) ? byId[id].Origin! : f;
        var links = all.Where(a => a.DuplicateOf is not null)
            .Select(a => (Copy: Name(a.Id), Original: Name(a.DuplicateOf!)))
            .OrderBy(l => l.Copy, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(2, links.Count);
        // The copy is whichever of a pair was read second (folders are read in name order); either way the two are linked.
        Assert.Contains(links, l => new[] { l.Copy, l.Original }.Order(StringComparer.Ordinal).SequenceEqual(["19-five-billion-demand-2019.txt", "sma-talks-walkout-repost-2019.md"]));
        Assert.Contains(links, l =>
            (l.Copy == "12-ninth-sma-2014.txt" && l.Original.Contains("alliance-archive.jsonl", StringComparison.Ordinal))
            || (l.Copy.Contains("alliance-archive.jsonl", StringComparison.Ordinal) && l.Original == "12-ninth-sma-2014.txt"));
    }
}
