using Tightrope.Eval;
using Tightrope.Knowledge;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Knowledge;

/// <summary>The repository's knowledge base, loaded as the pipeline loads it.</summary>
public sealed class KnowledgeBaseDataTests
{
    private static readonly Lazy<KnowledgeBase> Repo = new(() =>
    {
        var problems = new List<KnowledgeProblem>();
        var kb = KnowledgeLoader.Load(Path.Combine(SharedData.RepoRoot, "knowledge"), problems);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return kb;
    });

    [Theory]
    [InlineData("President", "KOR", "1990-06-01", "roh-tae-woo")]
    [InlineData("President", "KOR", "2020-10-15", "moon-jae-in")]
    [InlineData("President", "KOR", "2025-07-01", "lee-jae-myung")]
    [InlineData("Acting President", "KOR", "2025-01-15", "choi-sang-mok")]
    [InlineData("President", "USA", "2019-11-01", "donald-trump")]
    [InlineData("President", "USA", "2023-01-01", "joe-biden")]
    [InlineData("Secretary of State", "USA", "2020-10-01", "mike-pompeo")]
    [InlineData("Secretary of Defense", "USA", "2020-10-01", "mark-esper")]
    [InlineData("National Security Adviser", "USA", "2020-10-01", "robert-obrien")]
    [InlineData("Minister of National Defense", "KOR", "2020-10-01", "suh-wook")]
    [InlineData("Director of the National Security Office", "KOR", "2020-10-01", "suh-hoon")]
    [InlineData("Ambassador to the United States", "KOR", "2020-10-01", "lee-soo-hyuck")]
    [InlineData("Minister of Foreign Affairs", "KOR", "2024-11-12", "cho-tae-yul")]
    [InlineData("Minister of National Defense", "KOR", "2024-11-08", "kim-yong-hyun")]
    [InlineData("Commander", "united-states-forces-korea", "2026-01-15", "xavier-brunson")]
    [InlineData("Prime Minister", "JPN", "2019-11-01", "shinzo-abe")]
    [InlineData("General Secretary", "chinese-communist-party", "2026-01-15", "xi-jinping")]
    [InlineData("Supreme Leader", "PRK", "2020-10-01", "kim-jong-un")]
    [InlineData("First Lady", "KOR", "2024-11-08", "kim-keon-hee")]
    [InlineData("Party Leader", "people-power-party", "2024-11-08", "han-dong-hoon")]
    public void TheHolderOfAnOfficeOnADateIsTheOnePersonWhoHeldIt(string title, string org, string date, string expected)
    {
        var holders = Repo.Value.HoldersOf(title, org, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Id).ToList();

        Assert.Equal([expected], holders);
    }

    [Fact]
    public void EveryRoleTitleMapsToAFunctionTheResolverCanMatchCuesOn()
    {
        var kb = Repo.Value;
        Assert.Equal("foreign-minister", kb.FindTitle("Secretary of State")?.Function);
        Assert.Equal("foreign-minister", kb.FindTitle("Minister of Foreign Affairs")?.Function);
        Assert.Contains("top diplomat", kb.FindTitle("Secretary of State")!.Cues);
        foreach (var role in kb.Actors.SelectMany(a => a.Roles))
        {
            Assert.NotNull(kb.FindTitle(role.Title));
        }
    }

    [Fact]
    public void APartialEndDateMeansTheEndOfThatMonth()
    {
        var choTaeYul = Repo.Value.Find("cho-tae-yul")!;
        var fm = choTaeYul.Roles.Single(r => r.Title == "Minister of Foreign Affairs");

        Assert.Equal(new DateOnly(2025, 7, 31), fm.To);
        Assert.True(fm.HeldOn(new DateOnly(2025, 7, 31)));
        Assert.False(fm.HeldOn(new DateOnly(2025, 8, 1)));
    }

    [Fact]
    public void AgreementsCarryTheirDatesOfSignature()
    {
        var kb = Repo.Value;

        Assert.Equal(new DateOnly(1953, 10, 1), kb.Find("mutual-defense-treaty")!.Signed);
        Assert.Equal(new DateOnly(2024, 11, 4), kb.Find("sma-12")!.Signed);
        for (int round = 1; round <= 12; round++)
        {
            Assert.NotNull(kb.Find($"sma-{round}")?.Signed);
        }
    }

    [Fact]
    public void KoreanPeopleWithHanjaHaveOneHangulSyllablePerCharacter()
    {
        foreach (var a in Repo.Value.Actors.Where(a => a.Kind == ActorKind.Person && a.Native.Hanja is not null))
        {
            Assert.True(a.Native.Hangul is not null, $"{a.Id} has hanja but no hangul");
            Assert.True(a.Native.Hangul!.Replace(" ", "", StringComparison.Ordinal).Length == a.Native.Hanja!.Length, $"{a.Id}: {a.Native.Hangul} / {a.Native.Hanja}");
        }
    }

    /// <summary>Every actor the gold files name has an entry under the gold's canonical name, with the same native names.</summary>
    [SharedFact]
    public void EveryActorOfTheGoldFilesHasAnEntryWithItsNativeNames()
    {
        var byName = Repo.Value.Actors.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var missing = new List<string>();
        var wrongNative = new List<string>();
        foreach (var gold in GoldFile.LoadFolder(SharedData.Gold))
        {
            foreach (var actor in gold.Actors)
            {
                if (!byName.TryGetValue(actor.Canonical, out var entry))
                {
                    missing.Add($"{Path.GetFileName(gold.Path)}: {actor.Canonical}");
                    continue;
                }

                if (entry.Kind != ActorKind.Person || string.IsNullOrEmpty(actor.Native))
                {
                    continue;
                }

                // The gold writes "김태효 / 金泰孝": each part must be one of the entry's native names.
                foreach (var part in actor.Native.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!entry.Native.All().Contains(part, StringComparer.Ordinal))
                    {
                        wrongNative.Add($"{entry.Id}: gold '{part}' not among [{string.Join(", ", entry.Native.All())}]");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "missing: " + string.Join("; ", missing));
        Assert.True(wrongNative.Count == 0, string.Join("; ", wrongNative));
    }
}
