using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Queries;
using Tightrope.Storage;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Queries;

/// <summary>The query layer over a store of our own small articles, as every front end reads it.</summary>
public sealed class StoreQueriesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tightrope-queries-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static readonly Actor Envoy = new()
    {
        Id = "test-envoy",
        Name = "Mara Quell",
        Kind = ActorKind.Person,
        Aliases = ["Quell"],
    };

    /// <summary>Twelve articles that name the envoy (two of them twice) and three that do not.</summary>
    private StoreQueries Store(out IArticleStore store)
    {
        var kb = new KnowledgeBase([Envoy]);
        var pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = kb, KnowledgeFolder = Path.Combine(SharedData.RepoRoot, "knowledge") });
        store = ArticleStore.Open(Path.Combine(_folder, "q.db"));
        var articles = new List<Article>();
        for (int i = 0; i < 15; i++)
        {
            var text = i < 12
                ? $"Report {i}: Mara Quell met officials in harbour town number {i} and pledged ${i + 1}.5 million in aid.{(i < 2 ? " Later Mara Quell left." : "")}"
                : $"Report {i}: the weather in valley number {i} stayed dry for {i + 2} days.";
            var a = new Article($"{i:x2}{new string('0', 30)}", text, new ArticleMetadata { Title = $"Report {i}", Published = new DateOnly(2024, 1, 1).AddDays(i) });
            articles.Add(pipeline.Process(a));
        }

        store.SaveMany(articles);
        return new StoreQueries(store, kb);
    }

    [Fact]
    public void AnActorsTotalsCountTheWholeStoreNotTheMentionsRead()
    {
        var queries = Store(out var store);
        using (store)
        {
            var actor = queries.Actor(Envoy.Id, limit: 5, articleLimit: 3);
            Assert.Equal(14, actor.Mentions);
            Assert.Equal(12, actor.Articles.Total);
            Assert.Equal(3, actor.Articles.Count);
            Assert.Equal(5, actor.MentionsRead.Count);
            Assert.Equal(14, actor.MentionsRead.Total);
            Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3)], actor.Articles.Select(a => a.Date!.Value));
            Assert.Equal(2, actor.Articles[0].Mentions);
        }
    }

    [Fact]
    public void ListsArePagesWithTheirTotal()
    {
        var queries = Store(out var store);
        using (store)
        {
            var page = queries.Articles(new ArticleQuery { Limit = 5, Offset = 10 });
            Assert.Equal(5, page.Count);
            Assert.Equal(15, page.Total);
            Assert.Equal("Report 10", page[0].Title);
            var actors = queries.Actors(limit: 1);
            Assert.Equal(Envoy.Id, Assert.Single(actors).Id);
            Assert.Equal("Mara Quell", actors[0].Name);
            var hits = queries.Search("harbour", limit: 2);
            Assert.Equal(2, hits.Count);
            Assert.Equal(12, hits.Total);
        }
    }

    [Fact]
    public void AnUnknownActorOrArticleIsNotFoundAndABadParameterIsABadRequest()
    {
        var queries = Store(out var store);
        using (store)
        {
            Assert.Equal(QueryError.NotFound, Assert.Throws<QueryException>(() => queries.Actor("nobody-at-all")).Error);
            Assert.Equal(QueryError.NotFound, Assert.Throws<QueryException>(() => queries.Article("ffff")).Error);
            Assert.Equal(QueryError.BadRequest, Assert.Throws<QueryException>(() => queries.Article("0")).Error);
            Assert.Equal(QueryError.BadRequest, Assert.Throws<QueryException>(() => queries.Figures("no-such-indicator")).Error);
            Assert.Equal(QueryError.BadRequest, Assert.Throws<QueryException>(() => queries.Articles(new ArticleQuery { Limit = 0 })).Error);
            Assert.Equal(QueryError.BadRequest, Assert.Throws<QueryException>(() => queries.Search("  ")).Error);
        }
    }

    [Fact]
    public void AnArticleComesBackWithEveryLayerByIdOrUniquePrefix()
    {
        var queries = Store(out var store);
        using (store)
        {
            var article = queries.Article("0b");
            Assert.Equal("0b" + new string('0', 30), article.Id);
            Assert.NotEmpty(article.Sentences);
            Assert.Contains(article.Mentions, m => m.ActorId == Envoy.Id);
            Assert.NotEmpty(article.Figures);
            var json = ArticleJson.ToJson(article, TightropePipeline.Layers, queries.Knowledge);
            Assert.Contains(json["mentions"]!.AsArray(), m => (string?)m!["actor"]?["id"] == Envoy.Id && (string?)m["actor"]!["name"] == "Mara Quell");
            Assert.Equal(article.Figures.Count, json["figures"]!.AsArray().Count);
        }
    }
}
