using System.Globalization;
using Tightrope.Actors;
using Tightrope.Dates;
using Tightrope.Events;
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

    // ---- article dates ----

    /// <summary>
    /// Sets a person's date on the article with this id or unique prefix (<c>tightrope article set-date</c>): date
    /// source user, confidence 1. <paramref name="date"/> is YYYY-MM-DD. Returns the article as it is now.
    /// </summary>
    public Article SetDate(string idOrPrefix, string date)
    {
        ArgumentNullException.ThrowIfNull(date);
        if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new QueryException(QueryError.BadRequest, $"the date must be a calendar day as YYYY-MM-DD (2024-11-07), not '{date}'");
        }

        var article = Article(idOrPrefix);
        _ = _store.SetUserDate(article.Id, day) ?? throw new QueryException(QueryError.NotFound, $"no article with id '{idOrPrefix}'");
        return Article(article.Id);
    }

    /// <summary>Drops the date a person set on the article: it goes back to the date the pipeline gave it. Returns the article as it is now.</summary>
    public Article ClearDate(string idOrPrefix)
    {
        var article = Article(idOrPrefix);
        if (!_store.ClearUserDate(article.Id))
        {
            throw new QueryException(QueryError.NotFound, $"no article with id '{idOrPrefix}'");
        }

        return Article(article.Id);
    }

    // ---- events ----

    private static readonly ILayerCodec[] EventLayers = [EventLayer.Layer, MentionLayer.Layer];

    /// <summary>
    /// Stored events (duplicates not counted) with their article and sentence, filtered, ordered by date (undated
    /// last), then article date, article and position. The articles walked are those of the narrowest key: the actor's,
    /// else the type's, else every article with events. An unknown type, modality or actor is a bad request.
    /// </summary>
    public Page<EventRecord> Events(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPage(query.Limit, query.Offset);
        string? type = null;
        if (query.Type is { } t)
        {
            type = t.Trim().ToUpperInvariant();
            if (!EventNames.PloverTypes.Contains(type, StringComparer.Ordinal))
            {
                throw new QueryException(QueryError.BadRequest, $"unknown event type '{t}' (PLOVER types: {string.Join(", ", EventNames.PloverTypes)})");
            }
        }

        Modality? modality = null;
        if (query.Modality is { } m)
        {
            modality = m.Trim() is { Length: > 0 } name && name.All(char.IsAsciiLetter) && Enum.TryParse<Modality>(name, ignoreCase: true, out var parsed)
                ? parsed
                : throw new QueryException(QueryError.BadRequest, $"unknown modality '{m}' (one of: {string.Join(", ", EventNames.Modalities)})");
        }

        if (query.From is { } from && query.To is { } to && from > to)
        {
            throw new QueryException(QueryError.BadRequest, $"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        }

        var actor = query.Actor?.Trim();
        if (actor is not null && Knowledge.Find(actor) is null && _store.KeyTotal(EventNames.ActorKey, actor) is null
            && _store.KeyTotal(MentionLayer.ActorKey, actor) is null)
        {
            throw new QueryException(QueryError.BadRequest, $"unknown actor '{actor}': not in the knowledge base or the store");
        }

        var (keyName, keyValue) = actor is not null ? (EventNames.ActorKey, actor)
            : type is not null ? (EventNames.TypeKey, type)
            : (ArticleStore.LayerKey, EventLayer.Layer.Name);
        var all = new List<EventRecord>();
        foreach (var article in _store.ArticlesWithKey(keyName, keyValue, EventLayers))
        {
            var articleDate = article.Date?.Date ?? article.Metadata.Published;
            foreach (var e in article.Events)
            {
                if ((type is not null && !string.Equals(e.Type, type, StringComparison.Ordinal))
                    || (modality is { } wanted && e.Modality != wanted)
                    || (actor is not null && !string.Equals(e.SourceId, actor, StringComparison.Ordinal) && !string.Equals(e.TargetId, actor, StringComparison.Ordinal)))
                {
                    continue;
                }

                // An event dated by its article follows the article's date as it is now (a person may have set it).
                var (date, dateFrom) = EventRecord.DateOf(e, articleDate);
                if (query.From is not null || query.To is not null)
                {
                    if (TimexValue.Bounds(date) is not { } bounds || bounds.First < query.From || bounds.Last > query.To)
                    {
                        continue;
                    }
                }

                var sentence = e.Sentence.End <= article.Text.Length && e.Sentence.Start >= 0 && e.Sentence.End > e.Sentence.Start
                    ? article.Text[e.Sentence.Start..e.Sentence.End]
                    : null;
                all.Add(new EventRecord(article.Id, article.Metadata.Title, articleDate, e, date, dateFrom, sentence) 
                {
                    ArticleSource = article.Metadata.Source,
                    SourceText = EventRecord.MentionText(article.Mentions, e, e.SourceId),
                    TargetText = EventRecord.MentionText(article.Mentions, e, e.TargetId),
                });
            }
        }

        var ordered = all.OrderBy(r => TimexValue.FirstDay(r.Date) ?? DateOnly.MaxValue)
            .ThenBy(r => r.ArticleDate ?? DateOnly.MaxValue)
            .ThenBy(r => r.ArticleId, StringComparer.Ordinal)
            .ThenBy(r => r.Event.Span.Start)
            .ToList();
        return new Page<EventRecord>([.. ordered.Skip(query.Offset).Take(query.Limit)], ordered.Count, query.Offset);
    }

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
