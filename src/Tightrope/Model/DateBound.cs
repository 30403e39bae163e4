namespace Tightrope.Model;

/// <summary>One period (both ends inclusive).</summary>
public readonly record struct DatePeriod(DateOnly From, DateOnly To);

/// <summary>
/// Evidence from another capability about when an undated article was written: the article date falls in one of
/// <see cref="Periods"/> ("President-elect Trump" fits 2016-11-09..2017-01-20 or 2024-11-06..2025-01-20).
/// The dates capability weighs these with the text's own date expressions (<c>Dates/ContentDater</c>).
/// </summary>
public sealed record DateBound(TextSpan Span, string Text, IReadOnlyList<DatePeriod> Periods, double Weight, string Why)
{
    /// <summary>
    /// Whether the bound is a floor: the article cannot have been written before the first of its periods (it names
    /// an agreement signed on a day, a weapon first shown in a year), however much other evidence fits earlier days.
    /// </summary>
    public bool Floor { get; init; }

    /// <summary>Whether the bound is as precise as a stated day (the weeks after an agreement's day of signature).</summary>
    public bool DayLevel { get; init; }
}

/// <summary>The date bounds capabilities leave on an article that had no date when they read it.</summary>
public static class DateBoundAnnotations
{
    public static readonly AnnotationKey<List<DateBound>> Key = new("date-bounds", () => []);

    extension(Article article)
    {
        /// <summary>Bounds on the article's date found by the stages before date inference (dated roles of the actors named).</summary>
        public List<DateBound> DateBounds => article.Get(Key);
    }
}
