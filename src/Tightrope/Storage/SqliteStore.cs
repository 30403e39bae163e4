using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Tightrope.Actors;
using Tightrope.Dedup;
using Tightrope.Figures;
using Tightrope.Model;

namespace Tightrope.Storage;

/// <summary>Settings of a SQLite store.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>Estimated Jaccard similarity from which an article is a near-duplicate of a stored one.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.8;

    /// <summary>Most LSH candidates checked per lookup (an index of very similar boilerplate stays cheap).</summary>
    public int MaxNearDuplicateCandidates { get; init; } = 64;

    /// <summary>SQLite's page cache for the writing connection, in megabytes.</summary>
    public int CacheMegabytes { get; init; } = 32;
}

/// <summary>
/// The embedded store: one SQLite file in WAL mode, schema migrated on open (<see cref="SqliteSchema"/>), FTS5
/// over titles and cleaned texts, MinHash LSH bands for near-duplicate lookup. Writes go through one connection
/// with prepared commands; every article is written inside one transaction, so it is stored whole or not at all.
/// A duplicate keeps its own row (metadata, cleaned text, removed segments, failures) linked to its original; its
/// sentences, mentions and figures are not stored, so nothing is counted twice. Thread-safe.
/// </summary>
internal sealed class SqliteStore : IArticleStore
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private readonly string _connectionString;
    private readonly SqliteStoreOptions _options;
    private readonly ConcurrentBag<(SqliteConnection Connection, SqliteCommand Exists)> _readers = [];
    private readonly List<RawStatement> _prepared = [];
    private bool _disposed;

    // The write path binds by position through SQLitePCL (RawStatement): an article writes about a hundred rows.
    private readonly RawStatement _exists;
    private readonly RawStatement _byHash;
    private readonly RawStatement _bandLookup;
    private readonly RawStatement _signatureOf;
    private readonly Dictionary<long, int> _candidateCounts = [];
    private readonly RawStatement _insertArticle;
    private readonly RawStatement _insertFts;
    private readonly RawStatement _insertBand;
    private readonly RawStatement _insertRemoved;
    private readonly RawStatement _insertSentence;
    private readonly RawStatement _insertMention;
    private readonly RawStatement _insertFigure;
    private readonly RawStatement _insertFailure;
    private readonly RawStatement _insertPending;
    private readonly RawStatement _insertContradiction;

    public SqliteStore(string path, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _options = options ?? new SqliteStoreOptions();
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
        SchemaVersion = SqliteSchema.Migrate(_db);

        _exists = Prepare("SELECT 1 FROM articles WHERE id = ?1");
        _byHash = Prepare("SELECT coalesce(duplicate_of, id) FROM articles WHERE text_hash = ?1 ORDER BY seq LIMIT 1");
        // Near-duplicate candidates: the articles of each band (at most 32 a band, so that a band very many texts
        // share, templated copy, cannot make a lookup slow), counted in memory; then the signatures of the best.
        _bandLookup = Prepare("SELECT article FROM lsh_bands WHERE key = ?1 ORDER BY article LIMIT 32");
        _signatureOf = Prepare("SELECT id, signature FROM articles WHERE seq = ?1");
        _insertArticle = Prepare("""
            INSERT INTO articles (id, title, source, author, url, published, origin, format, date, date_source, date_confidence,
                date_evidence, text, raw_text, offset_map, text_hash, signature, duplicate_of, length)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
            """);
        _insertFts = Prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)");
        // One statement for all the bands of an article: one call instead of one per band.
        _insertBand = Prepare(
            $"INSERT OR IGNORE INTO lsh_bands (key, article) VALUES {string.Join(", ", Enumerable.Range(1, TextFingerprint.Bands).Select(i => $"(?{i}, ?{TextFingerprint.Bands + 1})"))}");
        _insertRemoved = Prepare("INSERT INTO removed_segments VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        _insertSentence = Prepare("INSERT INTO sentences VALUES (?1, ?2, ?3, ?4, ?5)");
        _insertMention = Prepare("INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        _insertFigure = Prepare("INSERT INTO figures VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
        _insertFailure = Prepare("INSERT INTO failures VALUES (?1, ?2, ?3, ?4, ?5)");
        _insertPending = Prepare("INSERT OR IGNORE INTO contradiction_pending VALUES (?1)");
        _insertContradiction = Prepare(
            $"INSERT INTO contradictions ({ContradictionColumns}) VALUES ({string.Join(", ", Enumerable.Range(1, ContradictionColumns.Split(',').Length).Select(i => $"?{i}"))})");
    }

    public int SchemaVersion { get; }

    // ---- writing ----

    public SaveOutcome Save(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return SaveMany([article])[0];
    }

    public IReadOnlyList<SaveOutcome> SaveMany(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var outcomes = new SaveOutcome[articles.Count];
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _db.BeginTransaction();
            for (int i = 0; i < articles.Count; i++)
            {
                outcomes[i] = SaveCore(articles[i]);
            }

            tx.Commit();
        }

        return outcomes;
    }

    private SaveOutcome SaveCore(Article article)
    {
        if (ExistsCore(article.Id))
        {
            return SaveOutcome.AlreadyPresent;
        }

        string? duplicateOf = article.DuplicateOf;
        if (duplicateOf is null && article.TextHash is not null)
        {
            duplicateOf = FindByTextHashCore(article.TextHash);
        }

        var keys = article.Signature is { Length: TextFingerprint.SignatureLength } sig ? TextFingerprint.BandKeys(sig) : null;
        if (duplicateOf is null && keys is not null)
        {
            duplicateOf = FindNearDuplicateCore(article.Signature!, keys);
        }

        if (string.Equals(duplicateOf, article.Id, StringComparison.Ordinal))
        {
            duplicateOf = null;
        }

        article.DuplicateOf = duplicateOf;
        long seq = InsertArticle(article);

        for (int i = 0; i < article.Removed.Count; i++)
        {
            var r = article.Removed[i];
            _insertRemoved.Bind(1, seq).Bind(2, i).Bind(3, KindName(r.Kind)).Bind(4, r.RawSpan.Start).Bind(5, r.RawSpan.End)
                .Bind(6, r.CleanOffset).Bind(7, r.Text).Bind(8, r.Reason).Run();
        }

        for (int i = 0; i < article.Failures.Count; i++)
        {
            var f = article.Failures[i];
            _insertFailure.Bind(1, seq).Bind(2, i).Bind(3, f.Stage).Bind(4, f.Message).Bind(5, f.ExceptionType).Run();
        }

        if (duplicateOf is not null)
        {
            return SaveOutcome.Duplicate;
        }

        _insertFts.Bind(1, seq).Bind(2, article.Metadata.Title).Bind(3, article.Text).Run();
        if (keys is not null)
        {
            if (keys.Length == TextFingerprint.Bands)
            {
                for (int i = 0; i < keys.Length; i++)
                {
                    _insertBand.Bind(i + 1, keys[i]);
                }

                _insertBand.Bind(keys.Length + 1, seq).Run();
            }
        }

        for (int i = 0; i < article.Sentences.Count; i++)
        {
            var s = article.Sentences[i];
            _insertSentence.Bind(1, seq).Bind(2, i).Bind(3, s.Span.Start).Bind(4, s.Span.End).Bind(5, s.Truncated ? 1 : 0).Run();
        }

        for (int i = 0; i < article.Mentions.Count; i++)
        {
            var m = article.Mentions[i];
            _insertMention.Bind(1, seq).Bind(2, i).Bind(3, m.Span.Start).Bind(4, m.Span.End).Bind(5, m.Text).Bind(6, m.ActorId)
                .Bind(7, MentionKindName(m.Kind)).Bind(8, m.Confidence).Bind(9, m.Normalized).Bind(10, m.Sentence).Run();
        }

        for (int i = 0; i < article.Figures.Count; i++)
        {
            var f = article.Figures[i];
            _insertFigure.Bind(1, seq).Bind(2, i).Bind(3, f.Span.Start).Bind(4, f.Span.End).Bind(5, f.Text).Bind(6, f.Value)
                .Bind(7, f.ValueHigh).Bind(8, f.Unit).Bind(9, FigureKindName(f.Kind)).Bind(10, (int)f.Qualifier).Bind(11, f.Measure)
                .Bind(12, f.IndicatorId).Bind(13, f.ActorId).Bind(14, f.Period).Bind(15, f.UsdValue).Bind(16, f.Conversion)
                .Bind(17, f.EquivalentOf).Bind(18, f.Sentence).Run();
            if (f.IndicatorId is not null && f.EquivalentOf is null)
            {
                // The indicator's contradictions are recomputed after the batch; recorded here, in the same
                // transaction, so that a crash before that recompute leaves the work for the next run.
                _insertPending.Bind(1, ContradictionScopes.Indicator(f.IndicatorId)).Run();
            }
        }

        for (int i = 0; i < article.Contradictions.Count; i++)
        {
            InsertContradiction(ContradictionScopes.Article(article.Id), i, article.Contradictions[i]);
        }

        return SaveOutcome.Stored;
    }

    private long InsertArticle(Article a)
    {
        var m = a.Metadata;
        var date = a.Date?.Date ?? m.Published;
        bool rawDiffers = !string.Equals(a.RawText, a.Text, StringComparison.Ordinal);
        var p = _insertArticle;
        p.Bind(1, a.Id).Bind(2, m.Title).Bind(3, m.Source).Bind(4, m.Author).Bind(5, m.Url).Bind(6, Iso(m.Published)).Bind(7, m.Origin)
            .Bind(8, m.Format).Bind(9, Iso(date)).Bind(10, a.Date?.Source.ToString()).Bind(11, a.Date?.Confidence).Bind(12, a.Date?.Evidence)
            .Bind(13, a.Text).Bind(14, rawDiffers ? a.RawText : null);
        if (rawDiffers)
        {
            p.Bind(15, EncodeOffsets(a.Offsets));
        }
        else
        {
            p.BindNull(15);
        }

        p.Bind(16, a.TextHash);
        if (a.Signature is { } s)
        {
            p.Bind(17, MemoryMarshal.AsBytes(s.AsSpan()));
        }
        else
        {
            p.BindNull(17);
        }

        p.Bind(18, a.DuplicateOf).Bind(19, a.Text.Length).Run();
        return p.LastInsertRowId;
    }

    private const string ContradictionColumns =
        "idx, kind, subject, period, description, a_article, a_start, a_end, a_text, a_value, a_unit, a_actor, " +
        "b_article, b_start, b_end, b_text, b_value, b_unit, b_actor, scope, pos, " +
        "a_figure, a_orig_value, a_orig_unit, a_conversion, a_period, a_date, b_figure, b_orig_value, b_orig_unit, b_conversion, b_period, b_date";

    private void InsertContradiction(string scope, int pos, Contradiction c) =>
        _insertContradiction.BindNull(1).Bind(2, c.Kind.ToString()).Bind(3, c.Subject).Bind(4, c.Period).Bind(5, c.Description)
            .Bind(6, c.A.ArticleId).Bind(7, c.A.Span.Start).Bind(8, c.A.Span.End).Bind(9, c.A.Text).Bind(10, c.A.Value).Bind(11, c.A.Unit).Bind(12, c.A.ActorId)
            .Bind(13, c.B.ArticleId).Bind(14, c.B.Span.Start).Bind(15, c.B.Span.End).Bind(16, c.B.Text).Bind(17, c.B.Value).Bind(18, c.B.Unit).Bind(19, c.B.ActorId)
            .Bind(20, scope).Bind(21, pos)
            .Bind(22, c.A.Figure).Bind(23, c.A.OriginalValue).Bind(24, c.A.OriginalUnit).Bind(25, c.A.Conversion).Bind(26, c.A.Period).Bind(27, Iso(c.A.ArticleDate))
            .Bind(28, c.B.Figure).Bind(29, c.B.OriginalValue).Bind(30, c.B.OriginalUnit).Bind(31, c.B.Conversion).Bind(32, c.B.Period).Bind(33, Iso(c.B.ArticleDate))
            .Run();

    public void ReplaceContradictions(IEnumerable<Contradiction> contradictions)
    {
        ArgumentNullException.ThrowIfNull(contradictions);
        var byScope = contradictions.GroupBy(ContradictionScopes.Of, StringComparer.Ordinal).ToList();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _db.BeginTransaction();
            {
                using (var clear = _db.CreateCommand())
                {
                    clear.Transaction = tx;
                    clear.CommandText = "DELETE FROM contradictions; DELETE FROM contradiction_pending;";
                    clear.ExecuteNonQuery();
                }

                foreach (var group in byScope)
                {
                    int pos = 0;
                    foreach (var c in group)
                    {
                        InsertContradiction(group.Key, pos++, c);
                    }
                }

                tx.Commit();
            }
        }
    }

    public void ReplaceContradictions(string scope, IEnumerable<Contradiction> contradictions)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(contradictions);
        var list = contradictions.ToList();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _db.BeginTransaction();
            {
                using (var clear = _db.CreateCommand())
                {
                    clear.Transaction = tx;
                    clear.CommandText = "DELETE FROM contradictions WHERE scope = $s; DELETE FROM contradiction_pending WHERE scope = $s;";
                    clear.Parameters.AddWithValue("$s", scope);
                    clear.ExecuteNonQuery();
                }

                for (int i = 0; i < list.Count; i++)
                {
                    InsertContradiction(scope, i, list[i]);
                }

                tx.Commit();
            }
        }
    }

    public IReadOnlyList<string> PendingContradictionScopes()
    {
        var list = new List<string>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT scope FROM contradiction_pending ORDER BY scope";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                list.Add(r.GetString(0));
            }
        }

        return list;
    }

    // ---- lookups used while saving ----

    public bool Contains(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ObjectDisposedException.ThrowIf(_disposed, this);
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

    public string? FindByTextHash(string textHash)
    {
        ArgumentNullException.ThrowIfNull(textHash);
        lock (_gate)
        {
            return FindByTextHashCore(textHash);
        }
    }

    public string? FindNearDuplicate(ulong[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        lock (_gate)
        {
            return FindNearDuplicateCore(signature);
        }
    }

    private bool ExistsCore(string id) => _exists.Bind(1, id).Any();

    private string? FindByTextHashCore(string textHash) => _byHash.Bind(1, textHash).FirstText();

    /// <summary>The stored original most similar to the signature at or above the threshold (ties: the earliest).</summary>
    private string? FindNearDuplicateCore(ulong[] signature) =>
        signature.Length == TextFingerprint.SignatureLength ? FindNearDuplicateCore(signature, TextFingerprint.BandKeys(signature)) : null;

    /// <summary>
    /// The candidates sharing the most bands first (ties: the earliest), at most
    /// <see cref="SqliteStoreOptions.MaxNearDuplicateCandidates"/> of them; the best at or above the threshold wins.
    /// </summary>
    private string? FindNearDuplicateCore(ulong[] signature, long[] keys)
    {
        var counts = _candidateCounts;
        counts.Clear();
        foreach (var key in keys)
        {
            _bandLookup.Bind(1, key);
            try
            {
                while (_bandLookup.Step())
                {
                    long article = _bandLookup.Int64(0);
                    counts[article] = counts.GetValueOrDefault(article) + 1;
                }
            }
            finally
            {
                _bandLookup.Reset();
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var candidates = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(_options.MaxNearDuplicateCandidates);
        string? best = null;
        double bestScore = -1;
        foreach (var (article, _) in candidates)
        {
            _signatureOf.Bind(1, article);
            try
            {
                if (!_signatureOf.Step() || _signatureOf.IsNull(1))
                {
                    continue;
                }

                double score = TextFingerprint.Similarity(signature, MemoryMarshal.Cast<byte, ulong>(_signatureOf.Blob(1)));
                if (score >= _options.NearDuplicateThreshold && score > bestScore)
                {
                    best = _signatureOf.Text(0);
                    bestScore = score;
                }
            }
            finally
            {
                _signatureOf.Reset();
            }
        }

        return best;
    }

    // ---- reading ----

    public IReadOnlyList<string> IdsStartingWith(string prefix, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var ids = new List<string>();
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            // Ids are lower-case hex: a range scan on the unique index finds a prefix.
            cmd.CommandText = "SELECT id FROM articles WHERE id >= $p AND id < $q ORDER BY id LIMIT $n";
            var p = prefix.ToLowerInvariant();
            cmd.Parameters.AddWithValue("$p", p);
            cmd.Parameters.AddWithValue("$q", p + "\uffff");
            cmd.Parameters.AddWithValue("$n", limit);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        return ids;
    }

    public StoredArticle? GetArticle(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT seq, id, title, source, author, url, published, origin, format, date, date_source, date_confidence,
                       date_evidence, text, duplicate_of
                FROM articles WHERE id = $id
                """;
            cmd.Parameters.AddWithValue("$id", id);
            long seq;
            ArticleMetadata meta;
            ArticleDate? date = null;
            string text;
            string? duplicateOf;
            using (var r = cmd.ExecuteReader())
            {
                if (!r.Read())
                {
                    return null;
                }

                seq = r.GetInt64(0);
                meta = new ArticleMetadata
                {
                    Title = Str(r, 2),
                    Source = Str(r, 3),
                    Author = Str(r, 4),
                    Url = Str(r, 5),
                    Published = ParseDate(Str(r, 6)),
                    Origin = Str(r, 7),
                    Format = Str(r, 8),
                };
                if (Str(r, 10) is { } source && ParseDate(Str(r, 9)) is { } d)
                {
                    date = new ArticleDate(d, Enum.Parse<DateSource>(source), r.GetDouble(11), Str(r, 12));
                }

                text = r.GetString(13);
                duplicateOf = Str(r, 14);
            }

            var removed = new List<RemovedSegment>();
            ForEach("SELECT kind, raw_start, raw_end, clean_offset, text, reason FROM removed_segments WHERE article = $a ORDER BY idx", seq, r =>
                removed.Add(new RemovedSegment(ParseKind(r.GetString(0)), new TextSpan(r.GetInt32(1), r.GetInt32(2)), r.GetInt32(3), r.GetString(4), Str(r, 5))));
            var sentences = new List<Sentence>();
            ForEach("SELECT start, \"end\", truncated FROM sentences WHERE article = $a ORDER BY idx", seq, r =>
                sentences.Add(new Sentence(new TextSpan(r.GetInt32(0), r.GetInt32(1)), r.GetInt32(2) != 0)));
            var mentions = new List<Mention>();
            ForEach("SELECT start, \"end\", text, actor_id, kind, confidence, normalized, sentence FROM mentions WHERE article = $a ORDER BY idx", seq, r =>
                mentions.Add(ReadMention(r, 0)));
            var figures = new List<Figure>();
            ForEach($"SELECT {FigureColumns} FROM figures f WHERE article = $a ORDER BY idx", seq, r => figures.Add(ReadFigure(r, 0)));
            var failures = new List<StageFailure>();
            ForEach("SELECT stage, message, exception_type FROM failures WHERE article = $a ORDER BY idx", seq, r =>
                failures.Add(new StageFailure(r.GetString(0), r.GetString(1), Str(r, 2))));
            return new StoredArticle(id, meta, text, date, duplicateOf, removed, sentences, mentions, figures, failures);
        }
    }

    public IReadOnlyList<ArticleSummary> ListArticles(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var list = new List<ArticleSummary>();
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT id, title, source, date, origin, length, duplicate_of FROM articles
                WHERE ($source IS NULL OR source = $source COLLATE NOCASE)
                  AND ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to)
                ORDER BY seq LIMIT $limit OFFSET $offset
                """;
            cmd.Parameters.AddWithValue("$source", (object?)query.Source ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$from", (object?)Iso(query.From) ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$to", (object?)Iso(query.To) ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$limit", query.Limit);
            cmd.Parameters.AddWithValue("$offset", query.Offset);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                list.Add(new ArticleSummary(r.GetString(0), Str(r, 1), Str(r, 2), ParseDate(Str(r, 3)), Str(r, 4), r.GetInt32(5), Str(r, 6)));
            }
        }

        return list;
    }

    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        lock (_gate)
        {
            try
            {
                return SearchCore(query, limit);
            }
            catch (SqliteException)
            {
                // Not valid FTS5 query syntax ("Kim Jong-un", a stray quote): search for the words as given.
                return SearchCore(QuoteTerms(query), limit);
            }
        }
    }

    private List<SearchHit> SearchCore(string match, int limit)
    {
        var hits = new List<SearchHit>();
        using var cmd = _db.CreateCommand();
        cmd.CommandText = """
            SELECT a.id, a.title, snippet(articles_fts, 1, char(2), char(3), '…', 16), bm25(articles_fts)
            FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
            WHERE articles_fts MATCH $q ORDER BY bm25(articles_fts), a.seq LIMIT $n
            """;
        cmd.Parameters.AddWithValue("$q", match);
        cmd.Parameters.AddWithValue("$n", limit);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var (snippet, matches) = SearchHit.Unmark(r.GetString(2), '\u0002', '\u0003');
            hits.Add(new SearchHit(r.GetString(0), Str(r, 1), snippet, r.GetDouble(3)) { Matches = matches });
        }

        return hits;
    }

    private static string QuoteTerms(string query)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }

    public IReadOnlyList<ActorCount> ActorCounts()
    {
        var list = new List<ActorCount>();
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT m.actor_id, count(*), count(DISTINCT m.article)
                FROM mentions m JOIN articles a ON a.seq = m.article
                WHERE m.actor_id IS NOT NULL AND a.duplicate_of IS NULL
                GROUP BY m.actor_id ORDER BY 2 DESC, 1
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                list.Add(new ActorCount(r.GetString(0), r.GetInt32(1), r.GetInt32(2)));
            }
        }

        return list;
    }

    public IReadOnlyList<MentionRecord> MentionsOf(string actorId, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        var list = new List<MentionRecord>();
        lock (_gate)
        {
            var texts = new TextCache(_db);
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT m.start, m."end", m.text, m.actor_id, m.kind, m.confidence, m.normalized, m.sentence,
                       a.id, a.date, m.article, s.start, s."end"
                FROM mentions m JOIN articles a ON a.seq = m.article
                LEFT JOIN sentences s ON s.article = m.article AND s.idx = m.sentence
                WHERE m.actor_id = $actor AND a.duplicate_of IS NULL
                ORDER BY a.date, m.article, m.idx LIMIT $n
                """;
            cmd.Parameters.AddWithValue("$actor", actorId);
            cmd.Parameters.AddWithValue("$n", limit);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var sentence = texts.Slice(r, 10, 11, 12);
                list.Add(new MentionRecord(r.GetString(8), ReadMention(r, 0), sentence, ParseDate(Str(r, 9))));
            }
        }

        return list;
    }

    public IReadOnlyList<CandidateGroup> UnresolvedCandidates(int limit = 100)
    {
        var groups = new List<(string Normalized, int Count, int Articles)>();
        var result = new List<CandidateGroup>();
        lock (_gate)
        {
            using (var cmd = _db.CreateCommand())
            {
                cmd.CommandText = """
                    SELECT m.normalized, count(*), count(DISTINCT m.article)
                    FROM mentions m JOIN articles a ON a.seq = m.article
                    WHERE m.actor_id IS NULL AND m.normalized IS NOT NULL AND a.duplicate_of IS NULL
                    GROUP BY m.normalized ORDER BY 2 DESC, 1 LIMIT $n
                    """;
                cmd.Parameters.AddWithValue("$n", limit);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    groups.Add((r.GetString(0), r.GetInt32(1), r.GetInt32(2)));
                }
            }

            var texts = new TextCache(_db);
            using var forms = _db.CreateCommand();
            forms.CommandText = """
                SELECT DISTINCT m.text FROM mentions m JOIN articles a ON a.seq = m.article
                WHERE m.actor_id IS NULL AND m.normalized = $norm AND a.duplicate_of IS NULL ORDER BY m.text LIMIT 20
                """;
            forms.Parameters.Add(new SqliteParameter("$norm", null));
            using var examples = _db.CreateCommand();
            examples.CommandText = """
                SELECT m.article, s.start, s."end" FROM mentions m JOIN articles a ON a.seq = m.article
                JOIN sentences s ON s.article = m.article AND s.idx = m.sentence
                WHERE m.actor_id IS NULL AND m.normalized = $norm AND a.duplicate_of IS NULL
                ORDER BY m.article, m.idx LIMIT 20
                """;
            examples.Parameters.Add(new SqliteParameter("$norm", null));
            foreach (var g in groups)
            {
                var formList = new List<string>();
                forms.Parameters[0].Value = g.Normalized;
                using (var r = forms.ExecuteReader())
                {
                    while (r.Read())
                    {
                        formList.Add(r.GetString(0));
                    }
                }

                var sentenceList = new List<string>();
                examples.Parameters[0].Value = g.Normalized;
                using (var r = examples.ExecuteReader())
                {
                    while (r.Read() && sentenceList.Count < 3)
                    {
                        if (texts.Slice(r, 0, 1, 2) is { } s && !sentenceList.Contains(s, StringComparer.Ordinal))
                        {
                            sentenceList.Add(s);
                        }
                    }
                }

                result.Add(new CandidateGroup(g.Normalized, g.Count, g.Articles, formList, sentenceList));
            }
        }

        return result;
    }

    private const string FigureColumns =
        "f.start, f.\"end\", f.text, f.value, f.value_high, f.unit, f.kind, f.qualifier, f.measure, f.indicator_id, f.actor_id, f.period, f.usd_value, f.conversion, f.equivalent_of, f.sentence";

    public IReadOnlyList<FigureRecord> Figures(string? indicatorId = null)
    {
        var list = new List<FigureRecord>();
        lock (_gate)
        {
            var texts = new TextCache(_db);
            using var cmd = _db.CreateCommand();
            cmd.CommandText = $"""
                SELECT {FigureColumns}, a.id, a.date, a.title, f.article, s.start, s."end"
                FROM figures f JOIN articles a ON a.seq = f.article
                LEFT JOIN sentences s ON s.article = f.article AND s.idx = f.sentence
                WHERE a.duplicate_of IS NULL AND ($ind IS NULL OR f.indicator_id = $ind)
                ORDER BY f.article, f.idx
                """;
            cmd.Parameters.AddWithValue("$ind", (object?)indicatorId ?? DBNull.Value);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var figure = ReadFigure(r, 0);
                list.Add(new FigureRecord(r.GetString(16), figure, ParseDate(Str(r, 17)), texts.Slice(r, 19, 20, 21), Str(r, 18)));
            }
        }

        return list;
    }

    public IReadOnlyList<Contradiction> Contradictions()
    {
        var list = new List<Contradiction>();
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = $"SELECT {ContradictionColumns} FROM contradictions ORDER BY scope, pos";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var a = new ContradictionSide(r.GetString(5), new TextSpan(r.GetInt32(6), r.GetInt32(7)), r.GetString(8), Dbl(r, 9), Str(r, 10), Str(r, 11))
                {
                    Figure = Str(r, 21), OriginalValue = Dbl(r, 22), OriginalUnit = Str(r, 23), Conversion = Str(r, 24), Period = Str(r, 25), ArticleDate = ParseDate(Str(r, 26)),
                };
                var b = new ContradictionSide(r.GetString(12), new TextSpan(r.GetInt32(13), r.GetInt32(14)), r.GetString(15), Dbl(r, 16), Str(r, 17), Str(r, 18))
                {
                    Figure = Str(r, 27), OriginalValue = Dbl(r, 28), OriginalUnit = Str(r, 29), Conversion = Str(r, 30), Period = Str(r, 31), ArticleDate = ParseDate(Str(r, 32)),
                };
                list.Add(new Contradiction(Enum.Parse<ContradictionKind>(r.GetString(1)), r.GetString(2), Str(r, 3), a, b, r.GetString(4)));
            }
        }

        return list;
    }

    public StoreStats Stats()
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT (SELECT count(*) FROM articles),
                       (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
                       (SELECT count(*) FROM mentions),
                       (SELECT count(*) FROM mentions WHERE actor_id IS NOT NULL),
                       (SELECT count(*) FROM figures),
                       (SELECT count(*) FROM contradictions),
                       (SELECT count(*) FROM failures),
                       (SELECT count(DISTINCT source) FROM articles),
                       (SELECT min(date) FROM articles),
                       (SELECT max(date) FROM articles)
                """;
            using var r = cmd.ExecuteReader();
            r.Read();
            return new StoreStats(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6))
            {
                Sources = r.GetInt32(7),
                From = ParseDate(Str(r, 8)),
                To = ParseDate(Str(r, 9)),
            };
        }
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
        }
    }

    // ---- helpers ----

    private RawStatement Prepare(string sql)
    {
        var statement = new RawStatement(_db, sql);
        _prepared.Add(statement);
        return statement;
    }

    private void ForEach(string sql, long seq, Action<SqliteDataReader> read)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$a", seq);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            read(r);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static Mention ReadMention(SqliteDataReader r, int o) => new()
    {
        Span = new TextSpan(r.GetInt32(o), r.GetInt32(o + 1)),
        Text = r.GetString(o + 2),
        ActorId = Str(r, o + 3),
        Kind = Enum.Parse<MentionKind>(r.GetString(o + 4)),
        Confidence = r.GetDouble(o + 5),
        Normalized = Str(r, o + 6),
        Sentence = r.GetInt32(o + 7),
    };

    private static Figure ReadFigure(SqliteDataReader r, int o) => new()
    {
        Span = new TextSpan(r.GetInt32(o), r.GetInt32(o + 1)),
        Text = r.GetString(o + 2),
        Value = r.GetDouble(o + 3),
        ValueHigh = Dbl(r, o + 4),
        Unit = r.GetString(o + 5),
        Kind = Enum.Parse<FigureKind>(r.GetString(o + 6)),
        Qualifier = (FigureQualifier)r.GetInt32(o + 7),
        Measure = Str(r, o + 8),
        IndicatorId = Str(r, o + 9),
        ActorId = Str(r, o + 10),
        Period = Str(r, o + 11),
        UsdValue = Dbl(r, o + 12),
        Conversion = Str(r, o + 13),
        EquivalentOf = r.IsDBNull(o + 14) ? null : r.GetInt32(o + 14),
        Sentence = r.GetInt32(o + 15),
    };

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Dbl(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static readonly Dictionary<MentionKind, string> MentionKinds = Enum.GetValues<MentionKind>().ToDictionary(k => k, k => k.ToString());
    private static readonly Dictionary<FigureKind, string> FigureKinds = Enum.GetValues<FigureKind>().ToDictionary(k => k, k => k.ToString());

    /// <summary>Enum names as stored, without formatting one for every row.</summary>
    private static string MentionKindName(MentionKind kind) => MentionKinds.TryGetValue(kind, out var name) ? name : kind.ToString();

    private static string FigureKindName(FigureKind kind) => FigureKinds.TryGetValue(kind, out var name) ? name : kind.ToString();

    internal static string KindName(RemovalKind kind) => RemovalKindNames.Name(kind);

    private static RemovalKind ParseKind(string name) => RemovalKindNames.Parse(name);

    /// <summary>Offset map runs as little-endian int triples.</summary>
    private static byte[] EncodeOffsets(OffsetMap map)
    {
        var ints = new int[map.Runs.Count * 3];
        for (int i = 0; i < map.Runs.Count; i++)
        {
            var (clean, raw, length) = map.Runs[i];
            ints[3 * i] = clean;
            ints[3 * i + 1] = raw;
            ints[3 * i + 2] = length;
        }

        return MemoryMarshal.AsBytes(ints.AsSpan()).ToArray();
    }

    /// <summary>Reads each article's text once per query to cut sentences out of it (spans are UTF-16 offsets).</summary>
    private sealed class TextCache(SqliteConnection db)
    {
        private long _seq = -1;
        private string? _text;

        public string? Slice(SqliteDataReader r, int seqColumn, int startColumn, int endColumn)
        {
            if (r.IsDBNull(startColumn))
            {
                return null;
            }

            long seq = r.GetInt64(seqColumn);
            if (seq != _seq)
            {
                using var cmd = db.CreateCommand();
                cmd.CommandText = "SELECT text FROM articles WHERE seq = $s";
                cmd.Parameters.AddWithValue("$s", seq);
                _text = cmd.ExecuteScalar() as string;
                _seq = seq;
            }

            int start = r.GetInt32(startColumn), end = r.GetInt32(endColumn);
            return _text is not null && start >= 0 && end <= _text.Length && start <= end ? _text[start..end] : null;
        }
    }
}
