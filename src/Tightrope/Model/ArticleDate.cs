namespace Tightrope.Model;

/// <summary>Where an article's date came from, in order of trust: user, given, metadata, page line, inferred.</summary>
public enum DateSource
{
    None,
    Metadata,
    Given,
    Inferred,
    /// <summary>A date line of the page around the article ("Posted on : 2019-02-11", a dateline "Nov. 21 (UPI) --").</summary>
    PageLine,
    /// <summary>Set by a person (<c>tightrope article set-date</c>); kept over every other source when the article is ingested again.</summary>
    User,
}

/// <summary>The article's publication date with where it came from, how sure we are and the evidence (quoted, with its offsets).</summary>
public sealed record ArticleDate(DateOnly Date, DateSource Source, double Confidence, string? Evidence = null)
{
    /// <summary>
    /// For an inferred date, the days the evidence fits as well as <see cref="Date"/> (both ends inclusive): a report
    /// dated only by the roles and years it names may fall anywhere in them. Null when the date is exact (metadata, a
    /// page line, the user) or when the evidence fits that day alone.
    /// </summary>
    public DatePeriod? Window { get; init; }

    /// <summary>
    /// Whether the evidence places the article only somewhere in a window wider than about a year (roles that span
    /// terms, years alone): the day is the window's first, and later stages do not take its year as what the text
    /// speaks of (a figure's period, "this year", the holder of a role at the date).
    /// </summary>
    public bool Rough { get; init; }

    /// <summary>
    /// The day an article's text is read at (the year of a figure without its own, the holder of a role): its date,
    /// unless that is rough, else the published date of its metadata.
    /// </summary>
    public static DateOnly? ReadingDate(ArticleDate? date, DateOnly? published) => date is { Rough: true } ? published : date?.Date ?? published;

    public static ArticleDate? FromMetadata(DateOnly? published) =>
        published is { } d ? new ArticleDate(d, DateSource.Metadata, 1.0, "metadata") : null;
}
