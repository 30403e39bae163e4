using Tightrope.Model;

namespace Tightrope.Dates;

/// <summary>What a date expression denotes (TimeML's DATE, TIME, DURATION, and the two this project adds).</summary>
public enum DateKind : byte
{
    /// <summary>A calendar date or period: "November 7", "2018", "last year", "the 1990s".</summary>
    Date,
    /// <summary>A date with a time of day or part of the day: "7:59 a.m. on November 7", "Tuesday night".</summary>
    Time,
    /// <summary>A span with a start and an end: "October 13 to 16", "2009-2010".</summary>
    Range,
    /// <summary>A length of time: "P5Y".</summary>
    Duration,
    /// <summary>A vague reference: "now" (PRESENT_REF), "recently" (PAST_REF), "a few years ago".</summary>
    Fuzzy,
}

/// <summary>
/// One date or time expression of the cleaned text, resolved against the article date: its span, the TIMEX3
/// <see cref="Value"/> (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn, YYYY-H1, YYYY-SU, YYYY-MM-DDTHH:MM, 199X,
/// PRESENT_REF, ...), the end of a range, the TIMEX3 <see cref="Mod"/> (START, MID, END) and the kind.
/// </summary>
public sealed record DateExpression
{
    public required TextSpan Span { get; init; }

    public required string Text { get; init; }

    public required string Value { get; init; }

    /// <summary>The end of a range (same notation as <see cref="Value"/>); null otherwise.</summary>
    public string? EndValue { get; init; }

    public DateKind Kind { get; init; }

    /// <summary>START, MID or END for "early 2025", "mid-October", "late last year"; null otherwise.</summary>
    public string? Mod { get; init; }

    /// <summary>The index of the sentence holding the expression, or -1.</summary>
    public int Sentence { get; init; } = -1;

    /// <summary>The first day the expression can denote, when it names calendar days (null for PRESENT_REF and the like).</summary>
    public DateOnly? First => TimexValue.FirstDay(Value);

    /// <summary>The last day the expression can denote (the end of a range, the last day of a month or year).</summary>
    public DateOnly? Last => TimexValue.LastDay(EndValue ?? Value);
}

/// <summary>The slot of date expressions on an article (<c>article.DateExpressions</c>), read by events and eval.</summary>
public static class DateAnnotations
{
    public static readonly AnnotationKey<List<DateExpression>> DateExpressionsKey = new("dates", () => []);

    extension(Article article)
    {
        /// <summary>Every date or time expression of the cleaned text, in text order, resolved against the article date.</summary>
        public List<DateExpression> DateExpressions => article.Get(DateExpressionsKey);
    }
}
