using Tightrope.Events;
using Tightrope.Model;
using Tightrope.Queries;

namespace Tightrope.Tests.Queries;

public sealed class EventMergeTests
{
    private static EventRecord Report(string article, string type, string source, string? target, string? date, Modality modality = Modality.Asserted) =>
        new(article, null, null, new Event
        {
            Span = new TextSpan(0, 4),
            Text = "text",
            Type = type,
            Cameo = "04",
            SourceId = source,
            TargetId = target,
            Modality = modality,
            Date = date,
            DateFrom = "sentence",
            Sentence = new TextSpan(0, 20),
        }, date, "sentence", "sentence of " + article);

    [Fact]
    public void ReportsOfOneEventInSeveralArticlesWithinAFewDaysMergeAndKeepEveryReport()
    {
        var merged = EventMerge.Merge(
        [
            Report("a1", "CONSULT", "japan", "china", "2030-03-03"),
            Report("a2", "CONSULT", "china", "japan", "2030-03-04"),
            Report("a3", "CONSULT", "japan", "china", "2030-03"),
            Report("a4", "CONSULT", "japan", "china", "2030-03-20"),
        ]);
        Assert.Equal(2, merged.Count);
        var first = merged[0];
        Assert.Equal(("2030-03-03", 3), (first.Date, first.Articles));
        Assert.Equal(["a1", "a2", "a3"], first.Reports.Select(r => r.ArticleId));
        Assert.Equal("a4", Assert.Single(merged[1].Reports).ArticleId);
    }

    [Fact]
    public void ADifferentTypeActorOrModalityOrNoDateIsAnotherEvent()
    {
        var merged = EventMerge.Merge(
        [
            Report("a1", "ACCUSE", "japan", "china", "2030-03-03"),
            Report("a2", "ACCUSE", "china", "japan", "2030-03-03"),
            Report("a3", "ACCUSE", "japan", "china", "2030-03-03", Modality.Hypothetical),
            Report("a4", "ACCUSE", "japan", "china", null),
            Report("a5", "ACCUSE", "japan", "china", null),
        ]);
        Assert.Equal(5, merged.Count);
        Assert.All(merged, m => Assert.Single(m.Reports));
    }
}
