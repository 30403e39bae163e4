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
    public static ArticleDate? FromMetadata(DateOnly? published) =>
        published is { } d ? new ArticleDate(d, DateSource.Metadata, 1.0, "metadata") : null;
}
