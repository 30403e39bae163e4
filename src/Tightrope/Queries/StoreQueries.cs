using System.Globalization;
using Tightrope.Actors;
using Tightrope.Figures;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Storage;

namespace Tightrope.Queries;

/// <summary>Why a query gave no answer: what a CLI turns into an exit code and an HTTP API into a status.</summary>
public enum QueryError
{
    /// <summary>No such article, actor or indicator (exit 1; HTTP 404).</summary>
    NotFound,
    /// <summary>A parameter that cannot be answered (an ambiguous id prefix, a bad limit; exit 2; HTTP 400).</summary>
    BadRequest,
}

public sealed class QueryException(QueryError error, string message) : Exception(message)
{
    public QueryError Error { get; } = error;
}

/// <summary>An actor of the store, named from the knowledge base.</summary>
public sealed record ActorSummary(string Id, string? Name, string? Kind, int Mentions, int Articles);

/// <summary>A surface form an actor was mentioned by, and how often.</summary>
public sealed record FormCount(string Form, int Count);

/// <summary>
/// One actor: the knowledge-base entry (null when the store knows an id the knowledge base does not), how often and
/// where it is mentioned (totals over the whole store), the forms seen and example mentions (over the mentions read).
/// </summary>
public sealed record ActorDetail(
    string Id,
    Actor? Entry,
    int Mentions,
    Page<ActorArticle> Articles,
    IReadOnlyList<FormCount> FormsSeen,
    Page<MentionRecord> MentionsRead);

/// <summary>
/// The one query layer over a store, used by every front end (the CLI now, the HTTP API next): lists are pages with
/// their totals, lookups that find nothing throw <see cref="QueryException"/> with a reason a person can act on.
/// </summary>
public sealed class StoreQueries
{
    private readonly IArticleStore _store;

    public StoreQueries(IArticleStore store, KnowledgeBase? knowledge = null, IndicatorCatalog? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        Knowledge = knowledge ?? KnowledgeBase.Empty;
        Indicators = indicators ?? IndicatorCatalog.Empty;
    }

    public IArticleStore Store => _store;

    public KnowledgeBase Knowledge { get; }

    public IndicatorCatalog Indicators { get; }

    /// <summary>Largest page any list gives.</summary>
    public const int MaxLimit = 10_000;

    // ---- articles ----

    public Page<ArticleSummary> Articles(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPage(query.Limit, query.Offset);
        return _store.ListArticles(query);
    }

    /// <summary>The article with this id or unique id prefix, with every layer.</summary>
    public Article Article(string idOrPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrPrefix);
        var wanted = idOrPrefix.Trim().ToLowerInvariant();
        if (_store.GetArticle(wanted) is { } exact)
        {
            return exact;
        }

        var ids = _store.IdsStartingWith(wanted, 10);
        return ids.Count switch
        {
            0 => throw new QueryException(QueryError.NotFound, $"no article with id '{idOrPrefix}'"),
            1 => _store.GetArticle(ids[0]) ?? throw new QueryException(QueryError.NotFound, $"no article with id '{idOrPrefix}'"),
            _ => throw new QueryException(QueryError.BadRequest,
                $"'{idOrPrefix}' is the start of {(ids.Count >= 10 ? "10 or more" : ids.Count.ToString(CultureInfo.InvariantCulture))} article ids ({string.Join(", ", ids.Take(3))}, …): give more of it"),
        };
    }

    public Page<SearchHit> Search(string query, int limit = 20, int offset = 0)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new QueryException(QueryError.BadRequest, "the search query is empty");
        }

        CheckPage(limit, offset);
        return _store.Search(query, limit, offset);
    }

    // ---- actors ----

    public Page<ActorSummary> Actors(int limit = 100, int offset = 0)
    {
        CheckPage(limit, offset);
        var page = _store.ActorCounts(limit, offset);
        return new Page<ActorSummary>([.. page.Items.Select(c => Summary(c.ActorId, c.Mentions, c.Articles))], page.Total, offset);
    }

    private ActorSummary Summary(string id, int mentions, int articles)
    {
        var entry = Knowledge.Find(id);
        return new ActorSummary(id, entry?.Name, entry is null ? null : KnowledgeLoader.KindName(entry.Kind), mentions, articles);
    }

    /// <summary>One actor, with its first <paramref name="limit"/> mentions in article-date order.</summary>
    public ActorDetail Actor(string id, int limit = 200, int articleLimit = 20)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        CheckPage(limit, 0);
        CheckPage(articleLimit, 0);
        var entry = Knowledge.Find(id);
        var mentions = _store.MentionsOf(id, limit);
        if (entry is null && mentions.Total == 0)
        {
            throw new QueryException(QueryError.NotFound, $"no actor '{id}' in the knowledge base or the store");
        }

        var articles = _store.ArticlesMentioning(id, articleLimit);
        var forms = mentions.GroupBy(m => m.Mention.Text, StringComparer.Ordinal)
            .Select(g => new FormCount(g.Key, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Form, StringComparer.Ordinal).ToList();
        return new ActorDetail(id, entry, mentions.Total, articles, forms, mentions);
    }

    /// <summary>Unresolved names grouped across articles (the queue for the knowledge base).</summary>
    public IReadOnlyList<CandidateGroup> Unresolved(int limit = 100)
    {
        CheckPage(limit, 0);
        return _store.UnresolvedCandidates(limit);
    }

    // ---- figures ----

    /// <summary>
    /// Figures as a series (by period, then article date, then article and position); with an indicator, that
    /// indicator's. An indicator neither the catalogue nor the store knows is a bad request, not an empty series.
    /// </summary>
    public Page<FigureRecord> Figures(string? indicator = null, int limit = 200, int offset = 0)
    {
        CheckPage(limit, offset);
        if (indicator is not null && !Indicators.Indicators.Any(i => string.Equals(i.Id, indicator, StringComparison.Ordinal)))
        {
            if (_store.KeyTotal(FigureLayers.IndicatorKey, indicator) is null)
            {
                var known = string.Join(", ", Indicators.Indicators.Select(i => i.Id).Take(8));
                throw new QueryException(QueryError.BadRequest, $"unknown indicator '{indicator}'" + (known.Length > 0 ? $" (known: {known}, …)" : ""));
            }
        }

        var all = Series(_store.Figures(indicator)).ToList();
        return new Page<FigureRecord>([.. all.Skip(offset).Take(limit)], all.Count, offset);
    }

    /// <summary>Figures ordered as a series: by period, then article date, then article and position.</summary>
    public static IEnumerable<FigureRecord> Series(IEnumerable<FigureRecord> records) =>
        records.OrderBy(r => r.Figure.Period ?? r.ArticleDate?.Year.ToString(CultureInfo.InvariantCulture) ?? "9999", StringComparer.Ordinal)
               .ThenBy(r => r.ArticleDate ?? DateOnly.MaxValue)
               .ThenBy(r => r.ArticleId, StringComparer.Ordinal)
               .ThenBy(r => r.Figure.Span.Start);

    public Page<Contradiction> Contradictions(int limit = 1000, int offset = 0)
    {
        CheckPage(limit, offset);
        var all = _store.Contradictions();
        return new Page<Contradiction>([.. all.Skip(offset).Take(limit)], all.Count, offset);
    }

    public StoreStats Stats() => _store.Stats();

    private static void CheckPage(int limit, int offset)
    {
        if (limit < 1 || limit > MaxLimit && limit != int.MaxValue)
        {
            throw new QueryException(QueryError.BadRequest, $"the limit must be between 1 and {MaxLimit:N0}, not {limit}");
        }

        if (offset < 0)
        {
            throw new QueryException(QueryError.BadRequest, $"the offset cannot be negative ({offset})");
        }
    }
}
