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
}
