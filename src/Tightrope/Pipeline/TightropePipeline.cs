using Tightrope.Knowledge;

namespace Tightrope.Pipeline;

/// <summary>Options for the default pipeline.</summary>
public sealed record PipelineOptions
{
    public KnowledgeBase Knowledge { get; init; } = KnowledgeBase.Empty;
    /// <summary>Article date to use when the input has none (the CLI's --date).</summary>
    public DateOnly? DefaultDate { get; init; }
    /// <summary>The knowledge folder (indicators.yaml, rates/usd-annual.csv); null: none.</summary>
    public string? KnowledgeFolder { get; init; }
}

/// <summary>The stages of Tightrope in order. Each capability adds its stage here.</summary>
public static class TightropePipeline
{
    public static PipelineBuilder CreateBuilder(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new PipelineBuilder();
        // Stages are added here as the capabilities land: clean, text, dedup, dates, actors, figures.
        builder.Use(new Dedup.DedupStage());
        builder.Use(new Actors.ActorsStage(options));
        builder.Use(Figures.FiguresStage.FromFolder(options.KnowledgeFolder ?? KnowledgeLoader.FindDefaultFolder()));
        Batch.PassThroughCleanStage.AddIfMissing(builder); // until the clean stage is registered above
        return builder;
    }

    public static ArticlePipeline Create(PipelineOptions options) => CreateBuilder(options).Build();
}
