using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Figures;

/// <summary>The figures capability: numeric claims with what they measure, their period, actor and USD value.</summary>
public sealed class FiguresModule : IModule
{
    public static FiguresModule Instance { get; } = new();

    public string Name => "figures";

    public IReadOnlyList<ILayerCodec> Layers { get; } = [FigureLayers.Figures];

    public void Setup(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Use(FiguresStage.FromFolder(builder.Options.KnowledgeFolder ?? KnowledgeLoader.FindDefaultFolder()));
    }
}

/// <summary>
/// The contradictions capability: what an article contradicts in itself (role conflicts, kept with the article), and
/// figures that disagree across articles (kept per indicator, recomputed after the batches that bring new figures).
/// </summary>
public sealed class ContradictionsModule : IModule, IStoreContributor
{
    /// <summary>The kind of scoped records contradictions are kept as.</summary>
    public const string Kind = "contradictions";

    public static ContradictionsModule Instance { get; } = new();

    public string Name => "contradictions";

    /// <summary>None on the article row: contradictions are kept per scope (<see cref="ContradictionScopes"/>).</summary>
    public IReadOnlyList<ILayerCodec> Layers { get; } = [];

    public void Contribute(Article article, bool duplicate, StoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(batch);
        if (duplicate)
        {
            return;
        }

        if (article.Find(FigureAnnotations.ContradictionsKey) is { Count: > 0 } own)
        {
            batch.Scoped.Add((Kind, ScopedPack.Pack(ContradictionScopes.Article(article.Id), own, FigureLayers.ContradictionCodec)));
        }

        // The indicator's contradictions are recomputed after the batch; marked in the batch's transaction, so that a
        // crash before that recompute leaves the work for the next run.
        foreach (var f in article.Figures)
        {
            if (f.IndicatorId is { } id && f.EquivalentOf is null)
            {
                batch.Pending.Add((Kind, ContradictionScopes.Indicator(id)));
            }
        }
    }

    public void Setup(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Use(new ContradictionsStage(builder.Options.Knowledge));
    }
}

public static class FiguresModuleExtensions
{
    public static PipelineBuilder UseFigures(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(FiguresModule.Instance);
    }

    public static PipelineBuilder UseContradictions(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(ContradictionsModule.Instance);
    }
}
