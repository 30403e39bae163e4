using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Batch;

/// <summary>
/// Stand-in used only while no stage of the default pipeline produces <see cref="Layer.CleanText"/>: it declares
/// the extracted text clean as it is, so the stages after it can run. Once the clean stage is registered,
/// <see cref="TightropePipeline"/> no longer adds it (and it can be deleted).
/// </summary>
internal sealed class PassThroughCleanStage : IStage
{
    public string Name => "clean-passthrough";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.Raw];

    public IReadOnlyList<Layer> Produces { get; } = [Layer.CleanText];

    public void Process(Article article)
    {
    }

    /// <summary>Inserts the stand-in at the front when no stage produces clean text.</summary>
    public static void AddIfMissing(PipelineBuilder builder)
    {
        foreach (var stage in builder.Stages)
        {
            if (stage.Produces.Contains(Layer.CleanText))
            {
                return;
            }
        }

        if (builder.Stages.Count == 0)
        {
            builder.Use(new PassThroughCleanStage());
        }
        else
        {
            builder.InsertBefore(builder.Stages[0].Name, new PassThroughCleanStage());
        }
    }
}
