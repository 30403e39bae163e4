using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Dates;

/// <summary>
/// The dates capability: the article's date from its page lines or content when metadata and the caller gave none
/// (before actors, so roles resolve at it), then every date expression of the text resolved against that date.
/// </summary>
public sealed class DatesModule : IModule
{
    public static DatesModule Instance { get; } = new();

    public string Name => "dates";

    public IReadOnlyList<ILayerCodec> Layers { get; } = [DateLayer.Expressions];

    public void Setup(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Use(new DateInferenceStage());
        builder.Use(new DateExpressionsStage());
    }
}

public static class DatesModuleExtensions
{
    public static PipelineBuilder UseDates(this PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(DatesModule.Instance);
    }
}

/// <summary>
/// Dates an article that has no date yet: a date line of the raw page (<see cref="PageDateLines"/>), else the latest
/// full date the text states outside future sentences (inferred, lower confidence).
/// </summary>
public sealed class DateInferenceStage : IStage
{
    public string Name => "date-inference";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.Sentences, Layer.ArticleDate];

    public IReadOnlyList<Layer> Produces { get; } = [new("article-date-inferred")];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Date is not null)
        {
            return;
        }

        article.Date = PageDateLines.English.Find(article.RawText) ?? FromContent(article);
    }

    internal static ArticleDate? FromContent(Article article)
    {
        DateExpression? best = null;
        DateOnly bestDay = default;
        var found = DateRecognizer.English.Find(article.Text, article.Sentences, null);
        foreach (var (e, parts) in found)
        {
            if (parts.Future || parts.Year is not { } y || parts.Month is not { } m || parts.Day is not { } d || d > DateTime.DaysInMonth(y, m))
            {
                continue;
            }

            var day = new DateOnly(y, m, d);
            // A widget's date (weather, "today") is the page's day, not the story's.
            var line = e.Sentence >= 0 ? article[article.Sentences[e.Sentence].Span] : e.Text;
            if (PageDateLines.English.HasWidgetWord(line))
            {
                continue;
            }

            if (best is null || day > bestDay)
            {
                best = e;
                bestDay = day;
            }
        }

        return best is null
            ? FromWeekday(found)
            : new ArticleDate(bestDay, DateSource.Inferred, 0.6, $"latest full date in the text '{best.Text}' ({best.Span.Start}-{best.Span.End})");
    }

    /// <summary>
    /// A day and month without a year and a weekday the text gives ("Monday, June 10", or "Feb. 28" and "Thursday"):
    /// the latest year, from the latest year the text states up to this year, in which that day falls on that weekday.
    /// </summary>
    private static ArticleDate? FromWeekday(List<(DateExpression Expression, DateParts Parts)> found)
    {
        int low = 1950, high = DateTime.UtcNow.Year;
        var weekdays = new HashSet<int>();
        foreach (var (_, p) in found)
        {
            if (p.Year is { } y && !p.Future && y <= high)
            {
                low = Math.Max(low, y);
            }

            if (p.Weekday is { } w && p.Month is null)
            {
                weekdays.Add(w);
            }
        }

        for (int i = found.Count - 1; i >= 0; i--)
        {
            var (e, p) = found[i];
            if (p.Year is not null || p.Month is not { } m || p.Day is not { } d)
            {
                continue;
            }

            for (int y = high; y >= low; y--)
            {
                if (d > DateTime.DaysInMonth(y, m))
                {
                    continue;
                }

                var day = new DateOnly(y, m, d);
                int iso = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
                if (p.Weekday is { } own ? own == iso : weekdays.Contains(iso))
                {
                    return new ArticleDate(day, DateSource.Inferred, 0.4, $"'{e.Text}' ({e.Span.Start}-{e.Span.End}) falls on the weekday the text gives in {y}");
                }
            }
        }

        return null;
    }
}

/// <summary>Every date and time expression of the cleaned text, resolved against the article date (<c>article.DateExpressions</c>).</summary>
public sealed class DateExpressionsStage : IStage
{
    public string Name => "date-expressions";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.Sentences, Layer.ArticleDate, new("article-date-inferred")];

    public IReadOnlyList<Layer> Produces { get; } = [Layer.DateExpressions];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var list = article.DateExpressions;
        list.Clear();
        foreach (var (e, _) in DateRecognizer.English.Find(article.Text, article.Sentences, article.Date?.Date))
        {
            list.Add(e);
        }
    }
}
