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
/// is one row (metadata, cleaned text, raw text as a difference, packed layers), one FTS5 entry over title and text,
/// its keys and band keys. Writes go through one connection with statements prepared once and bound by position;
/// a batch is one transaction. Thread-safe; <see cref="Contains"/> reads on pooled connections beside the writer.
/// </summary>
internal sealed class SqliteBackend : IStoreBackend
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
    /// <summary>Rows of <c>article_keys</c> one statement inserts (3 parameters each).</summary>
    private const int KeyRowsPerInsert = 64;
    // Write-path buffers (used under _gate): the packed text, its UTF-8 form, other packed values.
    private byte[] _textBuffer = new byte[1 << 14];
    private byte[] _utf8Buffer = new byte[1 << 14];
    private byte[] _packBuffer = new byte[1 << 12];
    private long _recentRows;
    private long _dateOverrides;
    private bool _disposed;

    private const string ArticleColumns =
        "a.seq, a.id, a.title, a.source, a.author, a.url, a.published, a.origin, a.format, a.date, a.date_source, a.date_confidence, " +
        "a.date_evidence, a.text_z, a.raw_diff, a.text_hash, (SELECT s.signature FROM article_signatures s WHERE s.article = a.seq), a.duplicate_of, a.layers, " +
        "a.date_window, a.date_rough";

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
        SqlitePacking.Register(_db);
        SchemaVersion = SqliteSchema.Migrate(_db);
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
                date_evidence, text, raw_diff, text_hash, signature, duplicate_of, length, layers, date_window, date_rough, text_z)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, '', ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
            """);
        _insertFts = Prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)");
        _insertBands = Prepare(
            $"INSERT OR IGNORE INTO lsh_recent (key, article) VALUES {string.Join(", ", Enumerable.Range(1, TextFingerprint.Bands).Select(i => $"(?{i}, ?{TextFingerprint.Bands + 1})"))}");
        _insertKey = Prepare("INSERT INTO article_keys (key, article, count) VALUES (?1, ?2, ?3)");
        _insertKeys = Prepare(
            $"INSERT INTO article_keys (key, article, count) VALUES {string.Join(", ", Enumerable.Range(0, KeyRowsPerInsert).Select(i => $"(?{3 * i + 1}, ?{3 * i + 2}, ?{3 * i + 3})"))}");
        _keyId = Prepare("SELECT id FROM key_values WHERE name = ?1 AND value = ?2");
        _insertKeyValue = Prepare("INSERT INTO key_values (name, value) VALUES (?1, ?2)");
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
                try
                {
                    _keyRows.Clear();
                    foreach (var a in batch.Articles)
                    {
                        WriteArticle(a);
                    }

                    WriteKeyRows();
                }
                catch
                {
                    // Key numbers given inside the failed transaction are rolled back with it.
                    _keyIds.Clear();
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
        BindBlob(p, 18, r.Layers);
        p.Bind(19, WindowText(r.Date?.Window)).Bind(20, r.Date?.Rough == true ? 1 : 0);
        int packed = SqlitePacking.PackText(r.Text, ref _textBuffer, ref _utf8Buffer);
        p.Bind(21, _textBuffer.AsSpan(0, packed));
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

    // ---- lookups for the core's rules ----

    public string? OriginalOfTextHash(string textHash)
    {
        ArgumentNullException.ThrowIfNull(textHash);
        lock (_gate)
        {
            return _byHash.Bind(1, textHash).FirstText();
        }
    }

    public void CountBandCandidates(ReadOnlySpan<long> bandKeys, int perBand, Dictionary<long, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (_gate)
        {
            var filter = BandFilter();
            int possible = 0;
            foreach (var key in bandKeys)
            {
                if (filter.MayContain(key))
                {
                    possible++;
                }
            }

            if (possible == 0)
            {
                // The usual case: no band key of the article is stored (the filter has no false negatives).
                return;
            }

            if (possible > 2 && bandKeys.Length == TextFingerprint.Bands)
            {
                CountAllBands(bandKeys, perBand, counts);
                return;
            }

            foreach (var key in bandKeys)
            {
                if (!filter.MayContain(key))
                {
                    continue;
                }

                int found = Count(_bandLookup, key, perBand, counts);
                if (found < perBand && _recentRows > 0)
                {
                    Count(_recentLookup, key, perBand - found, counts);
                }
            }
        }
    }

    /// <summary>
    /// The filter of every band key stored in lsh_bands and lsh_recent, built on first use by reading both, then kept
    /// by <see cref="WriteArticle"/>. Another connection's commit (PRAGMA data_version moves) drops it, as does growing
    /// past its capacity; keys of a batch rolled back stay in it, which costs a lookup, never a candidate.
    /// </summary>
    private BandKeyFilter BandFilter()
    {
        long version = _dataVersion.Step() ? _dataVersion.Int64(0) : -1;
        _dataVersion.Reset();
        if (_bandFilter is { } current && version == _filterDataVersion && !current.Full)
        {
            return current;
        }

        // Raw statements: this may run inside the write transaction, where a command of the connection would need it.
        long rows;
        using (var count = new RawStatement(_db, "SELECT (SELECT count(*) FROM lsh_bands) + (SELECT count(*) FROM lsh_recent)"))
        {
            rows = count.Step() ? count.Int64(0) : 0;
            count.Reset();
        }

        var filter = new BandKeyFilter(rows);
        using (var keys = new RawStatement(_db, "SELECT key FROM lsh_bands UNION ALL SELECT key FROM lsh_recent"))
        {
            while (keys.Step())
            {
                filter.Add(keys.Int64(0));
            }
        }

        _bandFilter = filter;
        _filterDataVersion = version;
        return filter;
    }

    /// <summary>
    /// The same candidates as one lookup per band in lsh_bands and then lsh_recent: each band's earliest
    /// <paramref name="perBand"/> of lsh_bands, then the earliest of lsh_recent up to <paramref name="perBand"/> in all
    /// (every article of lsh_recent was stored after every article of lsh_bands). One statement for all bands.
    /// </summary>
    private void CountAllBands(ReadOnlySpan<long> bandKeys, int perBand, Dictionary<long, int> counts)
    {
        var lookup = _allBandsLookup;
        for (int i = 0; i < bandKeys.Length; i++)
        {
            lookup.Bind(i + 1, bandKeys[i]);
        }

        lookup.Bind(bandKeys.Length + 1, perBand);
        var rows = _bandRows;
        rows.Clear();
        try
        {
            while (lookup.Step())
            {
                rows.Add(((int)lookup.Int64(0), (int)lookup.Int64(1), lookup.Int64(2)));
            }
        }
        finally
        {
            lookup.Reset();
        }

        if (rows.Count == 0)
        {
            return;
        }

        var span = CollectionsMarshal.AsSpan(rows);
        span.Sort();
        int band = -1;
        int taken = 0;
        foreach (var (b, _, article) in span)
        {
            if (b != band)
            {
                band = b;
                taken = 0;
            }

            if (taken < perBand)
            {
                counts[article] = counts.GetValueOrDefault(article) + 1;
                taken++;
            }
        }

        rows.Clear();
    }

    private static int Count(RawStatement lookup, long key, int limit, Dictionary<long, int> counts)
    {
        int found = 0;
        lookup.Bind(1, key).Bind(2, limit);
        try
        {
            while (lookup.Step())
            {
                long article = lookup.Int64(0);
                counts[article] = counts.GetValueOrDefault(article) + 1;
                found++;
            }
        }
        finally
        {
            lookup.Reset();
        }

        return found;
    }

    public (string Id, byte[] Signature)? SignatureOf(long seq)
    {
        lock (_gate)
        {
            _signatureOf.Bind(1, seq);
            try
            {
                return _signatureOf.Step() && !_signatureOf.IsNull(1) ? (_signatureOf.Text(0), _signatureOf.Blob(1).ToArray()) : null;
            }
            finally
            {
                _signatureOf.Reset();
            }
        }
    }

    // ---- reading ----

    public Page<ArticleSummary> ListArticles(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        const string Where = """
            WHERE ($source IS NULL OR source = $source COLLATE NOCASE)
              AND ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to)
            """;
        void Bind(SqliteCommand c)
        {
            c.Parameters.AddWithValue("$source", (object?)query.Source ?? DBNull.Value);
            c.Parameters.AddWithValue("$from", (object?)Iso(query.From) ?? DBNull.Value);
            c.Parameters.AddWithValue("$to", (object?)Iso(query.To) ?? DBNull.Value);
            c.Parameters.AddWithValue("$limit", query.Limit);
            c.Parameters.AddWithValue("$offset", query.Offset);
        }

        var items = Query($"SELECT id, title, source, date, origin, length, duplicate_of FROM articles {Where} ORDER BY seq LIMIT $limit OFFSET $offset", Bind,
            r => new ArticleSummary(r.GetString(0), Str(r, 1), Str(r, 2), ParseDate(Str(r, 3)), Str(r, 4), r.GetInt32(5), Str(r, 6)));
        int total = Query($"SELECT count(*) FROM articles {Where}", Bind, r => r.GetInt32(0))[0];
        return new Page<ArticleSummary>(items, total, query.Offset);
    }

    public Page<SearchHit> Search(string query, int limit, int offset)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query))
        {
            return Page<SearchHit>.Empty;
        }

        try
        {
            return SearchCore(query, limit, offset);
        }
        catch (SqliteException)
        {
            // Not valid FTS5 query syntax ("Kim Jong-un", a stray quote): search for the words as given.
            return SearchCore(QuoteTerms(query), limit, offset);
        }
    }

    private Page<SearchHit> SearchCore(string match, int limit, int offset)
    {
        var hits = Query("""
            SELECT a.id, a.title, snippet(articles_fts, 1, char(2), char(3), '…', 16), bm25(articles_fts)
            FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
            WHERE articles_fts MATCH $q ORDER BY bm25(articles_fts), a.seq LIMIT $n OFFSET $o
            """, c =>
        {
            c.Parameters.AddWithValue("$q", match);
            c.Parameters.AddWithValue("$n", limit);
            c.Parameters.AddWithValue("$o", offset);
        }, r =>
        {
            var (snippet, matches) = SearchHit.Unmark(r.GetString(2), '\u0002', '\u0003');
            return new SearchHit(r.GetString(0), Str(r, 1), snippet, r.GetDouble(3)) { Matches = matches };
        });
        int total = Query("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH $q", c => c.Parameters.AddWithValue("$q", match), r => r.GetInt32(0))[0];
        return new Page<SearchHit>(hits, total, offset);
    }

    private static string QuoteTerms(string query)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }

    public Page<KeyTotal> KeyTotals(string name, int limit, int offset)
    {
        ArgumentNullException.ThrowIfNull(name);
        var items = Query("""
            SELECT v.value, sum(k.count), count(*) FROM key_values v JOIN article_keys k ON k.key = v.id WHERE v.name = $name
            GROUP BY v.id ORDER BY 2 DESC, 1 LIMIT $n OFFSET $o
            """, c =>
        {
            c.Parameters.AddWithValue("$name", name);
            c.Parameters.AddWithValue("$n", limit);
            c.Parameters.AddWithValue("$o", offset);
        }, r => new KeyTotal(r.GetString(0), r.GetInt32(1), r.GetInt32(2)));
        int total = Query("SELECT count(*) FROM key_values v WHERE v.name = $name AND EXISTS (SELECT 1 FROM article_keys k WHERE k.key = v.id)",
            c => c.Parameters.AddWithValue("$name", name), r => r.GetInt32(0))[0];
        return new Page<KeyTotal>(items, total, offset);
    }

    public KeyTotal? KeyTotal(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return Query("""
            SELECT v.value, sum(k.count), count(*) FROM key_values v JOIN article_keys k ON k.key = v.id
            WHERE v.name = $name AND v.value = $value GROUP BY v.id
            """, c =>
        {
            c.Parameters.AddWithValue("$name", name);
            c.Parameters.AddWithValue("$value", value);
        }, r => new KeyTotal(r.GetString(0), r.GetInt32(1), r.GetInt32(2))).FirstOrDefault();
    }

    public Page<StoredRecord> ArticlesWithKey(string name, string value, ArticleOrder order, int limit, int offset)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        void Bind(SqliteCommand c)
        {
            c.Parameters.AddWithValue("$name", name);
            c.Parameters.AddWithValue("$value", value);
            c.Parameters.AddWithValue("$n", limit);
            c.Parameters.AddWithValue("$o", offset);
        }

        var orderBy = order == ArticleOrder.Date ? "a.date, a.seq" : "a.seq";
        var items = Query($"""
            SELECT {ArticleColumns}, k.count FROM key_values v JOIN article_keys k ON k.key = v.id JOIN articles a ON a.seq = k.article
            WHERE v.name = $name AND v.value = $value ORDER BY {orderBy} LIMIT $n OFFSET $o
            """, Bind, r => ReadRecord(r) with { KeyCount = r.GetInt32(21) });
        int total = Query("""
            SELECT count(*) FROM key_values v JOIN article_keys k ON k.key = v.id WHERE v.name = $name AND v.value = $value
            """, Bind, r => r.GetInt32(0))[0];
        return new Page<StoredRecord>(items, total, offset);
    }

    public IReadOnlyList<StoredRecord> ArticlesWithKeyAfter(string name, string value, long afterSeq, int limit)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return Query($"""
            SELECT {ArticleColumns}, k.count FROM key_values v JOIN article_keys k ON k.key = v.id JOIN articles a ON a.seq = k.article
            WHERE v.name = $name AND v.value = $value AND k.article > $after ORDER BY k.article LIMIT $n
            """, c =>
            {
                c.Parameters.AddWithValue("$name", name);
                c.Parameters.AddWithValue("$value", value);
                c.Parameters.AddWithValue("$after", afterSeq);
                c.Parameters.AddWithValue("$n", limit);
            }, r => ReadRecord(r) with { KeyCount = r.GetInt32(21) });
    }

    public BackendTotals Totals() => Query("""
        SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
               (SELECT count(DISTINCT source) FROM articles), (SELECT min(date) FROM articles), (SELECT max(date) FROM articles)
        """, null, r => new BackendTotals(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), ParseDate(Str(r, 3)), ParseDate(Str(r, 4))))[0];

    // ---- dates set by a person ----

    public DateOverride? DateOverride(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        if (Interlocked.Read(ref _dateOverrides) == 0)
        {
            return null;
        }

        // A prepared statement: the core asks while it prepares a batch, inside the write transaction.
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _dateOverride.Bind(1, articleId);
            try
            {
                return _dateOverride.Step() && ReadDate(_dateOverride, 0) is { } date
                    ? new DateOverride(articleId, date, ReadDate(_dateOverride, 4))
                    : null;
            }
            finally
            {
                _dateOverride.Reset();
            }
        }
    }

    private static ArticleDate? ReadDate(RawStatement r, int at) =>
        !r.IsNull(at) && !r.IsNull(at + 1) && ParseDate(r.Text(at)) is { } d
            ? new ArticleDate(d, Enum.Parse<DateSource>(r.Text(at + 1)), r.Double(at + 2), r.IsNull(at + 3) ? null : r.Text(at + 3))
            : null;

    public bool WriteDate(string articleId, ArticleDate? date, DateOverride? dateOverride)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _db.BeginTransaction();
            using var update = _db.CreateCommand();
            update.Transaction = tx;
            // The date column is what lists filter and order by: the date, else the metadata's published date (as written).
            update.CommandText = """
                UPDATE articles SET date = coalesce($date, published), date_source = $source, date_confidence = $confidence, date_evidence = $evidence,
                    date_window = $window, date_rough = $rough
                WHERE id = $id
                """;
            update.Parameters.AddWithValue("$id", articleId);
            AddDate(update, "$", date);
            update.Parameters.AddWithValue("$window", (object?)WindowText(date?.Window) ?? DBNull.Value);
            update.Parameters.AddWithValue("$rough", date?.Rough == true ? 1 : 0);
            if (update.ExecuteNonQuery() == 0)
            {
                return false;
            }

            using var keep = _db.CreateCommand();
            keep.Transaction = tx;
            keep.Parameters.AddWithValue("$id", articleId);
            if (dateOverride is null)
            {
                keep.CommandText = "DELETE FROM date_overrides WHERE article = $id";
            }
            else
            {
                keep.CommandText = """
                    INSERT OR REPLACE INTO date_overrides (article, date, source, confidence, evidence, replaced_date, replaced_source, replaced_confidence, replaced_evidence, set_at)
                    VALUES ($id, $date, $source, $confidence, $evidence, $r_date, $r_source, $r_confidence, $r_evidence, $at)
                    """;
                AddDate(keep, "$", dateOverride.Date);
                AddDate(keep, "$r_", dateOverride.Replaced);
                keep.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            }

            keep.ExecuteNonQuery();
            using var count = _db.CreateCommand();
            count.Transaction = tx;
            count.CommandText = "SELECT count(*) FROM date_overrides";
            long overrides = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            tx.Commit();
            Interlocked.Exchange(ref _dateOverrides, overrides);
            return true;
        }
    }

    private static string? WindowText(DatePeriod? window) =>
        window is { } w ? string.Create(CultureInfo.InvariantCulture, $"{w.From:yyyy-MM-dd}/{w.To:yyyy-MM-dd}") : null;

    private static DatePeriod? ParseWindow(string? text) =>
        text is { Length: 21 } && text[10] == '/' && ParseDate(text[..10]) is { } from && ParseDate(text[11..]) is { } to ? new DatePeriod(from, to) : null;

    private static void AddDate(SqliteCommand cmd, string prefix, ArticleDate? date)
    {
        cmd.Parameters.AddWithValue(prefix + "date", (object?)Iso(date?.Date) ?? DBNull.Value);
        cmd.Parameters.AddWithValue(prefix + "source", (object?)date?.Source.ToString() ?? DBNull.Value);
        cmd.Parameters.AddWithValue(prefix + "confidence", (object?)date?.Confidence ?? DBNull.Value);
        cmd.Parameters.AddWithValue(prefix + "evidence", (object?)date?.Evidence ?? DBNull.Value);
    }

    // ---- scoped records ----

    public IReadOnlyList<ScopedRecords> Scoped(string kind) =>
        Query("SELECT scope, count, data FROM scoped WHERE kind = $k ORDER BY scope", c => c.Parameters.AddWithValue("$k", kind),
            r => new ScopedRecords(r.GetString(0), r.GetInt32(1), SqlitePacking.Unpack((byte[])r.GetValue(2))));

    public void ReplaceScoped(string kind, IReadOnlyList<ScopedRecords> scopes, bool all)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(scopes);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _db.BeginTransaction();
            using var cmd = _db.CreateCommand();
            cmd.Transaction = tx;
            if (all)
            {
                cmd.CommandText = "DELETE FROM scoped WHERE kind = $k; DELETE FROM scoped_pending WHERE kind = $k;";
                cmd.Parameters.AddWithValue("$k", kind);
                cmd.ExecuteNonQuery();
            }

            using var clear = _db.CreateCommand();
            clear.Transaction = tx;
            clear.CommandText = "DELETE FROM scoped WHERE kind = $k AND scope = $s; DELETE FROM scoped_pending WHERE kind = $k AND scope = $s;";
            var ck = clear.Parameters.AddWithValue("$k", kind);
            var cs = clear.Parameters.Add(new SqliteParameter("$s", null));
            using var insert = _db.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO scoped (kind, scope, count, data) VALUES ($k, $s, $n, $d)";
            insert.Parameters.AddWithValue("$k", kind);
            var s = insert.Parameters.Add(new SqliteParameter("$s", null));
            var n = insert.Parameters.Add(new SqliteParameter("$n", null));
            var d = insert.Parameters.Add(new SqliteParameter("$d", null));
            foreach (var scope in scopes)
            {
                cs.Value = scope.Scope;
                clear.ExecuteNonQuery();
                if (scope.Count == 0)
                {
                    continue;
                }

                s.Value = scope.Scope;
                n.Value = scope.Count;
                d.Value = SqlitePacking.Pack(scope.Data);
                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    public IReadOnlyList<string> PendingScopes(string kind) =>
        Query("SELECT scope FROM scoped_pending WHERE kind = $k ORDER BY scope", c => c.Parameters.AddWithValue("$k", kind), r => r.GetString(0));

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

    private static StoredRecord ReadRecord(SqliteDataReader r)
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
            Text = r.IsDBNull(13) ? string.Empty : SqlitePacking.UnpackText((byte[])r.GetValue(13)),
            RawDiff = Blob(r, 14) is { } rawDiff ? SqlitePacking.Unpack(rawDiff) : null,
            TextHash = Str(r, 15),
            Signature = Blob(r, 16),
            DuplicateOf = Str(r, 17),
            Layers = Blob(r, 18) ?? [],
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

/// <summary>
/// A Bloom filter over band keys: <see cref="MayContain"/> is true for every key added (and for about 1% of the
/// others), so a lookup it rules out would have found nothing. 10 bits a key, 4 probes; sized for half again the
/// keys it starts with (at least 131,072), <see cref="Full"/> past that.
/// </summary>
internal sealed class BandKeyFilter
{
    private const int BitsPerKey = 10;
    private readonly ulong[] _words;
    private readonly ulong _bits;
    private readonly long _capacity;
    private long _count;

    public BandKeyFilter(long keys)
    {
        _capacity = Math.Max(1L << 17, keys + keys / 2);
        _words = new ulong[(_capacity * BitsPerKey + 63) / 64];
        _bits = (ulong)_words.Length * 64;
    }

    public bool Full => _count > _capacity;

    public void Add(long key)
    {
        var (h1, h2) = Hash(key);
        for (uint i = 0; i < 4; i++)
        {
            ulong bit = Index(h1 + i * h2);
            _words[bit >> 6] |= 1UL << (int)(bit & 63);
        }

        _count++;
    }

    public bool MayContain(long key)
    {
        var (h1, h2) = Hash(key);
        for (uint i = 0; i < 4; i++)
        {
            ulong bit = Index(h1 + i * h2);
            if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private ulong Index(uint h) => (h * _bits) >> 32;

    private static (uint H1, uint H2) Hash(long key)
    {
        ulong h = (ulong)key * 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return ((uint)h, (uint)(h >> 32) | 1);
    }
}
