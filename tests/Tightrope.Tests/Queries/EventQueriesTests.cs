using Tightrope.Events;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Queries;
using Tightrope.Storage;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Queries;

/// <summary>The events query and the dates a person sets, over a store of articles written for these tests.</summary>
public sealed class EventQueriesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tightrope-event-queries-" + Guid.NewGuid().ToString("N"));
    private readonly List<IArticleStore> _stores = [];

    public void Dispose()
    {
        foreach (var s in _stores)
        {
            s.Dispose();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Sector = "GOV" },
        new Actor { Id = "north-korea", Name = "North Korea", Kind = ActorKind.Country, Country = "PRK", Sector = "GOV" },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Sector = "GOV", Aliases = ["US"] },
        new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN", Sector = "GOV" },
    ]);

    internal const string Spring = "a1000000000000000000000000000001";
    internal const string Accord = "b2000000000000000000000000000002";
    internal const string Undated = "c3000000000000000000000000000003";

    private StoreQueries Store()
    {
        var pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = Kb, KnowledgeFolder = Path.Combine(SharedData.RepoRoot, "knowledge") });
        var store = ArticleStore.Open(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"));
        _stores.Add(store);
        store.SaveMany(
        [
            pipeline.Process(new Article(Spring, "South Korea met with Japan at the lakeside hall. North Korea threatened to attack South Korea.",
                new ArticleMetadata { Title = "Spring talks", Source = "Test Wire", Published = new DateOnly(2031, 4, 2) })),
            pipeline.Process(new Article(Accord, "Japan and South Korea reached an agreement on fishing rights. North Korea did not attack South Korea.",
                new ArticleMetadata { Title = "Accord", Source = "Test Wire", Published = new DateOnly(2031, 5, 20) })),
            pipeline.Process(new Article(Undated, "The US criticized North Korea over the test.", new ArticleMetadata())),
        ]);
        return new StoreQueries(store, Kb);
    }

    private static readonly EventQuery All = new() { Limit = StoreQueries.MaxLimit };

    [Fact]
    public void EveryStoredEventIsListedWithItsArticleAndSentence()
    {
        var queries = Store();
        var all = queries.Events(All);

        Assert.True(all.Total >= 5, $"{all.Total} events");
        Assert.Equal(all.Total, all.Count);
        Assert.Equal([Spring, Accord, Undated], all.Select(r => r.ArticleId).Distinct());
        Assert.All(all, r => Assert.Contains(r.Event.Text, r.SentenceText!, StringComparison.Ordinal));
        var agree = Assert.Single(all, r => r.Event.Type == "AGREE");
        Assert.Equal(("japan", "south-korea", "2031-05-20", "article"), (agree.Event.SourceId, agree.Event.TargetId, agree.Date, agree.DateFrom));
        var accuse = Assert.Single(all, r => r.Event.Type == "ACCUSE");
        Assert.Null(accuse.Date);
        Assert.Equal(("united-states", "US", "North Korea"), (accuse.Event.SourceId, accuse.SourceText, accuse.TargetText));
        Assert.Equal(("Japan", "South Korea"), (agree.SourceText, agree.TargetText));
    }

    [Fact]
    public void FiltersByTypeActorAndModalityHoldTogetherAndCountWhatTheyKeep()
    {
        var queries = Store();
        var all = queries.Events(All);

        var agree = queries.Events(All with { Type = "agree" });
        Assert.Equal(Accord, Assert.Single(agree).ArticleId);

        var north = queries.Events(All with { Actor = "north-korea" });
        Assert.Equal(all.Count(r => r.Event.SourceId == "north-korea" || r.Event.TargetId == "north-korea"), north.Total);
        Assert.True(north.Total >= 3, $"{north.Total} events with north-korea");

        var denied = queries.Events(All with { Actor = "north-korea", Modality = "Negated" });
        var d = Assert.Single(denied);
        Assert.Equal(("ASSAULT", Accord, Modality.Negated), (d.Event.Type, d.ArticleId, d.Event.Modality));
        Assert.Empty(queries.Events(All with { Actor = "japan", Type = "ACCUSE" }));
    }

    [Fact]
    public void APageCountsAllTheEventsAndStartsAtItsOffset()
    {
        var queries = Store();
        var all = queries.Events(All);

        var page = queries.Events(new EventQuery { Limit = 2, Offset = 1 });

        Assert.Equal(all.Total, page.Total);
        Assert.Equal(all.Items.Skip(1).Take(2), page.Items);
    }

    [Fact]
    public void ADateRangeKeepsEventsDatedWithinItAndAnUndatedArticleJoinsOnceAPersonDatesIt()
    {
        var queries = Store();
        var may = new EventQuery { From = new DateOnly(2031, 5, 1), To = new DateOnly(2031, 5, 31) };

        Assert.All(queries.Events(may), r => Assert.Equal(Accord, r.ArticleId));
        Assert.NotEmpty(queries.Events(may));

        var dated = queries.SetDate(Undated[..6], "2031-05-15");
        Assert.Equal(new ArticleDate(new DateOnly(2031, 5, 15), DateSource.User, 1, "set by the user"), dated.Date);
        var accuse = Assert.Single(queries.Events(may), r => r.ArticleId == Undated && r.Event.Type == "ACCUSE");
        Assert.Equal(("2031-05-15", "article"), (accuse.Date, accuse.DateFrom));
        Assert.Equal([Undated, Accord], queries.Events(may).Select(r => r.ArticleId).Distinct()); // by date: 05-15, then 05-20

        Assert.Null(queries.ClearDate(Undated).Date);
        Assert.DoesNotContain(queries.Events(may), r => r.ArticleId == Undated);
    }

    [Theory]
    [InlineData("BOGUS", null, null, "unknown event type 'BOGUS'")]
    [InlineData(null, "maybe", null, "unknown modality 'maybe'")]
    [InlineData(null, "3", null, "unknown modality '3'")]
    [InlineData(null, null, "no-such-actor", "unknown actor 'no-such-actor'")]
    public void AnUnknownTypeModalityOrActorIsABadRequest(string? type, string? modality, string? actor, string message)
    {
        var queries = Store();
        var ex = Assert.Throws<QueryException>(() => queries.Events(new EventQuery { Type = type, Modality = modality, Actor = actor }));
        Assert.Equal(QueryError.BadRequest, ex.Error);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARangeThatEndsBeforeItStartsAndABadDateAreBadRequests()
    {
        var queries = Store();
        Assert.Equal(QueryError.BadRequest, Assert.Throws<QueryException>(() =>
            queries.Events(new EventQuery { From = new DateOnly(2031, 6, 1), To = new DateOnly(2031, 5, 1) })).Error);
        Assert.Equal(QueryError.BadRequest, Assert.Throws<QueryException>(() => queries.SetDate(Spring, "2031-02-30")).Error);
        Assert.Equal(QueryError.BadRequest, Assert.Throws<QueryException>(() => queries.SetDate(Spring, "May 2031")).Error);
        Assert.Equal(QueryError.NotFound, Assert.Throws<QueryException>(() => queries.SetDate("ffff", "2031-02-03")).Error);
        Assert.Equal(QueryError.NotFound, Assert.Throws<QueryException>(() => queries.ClearDate("ffff")).Error);
        Assert.Equal(new DateOnly(2031, 4, 2), queries.Article(Spring).Date!.Date);
    }
}
