using System.Diagnostics;
using Tightrope.Batch;
using Tightrope.Storage;
using Tightrope.Tests.Storage;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Cli;

/// <summary>The real `tightrope ingest`, run as a child process: killed half-way, run twice, given bad input.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Process Start(params string[] args) => CliProcess.Start(withInput: false, args);

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(null, args);

    private static string Dump(string db)
    {
        using var store = ArticleStore.Open(db);
        return StoreDump.Of(store);
    }

    private static int Count(string db)
    {
        using var store = ArticleStore.Open(db);
        return store.Stats().Articles;
    }

    /// <summary>Articles committed so far, read without writing (a read-only connection: no schema, no lock taken).</summary>
    private static long CommittedArticles(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM articles";
            return (long)count.ExecuteScalar()!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not created yet
        }
    }

    [Fact]
    public void AnIngestKilledHalfWayAndRunAgainEndsWithTheSameStoreAsOneUninterruptedRun()
    {
        var corpus = Path.Combine(_folder, "corpus");
        var (files, _) = SyntheticCorpus.WriteTo(corpus, 2_000_000, small: true);
        Assert.True(files > 2000, $"only {files} files");
        var whole = Path.Combine(_folder, "whole.db");
        var killed = Path.Combine(_folder, "killed.db");

        var uninterrupted = Run("ingest", corpus, "--db", whole);
        Assert.Equal(0, uninterrupted.Exit);

        // Redirected output carries no progress: watch the store instead, and kill as soon as a first batch is committed.
        using (var p = Start("ingest", corpus, "--db", killed, "--threads", "1"))
        {
            var watch = Stopwatch.StartNew();
            while (CommittedArticles(killed) == 0 && !p.HasExited && watch.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(10);
            }

            Assert.False(p.HasExited, "the ingest ended before it could be killed");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        int afterKill = Count(killed);
        Assert.InRange(afterKill, 1, files - 1);

        var resumed = Run("ingest", corpus, "--db", killed);
        Assert.Equal(0, resumed.Exit);
        Assert.Contains("already present", resumed.Out, StringComparison.Ordinal);

        Assert.Equal(Dump(whole), Dump(killed));
    }

    [Fact]
    public void IngestingTwiceAddsNothing()
    {
        var corpus = Path.Combine(_folder, "corpus");
        SyntheticCorpus.WriteTo(corpus, 100_000);
        var db = Path.Combine(_folder, "twice.db");

        Assert.Equal(0, Run("ingest", corpus, "--db", db).Exit);
        var first = Dump(db);
        var second = Run("ingest", corpus, "--db", db, "--json");

        Assert.Equal(0, second.Exit);
        Assert.Contains("\"stored\": 0", second.Out, StringComparison.Ordinal);
        Assert.Equal(first, Dump(db));
    }

    [Fact]
    public void AMissingInputIsNamedTheRestIsStoredAndTheExitCodeIsOne()
    {
        var corpus = Path.Combine(_folder, "corpus");
        SyntheticCorpus.WriteTo(corpus, 20_000);
        var missing = Path.Combine(_folder, "missing.html");
        var db = Path.Combine(_folder, "some.db");

        var (exit, output, _) = Run("ingest", missing, corpus, "--db", db);

        Assert.Equal(1, exit);
        Assert.Contains($"failed: {missing}: ", output, StringComparison.Ordinal);
        Assert.True(Count(db) > 0);
    }

    [Fact]
    public void StoredArticlesCanBeListedShownByIdPrefixAndSearched()
    {
        var corpus = Path.Combine(_folder, "corpus");
        SyntheticCorpus.WriteTo(corpus, 30_000);
        var db = Path.Combine(_folder, "query.db");
        Assert.Equal(0, Run("ingest", corpus, "--db", db).Exit);

        var list = Run("articles", "--db", db, "--json", "--limit", "3");
        Assert.Equal(0, list.Exit);
        using var articles = System.Text.Json.JsonDocument.Parse(list.Out);
        var items = articles.RootElement.GetProperty("items");
        Assert.Equal(3, items.GetArrayLength());
        Assert.True(articles.RootElement.GetProperty("total").GetInt32() > 3);
        var id = items[0].GetProperty("id").GetString()!;

        var show = Run("show", id[..10], "--db", db, "--json");
        Assert.Equal(0, show.Exit);
        using var shown = System.Text.Json.JsonDocument.Parse(show.Out);
        Assert.Equal(id, shown.RootElement.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(shown.RootElement.GetProperty("text").GetString()));

        var search = Run("search", "troops", "--db", db, "--json");
        Assert.Equal(0, search.Exit);
        using var hits = System.Text.Json.JsonDocument.Parse(search.Out);
        Assert.True(hits.RootElement.GetProperty("items").GetArrayLength() > 0);
        var first = hits.RootElement.GetProperty("items")[0];
        var match = first.GetProperty("matches")[0];
        var snippet = first.GetProperty("snippet").GetString()!;
        Assert.Equal("troops", snippet[match.GetProperty("start").GetInt32()..match.GetProperty("end").GetInt32()], ignoreCase: true);

        Assert.Equal(1, Run("show", "zzzz", "--db", db).Exit);
    }

    [Fact]
    public void BracketsInTheTextAreShownAsTextNotReadAsMarkup()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "brackets.txt");
        File.WriteAllText(file, "Envoys meet in Geneva [updated]\n\n[Staff report] Envoys of the two allies met in Geneva on Monday [local time] to discuss troops.\n\nCopyright 2024 Example News. All rights reserved.\n");
        var db = Path.Combine(_folder, "brackets.db");
        Assert.Equal(0, Run("ingest", file, "--db", db).Exit);
        using var list = System.Text.Json.JsonDocument.Parse(Run("articles", "--db", db, "--json").Out);
        var id = list.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;

        var show = Run("show", id, "--db", db);
        Assert.True(show.Exit == 0, show.Err);
        Assert.Contains("[local time]", show.Out, StringComparison.Ordinal);
        Assert.Contains("copyright", show.Out, StringComparison.Ordinal);

        var search = Run("search", "Geneva", "--db", db);
        Assert.True(search.Exit == 0, search.Err);
        Assert.Contains("[[Geneva]]", search.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("ingest", "x", "--date", "2024-13-40")]
    [InlineData("articles", "--limit", "many")]
    public void AUsageErrorExitsWithTwo(params string[] args)
    {
        Assert.Equal(2, Run([.. args, "--db", Path.Combine(_folder, "usage.db")]).Exit);
    }
}
