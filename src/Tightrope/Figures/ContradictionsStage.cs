using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Figures;

/// <summary>
/// The "contradictions" stage: what an article contradicts in itself, found while it is processed and stored with it
/// (one transaction, so a crash never leaves an article without them). Today: role conflicts (<see cref="RoleConflicts"/>).
/// Contradictions between articles need the store and are found by <see cref="ContradictionUpdater"/> after each batch.
/// </summary>
public sealed class ContradictionsStage(KnowledgeBase knowledge) : IStage
{
    public static readonly Layer Layer = new("contradictions");

    public string Name => "contradictions";

    public IReadOnlyList<Layer> Requires { get; } = [Pipeline.Layer.CleanText, Pipeline.Layer.Sentences, Pipeline.Layer.Mentions];

    public IReadOnlyList<Layer> Produces { get; } = [Layer];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        article.Contradictions.Clear();
        article.Contradictions.AddRange(RoleConflicts.Find(article, knowledge));
    }
}

/// <summary>
/// Keeps the stored figure contradictions up to date while ingesting: the store records, in the transaction that
/// saves a figure, that its indicator is pending; <see cref="Update"/> recomputes each pending indicator over all its
/// stored figures and replaces its contradictions (and clears the mark) in one transaction. The result depends only
/// on what is stored, so re-ingesting adds nothing and a run killed at any point and started again ends the same.
/// </summary>
public sealed class ContradictionUpdater(IndicatorCatalog indicators, ExchangeRates? rates = null)
{
    private readonly ContradictionFinder _finder = new(indicators, rates);

    /// <summary>Recomputes the pending scopes; returns how many scopes were recomputed.</summary>
    public int Update(IArticleStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        int done = 0;
        foreach (var scope in store.PendingContradictionScopes())
        {
            // Only indicators are ever pending: an article's own contradictions are written with it.
            if (scope.StartsWith(ContradictionScopes.IndicatorPrefix, StringComparison.Ordinal))
            {
                var id = scope[ContradictionScopes.IndicatorPrefix.Length..];
                store.ReplaceContradictions(scope, _finder.FindFor(id, store.Figures(id)));
                done++;
            }
        }

        return done;
    }

    /// <summary>
    /// Recomputes every contradiction of the store and replaces what it held: figure contradictions over every stored
    /// figure, then role conflicts article by article (at each article's date, with the knowledge base given).
    /// </summary>
    public int RecomputeAll(IArticleStore store, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(knowledge);
        var result = new List<Contradiction>(_finder.Find(store.Figures()));
        const int Page = 500;
        for (int offset = 0; ; offset += Page)
        {
            var batch = store.ListArticles(new ArticleQuery { Limit = Page, Offset = offset });
            foreach (var summary in batch)
            {
                if (summary.DuplicateOf is null && store.GetArticle(summary.Id) is { } article)
                {
                    result.AddRange(RoleConflicts.Find(article, knowledge));
                }
            }

            if (offset + Page >= batch.Total)
            {
                break;
            }
        }

        store.ReplaceContradictions(result);
        return result.Count;
    }
}
