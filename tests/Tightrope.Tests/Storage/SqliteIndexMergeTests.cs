using Microsoft.Data.Sqlite;
using Tightrope.Model;
using Tightrope.Storage;

namespace Tightrope.Tests.Storage;

/// <summary>Schema 10: the full-text index merges its segments less often while it is written, and answers as before.</summary>
public sealed class SqliteIndexMergeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static readonly string[] Places = ["Seoul", "Pyeongtaek", "Tokyo", "Busan", "Osan", "Daegu"];

    /// <summary>Articles of their own words, saved one a transaction: each adds a segment to the index, so it merges.</summary>
    private static void Fill(IArticleStore store)
    {
        for (int i = 0; i < 48; i++)
        {
            var words = string.Join(' ', Enumerable.Range(0, 30).Select(k => $"w{((i * 131) + (k * 977)) % 100_003}"));
            var text = $"Envoys met in {Places[i % Places.Length]} on the garrison budget, round {i}. Kim Jong-un was not named. {words}.";
            store.Save(ArticleStoreContract.Annotated($"{i + 1:x32}", text, $"Talks, round {i}"));
        }
    }

    private static string Setting(string db, string key)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT v FROM articles_fts_config WHERE k = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static void Run(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static readonly string[] Queries = ["garrison", "seoul OR tokyo", "\"garrison budget\"", "Kim Jong-un", "envoy*", "round AND busan", "w977"];

    private static List<string> Answers(IArticleStore store) =>
        [.. Queries.SelectMany(q => new[] { $"{q}: {store.Search(q, 100).Total}" }
            .Concat(store.Search(q, 100).Items.Select(h => $"  {h.ArticleId} {h.Rank:R} {h.Snippet}")))];

    [Fact]
    public void ANewStoreMergesItsIndexLessOftenAndAnswersAsWithTheDefaultMerges()
    {
        var merged8 = Path.Combine(_folder, "merged8.db");
        var merged4 = Path.Combine(_folder, "merged4.db");
        using (ArticleStore.Open(merged4))
        {
        }

        // The store as it was before schema 10: the index's default merging.
        Run(merged4, "DELETE FROM articles_fts_config WHERE k = 'automerge'");
        Assert.Equal("", Setting(merged4, "automerge"));
        using var a = ArticleStore.Open(merged8);
        Assert.Equal("8", Setting(merged8, "automerge"));
        Fill(a);

        List<string> expected;
        using (var b = new ArticleStore(Tightrope.Storage.Sqlite.SqliteStore.OpenBackend(merged4)))
        {
            Fill(b);
            expected = Answers(b);
        }

        Assert.Equal(expected, Answers(a));
        Assert.Contains("\"garrison budget\": 48", expected);
        Assert.Contains("Kim Jong-un: 48", expected);
        Assert.Contains("seoul OR tokyo: 16", expected);
    }

    [Fact]
    public void AStoreAtSchemaNineGetsTheSettingAndKeepsItsAnswers()
    {
        var db = Path.Combine(_folder, "schema9.db");
        using (ArticleStore.Open(db))
        {
        }

        // Written as schema 9 wrote it (the index's default merging), then marked as schema 9.
        Run(db, "DELETE FROM articles_fts_config WHERE k = 'automerge'");
        using (var store = ArticleStore.Open(db))
        {
            Fill(store);
        }

        Run(db, "DELETE FROM articles_fts_config WHERE k = 'automerge'; DELETE FROM schema_version WHERE version = 10;");
        List<string> expected;
        using (var fresh = ArticleStore.Open(Path.Combine(_folder, "fresh.db")))
        {
            Fill(fresh);
            expected = Answers(fresh);
        }

        using var migrated = ArticleStore.Open(db);

        Assert.Equal(10, migrated.SchemaVersion);
        Assert.Equal("8", Setting(db, "automerge"));
        Assert.Equal(expected, Answers(migrated));
        migrated.Save(ArticleStoreContract.Annotated($"{999:x32}", "Envoys met again in Osan on the garrison budget.", "Talks resume"));
        Assert.Equal(49, migrated.Search("garrison").Total);
    }
}
