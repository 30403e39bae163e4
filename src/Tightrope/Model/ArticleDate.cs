namespace Tightrope.Model;

public enum DateSource
{
    None,
    Metadata,
    Given,
    Inferred,
}

/// <summary>The article's publication date with where it came from and how sure we are.</summary>
public sealed record ArticleDate(DateOnly Date, DateSource Source, double Confidence, string? Evidence = null)
{
    public static ArticleDate? FromMetadata(DateOnly? published) =>
        published is { } d ? new ArticleDate(d, DateSource.Metadata, 1.0, "metadata") : null;
}
