using Tightrope.Model;

namespace Tightrope.Pipeline;

/// <summary>Mutable list of stages; <see cref="Build"/> checks it and freezes it into a <see cref="ArticlePipeline"/>.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];
    private readonly List<ILayerCodec> _layers = [];
    private readonly List<string> _modules = [];

    public PipelineBuilder(PipelineOptions? options = null) => Options = options ?? new PipelineOptions();

    /// <summary>What modules read when they set themselves up (knowledge base, default date, knowledge folder).</summary>
    public PipelineOptions Options { get; }

    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>The layers the pipeline's articles carry, as stores, exports and JSON see them.</summary>
    public IReadOnlyList<ILayerCodec> Layers => _layers;

    /// <summary>Names of the modules set up so far.</summary>
    public IReadOnlyList<string> Modules => _modules;

    /// <summary>Lets a module add its stages and layers, once (a module used twice is set up once).</summary>
    public PipelineBuilder Use(IModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!_modules.Contains(module.Name, StringComparer.Ordinal))
        {
            _modules.Add(module.Name);
            foreach (var layer in module.Layers)
            {
                AddLayer(layer);
            }

            module.Setup(this);
        }

        return this;
    }

    /// <summary>Declares a layer (idempotent by name; two different layers of one name are a configuration error).</summary>
    public PipelineBuilder AddLayer(ILayerCodec layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var same = _layers.Find(l => string.Equals(l.Name, layer.Name, StringComparison.Ordinal));
        if (same is null)
        {
            _layers.Add(layer);
        }
        else if (!ReferenceEquals(same, layer))
        {
            throw new PipelineConfigurationException($"two different layers are named '{layer.Name}'");
        }

        return this;
    }

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

    /// <summary>Inserts the stage before the one named <paramref name="name"/> when there is one, else appends it.</summary>
    public PipelineBuilder UseBefore(string name, IStage stage) =>
        _stages.Exists(s => string.Equals(s.Name, name, StringComparison.Ordinal)) ? InsertBefore(name, stage) : Use(stage);

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

        return new ArticlePipeline([.. _stages], [.. _layers]);
    }
}

public sealed class PipelineConfigurationException(string message) : Exception(message);
