using System.Runtime.InteropServices;
using Tightrope.Actors;
using Tightrope.Dedup;
using Tightrope.Figures;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Storage;

/// <summary>Settings of the core store, whatever the backend.</summary>
public sealed record ArticleStoreOptions
{
    /// <summary>Estimated Jaccard similarity from which an article is a near-duplicate of a stored one.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.8;

    /// <summary>Most LSH candidates checked per lookup (an index of very similar boilerplate stays cheap).</summary>
    public int MaxNearDuplicateCandidates { get; init; } = 64;

    /// <summary>Articles taken per LSH band in a lookup (earliest first).</summary>
    public int CandidatesPerBand { get; init; } = 32;

    /// <summary>The modules whose layers and store rules apply (default: Tightrope's).</summary>
    public IReadOnlyList<IModule>? Modules { get; init; }
}

/// <summary>
/// The store as the pipeline and the front ends see it, over any <see cref="IStoreBackend"/>: the cross-article rules
/// (which stored article a new one duplicates, which scopes a batch makes pending) and every capability's packing and
/// reading live here, once, so that a backend only stores and finds. Thread-safe for one writer and many readers.
/// </summary>
public sealed partial class ArticleStore : IArticleStore
{
    private readonly IStoreBackend _backend;
    private readonly ArticleStoreOptions _options;
    private readonly ILayerCodec[] _layers;
    private readonly IStoreContributor[] _contributors;
    private readonly Lock _writeGate = new();
    private readonly Dictionary<long, int> _candidateCounts = [];
    private readonly CopyForecast _forecast;

    public ArticleStore(IStoreBackend backend, ArticleStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
        _options = options ?? new ArticleStoreOptions();
        var modules = _options.Modules ?? TightropePipeline.Modules;
        _layers = [.. modules.SelectMany(m => m.Layers)];
        _contributors = [.. modules.OfType<IStoreContributor>()];
        _forecast = new CopyForecast(_options.NearDuplicateThreshold);
    }

    /// <summary>
    /// Opens (creating it if needed) the store at <paramref name="location"/>: a file path or <c>sqlite:PATH</c> for the
    /// embedded SQLite store; another scheme names a backend of its own assembly (<see cref="StoreBackends"/>).
    /// </summary>
    public static ArticleStore Open(string location, ArticleStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        return new ArticleStore(StoreBackends.Open(location), options);
    }

    /// <summary>The file of an embedded store's location (a path, <c>sqlite:PATH</c>, <c>file:PATH</c>); null for a server's.</summary>
    public static string? FilePath(string location) => StoreBackends.FilePath(location);

    public string Location => _backend.Location;

    public int SchemaVersion => _backend.SchemaVersion;

    /// <summary>The layers this store packs and reads back.</summary>
    public IReadOnlyList<ILayerCodec> Layers => _layers;

    // ---- writing ----

    public SaveOutcome Save(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return SaveMany([article])[0];
    }

    public IReadOnlyList<SaveOutcome> SaveMany(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        // The articles are in hand: each is packed in the form the write gives it (an original's layers are not packed
        // for a duplicate, nor the other way round).
        var prepared = new PreparedArticle[articles.Count];
        for (int i = 0; i < articles.Count; i++)
        {
            prepared[i] = Lazy(articles[i]);
        }

        var results = Write(prepared);
        var outcomes = new SaveOutcome[articles.Count];
        for (int i = 0; i < articles.Count; i++)
        {
            outcomes[i] = results[i].Outcome;
            if (results[i].Outcome != SaveOutcome.AlreadyPresent)
            {
                articles[i].DuplicateOf = results[i].DuplicateOf;
                articles[i].Date = results[i].Date;
            }
        }

        return outcomes;
    }

    public IReadOnlyList<SaveOutcome> SaveMany(IReadOnlyList<PreparedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return [.. Write(articles).Select(r => r.Outcome)];
    }

    private WriteResult[] Write(IReadOnlyList<PreparedArticle> articles)
    {
        var results = new WriteResult[articles.Count];
        lock (_writeGate)
        {
            _backend.Write(() =>
            {
                var batch = new StoreBatch();
                var local = new BatchIndex();
                for (int i = 0; i < articles.Count; i++)
                {
                    results[i] = Add(articles[i], batch, local);
                }

                return batch;
            });
        }

        return results;
    }

    /// <summary>Decides what a prepared article is against the store and the batch so far, and adds its row to the batch.</summary>
    private WriteResult Add(PreparedArticle article, StoreBatch batch, BatchIndex local)
    {
        if (local.Ids.Contains(article.Id) || _backend.Contains(article.Id))
        {
            return new WriteResult(SaveOutcome.AlreadyPresent, null, null);
        }

        string? duplicateOf = article.DuplicateOf;
        if (duplicateOf is null && article.TextHash is { } hash)
        {
            duplicateOf = local.ByHash.GetValueOrDefault(hash) ?? _backend.OriginalOfTextHash(hash);
        }

        if (duplicateOf is null && article.Signature is { } signature)
        {
            duplicateOf = NearDuplicate(signature, article.Bands!, local);
        }

        if (string.Equals(duplicateOf, article.Id, StringComparison.Ordinal))
        {
            duplicateOf = null;
        }

        // A person's date outlives the row it was set on: the same content written again takes it.
        var date = _backend.DateOverride(article.Id) is { } userDate ? userDate.Date : article.Date;
        bool duplicate = duplicateOf is not null;
        var form = Form(article, duplicate);
        if (duplicate && article.Forecast is { } forecast)
        {
            // Taken for an original when it was prepared: the articles after it are no longer its copies.
            forecast.Gone = true;
        }

        var record = new ArticleRecord
        {
            Id = article.Id,
            Metadata = article.Metadata,
            Date = date,
            Text = article.Text,
            RawDiff = article.RawDiff,
            WrittenDiff = article.WrittenDiff,
            TextHash = article.TextHash,
            Signature = article.PackedSignature,
            DuplicateOf = duplicateOf,
            Layers = form.Layers,
        };
        batch.Articles.Add(new BatchArticle(record, form.Keys, duplicate ? null : article.Bands));
        if (form.Contribution is { } contribution)
        {
            batch.Pending.UnionWith(contribution.Pending);
            batch.Scoped.AddRange(contribution.Scoped);
        }

        local.Add(article.Id, article.TextHash, duplicateOf, article.Signature, article.Bands);
        return new WriteResult(duplicate ? SaveOutcome.Duplicate : SaveOutcome.Stored, duplicateOf, date);
    }

    /// <summary>The key that every article with records in a layer carries, counting them: ("layer", "mentions").</summary>
    public const string LayerKey = "layer";

    /// <summary>
    /// The stored (or earlier in the batch) original most similar to the signature at or above the threshold: the
    /// candidates sharing the most bands first (ties: the earliest), at most <see cref="ArticleStoreOptions.MaxNearDuplicateCandidates"/>.
    /// </summary>
    private string? NearDuplicate(ulong[] signature, long[] bands, BatchIndex? local)
    {
        var counts = _candidateCounts;
        counts.Clear();
        _backend.CountBandCandidates(bands, _options.CandidatesPerBand, counts);
        local?.CountCandidates(bands, _options.CandidatesPerBand, counts);
        if (counts.Count == 0)
        {
            return null;
        }

        string? best = null;
        double bestScore = -1;
        foreach (var (seq, _) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(_options.MaxNearDuplicateCandidates))
        {
            string id;
            double score;
            if (BatchIndex.IsLocal(seq))
            {
                var c = local!.Signature(seq);
                (id, score) = (c.Id, TextFingerprint.Similarity(signature, c.Signature.Span));
            }
            else if (_backend.SignatureOf(seq) is { } stored)
            {
                (id, score) = (stored.Id, PackedSimilarity(signature, stored.Signature));
            }
            else
            {
                continue;
            }

            if (score >= _options.NearDuplicateThreshold && score > bestScore)
            {
                best = id;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>What the articles already prepared in a batch look like to the duplicate rules (they are not stored yet).</summary>
    private sealed class BatchIndex
    {
        private const long Base = long.MaxValue / 2;
        private readonly List<(string Id, ulong[] Signature)> _originals = [];
        private readonly Dictionary<long, long> _first = [];
        private readonly Dictionary<long, List<long>> _more = [];

        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> ByHash { get; } = new(StringComparer.Ordinal);

        public static bool IsLocal(long seq) => seq >= Base;

        public void Add(string id, string? textHash, string? duplicateOf, ulong[]? signature, long[]? bands)
        {
            Ids.Add(id);
            if (textHash is { } hash)
            {
                ByHash.TryAdd(hash, duplicateOf ?? id);
            }

            if (duplicateOf is not null || signature is null || bands is null)
            {
                return;
            }

            long seq = Base + _originals.Count;
            _originals.Add((id, signature));
            foreach (var key in bands)
            {
                // Most band keys belong to one article: a list only for the keys that two or more share.
                if (!_first.TryAdd(key, seq))
                {
                    if (!_more.TryGetValue(key, out var list))
                    {
                        _more[key] = list = [];
                    }

                    list.Add(seq);
                }
            }
        }

        public void CountCandidates(long[] bands, int perBand, Dictionary<long, int> counts)
        {
            // Stored articles come first in each band's earliest-first cut; the batch's own follow (the backend already
            // gave at most perBand; the cut per band across both is not needed for the ranking to match).
            foreach (var key in bands)
            {
                if (_first.TryGetValue(key, out long first))
                {
                    counts[first] = counts.GetValueOrDefault(first) + 1;
                    if (_more.TryGetValue(key, out var list))
                    {
                        for (int i = 0; i < list.Count && i + 1 < perBand; i++)
                        {
                            counts[list[i]] = counts.GetValueOrDefault(list[i]) + 1;
                        }
                    }
                }
            }
        }

        public (string Id, ReadOnlyMemory<ulong> Signature) Signature(long seq) => _originals[(int)(seq - Base)] is var o ? (o.Id, o.Signature) : default;
    }

    // ---- lookups ----

    public IReadOnlyList<string> IdsStartingWith(string prefix, int limit = 10) => _backend.IdsStartingWith(prefix, limit);

    public bool Contains(string articleId) => _backend.Contains(articleId);

    public string? FindByTextHash(string textHash) => _backend.OriginalOfTextHash(textHash);

    public string? FindNearDuplicate(ulong[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != TextFingerprint.SignatureLength)
        {
            return null;
        }

        lock (_writeGate)
        {
            return NearDuplicate(signature, TextFingerprint.BandKeys(signature), null);
        }
    }

    // ---- reading ----

    public Article? GetArticle(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _backend.Get(id) is { } stored ? Restore(stored.Record, _layers) : null;
    }

    /// <summary>Rebuilds an article from its record, reading back only <paramref name="layers"/>.</summary>
    public static Article Restore(ArticleRecord record, IReadOnlyList<ILayerCodec> layers)
    {
        ArgumentNullException.ThrowIfNull(record);
        var written = record.WrittenDiff is { } writtenDiff ? WrittenTextDiff.Decode(writtenDiff, record.Text) : null;
        Article article;
        if (record.RawDiff is { } diff)
        {
            var (raw, offsets) = RawTextDiff.Decode(diff, record.Text);
            article = new Article(record.Id, raw, record.Metadata);
            article.SetCleanText(record.Text, offsets, written);
        }
        else
        {
            article = new Article(record.Id, record.Text, record.Metadata);
            if (written is not null)
            {
                article.SetCleanText(record.Text, OffsetMap.Identity(record.Text.Length), written);
            }
        }

        article.Date = record.Date;
        article.TextHash = record.TextHash;
        article.DuplicateOf = record.DuplicateOf;
        if (record.Signature is { } sig)
        {
            article.Signature = UnpackSignature(sig);
        }

        LayerPack.Unpack(record.Layers, article, layers);
        return article;
    }

    public Page<ArticleSummary> ListArticles(ArticleQuery query) => _backend.ListArticles(query);

    public Page<SearchHit> Search(string query, int limit = 20, int offset = 0) => _backend.Search(query, limit, offset);

    public Page<ActorCount> ActorCounts(int limit = int.MaxValue, int offset = 0)
    {
        var page = _backend.KeyTotals(MentionLayer.ActorKey, limit, offset);
        return new Page<ActorCount>([.. page.Items.Select(k => new ActorCount(k.Value, k.Count, k.Articles))], page.Total, offset);
    }

    private static readonly ILayerCodec[] MentionLayers = [FoundationLayers.Sentences, MentionLayer.Layer];
    private static readonly ILayerCodec[] FigureLayersRead = [FoundationLayers.Sentences, FigureLayers.Figures];

    public Page<MentionRecord> MentionsOf(string actorId, int limit = 50, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        // Mentions in article-date order. The total is the key's count; the page walks the articles only until it is
        // full, and skips whole articles before the offset by their key count without decoding them.
        int total = _backend.KeyTotal(MentionLayer.ActorKey, actorId)?.Count ?? 0;
        var list = new List<MentionRecord>();
        int skipped = 0;
        const int Chunk = 64;
        DateKeyset? after = null;
        while (list.Count < limit && skipped + list.Count < total)
        {
            // Keyset pages (after the last article read): an offset would read every article before it again.
            var page = _backend.ArticlesWithKeyByDateAfter(MentionLayer.ActorKey, actorId, after, Chunk);
            foreach (var stored in page)
            {
                if (skipped + stored.KeyCount <= offset)
                {
                    skipped += stored.KeyCount;
                    continue;
                }

                var article = Restore(stored.Record, MentionLayers);
                foreach (var m in article.Mentions)
                {
                    if (!string.Equals(m.ActorId, actorId, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (skipped < offset)
                    {
                        skipped++;
                    }
                    else if (list.Count < limit)
                    {
                        list.Add(new MentionRecord(article.Id, m, SentenceText(article, m.Sentence), article.Date?.Date ?? article.Metadata.Published));
                    }
                }

                if (list.Count >= limit)
                {
                    break;
                }
            }

            if (page.Count < Chunk)
            {
                break;
            }

            after = page[^1].After;
        }

        return new Page<MentionRecord>(list, total, offset);
    }

    public Page<ActorArticle> ArticlesMentioning(string actorId, int limit = 20, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        var page = _backend.ArticlesWithKey(MentionLayer.ActorKey, actorId, ArticleOrder.Date, limit, offset);
        return new Page<ActorArticle>(
            [.. page.Items.Select(r => new ActorArticle(r.Record.Id, r.Record.Metadata.Title, r.Record.Date?.Date ?? r.Record.Metadata.Published, r.KeyCount))],
            page.Total, offset);
    }

    public KeyTotal? KeyTotal(string name, string value) => _backend.KeyTotal(name, value);

    private static string? SentenceText(Article article, int sentence) =>
        sentence >= 0 && sentence < article.Sentences.Count ? article[article.Sentences[sentence].Span] : null;

    public IReadOnlyList<CandidateGroup> UnresolvedCandidates(int limit = 100)
    {
        var result = new List<CandidateGroup>();
        foreach (var group in _backend.KeyTotals(MentionLayer.UnresolvedKey, limit, 0).Items)
        {
            var forms = new SortedSet<string>(StringComparer.Ordinal);
            var sentences = new List<string>();
            foreach (var stored in _backend.ArticlesWithKey(MentionLayer.UnresolvedKey, group.Value, ArticleOrder.Stored, 20, 0).Items)
            {
                var article = Restore(stored.Record, MentionLayers);
                foreach (var m in article.Mentions)
                {
                    if (m.ActorId is not null || !string.Equals(m.Normalized, group.Value, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    forms.Add(m.Text);
                    if (sentences.Count < 3 && SentenceText(article, m.Sentence) is { } s && !sentences.Contains(s, StringComparer.Ordinal))
                    {
                        sentences.Add(s);
                    }
                }
            }

            result.Add(new CandidateGroup(group.Value, group.Count, group.Articles, [.. forms.Take(20)], sentences));
        }

        return result;
    }

    public IReadOnlyList<FigureRecord> Figures(string? indicatorId = null)
    {
        var (name, value) = indicatorId is null ? (LayerKey, FigureLayers.Figures.Name) : (FigureLayers.IndicatorKey, indicatorId);
        var list = new List<FigureRecord>();
        const int Chunk = 256;
        for (long after = 0; ;)
        {
            // Keyset pages: the contradiction updates read every article of an indicator after each batch.
            var page = _backend.ArticlesWithKeyAfter(name, value, after, Chunk);
            foreach (var stored in page)
            {
                after = stored.Seq;
                var article = Restore(stored.Record, FigureLayersRead);
                foreach (var f in article.Figures)
                {
                    if (indicatorId is null || string.Equals(f.IndicatorId, indicatorId, StringComparison.Ordinal))
                    {
                        list.Add(new FigureRecord(article.Id, f, ArticleDate.ReadingDate(article.Date, article.Metadata.Published), SentenceText(article, f.Sentence), article.Metadata.Title));
                    }
                }
            }

            if (page.Count < Chunk)
            {
                break;
            }
        }

        return list;
    }

    public void ReplaceContradictions(IEnumerable<Contradiction> contradictions)
    {
        ArgumentNullException.ThrowIfNull(contradictions);
        var scopes = contradictions.GroupBy(ContradictionScopes.Of, StringComparer.Ordinal)
            .Select(g => ScopedPack.Pack(g.Key, g.ToList(), FigureLayers.ContradictionCodec)).ToList();
        _backend.ReplaceScoped(ContradictionsModule.Kind, scopes, all: true);
    }

    public void ReplaceContradictions(string scope, IEnumerable<Contradiction> contradictions)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(contradictions);
        _backend.ReplaceScoped(ContradictionsModule.Kind, [ScopedPack.Pack(scope, contradictions.ToList(), FigureLayers.ContradictionCodec)], all: false);
    }

    public IReadOnlyList<string> PendingContradictionScopes() => _backend.PendingScopes(ContradictionsModule.Kind);

    public IReadOnlyList<Contradiction> Contradictions() =>
        [.. _backend.Scoped(ContradictionsModule.Kind).SelectMany(s => ScopedPack.Unpack(s, FigureLayers.ContradictionCodec))];

    public StoreStats Stats()
    {
        var totals = _backend.Totals();
        var layerRows = _backend.KeyTotals(LayerKey, int.MaxValue, 0).Items.ToDictionary(k => k.Value, k => k.Count, StringComparer.Ordinal);
        int resolved = _backend.KeyTotals(MentionLayer.ActorKey, int.MaxValue, 0).Items.Sum(k => k.Count);
        int contradictions = _backend.Scoped(ContradictionsModule.Kind).Sum(s => s.Count);
        return new StoreStats(totals.Articles, totals.Duplicates, layerRows.GetValueOrDefault(MentionLayer.Layer.Name), resolved,
            layerRows.GetValueOrDefault(FigureLayers.Figures.Name), contradictions, layerRows.GetValueOrDefault(FoundationLayers.Failures.Name))
        {
            Sources = totals.Sources,
            From = totals.From,
            To = totals.To,
        };
    }

    // ---- dates set by a person ----

    /// <summary>The evidence of a date set with <see cref="SetUserDate"/>.</summary>
    public const string UserDateEvidence = "set by the user";

    public ArticleDate? SetUserDate(string articleId, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_writeGate)
        {
            if (_backend.Get(articleId) is not { } stored)
            {
                return null;
            }

            // What the pipeline gave is kept once, from the first override; setting again replaces only the date.
            var replaced = _backend.DateOverride(articleId) is { } earlier
                ? earlier.Replaced
                : stored.Record.Date is { Source: not DateSource.User } pipeline ? pipeline : null;
            var user = new ArticleDate(date, DateSource.User, 1.0, UserDateEvidence);
            return _backend.WriteDate(articleId, user, new DateOverride(articleId, user, replaced)) ? user : null;
        }
    }

    public bool ClearUserDate(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_writeGate)
        {
            if (!_backend.Contains(articleId))
            {
                return false;
            }

            return _backend.DateOverride(articleId) is not { } userDate || _backend.WriteDate(articleId, userDate.Replaced, null);
        }
    }

    public IEnumerable<Article> ArticlesWithKey(string name, string value, IReadOnlyList<ILayerCodec> layers)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(layers);
        return Walk(name, value, layers);
    }

    private IEnumerable<Article> Walk(string name, string value, IReadOnlyList<ILayerCodec> layers)
    {
        // Keyset pages in date order: each starts after the last article of the one before, so reading them all costs
        // one pass over the key's articles (pages by offset read every article before each page again).
        const int Chunk = 256;
        DateKeyset? after = null;
        while (true)
        {
            var page = _backend.ArticlesWithKeyByDateAfter(name, value, after, Chunk);
            foreach (var stored in page)
            {
                yield return Restore(stored.Record, layers);
            }

            if (page.Count < Chunk)
            {
                yield break;
            }

            after = page[^1].After;
        }
    }

    public void Dispose() => _backend.Dispose();

    // A signature is stored as the low 16 bits of each of its values (before 2026-12-07 evening: the low 32 bits, which
    // are still read): two values that differ agree there once in 65,536, so over the 128 values of a signature the
    // estimated similarity moves by under 0.0005 on average, at a quarter of the bytes.
    private static byte[] PackSignature(ulong[] signature)
    {
        var low = new ushort[signature.Length];
        for (int i = 0; i < signature.Length; i++)
        {
            low[i] = (ushort)signature[i];
        }

        return MemoryMarshal.AsBytes(low.AsSpan()).ToArray();
    }

    /// <summary>Whether a packed signature of <paramref name="bytes"/> bytes holds 16-bit values (else 32-bit ones).</summary>
    private static bool Is16Bit(int bytes) => bytes == TextFingerprint.SignatureLength * sizeof(ushort);

    private static ulong[] UnpackSignature(byte[] packed)
    {
        if (Is16Bit(packed.Length))
        {
            var low16 = MemoryMarshal.Cast<byte, ushort>(packed);
            var values16 = new ulong[low16.Length];
            for (int i = 0; i < low16.Length; i++)
            {
                values16[i] = low16[i];
            }

            return values16;
        }

        var low = MemoryMarshal.Cast<byte, uint>(packed);
        var values = new ulong[low.Length];
        for (int i = 0; i < low.Length; i++)
        {
            values[i] = low[i];
        }

        return values;
    }

    internal static double PackedSimilarity(ulong[] signature, byte[] packed)
    {
        int same = 0;
        if (Is16Bit(packed.Length))
        {
            var low16 = MemoryMarshal.Cast<byte, ushort>(packed);
            for (int i = 0; i < low16.Length; i++)
            {
                if ((ushort)signature[i] == low16[i])
                {
                    same++;
                }
            }

            return (double)same / low16.Length;
        }

        var low = MemoryMarshal.Cast<byte, uint>(packed);
        if (low.Length != signature.Length || low.Length == 0)
        {
            return 0;
        }

        for (int i = 0; i < low.Length; i++)
        {
            if ((uint)signature[i] == low[i])
            {
                same++;
            }
        }

        return (double)same / low.Length;
    }
}
