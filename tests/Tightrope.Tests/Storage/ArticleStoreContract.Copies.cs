using Tightrope.Model;
using Tightrope.Storage;

namespace Tightrope.Tests.Storage;

/// <summary>Articles prepared with their place in a run's input: likely copies are packed as duplicates only.</summary>
public abstract partial class ArticleStoreContract
{
    private static readonly string RotationText = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"Clause {i} of the agreement on the rotation of the brigade near Pyeongtaek."));

    /// <summary>An original, a near copy, the same text again and an article of its own, each made anew on every call.</summary>
    private static Article Rotation(int which)
    {
        var (id, text, title) = which switch
        {
            0 => ("f1000000000000000000000000000001", RotationText, "Rotation agreed"),
            1 => ("f1000000000000000000000000000002", RotationText.Replace("Clause 3 of", "Item 3 in", StringComparison.Ordinal), "Rotation agreed (repost)"),
            2 => ("f1000000000000000000000000000003", RotationText, "Rotation agreed (same text)"),
            _ => ("f1000000000000000000000000000004", CostText, "Cost deal signed"),
        };
        var a = Annotated(id, text, title);
        a.Mentions.Add(MentionOf(a, which == 3 ? "Seoul" : "Pyeongtaek", which == 3 ? "KOR" : "PYEONGTAEK"));
        return a;
    }

    [Fact]
    public void LikelyCopiesPreparedInInputOrderAreWrittenAsTheArticlesWouldBe()
    {
        var byArticles = NewStore();
        var expected = byArticles.SaveMany([.. Enumerable.Range(0, 4).Select(Rotation)]);
        var byForecast = NewStore();
        int rebuilt = 0;
        var prepared = Enumerable.Range(0, 4).Select(i => byForecast.Prepare(Rotation(i), i, () =>
        {
            rebuilt++;
            return Rotation(i);
        })).ToList();

        var outcomes = byForecast.SaveMany(prepared);

        Assert.Equal([SaveOutcome.Stored, SaveOutcome.Duplicate, SaveOutcome.Duplicate, SaveOutcome.Stored], expected);
        Assert.Equal(expected, outcomes);
        // The copies were foreseen (their original forms never packed) and none had to be given again.
        Assert.Equal(0, rebuilt);
        Assert.Equal(StoreDump.Of(byArticles), StoreDump.Of(byForecast));
    }

    [Fact]
    public void ALikelyCopyThatTheWriteFindsAnOriginalIsGivenAgainAndWrittenWhole()
    {
        var plain = NewStore();
        plain.SaveMany([Rotation(1)]);
        var byForecast = NewStore();
        int rebuilt = 0;
        // The copy is prepared after its likely original, but written alone: the store holds nothing it duplicates.
        byForecast.Prepare(Rotation(0), 0, () => Rotation(0));
        var copy = byForecast.Prepare(Rotation(1), 1, () =>
        {
            rebuilt++;
            return Rotation(1);
        });

        var outcome = byForecast.SaveMany([copy]);

        Assert.Equal([SaveOutcome.Stored], outcome);
        Assert.Equal(1, rebuilt);
        Assert.Equal(StoreDump.Of(plain), StoreDump.Of(byForecast));
        Assert.Single(byForecast.GetArticle(Rotation(1).Id)!.Mentions);
    }

    [Fact]
    public void OnlyArticlesEarlierInTheInputAreTakenForTheOriginalsOfLaterOnes()
    {
        // Workers finish out of order: the copy (earlier in the input) is prepared after its look-alike (later), which
        // the write will take for the copy's duplicate, so the copy must be packed whole from the start.
        var store = NewStore();
        int rebuilt = 0;
        var later = store.Prepare(Rotation(0), 5, () =>
        {
            rebuilt++;
            return Rotation(0);
        });
        var earlier = store.Prepare(Rotation(1), 4, () =>
        {
            rebuilt++;
            return Rotation(1);
        });

        var outcomes = store.SaveMany([earlier, later]);

        Assert.Equal([SaveOutcome.Stored, SaveOutcome.Duplicate], outcomes);
        Assert.Equal(0, rebuilt);
        Assert.Single(store.GetArticle(Rotation(1).Id)!.Mentions);
        Assert.Equal(Rotation(1).Id, store.GetArticle(Rotation(0).Id)!.DuplicateOf);
    }

    [Fact]
    public void AnArticlePreparedWithTheIdOfAnotherWhenGivenAgainIsRefused()
    {
        var store = NewStore();
        store.Prepare(Rotation(0), 0, () => Rotation(0));
        var copy = store.Prepare(Rotation(1), 1, () => Rotation(3));

        Assert.Throws<InvalidOperationException>(() => store.SaveMany([copy]));
        Assert.False(store.Contains(Rotation(1).Id));
    }
}
