namespace Tightrope.Pipeline;

/// <summary>Mutable list of stages; <see cref="Build"/> checks it and freezes it into a <see cref="ArticlePipeline"/>.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>Appends a stage; a stage of the same name is not added twice.</summary>
    public PipelineBuilder Use(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (!_stages.Exists(s => string.Equals(s.Name, stage.Name, StringComparison.Ordinal)))
        {
            _stages.Add(stage);
        }

        return this;
    }

    public PipelineBuilder InsertBefore(string name, IStage stage)
    {
        int i = _stages.FindIndex(s => string.Equals(s.Name, name, StringComparison.Ordinal));
        if (i < 0)
        {
            throw new InvalidOperationException($"No stage named '{name}' to insert '{stage.Name}' before.");
        }

        _stages.Insert(i, stage);
        return this;
    }

    public bool Remove(string name) => _stages.RemoveAll(s => string.Equals(s.Name, name, StringComparison.Ordinal)) > 0;

    /// <summary>Checks that every stage's requirements are produced by an earlier stage, then freezes the list.</summary>
    public ArticlePipeline Build()
    {
        var available = new HashSet<Layer> { Layer.Raw };
        var errors = new List<string>();
        foreach (var stage in _stages)
        {
            foreach (var need in stage.Requires)
            {
                if (!available.Contains(need))
                {
                    errors.Add($"stage '{stage.Name}' requires '{need}', which no earlier stage produces");
                }
            }

            foreach (var made in stage.Produces)
            {
                available.Add(made);
            }
        }

        if (errors.Count > 0)
        {
            throw new PipelineConfigurationException(string.Join("; ", errors));
        }

        return new ArticlePipeline([.. _stages]);
    }
}

public sealed class PipelineConfigurationException(string message) : Exception(message);
