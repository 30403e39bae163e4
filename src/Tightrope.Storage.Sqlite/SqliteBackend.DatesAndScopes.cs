using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Tightrope.Dedup;
using Tightrope.Model;

namespace Tightrope.Storage.Sqlite;

/// <summary>Dates set by a person (kept by content id apart from the row) and records kept per scope, with their pending marks.</summary>
internal sealed partial class SqliteBackend
{
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
}
