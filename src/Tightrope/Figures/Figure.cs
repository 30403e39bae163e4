using Tightrope.Model;

namespace Tightrope.Figures;

public enum FigureKind : byte
{
    Money,
    Count,
    Percent,
    PercentagePoints,
    Fraction,
    Ratio,
    Change,
    Duration,
    Other,
}

/// <summary>Words around a number that qualify it ("about", "more than", "up to").</summary>
[Flags]
public enum FigureQualifier : byte
{
    None = 0,
    Approximate = 1,
    AtLeast = 2,
    AtMost = 4,
    MoreThan = 8,
    LessThan = 16,
}

/// <summary>
/// A numeric claim in the cleaned text, normalised. <see cref="Unit"/> is an ISO 4217 code for money
/// ("USD", "KRW"), "percent", "fraction", or a count noun in the plural ("troops", "bases").
/// </summary>
public sealed record Figure
{
    public required TextSpan Span { get; init; }
    public required string Text { get; init; }
    public required double Value { get; init; }
    /// <summary>Upper bound when the figure is a range ("$4 billion to $5 billion").</summary>
    public double? ValueHigh { get; init; }
    public required string Unit { get; init; }
    public FigureKind Kind { get; init; }
    public FigureQualifier Qualifier { get; init; }
    /// <summary>The noun phrase or predicate the figure quantifies.</summary>
    public string? Measure { get; init; }
    /// <summary>The knowledge-base indicator the figure was attached to, if any.</summary>
    public string? IndicatorId { get; init; }
    /// <summary>The actor the figure belongs to, if resolved.</summary>
    public string? ActorId { get; init; }
    /// <summary>The period the figure refers to: "2026", "2024-11", "2024-11-07".</summary>
    public string? Period { get; init; }
    public double? UsdValue { get; init; }
    /// <summary>How <see cref="UsdValue"/> was reached, e.g. "KRW 2024 annual average 1364.0".</summary>
    public string? Conversion { get; init; }
    /// <summary>Index (in the article's figure list) of the figure this one restates in another currency.</summary>
    public int? EquivalentOf { get; init; }
    public int Sentence { get; init; } = -1;
}

/// <summary>The figures capability's records on an article.</summary>
public static class FigureAnnotations
{
    /// <summary>Figures in text order.</summary>
    public static readonly AnnotationKey<List<Figure>> FiguresKey = new("figures", () => []);

    /// <summary>What the article contradicts in itself (role conflicts), found by the contradictions stage.</summary>
    public static readonly AnnotationKey<List<Contradiction>> ContradictionsKey = new("contradictions", () => []);

    extension(Article article)
    {
        /// <summary>The article's figures (the figures stage fills them).</summary>
        public List<Figure> Figures => article.Get(FiguresKey);

        /// <summary>What the article contradicts in itself.</summary>
        public List<Contradiction> Contradictions => article.Get(ContradictionsKey);
    }
}
