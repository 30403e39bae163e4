using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Tightrope.Dedup;
using Tightrope.Model;

namespace Tightrope.Storage.Sqlite;

/// <summary>The read side: lists, full-text search (snippets from the unpacked text), key totals and the articles of a key (pages by offset and keyset pages).</summary>
internal sealed partial class SqliteBackend
{
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
            """, Bind, r => ReadRecord(r) with { KeyCount = r.GetInt32(23) });
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
            }, r => ReadRecord(r) with { KeyCount = r.GetInt32(23) });
    }

    public IReadOnlyList<StoredRecord> ArticlesWithKeyByDateAfter(string name, string value, DateKeyset? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        // The page's articles are chosen on (date, seq) alone, read from the rows' first columns; only those are then
        // read whole. Dates sort as stored (ISO text), undated (null) first, as ORDER BY a.date puts them.
        return Query($"""
            WITH page AS (
                SELECT a.seq AS seq, a.date AS date, k.count AS count
                FROM key_values v JOIN article_keys k ON k.key = v.id JOIN articles a ON a.seq = k.article
                WHERE v.name = $name AND v.value = $value
                  AND ($started = 0
                       OR ($date IS NULL AND (a.date IS NOT NULL OR a.seq > $seq))
                       OR ($date IS NOT NULL AND (a.date > $date OR (a.date = $date AND a.seq > $seq))))
                ORDER BY a.date, a.seq LIMIT $n)
            SELECT {ArticleColumns}, page.count, page.date FROM page JOIN articles a ON a.seq = page.seq ORDER BY page.date, page.seq
            """, c =>
            {
                c.Parameters.AddWithValue("$name", name);
                c.Parameters.AddWithValue("$value", value);
                c.Parameters.AddWithValue("$started", after is null ? 0 : 1);
                c.Parameters.AddWithValue("$date", (object?)after?.Date ?? DBNull.Value);
                c.Parameters.AddWithValue("$seq", after?.Seq ?? 0);
                c.Parameters.AddWithValue("$n", limit);
            }, r => ReadRecord(r) with { KeyCount = r.GetInt32(23), OrderDate = Str(r, 24) });
    }

    public BackendTotals Totals() => Query("""
        SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
               (SELECT count(DISTINCT source) FROM articles), (SELECT min(date) FROM articles), (SELECT max(date) FROM articles)
        """, null, r => new BackendTotals(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), ParseDate(Str(r, 3)), ParseDate(Str(r, 4))))[0];
}
