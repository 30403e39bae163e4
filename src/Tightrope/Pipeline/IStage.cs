using Tightrope.Model;

namespace Tightrope.Pipeline;

/// <summary>
/// One step of the pipeline: article in, article annotated. A stage is built once and called from many threads,
/// so it keeps no per-article state in fields.
/// </summary>
public interface IStage
{
    /// <summary>Short, unique, lower-case name ("clean", "sentences", "actors").</summary>
    string Name { get; }

    /// <summary>Layers that must exist before this stage runs.</summary>
    IReadOnlyList<Layer> Requires { get; }

    /// <summary>Layers this stage adds.</summary>
    IReadOnlyList<Layer> Produces { get; }

    void Process(Article article);
}
