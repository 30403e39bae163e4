using Tightrope.Batch;
using Tightrope.Cli.Commands;

namespace Tightrope.Tests.Cli;

public sealed class BenchCommandTests
{
    [Theory]
    [InlineData("100MB", 100_000_000L)]
    [InlineData("1GB", 1_000_000_000L)]
    [InlineData("1.5 gb", 1_500_000_000L)]
    [InlineData("500KB", 500_000L)]
    [InlineData("2048", 2048L)]
    public void SizesAreReadWithTheirUnit(string text, long expected)
    {
        Assert.True(BenchCommand.TryParseSize(text, out long bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-5MB")]
    public void ANonSizeIsRefused(string text) => Assert.False(BenchCommand.TryParseSize(text, out _));

    [Fact]
    public void TheSyntheticCorpusIsDeterministicVariedAndHoldsDuplicates()
    {
        var first = SyntheticCorpus.Generate(300_000).ToList();
        var second = SyntheticCorpus.Generate(300_000).ToList();

        Assert.Equal(first, second);
        Assert.True(first.Sum(a => a.Text.Length) >= 300_000);
        Assert.Contains(first, a => a.Kind == SyntheticKind.NearDuplicate);
        Assert.True(first.Select(a => a.Text).Distinct().Count() > first.Count * 9 / 10);
    }

    [Theory]
    [InlineData("--batch", "0")]
    [InlineData("--cache-mb", "0")]
    [InlineData("--threads", "0")]
    public void ANonPositiveSettingIsAUsageError(string option, string value) =>
        Assert.Equal(2, Tightrope.Cli.Cli.Run(["bench", "--size", "1KB", option, value, "--warmup", "0"]));

    [Fact]
    public void AStageTooShortForTheClockGetsNoRate()
    {
        var m = new BenchCommand.Measure("stage 'article-date'", 20_000_000, 7_000, TimeSpan.FromTicks(3), TimeSpan.Zero);

        var cells = m.Cells();

        // 20 MB in under 0.01 s: the table says "more than 2,000 MB/s", never a rate divided by a few ticks.
        Assert.Equal(["<0.01", ">2,000.0", ">700,000", "<0.01", ">2,000.0", ">700,000", "0.0", "<0.01"], cells);
        Assert.Null(m.MBPerCpuSecond);
        var fourMilliseconds = new BenchCommand.Measure("stage 'article-date'", 20_000_000, 7_000, TimeSpan.FromMilliseconds(4), TimeSpan.FromMilliseconds(4));
        Assert.Null(fourMilliseconds.MBps);
        Assert.Equal(">2,000.0", fourMilliseconds.Cells()[1]);
        var nothing = new BenchCommand.Measure("stage 'x'", 0, 0, TimeSpan.Zero, TimeSpan.Zero);
        Assert.Equal("—", nothing.Cells()[1]);
        var measured = new BenchCommand.Measure("stage 'text'", 20_000_000, 7_000, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)) { Allocated = 50_000_000, GcPause = TimeSpan.FromSeconds(0.25) };
        Assert.Equal(["2.00", "10.0", "3,500", "1.00", "20.0", "7,000", "2.5", "0.25"], measured.Cells());
    }

    [Fact]
    public void TimingTheStagesReportsProgressUpToTheWholeCorpus()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var corpus = Path.Combine(folder, "corpus");
            SyntheticCorpus.WriteTo(corpus, 200_000);
            long total = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            var pipeline = Tightrope.Pipeline.TightropePipeline.Create(new Tightrope.Pipeline.PipelineOptions { Knowledge = Tightrope.Knowledge.KnowledgeBase.Empty });
            var progress = new RecordingProgress();

            var stages = BenchCommand.TimeStages(corpus, pipeline, Path.Combine(folder, "stages.db"), progress, CancellationToken.None);

            Assert.NotEmpty(stages);
            Assert.True(progress.Reports.Count > 1);
            Assert.Equal(progress.Reports.Order(), progress.Reports);
            Assert.Equal(total, progress.Reports[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WithoutCompromiseInstalledBenchPeersSaysHowToInstallIt()
    {
        var empty = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        try
        {
            string[] args = ["bench", "--size", "20KB", "--warmup", "0", "--no-stages", "--pipeline", "foundation", "--peers", "--peers-dir", empty];
            var text = Tightrope.Tests.Support.CliProcess.Run(null, args);
            var json = Tightrope.Tests.Support.CliProcess.Run(null, [.. args, "--json"]);

            Assert.True(text.Exit == 0, text.Err);
            Assert.Contains($"npm install --prefix {empty} compromise", text.Out, StringComparison.Ordinal);
            Assert.Equal(0, json.Exit);
            using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
            var peers = doc.RootElement.GetProperty("peers");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, peers.GetProperty("compromise").ValueKind);
            Assert.Contains("npm install", peers.GetProperty("missing").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private sealed class RecordingProgress : Tightrope.Cli.IStepProgress
    {
        public List<long> Reports { get; } = [];

        public bool Live => true;

        public void Start(string what, long totalBytes)
        {
        }

        public void Advance(long bytes) => Reports.Add(bytes);

        public void Log(string line)
        {
        }
    }
}
