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

/// <summary>Tightrope's capabilities in order; each registers its stages and layers (<see cref="IModule"/>).</summary>
public static class TightropePipeline
{
    /// <summary>The modules of the default pipeline, in the order the data flows. A new capability adds one line here.</summary>
    public static IReadOnlyList<IModule> Modules { get; } =
    [
        FoundationModule.Instance,
        Actors.ActorsModule.Instance,
        Dates.DatesModule.Instance, // places its date stages around the actors' (names, then roles at the date)
        Figures.FiguresModule.Instance,
        Figures.ContradictionsModule.Instance,
        Events.EventsModule.Instance,
    ];

    /// <summary>Every layer the default modules keep on an article (what a store reads back), without building a stage.</summary>
    public static IReadOnlyList<Model.ILayerCodec> Layers { get; } = [.. Modules.SelectMany(m => m.Layers)];

    public static PipelineBuilder CreateBuilder(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new PipelineBuilder(options);
        foreach (var module in Modules)
        {
            builder.Use(module);
        }

        return builder;
    }

    public static ArticlePipeline Create(PipelineOptions options) => CreateBuilder(options).Build();
}
