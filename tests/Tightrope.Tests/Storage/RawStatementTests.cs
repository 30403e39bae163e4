using Microsoft.Data.Sqlite;
using Tightrope.Storage;
using Tightrope.Storage.Sqlite;

namespace Tightrope.Tests.Storage;

public sealed class RawStatementTests : IDisposable
{
    private readonly SqliteConnection _db = new("Data Source=:memory:");

    public RawStatementTests()
    {
        _db.Open();
        using var create = _db.CreateCommand();
        create.CommandText = "CREATE TABLE t (k INTEGER PRIMARY KEY, s TEXT, d REAL, b BLOB, n INTEGER)";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void ValuesBoundByPositionComeBackUnchanged()
    {
        const string text = "서울 — Kim Jong-un said “no” to 1.5192 trillion won 😀";
        using (var insert = new RawStatement(_db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)"))
        {
            insert.Bind(1, 7L).Bind(2, text).Bind(3, 2.5).Bind(4, new byte[] { 1, 2, 3 }).Bind(5, (int?)null).Run();
            insert.Bind(1, 8L).Bind(2, (string?)null).Bind(3, (double?)null).BindNull(4).Bind(5, 42).Run();
            Assert.Equal(8, insert.LastInsertRowId);
        }

        using var read = _db.CreateCommand();
        read.CommandText = "SELECT s, d, b, n FROM t WHERE k = 7";
        using (var r = read.ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal(text, r.GetString(0));
            Assert.Equal(2.5, r.GetDouble(1));
            Assert.Equal(new byte[] { 1, 2, 3 }, (byte[])r.GetValue(2));
            Assert.True(r.IsDBNull(3));
        }

        read.CommandText = "SELECT s IS NULL, d IS NULL, b IS NULL, n FROM t WHERE k = 8";
        using (var r = read.ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal([1L, 1L, 1L, 42L], [r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)]);
        }
    }

    [Fact]
    public void QueriesReadRowsTextAndBlobsAndCanRunAgain()
    {
        using (var insert = new RawStatement(_db, "INSERT INTO t (k, s, b) VALUES (?1, ?2, ?3)"))
        {
            insert.Bind(1, 1L).Bind(2, "one").Bind(3, new byte[] { 9 }).Run();
            insert.Bind(1, 2L).Bind(2, "두").Bind(3, new byte[] { 8, 7 }).Run();
        }

        using var query = new RawStatement(_db, "SELECT k, s, b FROM t WHERE k >= ?1 ORDER BY k");
        for (int round = 0; round < 2; round++)
        {
            var rows = new List<(long, string, byte[])>();
            query.Bind(1, 1L);
            while (query.Step())
            {
                rows.Add((query.Int64(0), query.Text(1), query.Blob(2).ToArray()));
            }

            Assert.Equal(2, rows.Count);
            Assert.Equal((2L, "두"), (rows[1].Item1, rows[1].Item2));
            Assert.Equal(new byte[] { 8, 7 }, rows[1].Item3);
        }

        using var first = new RawStatement(_db, "SELECT s FROM t WHERE k = ?1");
        Assert.Equal("one", first.Bind(1, 1L).FirstText());
        Assert.Null(first.Bind(1, 3L).FirstText());
        using var any = new RawStatement(_db, "SELECT 1 FROM t WHERE k = ?1");
        Assert.True(any.Bind(1, 2L).Any());
        Assert.False(any.Bind(1, 5L).Any());
    }

    [Fact]
    public void AFailedStepThrowsSQLitesMessageAndTheStatementStaysUsable()
    {
        using var insert = new RawStatement(_db, "INSERT INTO t (k) VALUES (?1)");
        insert.Bind(1, 1L).Run();

        var error = Assert.Throws<SqliteException>(() => insert.Bind(1, 1L).Run());
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);

        insert.Bind(1, 2L).Run();
        using var count = _db.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(2L, count.ExecuteScalar());
    }

    [Fact]
    public void BadSqlIsRefusedWhenPrepared() =>
        Assert.Throws<SqliteException>(() => new RawStatement(_db, "INSERT INTO nowhere VALUES (?1)"));
}
