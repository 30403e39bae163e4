using Tightrope.Dedup;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Tests.Dedup;

public sealed class DedupStageTests
{
    [Fact]
    public void TheStageFingerprintsTheCleanedText()
    {
        var article = new Article("id", "raw text that cleaning will replace", new ArticleMetadata());
        article.SetCleanText("Talks on troop costs resumed in Seoul.", OffsetMap.Identity(38));

        new DedupStage().Process(article);

        Assert.Equal(TextFingerprint.TextHash("Talks on troop costs resumed in Seoul."), article.TextHash);
        Assert.Equal(TextFingerprint.Signature("Talks on troop costs resumed in Seoul."), article.Signature);
    }

    [Fact]
    public void TheStageNeedsCleanTextAndTheDefaultPipelineRunsItAfterCleaning()
    {
        var stage = new DedupStage();
        Assert.Equal([Layer.CleanText], stage.Requires);
        Assert.Equal([Layer.Signature], stage.Produces);

        var stages = TightropePipeline.Create(new PipelineOptions()).Stages;
        int dedup = stages.ToList().FindIndex(s => s.Name == "dedup");
        int clean = stages.ToList().FindIndex(s => s.Produces.Contains(Layer.CleanText));
        Assert.True(dedup > clean && clean >= 0);
    }
}
