using Microsoft.Data.Sqlite;

namespace Tightrope.Storage.Sqlite;

/// <summary>
/// The SQLite schema as an ordered list of migrations. A store records the versions it has applied in
/// <c>schema_version</c>; opening it applies the missing ones in order, each in its own transaction.
/// Migrations are never edited once released: a change is a new migration at the end of the list.
/// </summary>
internal static class SqliteSchema
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "articles, layers, full-text index, LSH bands", """
            CREATE TABLE articles (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT, source TEXT, author TEXT, url TEXT, published TEXT, origin TEXT, format TEXT,
                date TEXT, date_source TEXT, date_confidence REAL, date_evidence TEXT,
                text TEXT NOT NULL,
                raw_text TEXT,
                offset_map BLOB,
                text_hash TEXT,
                signature BLOB,
                duplicate_of TEXT,
                length INTEGER NOT NULL
            );
            CREATE INDEX articles_text_hash ON articles(text_hash);
            CREATE INDEX articles_date ON articles(date);
            CREATE INDEX articles_source ON articles(source, date);
            CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

            CREATE TABLE removed_segments (
                article INTEGER NOT NULL, idx INTEGER NOT NULL,
                kind TEXT NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL, clean_offset INTEGER NOT NULL,
                text TEXT NOT NULL, reason TEXT,
                PRIMARY KEY (article, idx)) WITHOUT ROWID;

            CREATE TABLE sentences (
                article INTEGER NOT NULL, idx INTEGER NOT NULL,
                start INTEGER NOT NULL, "end" INTEGER NOT NULL, truncated INTEGER NOT NULL,
                PRIMARY KEY (article, idx)) WITHOUT ROWID;

            CREATE TABLE mentions (
                article INTEGER NOT NULL, idx INTEGER NOT NULL,
                start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
                actor_id TEXT, kind TEXT NOT NULL, confidence REAL NOT NULL, normalized TEXT, sentence INTEGER NOT NULL,
                PRIMARY KEY (article, idx)) WITHOUT ROWID;
            CREATE INDEX mentions_actor ON mentions(actor_id) WHERE actor_id IS NOT NULL;
            CREATE INDEX mentions_unresolved ON mentions(normalized) WHERE actor_id IS NULL;

            CREATE TABLE figures (
                article INTEGER NOT NULL, idx INTEGER NOT NULL,
                start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
                value REAL NOT NULL, value_high REAL, unit TEXT NOT NULL, kind TEXT NOT NULL, qualifier INTEGER NOT NULL,
                measure TEXT, indicator_id TEXT, actor_id TEXT, period TEXT, usd_value REAL, conversion TEXT,
                equivalent_of INTEGER, sentence INTEGER NOT NULL,
                PRIMARY KEY (article, idx)) WITHOUT ROWID;
            CREATE INDEX figures_indicator ON figures(indicator_id);

            CREATE TABLE failures (
                article INTEGER NOT NULL, idx INTEGER NOT NULL,
                stage TEXT NOT NULL, message TEXT NOT NULL, exception_type TEXT,
                PRIMARY KEY (article, idx)) WITHOUT ROWID;

            CREATE TABLE contradictions (
                idx INTEGER PRIMARY KEY,
                kind TEXT NOT NULL, subject TEXT NOT NULL, period TEXT, description TEXT NOT NULL,
                a_article TEXT NOT NULL, a_start INTEGER NOT NULL, a_end INTEGER NOT NULL, a_text TEXT NOT NULL,
                a_value REAL, a_unit TEXT, a_actor TEXT,
                b_article TEXT NOT NULL, b_start INTEGER NOT NULL, b_end INTEGER NOT NULL, b_text TEXT NOT NULL,
                b_value REAL, b_unit TEXT, b_actor TEXT);

            CREATE TABLE lsh_bands (
                key INTEGER NOT NULL, article INTEGER NOT NULL,
                PRIMARY KEY (key, article)) WITHOUT ROWID;

            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
            -- Merge index segments 8 at a time instead of 4: about a third less indexing work while ingesting.
            INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
            """),
        new(2, "contradictions kept by scope (an indicator, an article), with each side's figure, conversion and date; pending scopes", """
            ALTER TABLE contradictions ADD COLUMN scope TEXT NOT NULL DEFAULT '';
            ALTER TABLE contradictions ADD COLUMN pos INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE contradictions ADD COLUMN a_figure TEXT;
            ALTER TABLE contradictions ADD COLUMN a_orig_value REAL;
            ALTER TABLE contradictions ADD COLUMN a_orig_unit TEXT;
            ALTER TABLE contradictions ADD COLUMN a_conversion TEXT;
            ALTER TABLE contradictions ADD COLUMN a_period TEXT;
            ALTER TABLE contradictions ADD COLUMN a_date TEXT;
            ALTER TABLE contradictions ADD COLUMN b_figure TEXT;
            ALTER TABLE contradictions ADD COLUMN b_orig_value REAL;
            ALTER TABLE contradictions ADD COLUMN b_orig_unit TEXT;
            ALTER TABLE contradictions ADD COLUMN b_conversion TEXT;
            ALTER TABLE contradictions ADD COLUMN b_period TEXT;
            ALTER TABLE contradictions ADD COLUMN b_date TEXT;
            CREATE INDEX contradictions_scope ON contradictions(scope, pos);
            -- Scopes whose contradictions must be recomputed, written in the transaction that stores the figures.
            CREATE TABLE contradiction_pending (scope TEXT PRIMARY KEY) WITHOUT ROWID;
            """),
        new(3, "architecture v2: layers packed per article, raw text as a difference, keys, scoped records, recent LSH bands", """
            ALTER TABLE articles ADD COLUMN layers BLOB;
            ALTER TABLE articles ADD COLUMN raw_diff BLOB;
            -- What queries find articles by: a key (name, value), numbered once, -> articles, with how many of the
            -- article's records carry it.
            CREATE TABLE key_values (id INTEGER PRIMARY KEY, name TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (name, value));
            CREATE TABLE article_keys (
                key INTEGER NOT NULL, article INTEGER NOT NULL, count INTEGER NOT NULL,
                PRIMARY KEY (key, article)) WITHOUT ROWID;
            -- Records kept per scope (contradictions of one indicator), packed; and the scopes to recompute.
            CREATE TABLE scoped (kind TEXT NOT NULL, scope TEXT NOT NULL, count INTEGER NOT NULL, data BLOB NOT NULL,
                PRIMARY KEY (kind, scope)) WITHOUT ROWID;
            CREATE TABLE scoped_pending (kind TEXT NOT NULL, scope TEXT NOT NULL, PRIMARY KEY (kind, scope)) WITHOUT ROWID;
            -- Band keys of recent articles, merged into lsh_bands in key order every so often: a B-tree keyed by random
            -- values takes its inserts in bulk, instead of every commit dirtying pages all over it.
            CREATE TABLE lsh_recent (key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (key, article)) WITHOUT ROWID;
            -- Signatures in a table of small rows: a near-duplicate lookup reads dozens of them an article, and in the
            -- articles row they would sit behind the text's overflow pages.
            CREATE TABLE article_signatures (article INTEGER PRIMARY KEY, signature BLOB NOT NULL);
            """),
        new(4, "dates set by a person, kept by content id apart from the article row, with the date each replaced", """
            -- Keyed by the content id, not the row: an override outlives its row, and the same content written again
            -- takes it. The row's date columns hold the date in force; replaced_* what the pipeline gave (restored on clear).
            CREATE TABLE date_overrides (
                article TEXT PRIMARY KEY,
                date TEXT NOT NULL, source TEXT NOT NULL, confidence REAL NOT NULL, evidence TEXT,
                replaced_date TEXT, replaced_source TEXT, replaced_confidence REAL, replaced_evidence TEXT,
                set_at TEXT NOT NULL) WITHOUT ROWID;
            """),
        new(5, "an inferred date's window (the days its evidence fits as well) and whether the date is rough", """
            -- date_window: 'YYYY-MM-DD/YYYY-MM-DD' or null; date_rough: 1 when the evidence only places the article in a
            -- window of years (figures then take no period from the date).
            ALTER TABLE articles ADD COLUMN date_window TEXT;
            ALTER TABLE articles ADD COLUMN date_rough INTEGER NOT NULL DEFAULT 0;
            """),
        new(6, "packed layers may be Deflate-compressed (a layers blob starting with byte 0xFF)", """
            -- Nothing to change in the tables: rows written before stay as they are and are read as before. The version
            -- is recorded so that an earlier Tightrope, which cannot read a compressed blob, refuses the store.
            SELECT 1;
            """),
        new(7, "the cleaned text, raw-text difference and scoped records Brotli-packed; full-text search reads the text through a view", """
            -- text_z: the cleaned text packed (SqlitePacking); the text column keeps '' (it is NOT NULL since schema 1).
            -- raw_diff and scoped.data hold packed values from now on: every row is converted here, so there is one form.
            ALTER TABLE articles ADD COLUMN text_z BLOB;
            UPDATE articles SET text_z = tightrope_pack_text(text), text = '', raw_diff = tightrope_pack(raw_diff);
            UPDATE scoped SET data = tightrope_pack(data);
            -- The index's external content is a view that unpacks the text (tightrope_text, registered on every connection
            -- of the store), over the originals only: duplicates are not indexed. The index is built again from it.
            DROP TABLE articles_fts;
            CREATE VIEW articles_fts_content AS
                SELECT seq, title, tightrope_text(text_z) AS text FROM articles WHERE duplicate_of IS NULL;
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles_fts_content', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
            INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
            INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
            """),
        new(8, "texts and layers zstd-packed with dictionaries the store trains (pack_dictionaries); texts in text_zs", """
            -- Dictionaries trained once per kind ('text', 'layers') on the first large batch (ZstdPacking).
            CREATE TABLE pack_dictionaries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, data BLOB NOT NULL,
                samples INTEGER NOT NULL, created TEXT NOT NULL);
            -- New rows keep their text in text_zs (zstd) and leave text_z null; rows written before keep text_z (Brotli).
            -- Layers need no column: a zstd-packed blob starts with a byte the core's blobs never start with.
            ALTER TABLE articles ADD COLUMN text_zs BLOB;
            -- The index's content view reads either form; the index itself is unchanged (the texts are the same).
            DROP VIEW articles_fts_content;
            CREATE VIEW articles_fts_content AS
                SELECT seq, title, CASE WHEN text_zs IS NOT NULL THEN tightrope_text_zs(text_zs) ELSE tightrope_text(text_z) END AS text
                FROM articles WHERE duplicate_of IS NULL;
            """),
        new(9, "the written text (curly quotes, dashes as the page had them) kept as a difference from the cleaned text", """
            -- WrittenTextDiff: the positions where the written text differs from the cleaned one; null when it does not.
            -- Rows written before have none: their written text reads as the cleaned text, as it did.
            ALTER TABLE articles ADD COLUMN written_diff BLOB;
            """),
        new(10, "fewer merges of the full-text index while writing (FTS5 automerge 8 instead of 4)", """
            -- The index holds the same entries and gives the same hits, ranks and snippets; it merges its segments once
            -- eight (not four) of a level are there, which costs a fifth less CPU to build (100 MB corpus: 2.00 -> 1.59
            -- CPU s) and lets a query read up to twice as many segments. A setting of the index (its config table): rows
            -- already indexed stay as they are.
            INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
            """),
    ];

    public static int CurrentVersion => Migrations[^1].Version;

    private static bool HasArticles(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM articles)";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Applies the migrations the database lacks; returns the schema version it ends at.</summary>
    public static int Migrate(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        int current;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
            current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The store's schema is version {current}, newer than this Tightrope knows ({CurrentVersion}); use a newer Tightrope.");
        }

        if (current is > 0 and < 3 && HasArticles(connection))
        {
            // Version 3 keeps an article's layers packed in its row; stores written before it keep them in tables of
            // their own, which this version does not read. Refuse before changing anything, so the store stays whole.
            throw new InvalidOperationException(
                $"The store was written by an earlier Tightrope (schema {current}), whose layout this version does not read yet; " +
                "nothing was changed. Ingest the same inputs into a new store (--db NEW.db): ingest is content-addressed, so the result is the same.");
        }

        foreach (var migration in Migrations)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            using var tx = connection.BeginTransaction();
            using (var apply = connection.CreateCommand())
            {
                apply.Transaction = tx;
                apply.CommandText = migration.Sql;
                apply.ExecuteNonQuery();
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_version (version, name, applied) VALUES ($v, $n, $t)";
                record.Parameters.AddWithValue("$v", migration.Version);
                record.Parameters.AddWithValue("$n", migration.Name);
                record.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                record.ExecuteNonQuery();
            }

            tx.Commit();
            current = migration.Version;
        }

        return current;
    }
}
