using Tightrope.Eval;
using Tightrope.Figures;
using Tightrope.Model;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Eval;

public sealed class FigureScoringTests
{
    private static readonly string Knowledge = Path.Combine(SharedData.RepoRoot, "knowledge");

    private static Article Processed(string id, string text)
    {
        var article = new Article(id, text, new ArticleMetadata());
        new Tightrope.Text.TextStage().Process(article);
        FiguresStage.FromFolder(Knowledge).Process(article);
        return article;
    }

    [Fact]
    public void OptionalGoldFiguresNeitherCountWhenFoundNorWhenMissed()
    {
        var gold = new GoldFile
        {
            Figures =
            [
                new GoldFigure { Text = "28,500", Value = 28500, Unit = "troops", Measures = "US troops in Korea" },
                new GoldFigure { Text = "five-year", Value = 5, Unit = "years", Optional = true },
                new GoldFigure { Text = "ten ships", Value = 10, Unit = "ships", Optional = true },
            ],
        };
        var score = FigureScoring.Score(gold, Processed("a", "About 28,500 US troops serve in Korea during a five-year term."));
        Assert.Equal(new PrfCount(1, 0, 0), score.ValueUnit);
        Assert.Equal(1, score.AttachmentCorrect);
    }

    [Fact]
    public void AReportedNotFigureIsAFalsePositiveAndCountedAsSuch()
    {
        var gold = new GoldFile { NotFigures = [new GoldNotFigure { Text = "7 drones" }] };
        var score = FigureScoring.Score(gold, Processed("a", "They flew 7 drones."));
        Assert.Equal(1, score.ValueUnit.FalsePositives);
        Assert.Equal(1, score.NotFiguresReported);
    }

    [Fact]
    public void AMissedFigureIsAFalseNegativeAndNamed()
    {
        var gold = new GoldFile { Figures = [new GoldFigure { Text = "$3 billion", Value = 3e9, Unit = "USD" }] };
        var score = FigureScoring.Score(gold, Processed("a", "Nothing numeric here."));
        Assert.Equal(1, score.ValueUnit.FalseNegatives);
        Assert.Single(score.Missed);
    }

    [Fact]
    public void ADetectableRoleConflictIsFoundOnlyWhenReported()
    {
        var gold = new GoldFile { Inconsistencies = [new GoldInconsistency { Description = "two presidents", Detectable = "role_conflict" }, new GoldInconsistency { Description = "x" }] };
        var article = Processed("a", "Text.");
        Assert.Equal(0, FigureScoring.Score(gold, article).ContradictionsFound);
        var side = new ContradictionSide("a", new TextSpan(0, 1), "T");
        var found = FigureScoring.Score(gold, article, [new Contradiction(ContradictionKind.Role, "President of KOR", null, side, side, "d")]);
        Assert.Equal(1, found.ContradictionsExpected);
        Assert.Equal(1, found.ContradictionsFound);
    }

    /// <summary>The floor sits a little below what the stage reaches on the seed gold files (value+unit F1 1.00, attachment 17/17).</summary>
    [SharedFact]
    public void TheSeedGoldFilesAreMetAboveTheFloor()
    {
        var stage = FiguresStage.FromFolder(Knowledge);
        var scores = new List<FigureScore>();
        foreach (var gold in GoldFile.LoadFolder(SharedData.Gold))
        {
            var article = new Article(gold.Article.File, File.ReadAllText(Path.Combine(SharedData.Seeds, gold.Article.File)), new ArticleMetadata());
            new Tightrope.Text.TextStage().Process(article);
            stage.Process(article);
            scores.Add(FigureScoring.Score(gold, article, [], stage.Indicators));
        }

        var all = FigureScore.Sum(scores);
        Assert.True(all.ValueUnit.F1 >= 0.95, $"value+unit {all.ValueUnit}; missed: {string.Join(" | ", all.Missed)}; spurious: {string.Join(" | ", all.Spurious)}");
        Assert.True(all.Attachment >= 0.85, $"attachment {all.AttachmentCorrect}/{all.AttachmentTotal}: {string.Join(" | ", all.BadAttachments)}");
        Assert.Equal(0, all.NotFiguresReported);
    }
}
