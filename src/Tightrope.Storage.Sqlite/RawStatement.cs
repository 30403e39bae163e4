using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Tightrope.Storage.Sqlite;

/// <summary>
/// A prepared SQLite statement bound by position straight through SQLitePCL, for the store's hot write path: no
/// parameter objects, no boxing, no name lookups and no UTF-8 copies of strings on every execution (texts are bound
/// as UTF-16 and converted by SQLite). It runs on the connection it was prepared on, inside whatever transaction that
/// connection has open. Not thread-safe; the store calls it under its write lock.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based).</summary>
    public RawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_stmt, index, value));
        return this;
    }

    public RawStatement Bind(int index, int value) => Bind(index, (long)value);

    public RawStatement Bind(int index, int? value) => value is { } v ? Bind(index, (long)v) : BindNull(index);

    public RawStatement Bind(int index, double? value)
    {
        Check(value is { } v ? raw.sqlite3_bind_double(_stmt, index, v) : raw.sqlite3_bind_null(_stmt, index));
        return this;
    }

    public RawStatement Bind(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_stmt, index) : raw.sqlite3_bind_text16(_stmt, index, value.AsSpan()));
        return this;
    }

    public RawStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_stmt, index, value));
        return this;
    }

    public RawStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(_stmt, index));
        return this;
    }

    /// <summary>Runs the statement to completion.</summary>
    public void Run()
    {
        int rc;
        while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW)
        {
        }

        Finish(rc);
    }

    /// <summary>Runs the statement; true when it returned at least one row (the rest are not read).</summary>
    public bool Any()
    {
        int rc = raw.sqlite3_step(_stmt);
        bool any = rc == raw.SQLITE_ROW;
        Finish(any ? raw.SQLITE_DONE : rc);
        return any;
    }

    /// <summary>The text in the first column of the first row, or null when there is no row (or the value is null).</summary>
    public string? FirstText()
    {
        int rc = raw.sqlite3_step(_stmt);
        string? value = rc == raw.SQLITE_ROW && raw.sqlite3_column_type(_stmt, 0) != raw.SQLITE_NULL
            ? raw.sqlite3_column_text(_stmt, 0).utf8_to_string()
            : null;
        Finish(rc == raw.SQLITE_ROW ? raw.SQLITE_DONE : rc);
        return value;
    }

    /// <summary>The next row: true while there is one. Call <see cref="Reset"/> when done (also after an early stop).</summary>
    public bool Step()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        Finish(rc);
        return false;
    }

    /// <summary>Makes the statement ready to run again (rows not read are dropped).</summary>
    public void Reset() => raw.sqlite3_reset(_stmt);

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public double Double(int column) => raw.sqlite3_column_double(_stmt, column);

    public string Text(int column) => raw.sqlite3_column_text(_stmt, column).utf8_to_string();

    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_stmt, column);

    /// <summary>The rowid of the last row this connection inserted.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    public void Dispose() => _stmt.Dispose();

    private void Finish(int rc)
    {
        string? error = rc == raw.SQLITE_DONE ? null : raw.sqlite3_errmsg(_db).utf8_to_string();
        // Reset whatever happened, so that the statement holds no lock and is ready for the next bindings.
        raw.sqlite3_reset(_stmt);
        if (error is not null)
        {
            throw new SqliteException($"SQLite Error {rc}: '{error}'.", rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
        }
    }
}
