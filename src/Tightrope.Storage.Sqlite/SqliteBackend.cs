using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Tightrope.Dedup;
using Tightrope.Model;

namespace Tightrope.Storage.Sqlite;

/// <summary>Settings of a SQLite store.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>SQLite's page cache for the writing connection, in megabytes.</summary>
    public int CacheMegabytes { get; init; } = 32;

    /// <summary>Band keys gathered in <c>lsh_recent</c> before they are merged, in key order, into <c>lsh_bands</c>.</summary>
    public int RecentBandRows { get; init; } = 1 << 18;
}

/// <summary>
/// The embedded backend: one SQLite file in WAL mode, schema migrated on open (<see cref="SqliteSchema"/>). An article
/// is one row (metadata, cleaned text and raw text as a difference, both Brotli-packed (<see cref="SqlitePacking"/>),
/// packed layers), one FTS5 entry over title and text (whose content the index reads through a view that unpacks the
/// text), its keys and band keys. The class is split by responsibility: this file (opening, the write side, helpers),
/// <c>.Lookups</c> (the duplicate rules' lookups), <c>.Reading</c>, <c>.DatesAndScopes</c>. Writes go through one connection with statements prepared once and bound by position;
/// a batch is one transaction. Thread-safe; <see cref="Contains"/> reads on pooled connections beside the writer.
/// </summary>
internal sealed partial class SqliteBackend : IStoreBackend
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private readonly string _connectionString;
    private readonly SqliteStoreOptions _options;
    private readonly ConcurrentBag<(SqliteConnection Connection, SqliteCommand Exists)> _readers = [];
    private readonly List<RawStatement> _prepared = [];
    private readonly RawStatement _exists;
    private readonly RawStatement _byHash;
    private readonly RawStatement _bandLookup;
    private readonly RawStatement _recentLookup;
    private readonly RawStatement _allBandsLookup;
    private readonly List<(int Band, int Part, long Article)> _bandRows = [];
    private readonly RawStatement _dataVersion;
    private BandKeyFilter? _bandFilter;
    private long _filterDataVersion;
    private readonly RawStatement _signatureOf;
    private readonly RawStatement _insertSignature;
    private readonly RawStatement _insertArticle;
    private readonly RawStatement _insertFts;
    private readonly RawStatement _insertBands;
    private readonly RawStatement _insertKey;
    private readonly RawStatement _insertKeys;
    private readonly List<(long Key, long Article, int Count)> _keyRows = [];
    private readonly RawStatement _keyId;
    private readonly RawStatement _insertKeyValue;
    private readonly Dictionary<IndexKey, long> _keyIds = [];
    private readonly RawStatement _insertPending;
    private readonly RawStatement _replaceScoped;
    private readonly RawStatement _dateOverride;
    private readonly RawStatement _insertDictionary;
    private readonly ZstdPacking _zstd = new();
    /// <summary>Rows of <c>article_keys</c> one statement inserts (3 parameters each).</summary>
    private const int KeyRowsPerInsert = 64;
    // Write-path buffer (used under _gate) for the raw-text difference and scoped records (Brotli, SqlitePacking).
    private byte[] _packBuffer = new byte[1 << 12];
    private long _recentRows;
    private long _dateOverrides;
    private bool _disposed;

    private const string ArticleColumns =
        "a.seq, a.id, a.title, a.source, a.author, a.url, a.published, a.origin, a.format, a.date, a.date_source, a.date_confidence, " +
        "a.date_evidence, a.text_z, a.raw_diff, a.text_hash, (SELECT s.signature FROM article_signatures s WHERE s.article = a.seq), a.duplicate_of, a.layers, " +
        "a.date_window, a.date_rough, a.text_zs, a.written_diff";

    public SqliteBackend(string path, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _options = options ?? new SqliteStoreOptions();
        Location = "sqlite:" + path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        _db = new SqliteConnection(_connectionString);
        _db.Open();
        Execute(_db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;");
        Execute(_db, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size=-{Math.Max(1, _options.CacheMegabytes) * 1024};"));
        // Before the migrations: the one to schema 7 packs with them, and full-text search reads the text through them.
        SqlitePacking.Register(_db, _zstd);
        SchemaVersion = SqliteSchema.Migrate(_db);
        _zstd.Load(_db);
        // Ingest asks for an override of every new article: none stored (the usual case) answers without a query.
        _dateOverrides = Query("SELECT count(*) FROM date_overrides", null, r => r.GetInt64(0))[0];

        _exists = Prepare("SELECT 1 FROM articles WHERE id = ?1");
        _byHash = Prepare("SELECT coalesce(duplicate_of, id) FROM articles WHERE text_hash = ?1 ORDER BY seq LIMIT 1");
        // Every article in lsh_recent was stored after every article in lsh_bands: the earliest of a key are those of
        // lsh_bands, then those of lsh_recent.
        _bandLookup = Prepare("SELECT article FROM lsh_bands WHERE key = ?1 ORDER BY article LIMIT ?2");
        _recentLookup = Prepare("SELECT article FROM lsh_recent WHERE key = ?1 ORDER BY article LIMIT ?2");
        // All bands of an article in one statement: for band i, its earliest articles of lsh_bands (part 0) and of
        // lsh_recent (part 1), each cut at the limit; the cut across both parts is made by the caller.
        _allBandsLookup = Prepare(string.Join(" UNION ALL ", Enumerable.Range(0, TextFingerprint.Bands).SelectMany(i => new[]
        {
            $"SELECT {i}, 0, article FROM (SELECT article FROM lsh_bands WHERE key = ?{i + 1} ORDER BY article LIMIT ?{TextFingerprint.Bands + 1})",
            $"SELECT {i}, 1, article FROM (SELECT article FROM lsh_recent WHERE key = ?{i + 1} ORDER BY article LIMIT ?{TextFingerprint.Bands + 1})",
        })));
        _dateOverride = Prepare("""
            SELECT date, source, confidence, evidence, replaced_date, replaced_source, replaced_confidence, replaced_evidence
            FROM date_overrides WHERE article = ?1
            """);
        _signatureOf = Prepare("SELECT a.id, s.signature FROM article_signatures s JOIN articles a ON a.seq = s.article WHERE s.article = ?1");
        _dataVersion = Prepare("PRAGMA data_version");
        _insertSignature = Prepare("INSERT INTO article_signatures (article, signature) VALUES (?1, ?2)");
        _insertArticle = Prepare("""
            INSERT INTO articles (id, title, source, author, url, published, origin, format, date, date_source, date_confidence,
                date_evidence, text, raw_diff, text_hash, signature, duplicate_of, length, layers, date_window, date_rough, text_zs,
                written_diff)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, '', ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
            """);
        _insertFts = Prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)");
        _insertBands = Prepare(
            $"INSERT OR IGNORE INTO lsh_recent (key, article) VALUES {string.Join(", ", Enumerable.Range(1, TextFingerprint.Bands).Select(i => $"(?{i}, ?{TextFingerprint.Bands + 1})"))}");
        _insertKey = Prepare("INSERT INTO article_keys (key, article, count) VALUES (?1, ?2, ?3)");
        _insertKeys = Prepare(
            $"INSERT INTO article_keys (key, article, count) VALUES {string.Join(", ", Enumerable.Range(0, KeyRowsPerInsert).Select(i => $"(?{3 * i + 1}, ?{3 * i + 2}, ?{3 * i + 3})"))}");
        _keyId = Prepare("SELECT id FROM key_values WHERE name = ?1 AND value = ?2");
        _insertKeyValue = Prepare("INSERT INTO key_values (name, value) VALUES (?1, ?2)");
        _insertDictionary = Prepare("INSERT INTO pack_dictionaries (kind, data, samples, created) VALUES (?1, ?2, ?3, ?4)");
        _insertPending = Prepare("INSERT OR IGNORE INTO scoped_pending (kind, scope) VALUES (?1, ?2)");
        _replaceScoped = Prepare("INSERT OR REPLACE INTO scoped (kind, scope, count, data) VALUES (?1, ?2, ?3, ?4)");
        using var count = _db.CreateCommand();
        count.CommandText = "SELECT count(*) FROM lsh_recent";
        _recentRows = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public string Location { get; }

    public int SchemaVersion { get; }

    // ---- the write side ----

    public void Write(Func<StoreBatch> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using (var tx = _db.BeginTransaction())
            {
                // The lookups the core makes while it prepares the batch run on this connection inside this transaction:
                // one read snapshot for the whole batch instead of a read transaction (and its locks) per lookup.
                var batch = prepare();
                var trained = new List<long>(2);
                try
                {
                    TrainDictionaries(batch, trained);
                    _keyRows.Clear();
                    foreach (var a in batch.Articles)
                    {
                        WriteArticle(a);
                    }

                    WriteKeyRows();
                }
                catch
                {
                    // Key numbers and dictionaries made inside the failed transaction are rolled back with it.
                    _keyIds.Clear();
                    foreach (long id in trained)
                    {
                        _zstd.Forget(id);
                    }

                    throw;
                }

                foreach (var (kind, scope) in batch.Pending)
                {
                    _insertPending.Bind(1, kind).Bind(2, scope).Run();
                }

                foreach (var (kind, records) in batch.Scoped)
                {
                    _replaceScoped.Bind(1, kind).Bind(2, records.Scope).Bind(3, records.Count).Bind(4, PackInto(ref _packBuffer, records.Data)).Run();
                }

                tx.Commit();
            }

            if (_recentRows >= _options.RecentBandRows)
            {
                MergeRecentBands();
            }
        }
    }

    private void WriteArticle(BatchArticle a)
    {
        var r = a.Record;
        var m = r.Metadata;
        var date = r.Date?.Date ?? m.Published;
        var p = _insertArticle;
        p.Bind(1, r.Id).Bind(2, m.Title).Bind(3, m.Source).Bind(4, m.Author).Bind(5, m.Url).Bind(6, Iso(m.Published)).Bind(7, m.Origin)
            .Bind(8, m.Format).Bind(9, Iso(date)).Bind(10, r.Date?.Source.ToString()).Bind(11, r.Date?.Confidence).Bind(12, r.Date?.Evidence);
        if (r.RawDiff is { } rawDiff)
        {
            p.Bind(13, PackInto(ref _packBuffer, rawDiff));
        }
        else
        {
            p.BindNull(13);
        }

        p.Bind(14, r.TextHash);
        p.BindNull(15);
        p.Bind(16, r.DuplicateOf).Bind(17, r.Text.Length);
        // Bound values are copied (SQLITE_TRANSIENT): the packer's buffer serves the layers, then the text.
        if (r.Layers.Length == 0)
        {
            p.Bind(18, ReadOnlySpan<byte>.Empty);
        }
        else
        {
            p.Bind(18, _zstd.PackLayers(r.Layers));
        }

        p.Bind(19, WindowText(r.Date?.Window)).Bind(20, r.Date?.Rough == true ? 1 : 0);
        p.Bind(21, _zstd.PackText(r.Text));
        BindBlob(p, 22, r.WrittenDiff);
        p.Run();
        long seq = p.LastInsertRowId;
        foreach (var k in a.Keys)
        {
            _keyRows.Add((KeyId(k.Key), seq, k.Count));
        }

        if (r.DuplicateOf is not null)
        {
            return;
        }

        _insertFts.Bind(1, seq).Bind(2, m.Title).Bind(3, r.Text).Run();
        if (r.Signature is { } signature)
        {
            _insertSignature.Bind(1, seq).Bind(2, signature.AsSpan()).Run();
        }
        if (a.Bands is { Length: TextFingerprint.Bands } bands)
        {
            for (int i = 0; i < bands.Length; i++)
            {
                _insertBands.Bind(i + 1, bands[i]);
            }

            _insertBands.Bind(bands.Length + 1, seq).Run();
            _recentRows += bands.Length;
            if (_bandFilter is { } filter)
            {
                foreach (long key in bands)
                {
                    filter.Add(key);
                }
            }
        }
    }

    /// <summary>
    /// Trains the text and layers dictionaries on this batch's originals when the store has none yet and the batch is
    /// large enough (<see cref="ZstdPacking.TrainFrom"/>); each is written in the batch's transaction.
    /// </summary>
    private void TrainDictionaries(StoreBatch batch, List<long> trained)
    {
        foreach (var kind in (ReadOnlySpan<string>)[ZstdPacking.TextKind, ZstdPacking.LayersKind])
        {
            if (!_zstd.WantsDictionary(kind))
            {
                continue;
            }

            var samples = new List<byte[]>();
            foreach (var a in batch.Articles)
            {
                if (a.Record.DuplicateOf is null && samples.Count < ZstdPacking.MaxSamples)
                {
                    samples.Add(kind == ZstdPacking.TextKind ? System.Text.Encoding.UTF8.GetBytes(a.Record.Text) : a.Record.Layers);
                }
            }

            if (samples.Count < ZstdPacking.TrainFrom || _zstd.Train(kind, samples) is not { } dictionary)
            {
                continue;
            }

            _insertDictionary.Bind(1, kind).Bind(2, dictionary.AsSpan()).Bind(3, samples.Count)
                .Bind(4, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)).Run();
            long id = _insertDictionary.LastInsertRowId;
            _zstd.Add(id, kind, dictionary);
            trained.Add(id);
        }
    }

    /// <summary>
    /// The batch's <c>article_keys</c> rows, in key order and many a statement: the index takes them in one pass over
    /// its pages instead of one descent per row, and the statement runs once per <see cref="KeyRowsPerInsert"/> rows.
    /// </summary>
    private void WriteKeyRows()
    {
        var rows = CollectionsMarshal.AsSpan(_keyRows);
        rows.Sort(static (x, y) => x.Key != y.Key ? x.Key.CompareTo(y.Key) : x.Article.CompareTo(y.Article));
        int at = 0;
        for (; at + KeyRowsPerInsert <= rows.Length; at += KeyRowsPerInsert)
        {
            for (int i = 0; i < KeyRowsPerInsert; i++)
            {
                var (key, article, count) = rows[at + i];
                _insertKeys.Bind(3 * i + 1, key).Bind(3 * i + 2, article).Bind(3 * i + 3, count);
            }

            _insertKeys.Run();
        }

        for (; at < rows.Length; at++)
        {
            var (key, article, count) = rows[at];
            _insertKey.Bind(1, key).Bind(2, article).Bind(3, count).Run();
        }

        _keyRows.Clear();
    }

    /// <summary>The number of a key, given once (cached: keys are few — actors, indicators — or rare).</summary>
    private long KeyId(IndexKey key)
    {
        if (_keyIds.TryGetValue(key, out long id))
        {
            return id;
        }

        _keyId.Bind(1, key.Name).Bind(2, key.Value);
        try
        {
            id = _keyId.Step() ? _keyId.Int64(0) : -1;
        }
        finally
        {
            _keyId.Reset();
        }

        if (id < 0)
        {
            _insertKeyValue.Bind(1, key.Name).Bind(2, key.Value).Run();
            id = _insertKeyValue.LastInsertRowId;
        }

        if (_keyIds.Count >= 1 << 17)
        {
            _keyIds.Clear();
        }

        _keyIds[key] = id;
        return id;
    }

    /// <summary>Moves the recent band keys into the main index in key order, in one transaction.</summary>
    private void MergeRecentBands()
    {
        using var tx = _db.BeginTransaction();
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR IGNORE INTO lsh_bands (key, article) SELECT key, article FROM lsh_recent ORDER BY key, article; DELETE FROM lsh_recent;";
        cmd.ExecuteNonQuery();
        tx.Commit();
        _recentRows = 0;
    }

    /// <summary>Packs <paramref name="data"/> into <paramref name="buffer"/> (grown as needed); the packed bytes.</summary>
    private static ReadOnlySpan<byte> PackInto(ref byte[] buffer, ReadOnlySpan<byte> data)
    {
        int need = SqlitePacking.MaxPacked(data.Length);
        if (buffer.Length < need)
        {
            buffer = new byte[Math.Max(need, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, SqlitePacking.Pack(data, buffer));
    }

    private static void BindBlob(RawStatement p, int index, byte[]? value)
    {
        if (value is null)
        {
            p.BindNull(index);
        }
        else
        {
            p.Bind(index, value.AsSpan());
        }
    }

    public bool Contains(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_gate.TryEnter())
        {
            // The writer is idle (the core store asks while it prepares a batch): its prepared statement is cheapest.
            try
            {
                return _exists.Bind(1, articleId).Any();
            }
            finally
            {
                _gate.Exit();
            }
        }

        // Readers run beside the writer (WAL): checking an id never waits for a batch being written.
        if (!_readers.TryTake(out var reader))
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout=10000;");
            var exists = connection.CreateCommand();
            exists.CommandText = "SELECT 1 FROM articles WHERE id = $id";
            exists.Parameters.Add(new SqliteParameter("$id", null));
            reader = (connection, exists);
        }

        try
        {
            reader.Exists.Parameters[0].Value = articleId;
            return reader.Exists.ExecuteScalar() is not null;
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    public StoredRecord? Get(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return Query($"SELECT {ArticleColumns} FROM articles a WHERE a.id = $id", c => c.Parameters.AddWithValue("$id", articleId), ReadRecord)
            .FirstOrDefault();
    }

    public IReadOnlyList<string> IdsStartingWith(string prefix, int limit)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var p = prefix.ToLowerInvariant();
        // Ids are lower-case hex: a range scan on the unique index finds a prefix.
        return Query("SELECT id FROM articles WHERE id >= $p AND id < $q ORDER BY id LIMIT $n", c =>
        {
            c.Parameters.AddWithValue("$p", p);
            c.Parameters.AddWithValue("$q", p + "\uffff");
            c.Parameters.AddWithValue("$n", limit);
        }, r => r.GetString(0));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var cmd in _prepared)
            {
                cmd.Dispose();
            }

            while (_readers.TryTake(out var reader))
            {
                reader.Exists.Dispose();
                reader.Connection.Dispose();
            }

            _db.Dispose();
            _zstd.Dispose();
        }
    }

    // ---- helpers ----

    private List<T> Query<T>(string sql, Action<SqliteCommand>? bind, Func<SqliteDataReader, T> read)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            bind?.Invoke(cmd);
            using var r = cmd.ExecuteReader();
            var list = new List<T>();
            while (r.Read())
            {
                list.Add(read(r));
            }

            return list;
        }
    }

    private StoredRecord ReadRecord(SqliteDataReader r)
    {
        var meta = new ArticleMetadata
        {
            Title = Str(r, 2),
            Source = Str(r, 3),
            Author = Str(r, 4),
            Url = Str(r, 5),
            Published = ParseDate(Str(r, 6)),
            Origin = Str(r, 7),
            Format = Str(r, 8),
        };
        ArticleDate? date = null;
        if (Str(r, 10) is { } source && ParseDate(Str(r, 9)) is { } d)
        {
            date = new ArticleDate(d, Enum.Parse<DateSource>(source), r.GetDouble(11), Str(r, 12))
            {
                Window = ParseWindow(Str(r, 19)),
                Rough = !r.IsDBNull(20) && r.GetInt64(20) != 0,
            };
        }

        return new StoredRecord(r.GetInt64(0), new ArticleRecord
        {
            Id = r.GetString(1),
            Metadata = meta,
            Date = date,
            Text = Blob(r, 21) is { } zs ? _zstd.UnpackText(zs) : r.IsDBNull(13) ? string.Empty : SqlitePacking.UnpackText((byte[])r.GetValue(13)),
            RawDiff = Blob(r, 14) is { } rawDiff ? SqlitePacking.Unpack(rawDiff) : null,
            WrittenDiff = Blob(r, 22),
            TextHash = Str(r, 15),
            Signature = Blob(r, 16),
            DuplicateOf = Str(r, 17),
            Layers = Blob(r, 18) is { } layers ? _zstd.UnpackLayers(layers) : [],
        });
    }

    private RawStatement Prepare(string sql)
    {
        var statement = new RawStatement(_db, sql);
        _prepared.Add(statement);
        return statement;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static byte[]? Blob(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : (byte[])r.GetValue(i);

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
