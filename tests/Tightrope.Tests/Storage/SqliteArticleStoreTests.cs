using Microsoft.Data.Sqlite;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;
using Tightrope.Storage.Sqlite;

namespace Tightrope.Tests.Storage;

/// <summary>The store contract against SQLite, plus what is particular to the SQLite file.</summary>
public sealed class SqliteArticleStoreTests : ArticleStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));

    protected override IArticleStore CreateStore() => ArticleStore.Open(Path.Combine(_folder, Guid.NewGuid().ToString("N"), "store.db"));

    protected override void Dispose(bool disposing)
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void OfSeveralNearDuplicateCandidatesTheMostSimilarWinsNotTheFirstStored()
    {
        var path = Path.Combine(_folder, "candidates.db");
        var text = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"Sentence {i} of the long report on troop levels and cost sharing talks in Seoul."));
        var edited = string.Join(' ', Enumerable.Range(0, 60).Select(i => i % 6 == 0
            ? $"Line {i} in the revised account of base costs and burden sharing near Pyeongtaek."
            : $"Sentence {i} of the long report on troop levels and cost sharing talks in Seoul."));
        var first = Annotated("a0000000000000000000000000000001", text);
        var second = Annotated("b0000000000000000000000000000002", edited);
        // A strict store keeps both as originals; both then are candidates for a text close to the second.
        using (var strict = ArticleStore.Open(path, new ArticleStoreOptions { NearDuplicateThreshold = 0.999 }))
        {
            Assert.Equal([SaveOutcome.Stored, SaveOutcome.Stored], strict.SaveMany([first, second]));
        }

        var query = Annotated("c0000000000000000000000000000003", edited.Replace("Sentence 59 of", "Item 59 of", StringComparison.Ordinal));
        using var store = ArticleStore.Open(path, new ArticleStoreOptions { NearDuplicateThreshold = 0.5 });
        Assert.Equal(second.Id, store.FindNearDuplicate(query.Signature!));
        Assert.Equal(first.Id, store.FindNearDuplicate(first.Signature!));
    }

    [Fact]
    public void ANearDuplicateOfAnArticleAnotherConnectionStoredIsFoundAfterThisStoreHadLookedUpBands()
    {
        // The first store looks band keys up (building its filter of stored keys) before the second writes the original:
        // the second's commit must make it read the keys again, or the repost would be stored as a new article.
        var path = Path.Combine(_folder, "two-writers.db");
        var text = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"Sentence {i} of the long report on troop levels and cost sharing talks in Seoul."));
        var unrelated = Annotated("d0000000000000000000000000000004", string.Join(' ', Enumerable.Range(0, 40).Select(i => $"Paragraph {i}: the exercise near Busan drew protests from fishermen.")));
        var original = Annotated("a0000000000000000000000000000001", text);
        var repost = Annotated("b0000000000000000000000000000002", text.Replace("Sentence 7 of", "Line 7 in", StringComparison.Ordinal));
        using var first = ArticleStore.Open(path);
        Assert.Equal(SaveOutcome.Stored, first.Save(unrelated));
        Assert.Null(first.FindNearDuplicate(repost.Signature!));
        using (var second = ArticleStore.Open(path))
        {
            Assert.Equal(SaveOutcome.Stored, second.Save(original));
        }

        Assert.Equal(original.Id, first.FindNearDuplicate(repost.Signature!));
        Assert.Equal(SaveOutcome.Duplicate, first.Save(repost));
        Assert.Equal(original.Id, repost.DuplicateOf);
    }

    [Fact]
    public void TheBandKeyFilterAnswersYesForEveryKeyAddedAndNoForMostOthers()
    {
        var filter = new BandKeyFilter(0);
        var random = new Random(7);
        var added = Enumerable.Range(0, 100_000).Select(_ => random.NextInt64()).ToArray();
        foreach (var key in added)
        {
            filter.Add(key);
        }

        Assert.All(added, key => Assert.True(filter.MayContain(key)));
        int falsePositives = Enumerable.Range(0, 100_000).Count(_ => filter.MayContain(random.NextInt64()));
        Assert.InRange(falsePositives, 0, 5_000);
        Assert.False(filter.Full);
    }

    /// <summary>A store at schema 2 (the layout before layers were packed), with <paramref name="articles"/> rows.</summary>
    private string StoreAtSchemaTwo(int articles)
    {
        var path = Path.Combine(_folder, $"v2-{articles}.db");
        Directory.CreateDirectory(_folder);
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);"
            + SqliteSchema.Migrations[0].Sql + SqliteSchema.Migrations[1].Sql
            + "INSERT INTO schema_version VALUES (1, 'one', 'x'), (2, 'two', 'x');";
        cmd.ExecuteNonQuery();
        for (int i = 0; i < articles; i++)
        {
            cmd.CommandText = $"INSERT INTO articles (id, text, length) VALUES ('a{i}', 'Text {i}.', 7)";
            cmd.ExecuteNonQuery();
        }

        return path;
    }

    [Fact]
    public void AStoreOfTheOldLayoutWithArticlesIsRefusedAndLeftAsItWas()
    {
        var path = StoreAtSchemaTwo(articles: 2);
        var ex = Assert.Throws<InvalidOperationException>(() => ArticleStore.Open(path));
        Assert.Contains("schema 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", ex.Message, StringComparison.Ordinal);
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT max(version) FROM schema_version";
        Assert.Equal(2L, cmd.ExecuteScalar());
        cmd.CommandText = "SELECT count(*) FROM articles";
        Assert.Equal(2L, cmd.ExecuteScalar());
    }

    [Fact]
    public void AnEmptyStoreOfTheOldLayoutIsMigrated()
    {
        var path = StoreAtSchemaTwo(articles: 0);
        using var store = ArticleStore.Open(path);
        Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        Assert.Equal(0, store.Stats().Articles);
    }

    [Fact]
    public void OpeningCreatesTheFolderAndTheSchema()
    {
        var path = Path.Combine(_folder, "new", "deeper", "store.db");
        using (var store = ArticleStore.Open(path))
        {
            Assert.Equal(0, store.Stats().Articles);
        }

        Assert.True(File.Exists(path));
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT max(version) FROM schema_version; ";
        Assert.Equal((long)SqliteSchema.CurrentVersion, cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public void AReopenedStoreKeepsItsArticles()
    {
        var path = Path.Combine(_folder, "reopen.db");
        using (var store = ArticleStore.Open(path))
        {
            store.Save(Annotated("a0000000000000000000000000000001", "One short text about the alliance."));
        }

        using var again = ArticleStore.Open(path);
        Assert.True(again.Contains("a0000000000000000000000000000001"));
        Assert.Equal(SaveOutcome.AlreadyPresent, again.Save(Annotated("a0000000000000000000000000000001", "One short text about the alliance.")));
    }

    [Fact]
    public void ADateSetByAPersonSurvivesReopeningTheStore()
    {
        var path = Path.Combine(_folder, "user-date.db");
        using (var store = ArticleStore.Open(path))
        {
            store.Save(Annotated("a0000000000000000000000000000001", "One short text about the alliance.", date: new DateOnly(2024, 5, 6)));
            store.SetUserDate("a0000000000000000000000000000001", new DateOnly(2023, 1, 2));
        }

        using (var again = ArticleStore.Open(path))
        {
            Assert.Equal(SaveOutcome.AlreadyPresent, again.Save(Annotated("a0000000000000000000000000000001", "One short text about the alliance.", date: new DateOnly(2024, 5, 6))));
            Assert.Equal(new ArticleDate(new DateOnly(2023, 1, 2), DateSource.User, 1, "set by the user"), again.GetArticle("a0000000000000000000000000000001")!.Date);
            Assert.True(again.ClearUserDate("a0000000000000000000000000000001"));
        }

        using var third = ArticleStore.Open(path);
        Assert.Equal(new DateOnly(2024, 5, 6), third.GetArticle("a0000000000000000000000000000001")!.Date!.Date);
        Assert.Equal(DateSource.Inferred, third.GetArticle("a0000000000000000000000000000001")!.Date!.Source);
    }

    [Fact]
    public void ADateSetByAPersonOutlivesItsRowAndIsTakenWhenTheSameContentIsWrittenAgain()
    {
        var path = Path.Combine(_folder, "outlives.db");
        const string Id = "a0000000000000000000000000000001";
        using (var store = ArticleStore.Open(path))
        {
            store.Save(Annotated(Id, "One short text about the alliance.", date: new DateOnly(2024, 5, 6)));
            store.SetUserDate(Id, new DateOnly(2023, 1, 2));
        }

        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            // The row and everything indexed by it, as if it had never been written: only the override is left.
            cmd.CommandText = "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all'); DELETE FROM article_keys; DELETE FROM article_signatures; "
                + "DELETE FROM lsh_recent; DELETE FROM lsh_bands; DELETE FROM articles";
            cmd.ExecuteNonQuery();
        }

        using var again = ArticleStore.Open(path);
        Assert.Equal(SaveOutcome.Stored, again.Save(Annotated(Id, "One short text about the alliance.", date: new DateOnly(2024, 5, 6))));
        Assert.Equal(DateSource.User, again.GetArticle(Id)!.Date!.Source);
        Assert.Equal(new DateOnly(2023, 1, 2), again.ListArticles(new ArticleQuery()).Single().Date);
    }

    [Fact]
    public void AStoreAtSchemaThreeWithArticlesIsMigratedAndKeepsThem()
    {
        var path = Path.Combine(_folder, "v3.db");
        Directory.CreateDirectory(_folder);
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);"
                + SqliteSchema.Migrations[0].Sql + SqliteSchema.Migrations[1].Sql + SqliteSchema.Migrations[2].Sql
                + "INSERT INTO schema_version VALUES (1, 'one', 'x'), (2, 'two', 'x'), (3, 'three', 'x');"
                + "INSERT INTO articles (id, text, length, date, date_source, date_confidence, layers) VALUES ('a1', 'Text one.', 9, '2024-02-03', 'Metadata', 1.0, x'');";
            cmd.ExecuteNonQuery();
        }

        using var store = ArticleStore.Open(path);
        Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        Assert.True(SqliteSchema.CurrentVersion >= 4);
        Assert.Equal(new DateOnly(2024, 2, 3), store.GetArticle("a1")!.Date!.Date);
        Assert.Equal(new DateOnly(2010, 1, 1), store.SetUserDate("a1", new DateOnly(2010, 1, 1))!.Date);
        Assert.Equal(new DateOnly(2010, 1, 1), store.Stats().From);
    }

    [Fact]
    public void AStoreAtSchemaFiveKeepsReadingItsUncompressedLayersAndWritesNewOnesCompressed()
    {
        var path = Path.Combine(_folder, "v5.db");
        var old = Annotated("e0000000000000000000000000000001", "Seoul and Washington met on Monday. " + string.Concat(Enumerable.Repeat("The allies talked about troops. ", 6)));
        old.Mentions.Add(MentionOf(old, "Seoul", "KOR"));
        old.Mentions.Add(MentionOf(old, "Washington", "USA"));
        var plain = LayerPack.Pack(old, TightropePipeline.Layers, duplicate: false);
        Assert.True(plain.Length >= LayerPack.CompressFrom);
        Directory.CreateDirectory(_folder);
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);"
                + string.Concat(SqliteSchema.Migrations.Where(m => m.Version <= 5).Select(m => m.Sql))
                + "INSERT INTO schema_version VALUES (1, 'one', 'x'), (2, 'two', 'x'), (3, 'three', 'x'), (4, 'four', 'x'), (5, 'five', 'x');"
                + "INSERT INTO articles (id, text, length, layers) VALUES ($id, $text, length($text), $layers);";
            cmd.Parameters.AddWithValue("$id", old.Id);
            cmd.Parameters.AddWithValue("$text", old.Text);
            cmd.Parameters.AddWithValue("$layers", plain);
            cmd.ExecuteNonQuery();
        }

        using (var store = ArticleStore.Open(path))
        {
            Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
            Assert.True(SqliteSchema.CurrentVersion >= 6);
            Assert.Equal(old.Mentions, store.GetArticle(old.Id)!.Mentions);
            var added = Annotated("e0000000000000000000000000000002", "Tokyo and Beijing watched the drills. " + string.Concat(Enumerable.Repeat("Observers counted the ships. ", 6)));
            foreach (var (words, actor) in new[] { ("Tokyo", "JPN"), ("Beijing", "CHN"), ("drills", null), ("Observers", null), ("ships", null) })
            {
                added.Mentions.Add(MentionOf(added, words, actor, normalized: actor is null ? words.ToLowerInvariant() : null));
            }

            Assert.Equal(LayerPack.Deflated, LayerPack.Pack(added, TightropePipeline.Layers, duplicate: false, compress: true)[0]);
            Assert.Equal(SaveOutcome.Stored, store.Save(added));
            Assert.Equal(added.Mentions, store.GetArticle(added.Id)!.Mentions);
        }

        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT id, substr(layers, 1, 1) FROM articles ORDER BY seq";
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            Assert.NotEqual(LayerPack.Deflated, ((byte[])r.GetValue(1))[0]);
            Assert.True(r.Read());
            Assert.Equal(LayerPack.Deflated, ((byte[])r.GetValue(1))[0]);
        }
    }

    [Fact]
    public void AStoreAtSchemaSixIsMigratedToPackedTextsAndKeepsItsTextsRawTextsSearchAndScopedRecords()
    {
        var path = Path.Combine(_folder, "v6.db");
        var old = Annotated("f0000000000000000000000000000001", "Ministers in Seoul weighed the cost of the garrison. " + string.Concat(Enumerable.Repeat("Negotiators traded figures late into the night. ", 5)),
            title: "Garrison costs weighed");
        var duplicate = Annotated("f0000000000000000000000000000002", old.Text, title: "Garrison costs weighed (copy)");
        var scopedData = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("scoped record bytes; ", 20)));
        Directory.CreateDirectory(_folder);
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);"
                + string.Concat(SqliteSchema.Migrations.Where(m => m.Version <= 6).Select(m => m.Sql))
                + "INSERT INTO schema_version VALUES (1, 'one', 'x'), (2, 'two', 'x'), (3, 'three', 'x'), (4, 'four', 'x'), (5, 'five', 'x'), (6, 'six', 'x');"
                + "INSERT INTO articles (id, title, text, raw_diff, length, layers) VALUES ($id, $title, $text, $raw, length($text), $layers);"
                + "INSERT INTO articles_fts (rowid, title, text) VALUES (last_insert_rowid(), $title, $text);"
                + "INSERT INTO articles (id, title, text, length, layers, duplicate_of) VALUES ($id2, $title2, $text, length($text), x'', $id);"
                + "INSERT INTO scoped (kind, scope, count, data) VALUES ('test-kind', 'scope-a', 3, $scoped);";
            cmd.Parameters.AddWithValue("$id", old.Id);
            cmd.Parameters.AddWithValue("$title", old.Metadata.Title);
            cmd.Parameters.AddWithValue("$text", old.Text);
            cmd.Parameters.AddWithValue("$raw", RawTextDiff.Encode(old.RawText, old.Text, old.Offsets)!);
            cmd.Parameters.AddWithValue("$layers", LayerPack.Pack(old, TightropePipeline.Layers, duplicate: false, compress: true));
            cmd.Parameters.AddWithValue("$id2", duplicate.Id);
            cmd.Parameters.AddWithValue("$title2", duplicate.Metadata.Title);
            cmd.Parameters.AddWithValue("$scoped", scopedData);
            cmd.ExecuteNonQuery();
        }

        using (var store = ArticleStore.Open(path))
        {
            Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
            Assert.True(SqliteSchema.CurrentVersion >= 7);
            var read = store.GetArticle(old.Id)!;
            Assert.Equal(old.Text, read.Text);
            Assert.Equal(old.RawText, read.RawText);
            Assert.Equal(old.Text, store.GetArticle(duplicate.Id)!.Text);
            // The index was built again from the unpacked texts, originals only, with snippets from them.
            var hits = store.Search("negotiators");
            Assert.Equal(1, hits.Total);
            Assert.Equal(old.Id, hits.Single().ArticleId);
            Assert.Contains("Negotiators", hits.Single().Snippet, StringComparison.Ordinal);
            var added = Annotated("f0000000000000000000000000000003", "Envoys in Tokyo compared notes on the garrison. " + string.Concat(Enumerable.Repeat("Clerks filed the minutes by dawn. ", 5)));
            Assert.Equal(SaveOutcome.Stored, store.Save(added));
            Assert.Equal(added.Text, store.GetArticle(added.Id)!.Text);
            Assert.Equal(2, store.Search("garrison").Total);
        }

        using (var backend = SqliteStore.OpenBackend(path))
        {
            var scoped = Assert.Single(backend.Scoped("test-kind"));
            Assert.Equal(("scope-a", 3), (scoped.Scope, scoped.Count));
            Assert.Equal(scopedData, scoped.Data);
        }

        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            // Every row holds its text packed (smaller than the text) and '' in the old column; scoped data packed too.
            cmd.CommandText = "SELECT count(*), sum(text = ''), sum(text_z IS NOT NULL AND length(text_z) < length), "
                + "(SELECT sum(length(data)) FROM scoped) FROM articles";
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            Assert.Equal(3L, r.GetInt64(0));
            Assert.Equal(3L, r.GetInt64(1));
            Assert.Equal(3L, r.GetInt64(2));
            Assert.True(r.GetInt64(3) < scopedData.Length);
        }
    }

    [Fact]
    public void PackedValuesComeBackAsTheyWere()
    {
        foreach (var text in new[] { "", "a", "Seoul — 서울, 2024년 5월.", string.Concat(Enumerable.Repeat("The talks on troops resumed. ", 400)) })
        {
            var packed = SqlitePacking.PackText(text);
            Assert.Equal(text, SqlitePacking.UnpackText(packed));
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            Assert.Equal(bytes, SqlitePacking.Unpack(SqlitePacking.Pack(bytes)));
        }

        Assert.True(SqlitePacking.PackText(string.Concat(Enumerable.Repeat("The talks on troops resumed. ", 400))).Length < 400);
        var damaged = SqlitePacking.PackText(string.Concat(Enumerable.Repeat("The talks on troops resumed. ", 40)));
        Assert.ThrowsAny<InvalidDataException>(() => SqlitePacking.UnpackText(damaged.AsSpan(0, damaged.Length / 2)));
    }

    [Fact]
    public void AStoreFromANewerTightropeIsRefusedWithAClearMessage()
    {
        var path = Path.Combine(_folder, "newer.db");
        ArticleStore.Open(path).Dispose();
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version VALUES (999, 'future', '2030-01-01')";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<InvalidOperationException>(() => ArticleStore.Open(path));
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }
}

/// <summary>Locations name their backend by scheme; the core opens the backend's assembly on demand.</summary>
public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("store.db", "sqlite", "store.db")]
    [InlineData("sqlite:data/store.db", "sqlite", "data/store.db")]
    [InlineData("file:///tmp/x.db", "sqlite", "/tmp/x.db")]
    [InlineData("C:/data/x.db", "sqlite", "C:/data/x.db")]
    [InlineData("postgres://user@host/db", "postgres", null)]
    [InlineData("Host=127.0.0.1;Database=t", "postgres", null)]
    public void ASchemeNamesTheBackendAndAPathIsSqlite(string location, string scheme, string? file)
    {
        Assert.Equal(scheme, StoreBackends.Scheme(location));
        Assert.Equal(file, StoreBackends.FilePath(location));
    }

    [Fact]
    public void ABackendThatIsNotInstalledIsNamedInTheError()
    {
        var ex = Assert.Throws<NotSupportedException>(() => ArticleStore.Open("postgres://user@127.0.0.1/none"));
        Assert.Contains("Tightrope.Storage.Postgres", ex.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => ArticleStore.Open("mysql://127.0.0.1/x"));
    }
}
