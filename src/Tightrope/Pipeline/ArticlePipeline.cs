using Tightrope.Model;

namespace Tightrope.Pipeline;

/// <summary>
/// A frozen, thread-safe list of stages. An exception in one stage for one article is recorded on that article;
/// stages that need what the failed stage would have produced are skipped; the caller's batch goes on.
/// </summary>
public sealed class ArticlePipeline
{
    private readonly IStage[] _stages;

    internal ArticlePipeline(IStage[] stages, ILayerCodec[] layers)
    {
        _stages = stages;
        Layers = layers;
    }

    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>The layers its articles carry (what a store keeps of them).</summary>
    public IReadOnlyList<ILayerCodec> Layers { get; }

    public Article Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        HashSet<Layer>? missing = null;
        foreach (var stage in _stages)
        {
            if (missing is not null && Blocked(stage, missing) is { } layer)
            {
                article.Failures.Add(new StageFailure(stage.Name, $"skipped: '{layer}' is missing after an earlier failure"));
                foreach (var p in stage.Produces)
                {
                    missing.Add(p);
                }

                continue;
            }

            try
            {
                stage.Process(article);
            }
#pragma warning disable CA1031 // One bad article must never sink a batch: the failure is recorded on the article.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                article.Failures.Add(new StageFailure(stage.Name, ex.Message, ex.GetType().Name));
                missing ??= [];
                foreach (var p in stage.Produces)
                {
                    missing.Add(p);
                }
            }
        }

        return article;
    }

    private static Layer? Blocked(IStage stage, HashSet<Layer> missing)
    {
        foreach (var need in stage.Requires)
        {
            if (missing.Contains(need))
            {
                return need;
            }
        }

        return null;
    }
}
