using Tightrope.Batch;
using Tightrope.Ingest;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;
using Tightrope.Tests.Storage;

namespace Tightrope.Tests.Batch;

public sealed class IngestRunnerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Corpus(long chars, string name = "corpus")
    {
        var dir = Path.Combine(_folder, name);
        SyntheticCorpus.WriteTo(dir, chars);
        return dir;
    }

    private IArticleStore Store(string name = "store.db") => ArticleStore.Open(Path.Combine(_folder, name));

    private static ArticlePipeline Pipeline() => TightropePipeline.Create(new PipelineOptions());

    private sealed class Counting(Action<Article>? body = null) : IStage
    {
        private int _calls;
        public int Calls => _calls;
        public string Name => "counting";
        public IReadOnlyList<Layer> Requires { get; } = [Layer.Raw];
        public IReadOnlyList<Layer> Produces { get; } = [new Layer("counted")];

        public void Process(Article article)
        {
            Interlocked.Increment(ref _calls);
            body?.Invoke(article);
        }
    }

    [Fact]
    public async Task AFolderIsStoredWithItsDuplicatesLinked()
    {
        var corpus = Corpus(600_000);
        int files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Count();
        using var store = Store();

        var result = await new IngestRunner(Pipeline(), store, new IngestOptions { Threads = 2, BatchSize = 16 }).RunAsync([corpus]);

        Assert.Equal(files, result.Read);
        Assert.Equal(files, result.Stored);
        Assert.Empty(result.Failures);
        Assert.True(result.Duplicates > 0, "the synthetic corpus holds re-posts");
        Assert.True(result.Duplicates < files / 5);
        var stats = store.Stats();
        Assert.Equal(files, stats.Articles);
        Assert.Equal(result.Duplicates, stats.Duplicates);
    }

    [Fact]
    public async Task FilesOfNoKnownKindAreSkippedWithTheirReasonNotReadOrFailed()
    {
        var dir = Path.Combine(_folder, "mixed");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "story.txt"), "Seoul and Washington held talks on Monday about the alliance's cost-sharing deal.");
        File.WriteAllBytes(Path.Combine(dir, "photo.bin"), [0, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(dir, "Archive.ZIP"), [0x50, 0x4B, 3, 4]);
        File.WriteAllText(Path.Combine(dir, "LICENSE"), "no extension");
        using var store = Store();

        var result = await new IngestRunner(Pipeline(), store).RunAsync([dir]);

        Assert.Equal(1, result.Read);
        Assert.Equal(1, result.Stored);
        Assert.Empty(result.Failures);
        Assert.Equal(
            ["Archive.ZIP: unsupported: .zip", "LICENSE: unsupported: no extension", "photo.bin: unsupported: .bin"],
            result.Skipped.Select(s => $"{Path.GetFileName(s.Input)}: {s.Reason}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFileOfNoKnownKindNamedOnItsOwnIsRead()
    {
        var dir = Path.Combine(_folder, "named");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "story.data");
        File.WriteAllText(path, "Seoul and Washington held talks on Monday about the alliance's cost-sharing deal.");
        using var store = Store();

        var result = await new IngestRunner(Pipeline(), store).RunAsync([path]);

        Assert.Equal(1, result.Stored);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public async Task IngestingTheSameInputsTwiceAddsNothingAndSkipsThePipeline()
    {
        var corpus = Corpus(200_000);
        using var store = Store();
        await new IngestRunner(Pipeline(), store).RunAsync([corpus]);
        var before = StoreDump.Of(store);
        var counting = new Counting();
        var pipeline = new PipelineBuilder().Use(counting).Build();

        var again = await new IngestRunner(pipeline, store).RunAsync([corpus]);

        Assert.Equal(0, again.Stored);
        Assert.Equal(again.Read, again.AlreadyPresent);
        Assert.Equal(0, counting.Calls);
        Assert.Equal(before, StoreDump.Of(store));
    }

    [Fact]
    public async Task TheStoreIsTheSameWhateverTheNumberOfThreadsAndBatchSize()
    {
        var corpus = Corpus(200_000);
        using var one = Store("one.db");
        using var many = Store("many.db");

        await new IngestRunner(Pipeline(), one, new IngestOptions { Threads = 1, BatchSize = 1 }).RunAsync([corpus]);
        await new IngestRunner(Pipeline(), many, new IngestOptions { Threads = 4, BatchSize = 7, InFlight = 8 }).RunAsync([corpus]);

        Assert.Equal(StoreDump.Of(one), StoreDump.Of(many));
    }

    [Fact]
    public async Task AnInputThatCannotBeReadIsReportedAndTheRestIsStored()
    {
        var corpus = Corpus(50_000);
        var missing = Path.Combine(_folder, "no-such-file.txt");
        using var store = Store();

        var result = await new IngestRunner(Pipeline(), store).RunAsync([missing, corpus]);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(missing, failure.Input);
        Assert.False(string.IsNullOrWhiteSpace(failure.Reason));
        Assert.Equal(result.Read - 1, result.Stored);
        Assert.True(result.Stored > 0);
    }

    [Fact]
    public async Task ADocumentWithNoTextIsReportedWithItsPathOnce()
    {
        Directory.CreateDirectory(_folder);
        var empty = Path.Combine(_folder, "empty.html");
        File.WriteAllText(empty, "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>");
        using var store = Store();

        var result = await new IngestRunner(Pipeline(), store).RunAsync([empty]);

        var failure = Assert.Single(result.Failures);
        Assert.Equal($"{empty}: no article text found", failure.ToString());
    }

    [Fact]
    public async Task AStageThatThrowsIsReportedAndTheArticleIsStoredWithTheFailure()
    {
        var corpus = Corpus(20_000);
        using var store = Store();
        var pipeline = new PipelineBuilder().Use(new Counting(a =>
        {
            if (a.RawText.Contains("Copyright", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("this stage dislikes copyright lines");
            }
        })).Build();

        var result = await new IngestRunner(pipeline, store).RunAsync([corpus]);

        Assert.NotEmpty(result.StageErrors);
        var error = result.StageErrors[0];
        Assert.Equal("counting", error.Stage);
        Assert.Contains("copyright", error.Message, StringComparison.Ordinal);
        var stored = store.GetArticle(error.ArticleId)!;
        Assert.Equal("counting", Assert.Single(stored.Failures).Stage);
    }

    [Fact]
    public async Task ProgressIsReportedAsBatchesAreWritten()
    {
        var corpus = Corpus(100_000);
        using var store = Store();
        var reports = new List<IngestProgress>();

        var result = await new IngestRunner(Pipeline(), store, new IngestOptions { BatchSize = 4 }).RunAsync([corpus], new Collect(reports));

        Assert.True(reports.Count > 2);
        Assert.Equal(result.Stored, reports[^1].Stored);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Stored >= p.First.Stored));
    }

    [Fact]
    public async Task AFailureFromTheSourceIsReportedWithItsInputAndLine()
    {
        using var store = Store();
        var good = new SourceItem.Document(new RawDocument("feed.xml#3", "A short item about the alliance."u8.ToArray(), "text", new ArticleMetadata { Origin = "feed.xml#3" }));
        var items = new SourceItem[] { good, new SourceItem.Failure("list.txt", 7, "HTTP 404 from https://example.org/x") };
        var pipeline = new PipelineBuilder().Use(new Counting(_ => { })).Build();

        var result = await new IngestRunner(pipeline, store).RunAsync(items);

        Assert.Equal(2, result.Read);
        Assert.Equal("list.txt:7: HTTP 404 from https://example.org/x", Assert.Single(result.Failures).ToString());
        Assert.Equal(1, result.Stored);
    }

    private sealed class Collect(List<IngestProgress> into) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => into.Add(value);
    }

    private static readonly string KnowledgeFolder = Path.Combine(Support.SharedData.RepoRoot, "knowledge");

    private string TroopReports()
    {
        var dir = Path.Combine(_folder, "troops");
        Directory.CreateDirectory(dir);
        void Write(string name, string title, string body) =>
            File.WriteAllText(Path.Combine(dir, name), $"---\ntitle: \"{title}\"\ndate: \"2031-06-01\"\n---\n\n{body}\n");
        Write("a.md", "Troops stay", "About 28,500 US troops are stationed in South Korea, officials in Seoul said on Monday.");
        Write("b.md", "Embassy note", "Some 28,500 US troops are based in South Korea under the alliance, the embassy said.");
        Write("c.md", "Report", "A think-tank report claimed that 40,000 US troops were stationed in South Korea.");
        Write("d.md", "Ministry", "The ministry said 28,500 US troops remain in South Korea; that number has not changed.");
        return dir;
    }

    private static ArticlePipeline DatedPipeline() => TightropePipeline.Create(new PipelineOptions { KnowledgeFolder = KnowledgeFolder });

    private static IngestOptions WithContradictions(int batchSize = 1) => new()
    {
        Threads = 1,
        BatchSize = batchSize,
        ContradictionInterval = TimeSpan.Zero,
        Contradictions = new Tightrope.Figures.ContradictionUpdater(Tightrope.Figures.IndicatorCatalog.LoadFolder(KnowledgeFolder), Tightrope.Figures.ExchangeRates.LoadFolder(KnowledgeFolder)),
    };

    [Fact]
    public async Task ContradictionsAreFoundWhileIngestingWithBothSidesAndReingestingAddsNothing()
    {
        var corpus = TroopReports();
        using var store = Store();
        await new IngestRunner(DatedPipeline(), store, WithContradictions()).RunAsync([corpus]);

        var found = store.Contradictions();
        // The 40,000 report disagrees with each of the three 28,500 reports; those agree with one another.
        Assert.Equal(3, found.Count);
        Assert.All(found, c =>
        {
            Assert.Equal("usfk-troop-level", c.Subject);
            Assert.Contains(40000.0, new[] { c.A.OriginalValue, c.B.OriginalValue });
            Assert.NotEqual(c.A.ArticleId, c.B.ArticleId);
            Assert.False(string.IsNullOrEmpty(c.A.Text));
        });
        Assert.Equal(3, store.Stats().Contradictions);
        Assert.Empty(store.PendingContradictionScopes());

        var before = StoreDump.Of(store);
        var again = await new IngestRunner(DatedPipeline(), store, WithContradictions()).RunAsync([corpus]);
        Assert.Equal(0, again.Stored);
        Assert.Equal(before, StoreDump.Of(store));
    }

    [Fact]
    public async Task ARunStoppedBeforeItsContradictionsWereComputedIsCompletedByTheNextRun()
    {
        var corpus = TroopReports();
        using var whole = Store("whole.db");
        await new IngestRunner(DatedPipeline(), whole, WithContradictions(batchSize: 3)).RunAsync([corpus]);

        // The articles are committed with their pending indicator, but no contradiction was computed (as after a kill).
        using var stopped = Store("stopped.db");
        await new IngestRunner(DatedPipeline(), stopped, new IngestOptions { Threads = 1 }).RunAsync([corpus]);
        Assert.Empty(stopped.Contradictions());
        Assert.Equal(["indicator:usfk-troop-level"], stopped.PendingContradictionScopes());

        await new IngestRunner(DatedPipeline(), stopped, WithContradictions()).RunAsync([corpus]);
        Assert.Equal(StoreDump.Of(whole), StoreDump.Of(stopped));
    }
}
