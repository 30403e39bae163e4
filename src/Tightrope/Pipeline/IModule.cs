using Tightrope.Model;

namespace Tightrope.Pipeline;

/// <summary>
/// A capability (actors, figures, contradictions; next dates, events, issues): it owns its stages, the layers its
/// records are kept in (an <see cref="AnnotationKey{T}"/> slot on the article and one <see cref="ILayerCodec"/>), and
/// registers them with the pipeline builder (Markdig's <c>IMarkdownExtension.Setup</c>). Adding a capability is a new
/// folder with its module and one line in <see cref="TightropePipeline.Modules"/>.
/// </summary>
public interface IModule
{
    /// <summary>Short, unique, lower-case name ("actors").</summary>
    string Name { get; }

    /// <summary>The layers the module's records live in; known without building any stage (stores read them).</summary>
    IReadOnlyList<ILayerCodec> Layers { get; }

    /// <summary>Adds the module's stages, reading what it needs from <see cref="PipelineBuilder.Options"/>.</summary>
    void Setup(PipelineBuilder builder);
}

/// <summary>
/// A module whose records need more than its layers when an article is stored: records kept per scope (an article's
/// own contradictions) or scopes to recompute after the batch (an indicator that got new figures). Called by the core
/// store for each article it writes, so backends never hold a capability's rules.
/// </summary>
public interface IStoreContributor
{
    void Contribute(Article article, bool duplicate, Storage.StoreBatch batch);
}
