using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Dates;

/// <summary>
/// The dates capability: the article's date from its page lines (before the actors stage) or its content (after it,
/// with the dated roles of the names it found) when metadata and the caller gave none, then every date expression of
/// the text resolved against that date.
/// </summary>
public sealed class DatesModule : IModule
{
    public static DatesModule Instance { get; } = new();

    public string Name => "dates";

    public IReadOnlyList<ILayerCodec> Layers { get; } = [DateLayer.Expressions];

    public void Setup(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The page's date lines before the actors read names; the content after them (their dated roles are
        // evidence), before they resolve roles again at the date found.
        builder.UseBefore("actors", new DatePageStage());
        builder.UseBefore("actor-roles", new DateInferenceStage
        {
            Knowledge = builder.Options.Knowledge,
            Events = DatedEvents.Of(builder.Options.KnowledgeFolder ?? KnowledgeLoader.FindDefaultFolder()),
        });
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
/// Dates an article that has no date yet from a date line of the raw page (<see cref="PageDateLines"/>): "Posted
/// on : 2019-02-11", a dateline. Runs before the actors stage, so that names resolve at the date from the start.
/// </summary>
public sealed class DatePageStage : IStage
{
    public string Name => "date-page";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.Sentences, Layer.ArticleDate];

    public IReadOnlyList<Layer> Produces { get; } = [new("article-date-page")];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        article.Date ??= PageDateLines.English.Find(article.RawText, () => LatestReported(article));
    }

    /// <summary>Words a sentence needs before its full date counts as reported (a related-article line has fewer).</summary>
    private const int ClauseWords = 8;

    /// <summary>
    /// The latest full date ("April 24, 2023") the cleaned text reports in a past sentence of some length, outside
    /// widget lines. The grammar's scan is left for the later date stages, so the text is scanned once.
    /// </summary>
    internal static DateOnly? LatestReported(Article article)
    {
        var candidates = article.Find(DateCandidates.Key) ?? DateRecognizer.English.Candidates(article.Text, article.Sentences);
        article.Set(DateCandidates.Key, candidates);
        DateOnly? latest = null;
        foreach (var (e, p) in DateRecognizer.English.Resolve(candidates, null))
        {
            if (p is not { Year: { } y, Month: { } m, Day: { } d, Future: false, Hedged: false } || d > DateTime.DaysInMonth(y, m)
                || e.Sentence < 0 || e.Sentence >= article.Sentences.Count)
            {
                continue;
            }

            var span = article.Sentences[e.Sentence].Span;
            var sentence = article.Text[span.Start..span.End];
            if (sentence.Count(c => c == ' ') + 1 < ClauseWords || PageDateLines.English.HasWidgetWord(sentence))
            {
                continue;
            }

            var day = new DateOnly(y, m, d);
            if (latest is null || day > latest)
            {
                latest = day;
            }
        }

        return latest;
    }
}

/// <summary>
/// Dates an article that is still undated from its content (<see cref="ContentDater"/>): the date expressions of
/// the text and the dated roles of the titled names the actors stage found (<see cref="DateBound"/>). The actors
/// capability then resolves roles again at the date found.
/// </summary>
public sealed class DateInferenceStage : IStage
{
    public string Name => "date-inference";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.Sentences, Layer.ArticleDate];

    public IReadOnlyList<Layer> Produces { get; } = [new("article-date-inferred")];

    /// <summary>The knowledge base whose agreements, exercises and weapons named in the text floor the date (<see cref="ExistenceFloors"/>).</summary>
    public KnowledgeBase? Knowledge { get; init; }

    /// <summary>The dated events of the knowledge base (summits, visits, tests) a text can tell of (<see cref="EventFloors"/>).</summary>
    internal IReadOnlyList<DatedEvent> Events { get; init; } = [];

    /// <summary>The last day an article can be dated (today; fixed in tests).</summary>
    public Func<DateOnly> Today { get; init; } = static () => DateOnly.FromDateTime(DateTime.UtcNow);

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Date is not null)
        {
            return;
        }

        var candidates = article.Find(DateCandidates.Key) ?? DateRecognizer.English.Candidates(article.Text, article.Sentences);
        article.Set(DateCandidates.Key, candidates);
        var found = DateRecognizer.English.Resolve(candidates, null);
        var today = Today();
        IReadOnlyList<DateBound> bounds = article.Find(DateBoundAnnotations.Key) ?? [];
        if (Knowledge is { } kb)
        {
            bounds = [.. bounds, .. ExistenceFloors.Of(article, kb, today), .. EventFloors.Of(article, Events, kb, found, today)];
        }

        article.Date = ContentDater.Infer(article.Text, found, bounds, today, i => article.Sentences[i].Span);
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
        var candidates = article.Find(DateCandidates.Key) ?? DateRecognizer.English.Candidates(article.Text, article.Sentences);
        article.Set(DateCandidates.Key, null);
        foreach (var (e, _) in DateRecognizer.English.Resolve(candidates, article.Date?.Date))
        {
            list.Add(e);
        }
    }
}

/// <summary>The grammar's matches left by date inference for the expressions stage (the same text, scanned once).</summary>
internal static class DateCandidates
{
    public static readonly AnnotationKey<List<DateCandidate>> Key = new("date-candidates", () => []);
}
