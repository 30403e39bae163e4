using Tightrope.Model;

namespace Tightrope.Pipeline;

/// <summary>Clean, text, dedup and the article date: what every article goes through, whatever else is used.</summary>
public sealed class FoundationModule : IModule
{
    public static FoundationModule Instance { get; } = new();

    public string Name => "foundation";

    public IReadOnlyList<ILayerCodec> Layers => FoundationLayers.All;

    public void Setup(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Use(new Clean.CleanStage());
        builder.Use(new Text.TextStage());
        builder.Use(new Dedup.DedupStage());
        builder.Use(new Dates.ArticleDateStage(builder.Options.DefaultDate));
    }
}

public static class FoundationModuleExtensions
{
    /// <summary>Clean → text → dedup → article date.</summary>
    public static PipelineBuilder UseFoundation(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(FoundationModule.Instance);
    }
}
