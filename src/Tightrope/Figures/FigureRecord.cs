using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>A stored figure with the article it came from (for series and contradictions across articles).</summary>
public sealed record FigureRecord(string ArticleId, Figure Figure, DateOnly? ArticleDate, string? SentenceText, string? ArticleTitle);

public enum ContradictionKind
{
    /// <summary>Two figures on the same indicator and period differ beyond tolerance.</summary>
    Figure,
    /// <summary>An article names two different holders of one role for the same event.</summary>
    Role,
    /// <summary>An article dates one event two different ways.</summary>
    Date,
}

/// <summary>One side of a contradiction, with its evidence.</summary>
public sealed record ContradictionSide(string ArticleId, TextSpan Span, string Text, double? Value = null, string? Unit = null, string? ActorId = null)
{
    /// <summary>The figure as written ("1.4028 trillion won"), for a figure contradiction.</summary>
    public string? Figure { get; init; }
    /// <summary>The value in the unit written (won for "1.4028 trillion won"); <see cref="Value"/> is the converted one.</summary>
    public double? OriginalValue { get; init; }
    public string? OriginalUnit { get; init; }
    /// <summary>How the value was converted to USD: currency, rate and rate year.</summary>
    public string? Conversion { get; init; }
    /// <summary>The period the figure refers to.</summary>
    public string? Period { get; init; }
    /// <summary>The date of the article this side comes from, if known.</summary>
    public DateOnly? ArticleDate { get; init; }
}

/// <summary>A disagreement between sources (or within one), each side with its evidence.</summary>
public sealed record Contradiction(ContradictionKind Kind, string Subject, string? Period, ContradictionSide A, ContradictionSide B, string Description);
