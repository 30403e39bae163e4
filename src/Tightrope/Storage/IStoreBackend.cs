using Tightrope.Model;

namespace Tightrope.Storage;

/// <summary>What a backend keeps of one article: its row, with the layers packed (<see cref="LayerPack"/>).</summary>
public sealed record ArticleRecord
{
    public required string Id { get; init; }

    public required ArticleMetadata Metadata { get; init; }

    public ArticleDate? Date { get; init; }

    /// <summary>The cleaned text, which full-text search covers.</summary>
    public required string Text { get; init; }

    /// <summary>The raw text as a difference from the cleaned text (<see cref="RawTextDiff"/>); null when they are equal.</summary>
    public byte[]? RawDiff { get; init; }

    /// <summary>The written text as a difference from the cleaned text (<see cref="WrittenTextDiff"/>); null when they are equal.</summary>
    public byte[]? WrittenDiff { get; init; }

    public string? TextHash { get; init; }

    /// <summary>The near-duplicate signature, packed (<see cref="Dedup.TextFingerprint"/>).</summary>
    public byte[]? Signature { get; init; }

    public string? DuplicateOf { get; init; }

    /// <summary>Every layer of the article (<see cref="LayerPack"/>).</summary>
    public required byte[] Layers { get; init; }
}

/// <summary>A key an article is indexed by, with how many of its records carry it.</summary>
public readonly record struct KeyCount(IndexKey Key, int Count);

/// <summary>One article of a batch: its record, the keys to index it by, and its LSH band keys (null: not indexed).</summary>
public sealed record BatchArticle(ArticleRecord Record, IReadOnlyList<KeyCount> Keys, long[]? Bands);

/// <summary>Records kept per scope (the contradictions of one indicator), packed as one section.</summary>
public sealed record ScopedRecords(string Scope, int Count, byte[] Data);

/// <summary>What one atomic write holds: articles with their keys, and scopes made out of date by them.</summary>
public sealed class StoreBatch
{
    public List<BatchArticle> Articles { get; } = [];

    /// <summary>(kind, scope) pairs to mark pending in the same transaction (recomputed after the batch).</summary>
    public HashSet<(string Kind, string Scope)> Pending { get; } = [];

    /// <summary>Scoped records written with the batch (an article's own contradictions), replacing what the scope held.</summary>
    public List<(string Kind, ScopedRecords Records)> Scoped { get; } = [];
}

/// <summary>A page of a list, with the total the list would have without paging ("5 of 49"). Enumerates its items.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset = 0) : IReadOnlyList<T>
{
    public static Page<T> Empty { get; } = new([], 0);

    public int Count => Items.Count;

    public T this[int index] => Items[index];

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A key's value with how many records carry it and in how many articles.</summary>
public sealed record KeyTotal(string Value, int Count, int Articles);

/// <summary>How <see cref="IStoreBackend.ArticlesWithKey"/> orders its articles.</summary>
public enum ArticleOrder
{
    /// <summary>In the order they were stored.</summary>
    Stored,
    /// <summary>By article date (undated first), then stored order.</summary>
    Date,
}

/// <summary>A stored article record with the backend's sequence number (store order); found by a key, how many of its records carry it.</summary>
public sealed record StoredRecord(long Seq, ArticleRecord Record, int KeyCount = 0)
{
    /// <summary>The date the backend ordered it by (as the backend keeps it), when read in date order: the next page starts after it.</summary>
    public string? OrderDate { get; init; }

    /// <summary>Where the next page of a date-ordered walk starts: after this record.</summary>
    public DateKeyset After => new(OrderDate, Seq);
}

/// <summary>
/// A place in a walk of articles in date order (undated first, then stored order): the date (as the backend keeps it,
/// null: undated) and sequence number of the last article read. Keyset paging: the next page starts right there.
/// </summary>
public readonly record struct DateKeyset(string? Date, long Seq);

/// <summary>
/// A date a person set for an article (<c>tightrope article set-date</c>), kept by the article's content id apart from
/// its row, with the date it replaced (what the pipeline found; null: none) so that clearing it restores that.
/// </summary>
public sealed record DateOverride(string ArticleId, ArticleDate Date, ArticleDate? Replaced);

/// <summary>Totals of a store that do not depend on any capability.</summary>
public sealed record BackendTotals(int Articles, int Duplicates, int Sources, DateOnly? From, DateOnly? To);

/// <summary>
/// The storage contract: what a backend (SQLite, PostgreSQL) implements. It only stores and finds — articles with
/// their packed layers, keys, band keys, full-text, scoped records — and knows no capability: duplicate ranking,
/// contradiction bookkeeping and every capability's reading live in the core (<see cref="ArticleStore"/>).
/// One contract test suite runs against every backend.
/// </summary>
public interface IStoreBackend : IDisposable
{
    /// <summary>Where the store is ("sqlite:/path/to/file.db").</summary>
    string Location { get; }

    int SchemaVersion { get; }

    // ---- the write side ----

    /// <summary>
    /// Opens one transaction, lets <paramref name="prepare"/> make its lookups inside it (on the calling thread) and
    /// build the batch, then writes the batch and commits: all of it or nothing.
    /// </summary>
    void Write(Func<StoreBatch> prepare);

    bool Contains(string articleId);

    StoredRecord? Get(string articleId);

    IReadOnlyList<string> IdsStartingWith(string prefix, int limit);

    // ---- lookups the core's cross-article rules use ----

    /// <summary>The original (not a duplicate) of the earliest stored article whose cleaned text has this hash.</summary>
    string? OriginalOfTextHash(string textHash);

    /// <summary>Adds one to <paramref name="counts"/>[seq] for each stored article sharing a band key (at most <paramref name="perBand"/> a key, earliest first).</summary>
    void CountBandCandidates(ReadOnlySpan<long> bandKeys, int perBand, Dictionary<long, int> counts);

    /// <summary>The id and packed signature of the article stored as <paramref name="seq"/>.</summary>
    (string Id, byte[] Signature)? SignatureOf(long seq);

    // ---- reading ----

    Page<ArticleSummary> ListArticles(ArticleQuery query);

    Page<SearchHit> Search(string query, int limit, int offset);

    /// <summary>The values of key <paramref name="name"/> by number of records (most first, then value).</summary>
    Page<KeyTotal> KeyTotals(string name, int limit, int offset);

    /// <summary>How many records carry the key, in how many articles (null: none).</summary>
    KeyTotal? KeyTotal(string name, string value);

    /// <summary>The articles indexed under (<paramref name="name"/>, <paramref name="value"/>).</summary>
    Page<StoredRecord> ArticlesWithKey(string name, string value, ArticleOrder order, int limit, int offset);

    /// <summary>
    /// Up to <paramref name="limit"/> articles indexed under the key, in stored order, stored after
    /// <paramref name="afterSeq"/> (0: from the first): keyset paging for reading every one of them, where each
    /// page costs the same however far into the store it is (an offset skips, and reads, all the rows before it).
    /// </summary>
    IReadOnlyList<StoredRecord> ArticlesWithKeyAfter(string name, string value, long afterSeq, int limit);

    /// <summary>
    /// Up to <paramref name="limit"/> articles indexed under the key in date order (undated first, then stored order),
    /// after <paramref name="after"/> (null: from the first), each with its <see cref="StoredRecord.OrderDate"/>:
    /// keyset paging in date order, where a page costs the same however far into the list it is.
    /// </summary>
    IReadOnlyList<StoredRecord> ArticlesWithKeyByDateAfter(string name, string value, DateKeyset? after, int limit);

    BackendTotals Totals();

    // ---- dates set by a person ----

    /// <summary>The date override kept for this content id (whether or not an article of that id is stored), or null.</summary>
    DateOverride? DateOverride(string articleId);

    /// <summary>
    /// In one transaction: sets the stored article's date to <paramref name="date"/> (null: undated, the list filters then
    /// fall back to its metadata's published date as when it was written) and keeps <paramref name="dateOverride"/> as
    /// its override (null: removes it). Returns false, writing nothing, when no article has this id.
    /// </summary>
    bool WriteDate(string articleId, ArticleDate? date, DateOverride? dateOverride);

    // ---- records kept per scope (cross-article results) ----

    /// <summary>The stored scopes of <paramref name="kind"/>, ordered by scope.</summary>
    IReadOnlyList<ScopedRecords> Scoped(string kind);

    /// <summary>
    /// Replaces the records of the given scopes (all scopes of the kind when <paramref name="all"/>) and clears their
    /// pending marks, in one transaction.
    /// </summary>
    void ReplaceScoped(string kind, IReadOnlyList<ScopedRecords> scopes, bool all);

    IReadOnlyList<string> PendingScopes(string kind);
}
