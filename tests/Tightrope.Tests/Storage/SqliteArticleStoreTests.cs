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
        var plain = LayerPack.PackLegacy(old, TightropePipeline.Layers, duplicate: false);
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
            // Written since schema 8: zstd-packed by the backend.
            Assert.Equal(ZstdPacking.LayersMarker, ((byte[])r.GetValue(1))[0]);
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
            cmd.Parameters.AddWithValue("$layers", LayerPack.PackLegacy(old, TightropePipeline.Layers, duplicate: false, compress: true));
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
            // Every row holds its text packed (smaller than the text; since schema 8 in text_zs) and '' in the old column;
            // scoped data packed too.
            cmd.CommandText = "SELECT count(*), sum(text = ''), sum(coalesce(text_zs, text_z) IS NOT NULL AND length(coalesce(text_zs, text_z)) < length), "
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
    public void AStoreAtSchemaSevenIsMigratedAndAnswersAsBeforeWhileNewRowsAreZstdPacked()
    {
        var path = Path.Combine(_folder, "v7.db");
        var old = Annotated("a7000000000000000000000000000001", "Delegates in Seoul argued over the garrison budget. " + string.Concat(Enumerable.Repeat("Auditors checked the ledgers twice. ", 5)),
            title: "Budget argued");
        old.Mentions.Add(MentionOf(old, "Seoul", "KOR"));
        var signature32 = MemoryMarshalLow32(old.Signature!);
        Directory.CreateDirectory(_folder);
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var zstd = new ZstdPacking();
            SqlitePacking.Register(db, zstd);
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);"
                + string.Concat(SqliteSchema.Migrations.Where(m => m.Version <= 7).Select(m => m.Sql))
                + string.Concat(Enumerable.Range(1, 7).Select(v => $"INSERT INTO schema_version VALUES ({v}, 'v{v}', 'x');"))
                + "INSERT INTO articles (id, title, text, text_z, raw_diff, length, layers, text_hash) VALUES ($id, $title, '', $text_z, $raw, $length, $layers, 'h7');"
                + "INSERT INTO article_signatures (article, signature) VALUES (last_insert_rowid(), $signature);"
                + "INSERT INTO articles_fts (rowid, title, text) VALUES (1, $title, $text);"
                + string.Concat(Tightrope.Dedup.TextFingerprint.BandKeys(old.Signature!).Select(k => $"INSERT OR IGNORE INTO lsh_bands (key, article) VALUES ({k}, 1);"));
            cmd.Parameters.AddWithValue("$id", old.Id);
            cmd.Parameters.AddWithValue("$title", old.Metadata.Title);
            cmd.Parameters.AddWithValue("$text", old.Text);
            cmd.Parameters.AddWithValue("$text_z", SqlitePacking.PackText(old.Text));
            cmd.Parameters.AddWithValue("$raw", SqlitePacking.Pack(RawTextDiff.Encode(old.RawText, old.Text, old.Offsets)!));
            cmd.Parameters.AddWithValue("$length", old.Text.Length);
            cmd.Parameters.AddWithValue("$layers", LayerPack.PackLegacy(old, TightropePipeline.Layers, duplicate: false, compress: true));
            cmd.Parameters.AddWithValue("$signature", signature32);
            cmd.ExecuteNonQuery();
        }

        using (var store = ArticleStore.Open(path))
        {
            Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
            Assert.True(SqliteSchema.CurrentVersion >= 8);
            var read = store.GetArticle(old.Id)!;
            Assert.Equal((old.Text, old.RawText), (read.Text, read.RawText));
            Assert.Equal(old.Mentions, read.Mentions);
            var hit = Assert.Single(store.Search("auditors"));
            Assert.Equal(old.Id, hit.ArticleId);
            Assert.Contains("Auditors", hit.Snippet, StringComparison.Ordinal);
            // A 32-bit signature of schema 7 still finds its near duplicate.
            Assert.Equal(old.Id, store.FindNearDuplicate(old.Signature!));
            var added = Annotated("a7000000000000000000000000000002", "Envoys in Tokyo compared notes on the garrison budget. " + string.Concat(Enumerable.Repeat("Clerks filed the minutes by dawn. ", 5)));
            added.Mentions.Add(MentionOf(added, "Tokyo", "JPN"));
            Assert.Equal(SaveOutcome.Stored, store.Save(added));
            var readAdded = store.GetArticle(added.Id)!;
            Assert.Equal((added.Text, added.RawText), (readAdded.Text, readAdded.RawText));
            Assert.Equal(added.Mentions, readAdded.Mentions);
            Assert.Equal(2, store.Search("garrison").Total);
            Assert.Contains("Clerks", Assert.Single(store.Search("clerks")).Snippet, StringComparison.Ordinal);
        }

        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT text_z IS NULL, text_zs IS NULL, substr(layers, 1, 1) FROM articles ORDER BY seq";
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            // The row written at schema 7 keeps its Brotli text and the core's blob as it was.
            Assert.Equal((0L, 1L), (r.GetInt64(0), r.GetInt64(1)));
            Assert.NotEqual(ZstdPacking.LayersMarker, ((byte[])r.GetValue(2))[0]);
            Assert.True(r.Read());
            Assert.Equal((1L, 0L, ZstdPacking.LayersMarker), (r.GetInt64(0), r.GetInt64(1), ((byte[])r.GetValue(2))[0]));
        }
    }

    private static byte[] MemoryMarshalLow32(ulong[] signature) =>
        [.. signature.SelectMany(v => BitConverter.GetBytes((uint)v))];

    [Fact]
    public void ALargeBatchTrainsDictionariesThatPackSmallerAndReadBackAfterReopening()
    {
        var path = Path.Combine(_folder, "dictionaries.db");
        string[] places = ["Seoul", "Busan", "Tokyo", "Osaka", "Manila", "Guam", "Hanoi", "Taipei"];
        string[] verbs = ["reviewed", "debated", "postponed", "welcomed", "questioned", "approved"];
        var articles = Enumerable.Range(0, ZstdPacking.TrainFrom + 40).Select(i => Annotated(
            $"c{i:x31}",
            $"Officials in {places[i % places.Length]} {verbs[i % verbs.Length]} the plan number {i} on day {i % 28 + 1}. "
            + $"The allied committee met {i % 7 + 2} times about item {i * 37 % 1000}, and {places[(i + 3) % places.Length]} sent {i % 90 + 10} observers. "
            + $"Analysts expect another round in {places[(i + 5) % places.Length]} before the summer of {2000 + i % 25}.")).ToList();
        foreach (var a in articles)
        {
            a.Mentions.Add(MentionOf(a, places[articles.IndexOf(a) % places.Length], "PLACE-" + (articles.IndexOf(a) % places.Length)));
        }

        using (var store = ArticleStore.Open(path, new ArticleStoreOptions { NearDuplicateThreshold = 1.1 }))
        {
            Assert.All(store.SaveMany(articles), o => Assert.Equal(SaveOutcome.Stored, o));
        }

        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT group_concat(kind, ','), (SELECT max(length(text_zs) * 1.0 / length) FROM articles) FROM (SELECT kind FROM pack_dictionaries ORDER BY kind)";
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            Assert.Equal("layers,text", r.GetString(0));
            // With the dictionary every text packs to well under half its length (without one, a short text barely shrinks).
            Assert.True(r.GetDouble(1) < 0.5, $"the largest packed text is {r.GetDouble(1):P0} of its length");
        }

        using (var reopened = ArticleStore.Open(path))
        {
            foreach (var a in articles.Where((_, i) => i % 37 == 0))
            {
                var read = reopened.GetArticle(a.Id)!;
                Assert.Equal((a.Text, a.RawText), (read.Text, read.RawText));
                Assert.Equal(a.Mentions, read.Mentions);
            }

            Assert.Equal(articles.Count(a => a.Text.Contains("Manila", StringComparison.Ordinal)), reopened.Search("manila", limit: 1000).Total);
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
        using var zstd = new ZstdPacking();
        foreach (var text in new[] { "", "a", "Seoul — 서울, 2024년 5월.", string.Concat(Enumerable.Repeat("The talks on troops resumed. ", 400)) })
        {
            Assert.Equal(text, zstd.UnpackText(zstd.PackText(text).ToArray()));
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            var packed = zstd.PackLayers(bytes).ToArray();
            Assert.Equal(ZstdPacking.LayersMarker, packed[0]);
            Assert.Equal(bytes, zstd.UnpackLayers(packed));
        }

        // A blob the backend did not pack (rows written before schema 8) is the core's blob as it is.
        byte[] legacy = [3, 1, 2, 3];
        Assert.Same(legacy, zstd.UnpackLayers(legacy));
        var cut = zstd.PackText(string.Concat(Enumerable.Repeat("The talks on troops resumed. ", 40))).ToArray();
        Assert.ThrowsAny<Exception>(() => zstd.UnpackText(cut.AsSpan(0, cut.Length / 2)));
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
