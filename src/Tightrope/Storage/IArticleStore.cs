using Tightrope.Actors;
using Tightrope.Figures;
using Tightrope.Model;

namespace Tightrope.Storage;

/// <summary>What happened when an article was saved.</summary>
public enum SaveOutcome
{
    /// <summary>New article, stored with its layers.</summary>
    Stored,
    /// <summary>An article with the same content id is already stored: nothing was written.</summary>
    AlreadyPresent,
    /// <summary>Stored as a duplicate linked to <see cref="Article.DuplicateOf"/> (its layers are not counted twice).</summary>
    Duplicate,
}

public sealed record ArticleSummary(string Id, string? Title, string? Source, DateOnly? Date, string? Origin, int Length, string? DuplicateOf);

public sealed record ArticleQuery
{
    public string? Source { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
}

/// <summary>
/// A full-text hit: the article, a snippet of its text and where in the snippet the query matched (character ranges
/// into <see cref="Snippet"/>, which is plain text: brackets in it are the article's own).
/// </summary>
public sealed record SearchHit(string ArticleId, string? Title, string Snippet, double Rank)
{
    public IReadOnlyList<TextSpan> Matches { get; init; } = [];

    /// <summary>Splits a snippet whose matches are wrapped in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public static (string Snippet, IReadOnlyList<TextSpan> Matches) Unmark(string marked, char open, char close)
    {
        var text = new System.Text.StringBuilder(marked.Length);
        var matches = new List<TextSpan>();
        int start = -1;
        foreach (char c in marked)
        {
            if (c == open)
            {
                start = text.Length;
            }
            else if (c == close && start >= 0)
            {
                matches.Add(new TextSpan(start, text.Length));
                start = -1;
            }
            else
            {
                text.Append(c);
            }
        }

        return (text.ToString(), matches);
    }
}

/// <summary>An actor with how often and in how many articles it is mentioned (duplicates not counted).</summary>
public sealed record ActorCount(string ActorId, int Mentions, int Articles);

/// <summary>An article an actor is mentioned in, with how many mentions.</summary>
public sealed record ActorArticle(string ArticleId, string? Title, DateOnly? Date, int Mentions);

/// <summary>A stored mention with the article and sentence it is in.</summary>
public sealed record MentionRecord(string ArticleId, Mention Mention, string? SentenceText, DateOnly? ArticleDate);

/// <summary>Unresolved names grouped across articles by normalised form.</summary>
public sealed record CandidateGroup(string Normalized, int Count, int Articles, IReadOnlyList<string> Forms, IReadOnlyList<string> ExampleSentences);

public sealed record StoreStats(int Articles, int Duplicates, int Mentions, int ResolvedMentions, int Figures, int Contradictions, int Failures)
{
    /// <summary>Distinct sources of the stored articles.</summary>
    public int Sources { get; init; }

    /// <summary>Earliest and latest article date (metadata or inferred), if any article has one.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
}

/// <summary>
/// The store of articles and their layers, as the pipeline and the front ends use it: one implementation in the core
/// (<see cref="ArticleStore"/>) over any <see cref="IStoreBackend"/>. Writes are one transaction per batch, keyed by
/// content id, so saving the same article again changes nothing and a crash loses at most the batch in flight.
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>Where the store is ("sqlite:/path").</summary>
    string Location { get; }

    SaveOutcome Save(Article article);

    /// <summary>
    /// Saves articles in order, in one transaction; each article is all-or-nothing and a crash loses at most the
    /// articles of the transaction in flight, never part of one.
    /// </summary>
    IReadOnlyList<SaveOutcome> SaveMany(IReadOnlyList<Article> articles);

    /// <summary>
    /// Packs an article for <see cref="SaveMany(IReadOnlyList{PreparedArticle})"/> without touching the store
    /// (thread-safe: ingest's pipeline workers call it, and the writer's queue then holds packed rows, not articles).
    /// </summary>
    PreparedArticle Prepare(Article article);

    /// <summary>
    /// As <see cref="Prepare(Article)"/> for the document at <paramref name="inputOrder"/> (rising) of a run's input: an
    /// article that looks like a copy of one before it is packed only as a duplicate, and <paramref name="rebuild"/>
    /// gives the article again if the write finds it an original after all.
    /// </summary>
    PreparedArticle Prepare(Article article, long inputOrder, Func<Article> rebuild);

    /// <summary>As <see cref="SaveMany(IReadOnlyList{Article})"/>, for articles prepared before; the articles are not changed.</summary>
    IReadOnlyList<SaveOutcome> SaveMany(IReadOnlyList<PreparedArticle> articles);

    /// <summary>Ids of stored articles that start with <paramref name="prefix"/> (for short ids on the command line).</summary>
    IReadOnlyList<string> IdsStartingWith(string prefix, int limit = 10);

    bool Contains(string articleId);

    /// <summary>The id of a stored article whose cleaned text has this hash, if any.</summary>
    string? FindByTextHash(string textHash);

    /// <summary>The id of a stored article whose near-duplicate signature is close to this one, if any.</summary>
    string? FindNearDuplicate(ulong[] signature);

    /// <summary>The stored article with every layer, as the pipeline left it (raw text, offsets and all).</summary>
    Article? GetArticle(string id);

    Page<ArticleSummary> ListArticles(ArticleQuery query);

    Page<SearchHit> Search(string query, int limit = 20, int offset = 0);

    Page<ActorCount> ActorCounts(int limit = int.MaxValue, int offset = 0);

    Page<MentionRecord> MentionsOf(string actorId, int limit = 50, int offset = 0);

    /// <summary>The articles that mention the actor, in article-date order, with how many mentions each.</summary>
    Page<ActorArticle> ArticlesMentioning(string actorId, int limit = 20, int offset = 0);

    /// <summary>How many records carry a key (("actor", id), ("indicator", id)), in how many articles; null: none.</summary>
    KeyTotal? KeyTotal(string name, string value);

    IReadOnlyList<CandidateGroup> UnresolvedCandidates(int limit = 100);

    IReadOnlyList<FigureRecord> Figures(string? indicatorId = null);

    /// <summary>Replaces every stored contradiction (they are recomputed over the whole store).</summary>
    void ReplaceContradictions(IEnumerable<Contradiction> contradictions);

    /// <summary>
    /// Replaces the stored contradictions of one scope (<see cref="ContradictionScopes"/>: an indicator's figure
    /// contradictions, an article's own) and marks the scope done, in one transaction.
    /// </summary>
    void ReplaceContradictions(string scope, IEnumerable<Contradiction> contradictions);

    /// <summary>Scopes whose contradictions are out of date: indicators that received figures since they were last computed.</summary>
    IReadOnlyList<string> PendingContradictionScopes();

    /// <summary>The stored contradictions, ordered by scope and position (the same whatever order the articles came in).</summary>
    IReadOnlyList<Contradiction> Contradictions();

    StoreStats Stats();

    /// <summary>
    /// Sets a person's date for a stored article (<see cref="DateSource.User"/>, confidence 1): it is the article's
    /// date for every read and list filter, kept over any other source when the same content is saved again, until
    /// <see cref="ClearUserDate"/>. Returns the article's date now, or null when no article has this id.
    /// </summary>
    ArticleDate? SetUserDate(string articleId, DateOnly date);

    /// <summary>
    /// Drops a person's date: the article goes back to the date the pipeline gave it (or none). Returns false when no
    /// article has this id (true when it had no override: nothing changes).
    /// </summary>
    bool ClearUserDate(string articleId);

    /// <summary>
    /// The articles indexed under a key (("event-type", "CONSULT"), ("layer", "events")), in article-date order, with
    /// only <paramref name="layers"/> read back: what a query over one capability's records walks.
    /// </summary>
    IEnumerable<Article> ArticlesWithKey(string name, string value, IReadOnlyList<ILayerCodec> layers);
}

/// <summary>
/// Where a stored contradiction belongs, so that it can be recomputed alone: "indicator:&lt;id&gt;" for figure
/// contradictions across articles, "article:&lt;id&gt;" for what an article contradicts in itself (role conflicts).
/// </summary>
public static class ContradictionScopes
{
    public const string IndicatorPrefix = "indicator:";
    public const string ArticlePrefix = "article:";

    public static string Indicator(string indicatorId) => IndicatorPrefix + indicatorId;

    public static string Article(string articleId) => ArticlePrefix + articleId;

    public static string Of(Contradiction contradiction)
    {
        ArgumentNullException.ThrowIfNull(contradiction);
        return contradiction.Kind == ContradictionKind.Figure ? Indicator(contradiction.Subject) : Article(contradiction.A.ArticleId);
    }
}
