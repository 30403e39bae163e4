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
        // Stages in the order the data flows; dates, events and issues join as they land.
        builder.Use(new Clean.CleanStage());
        builder.Use(new Text.TextStage());
        builder.Use(new Dedup.DedupStage());
        builder.Use(new Dates.ArticleDateStage(options.DefaultDate));
        builder.Use(new Actors.ActorsStage(options));
        builder.Use(Figures.FiguresStage.FromFolder(options.KnowledgeFolder ?? KnowledgeLoader.FindDefaultFolder()));
        builder.Use(new Figures.ContradictionsStage(options.Knowledge));
        return builder;
    }

    public static ArticlePipeline Create(PipelineOptions options) => CreateBuilder(options).Build();
}
