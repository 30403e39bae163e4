using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tightrope.Figures;

/// <summary>
/// A measure that recurs across articles (knowledge/indicators.yaml): figures attached to it form a series.
/// The file's header documents the schema.
/// </summary>
public sealed record Indicator
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>"money", "percent", "fraction", "share" (percent or fraction) or a count unit ("troops").</summary>
    public required string Unit { get; init; }
    public IReadOnlyList<string> Units { get; init; } = [];
    public string? Actor { get; init; }
    public IReadOnlyList<string> Cues { get; init; } = [];
    public IReadOnlyList<string> Context { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    /// <summary>Range of bare numbers (no unit written) the indicator claims in a cued sentence.</summary>
    public (double Min, double Max)? Bare { get; init; }
    public double Tolerance { get; init; } = 0.05;
    /// <summary>
    /// How figures of the indicator form a series: <see cref="IndicatorSeries.Annual"/> (an amount per year: figures
    /// contradict only within one period) or <see cref="IndicatorSeries.Level"/> (a standing level such as a troop
    /// count: also compared with the levels reported before and after it).
    /// </summary>
    public IndicatorSeries Series { get; init; } = IndicatorSeries.Annual;
    /// <summary>For a level: how far apart in years the reports before and after a figure may be and still bracket it.</summary>
    public int Horizon { get; init; } = 5;
    public string? Origin { get; init; }

    /// <summary>Whether a figure of this unit and kind can measure this indicator.</summary>
    public bool Accepts(string unit, FigureKind kind) => Unit switch
    {
        "money" => kind == FigureKind.Money,
        "percent" => kind is FigureKind.Percent or FigureKind.Change or FigureKind.PercentagePoints && unit != "times",
        "fraction" => kind == FigureKind.Fraction,
        "share" => kind is FigureKind.Percent or FigureKind.Fraction,
        _ => string.Equals(unit, Unit, StringComparison.OrdinalIgnoreCase) || HasUnit(unit),
    };

    /// <summary>Whether <see cref="Units"/> holds the unit (any case); a loop by index, which allocates nothing.</summary>
    private bool HasUnit(string unit)
    {
        for (int i = 0; i < Units.Count; i++)
        {
            if (string.Equals(Units[i], unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>How the figures of an indicator make a series over time.</summary>
public enum IndicatorSeries
{
    /// <summary>An amount for a period (a year's payment): figures contradict only within the same period.</summary>
    Annual,
    /// <summary>A standing level (troops stationed): it holds until it changes, so a report that differs from the agreeing reports before and after it is suspect.</summary>
    Level,
}

/// <summary>The loaded indicators, immutable, shared across threads.</summary>
public sealed class IndicatorCatalog
{
    public IndicatorCatalog(IEnumerable<Indicator> indicators) => Indicators = [.. indicators];

    public static IndicatorCatalog Empty { get; } = new([]);

    public IReadOnlyList<Indicator> Indicators { get; }

    public Indicator? Find(string id)
    {
        for (int k = 0; k < Indicators.Count; k++)
        {
            if (string.Equals(Indicators[k].Id, id, StringComparison.Ordinal))
            {
                return Indicators[k];
            }
        }

        return null;
    }

    /// <summary>Loads <c>indicators.yaml</c> from a knowledge folder; problems are collected with file and line, bad entries skipped.</summary>
    public static IndicatorCatalog LoadFolder(string knowledgeFolder, List<Knowledge.KnowledgeProblem>? problems = null)
    {
        var file = Path.Combine(knowledgeFolder, "indicators.yaml");
        return File.Exists(file) ? Load(file, problems) : Empty;
    }

    public static IndicatorCatalog Load(string file, List<Knowledge.KnowledgeProblem>? problems = null)
    {
        problems ??= [];
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            problems.Add(new Knowledge.KnowledgeProblem(file, (int)ex.Start.Line, ex.Message));
            return Empty;
        }

        var result = new List<Indicator>();
        if (stream.Documents.Count == 0)
        {
            return Empty;
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode seq)
        {
            problems.Add(new Knowledge.KnowledgeProblem(file, (int)stream.Documents[0].RootNode.Start.Line, "expected a list of indicators"));
            return Empty;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in seq)
        {
            int line = (int)node.Start.Line;
            if (node is not YamlMappingNode map)
            {
                problems.Add(new Knowledge.KnowledgeProblem(file, line, "expected an indicator (a mapping)"));
                continue;
            }

            try
            {
                var ind = Read(map, $"{file}:{line}");
                if (!seen.Add(ind.Id))
                {
                    throw new FormatException($"indicator '{ind.Id}' is defined twice");
                }

                result.Add(ind);
            }
            catch (FormatException ex)
            {
                problems.Add(new Knowledge.KnowledgeProblem(file, line, ex.Message));
            }
        }

        return new IndicatorCatalog(result);
    }

    private static Indicator Read(YamlMappingNode map, string origin)
    {
        string id = Scalar(map, "id") ?? throw new FormatException("missing 'id'");
        string name = Scalar(map, "name") ?? throw new FormatException($"indicator '{id}': missing 'name'");
        string unit = Scalar(map, "unit") ?? throw new FormatException($"indicator '{id}': missing 'unit'");
        var cues = List(map, "cues");
        if (cues.Count == 0)
        {
            throw new FormatException($"indicator '{id}': 'cues' must list at least one phrase");
        }

        (double, double)? bare = null;
        var bareList = List(map, "bare");
        if (bareList.Count > 0)
        {
            if (bareList.Count != 2 || !double.TryParse(bareList[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double lo)
                || !double.TryParse(bareList[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double hi) || lo > hi)
            {
                throw new FormatException($"indicator '{id}': 'bare' must be [min, max]");
            }

            bare = (lo, hi);
        }

        double tolerance = 0.05;
        if (Scalar(map, "tolerance") is { } t && !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out tolerance))
        {
            throw new FormatException($"indicator '{id}': 'tolerance' must be a number");
        }

        var series = Scalar(map, "series") switch
        {
            null or "annual" => IndicatorSeries.Annual,
            "level" => IndicatorSeries.Level,
            var other => throw new FormatException($"indicator '{id}': 'series' must be annual or level, not '{other}'"),
        };
        int horizon = 5;
        if (Scalar(map, "horizon") is { } hz && (!int.TryParse(hz, NumberStyles.None, CultureInfo.InvariantCulture, out horizon) || horizon < 1))
        {
            throw new FormatException($"indicator '{id}': 'horizon' must be a whole number of years (at least 1)");
        }

        return new Indicator
        {
            Id = id,
            Name = name,
            Unit = unit,
            Units = List(map, "units"),
            Actor = Scalar(map, "actor"),
            Cues = cues,
            Context = List(map, "context"),
            Exclude = List(map, "exclude"),
            Bare = bare,
            Tolerance = tolerance,
            Series = series,
            Horizon = horizon,
            Origin = origin,
        };
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value : null;

    private static List<string> List(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var n))
        {
            return [];
        }

        if (n is YamlSequenceNode seq)
        {
            return [.. seq.OfType<YamlScalarNode>().Select(x => x.Value ?? "").Where(x => x.Length > 0)];
        }

        throw new FormatException($"'{key}' must be a list");
    }
}
