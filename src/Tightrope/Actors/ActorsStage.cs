using Tightrope.Knowledge;
using Tightrope.Knowledge.Transliteration;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Actors;

/// <summary>Settings of the actors stage.</summary>
public sealed record ActorOptions
{
    /// <summary>Links scored below this stay unresolved (their mention keeps ActorId null).</summary>
    public double Threshold { get; init; } = 0.6;

    /// <summary>Whether role-only mentions ("the foreign minister") are resolved to the holder and emitted.</summary>
    public bool RoleOnlyMentions { get; init; } = true;
}

/// <summary>
/// Finds and resolves actor mentions (<see cref="Layer.Mentions"/>). Built once from the knowledge base: an alias
/// trie, the title cues and the transliteration bridge; then one pass over the words of each article.
/// Requires the clean text (spans point into it) and reads the Text stage's tokens and sentences (an article without
/// tokens is tokenised the same way on the side).
/// </summary>
public sealed class ActorsStage : IStage
{
    private readonly MentionFinder _finder;

    public ActorsStage(KnowledgeBase knowledge, DateOnly? defaultDate = null, ActorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _finder = new MentionFinder(knowledge, options ?? new ActorOptions());
        DefaultDate = defaultDate;
    }

    public ActorsStage(PipelineOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Knowledge, options.DefaultDate)
    {
    }

    public string Name => "actors";

    /// <summary>Clean text; the Text stage's tokens and sentences when present (without them the stage tokenises on the side).</summary>
    public IReadOnlyList<Layer> Requires { get; } = [Layer.CleanText, Layer.Sentences, Layer.Tokens];

    public IReadOnlyList<Layer> Produces { get; } = [Layer.Mentions];

    public DateOnly? DefaultDate { get; }

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var date = article.Date?.Date ?? DefaultDate;
        // Undated: names resolve without a date, and the titled ones leave their dated roles for date inference.
        article.Mentions.AddRange(_finder.Find(article, date, date is null ? article.DateBounds : null));
        article.Set(UndatedKey, date is null ? Undated : null);
    }

    /// <summary>
    /// After date inference: an article whose mentions were resolved without a date, and that has one now, has its
    /// mentions resolved again at it (roles, the holder of "the foreign minister", same-named people).
    /// </summary>
    internal void ResolveAtInferredDate(Article article)
    {
        // A rough date (somewhere in a window of years) says no more about who held a role than no date does.
        if (article.Find(UndatedKey) is null || article.Date is not { Rough: false, Date: var date })
        {
            return;
        }

        article.Set(UndatedKey, null);
        article.Mentions.Clear();
        article.Mentions.AddRange(_finder.Find(article, date));
    }

    private static readonly object Undated = new();

    /// <summary>Set while the article's mentions were resolved without a date.</summary>
    private static readonly AnnotationKey<object> UndatedKey = new("actors-undated", () => Undated);

    /// <summary>Finds the mentions of a text without an article (for tests and tools): the Text stage runs first, as in the pipeline.</summary>
    internal IReadOnlyList<Mention> Find(string text, DateOnly? date)
    {
        var article = new Article("text", text, new ArticleMetadata());
        new Tightrope.Text.TextStage().Process(article);
        return _finder.Find(article, date);
    }

    internal TransliterationIndex Bridge => _finder.Bridge;
}

/// <summary>
/// Resolves the mentions of an article dated after the actors stage read it (inferred from its content and the
/// dated roles of its titled names) again at that date. Nothing to do for articles dated from the start.
/// </summary>
public sealed class ActorRolesStage(ActorsStage actors) : IStage
{
    public const string StageName = "actor-roles";

    public string Name => StageName;

    public IReadOnlyList<Layer> Requires { get; } = [Layer.Mentions];

    public IReadOnlyList<Layer> Produces { get; } = [];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        actors.ResolveAtInferredDate(article);
    }
}
