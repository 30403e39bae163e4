using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Dates;

/// <summary>
/// Sets the article's date from what is known before reading the text: a date already given (by the caller), the
/// input's metadata, or the run's default (<c>--date</c>). Every later stage reads <see cref="Article.Date"/> — the
/// roles an actor held, the period of a figure — so they all agree on one date. Inferring a date from the text
/// itself belongs to the dates stage that follows this one.
/// </summary>
public sealed class ArticleDateStage(DateOnly? defaultDate) : IStage
{
    public string Name => "article-date";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.Raw];

    public IReadOnlyList<Layer> Produces { get; } = [Layer.ArticleDate];

    public DateOnly? DefaultDate { get; } = defaultDate;

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        article.Date ??= ArticleDate.FromMetadata(article.Metadata.Published)
            ?? (DefaultDate is { } d ? new ArticleDate(d, DateSource.Given, 1.0, "given for the run (--date)") : null);
    }
}
