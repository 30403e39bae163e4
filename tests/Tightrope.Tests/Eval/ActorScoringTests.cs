using Tightrope.Actors;
using Tightrope.Eval;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Eval;

public sealed class ActorScoringTests
{
    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR" },
        new Actor { Id = "nis", Name = "National Intelligence Service", Kind = ActorKind.Government, Country = "KOR" },
        new Actor { Id = "ajax", Name = "Ajax Person", Kind = ActorKind.Person, Country = "KOR" },
        new Actor { Id = "boris", Name = "Boris Person", Kind = ActorKind.Person, Country = "KOR" },
    ]);

    private static Mention M(string text, string? id, MentionKind kind = MentionKind.Name) =>
        new() { Span = new TextSpan(0, text.Length), Text = text, ActorId = id, Kind = kind, Confidence = 0.9 };

    [Fact]
    public void PairsAndActorsAreScoredPerKind()
    {
        var gold = new GoldFile
        {
            Article = new GoldArticle { File = "x.txt" },
            Actors =
            [
                new GoldActor { Canonical = "Ajax Person", Kind = "person", Mentions = ["Ajax", "Ajax Person"] },
                new GoldActor { Canonical = "South Korea", Kind = "country", Mentions = ["South Korea"] },
                new GoldActor { Canonical = "Boris Person", Kind = "person", Mentions = ["Boris"], InNoise = true },
            ],
        };
        var article = new Article("a", "text", new ArticleMetadata());
        article.Mentions.AddRange([M("Ajax", "ajax"), M("Ajax", "ajax"), M("South Korea", "south-korea"), M("Seoul", "nis"), M("Boris", "boris"), M("Unknown", null)]);

        var score = new ActorScoring().Score(gold, article, Kb);

        Assert.Equal(new PrfCount(1, 0, 1), score.Counts["pairs/person"]);        // "Ajax Person" missed
        Assert.Equal(new PrfCount(2, 1, 1), score.Counts["pairs/all"]);           // "Seoul" → nis is extra; Boris is noise
        Assert.Equal(new PrfCount(2, 1, 0), score.Counts["actors/all"]);
        Assert.Contains(score.Misses, m => m.Contains("Ajax Person", StringComparison.Ordinal));
    }

    [Fact]
    public void ARoleOnlyMentionCountsOnlyForAnActorTheArticleNeverNames()
    {
        var gold = new GoldFile { Actors = [new GoldActor { Canonical = "Ajax Person", Kind = "person", Mentions = ["Ajax"] }] };
        var named = new Article("a", "t", new ArticleMetadata());
        named.Mentions.AddRange([M("Ajax", "ajax"), M("the minister", "ajax", MentionKind.Role)]);
        Assert.Equal(0, new ActorScoring().Score(gold, named, Kb).Counts["pairs/all"].FalsePositives);

        var unnamed = new Article("b", "t", new ArticleMetadata());
        unnamed.Mentions.Add(M("Minister", "boris", MentionKind.Role));
        Assert.Equal(1, new ActorScoring().Score(gold, unnamed, Kb).Counts["pairs/all"].FalsePositives);
    }

    [Fact]
    public void GoldNamesMapToKnowledgeIdsThroughAQualifier()
    {
        Assert.Equal("nis", ActorScoring.MapToKnowledge("National Intelligence Service (South Korea)", Kb));
        Assert.Equal("ajax", ActorScoring.MapToKnowledge("ajax person", Kb));
        Assert.Null(ActorScoring.MapToKnowledge("Nobody At All", Kb));
    }

    [Fact]
    public void PartialGoldDatesMeanTheFirstDayOfThePeriod()
    {
        Assert.Equal(new DateOnly(2020, 10, 1), EvalScorers.ParseGoldDate("2020-10"));
        Assert.Equal(new DateOnly(2024, 11, 8), EvalScorers.ParseGoldDate("2024-11-08"));
        Assert.Null(EvalScorers.ParseGoldDate("soon"));
    }

    /// <summary>
    /// The whole pipeline against the gold files with the repository's knowledge base. The floors sit a little
    /// below what the pipeline reaches, so a regression fails here.
    /// </summary>
    [SharedFact]
    public void TheGoldArticlesScoreAboveTheFloors()
    {
        var knowledge = KnowledgeLoader.Load(Path.Combine(SharedData.RepoRoot, "knowledge"));
        var report = EvalRunner.Run(SharedData.Gold, SharedData.Seeds, knowledge, [new ActorScoring()]);
        Assert.Empty(report.Problems);
        var overall = report.Overall("actors");
        Assert.True(overall["pairs/person"].F1 >= 0.93, $"people F1 {overall["pairs/person"].F1:0.000}");
        Assert.True(overall["pairs/all"].F1 >= 0.75, $"all-kinds F1 {overall["pairs/all"].F1:0.000}");
        Assert.True(overall["actors/person"].F1 >= 0.95, $"people actor-set F1 {overall["actors/person"].F1:0.000}");
        Assert.True(overall["actors/all"].F1 >= 0.78, $"actor-set F1 {overall["actors/all"].F1:0.000}");
    }
}
