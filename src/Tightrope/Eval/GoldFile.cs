using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tightrope.Eval;

/// <summary>
/// A gold-standard annotation of one article (<c>shared/gold/*.gold.yaml</c>): what the article contains.
/// The header comment of each file states the conventions.
/// </summary>
public sealed class GoldFile
{
    public GoldArticle Article { get; set; } = new();
    public List<GoldActor> Actors { get; set; } = [];
    public List<GoldFigure> Figures { get; set; } = [];
    public List<GoldEvent> Events { get; set; } = [];
    public List<GoldInconsistency> Inconsistencies { get; set; } = [];
    public List<GoldNoise> Noise { get; set; } = [];
    [YamlMember(Alias = "other_named_entities")]
    public List<GoldNamedEntity> OtherNamedEntities { get; set; } = [];
    [YamlMember(Alias = "not_figures")]
    public List<GoldNotFigure> NotFigures { get; set; } = [];

    /// <summary>Path of the gold file this was read from.</summary>
    [YamlIgnore]
    public string Path { get; set; } = "";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static GoldFile Load(string path)
    {
        using var reader = new StreamReader(path);
        var gold = Deserializer.Deserialize<GoldFile>(reader) ?? new GoldFile();
        gold.Path = path;
        return gold;
    }

    /// <summary>Loads every <c>*.gold.yaml</c> in a folder, in name order.</summary>
    public static List<GoldFile> LoadFolder(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.gold.yaml").Order(StringComparer.Ordinal).Select(Load)];
}

public sealed class GoldArticle
{
    public string File { get; set; } = "";
    public string? Source { get; set; }
    public string? Title { get; set; }
    public string? Author { get; set; }
    public string? LanguageOfOrigin { get; set; }
    /// <summary>"2024-11-08", "2020-10" or "2026-01".</summary>
    public string? InferredDate { get; set; }
    public string? DateEvidence { get; set; }
    public bool Uncertain { get; set; }
}

public sealed class GoldActor
{
    public string Canonical { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Native { get; set; }
    public string? RoleAtTime { get; set; }
    public List<string> Mentions { get; set; } = [];
    public bool InNoise { get; set; }
    public bool Uncertain { get; set; }
    public string? Note { get; set; }
}

public sealed class GoldFigure
{
    public string Text { get; set; } = "";
    public double Value { get; set; }
    public string Unit { get; set; } = "";
    public bool Approximate { get; set; }
    public string? Measures { get; set; }
    public string? Period { get; set; }
    public string? Sentence { get; set; }
    public bool Optional { get; set; }
    public bool Uncertain { get; set; }
    public bool InNoise { get; set; }
    public string? Note { get; set; }
}

public sealed class GoldEvent
{
    public string Type { get; set; } = "";
    public string? SourceActor { get; set; }
    public string? TargetActor { get; set; }
    public string? Summary { get; set; }
    public string? Date { get; set; }
    public string? DateText { get; set; }
    public string? Sentence { get; set; }
    public bool Uncertain { get; set; }
    public string? Note { get; set; }
}

public sealed class GoldInconsistency
{
    public string Description { get; set; } = "";
    /// <summary>"false", "role_conflict", "date_conflict" or "figure_conflict".</summary>
    public string Detectable { get; set; } = "false";
}

public sealed class GoldNoise
{
    public string Text { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Note { get; set; }
}

public sealed class GoldNamedEntity
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public List<string> Mentions { get; set; } = [];
    public string? Note { get; set; }
}

public sealed class GoldNotFigure
{
    public string Text { get; set; } = "";
    public string? Why { get; set; }
}
