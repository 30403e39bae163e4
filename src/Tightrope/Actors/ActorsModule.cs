using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Actors;

/// <summary>The actors capability: mentions found and resolved against the knowledge base, at the article's date.</summary>
public sealed class ActorsModule : IModule
{
    public static ActorsModule Instance { get; } = new();

    public string Name => "actors";

    public IReadOnlyList<ILayerCodec> Layers { get; } = [MentionLayer.Layer];

    public void Setup(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var actors = new ActorsStage(builder.Options);
        builder.Use(actors);
        builder.Use(new ActorRolesStage(actors));
    }
}

public static class ActorsModuleExtensions
{
    public static PipelineBuilder UseActors(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(ActorsModule.Instance);
    }
}
