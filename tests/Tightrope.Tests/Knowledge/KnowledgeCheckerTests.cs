using Tightrope.Knowledge;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Knowledge;

public sealed class KnowledgeCheckerTests
{
    /// <summary>A valid entry, used as the neighbour of broken ones.</summary>
    private const string Valid = """
        - id: moon-jae-in
          name: Moon Jae-in
          kind: person
          native: {hangul: 문재인, hanja: 文在寅}
          country: KOR
          sector: GOV
          roles:
            - {title: President, org: KOR, from: 2017-05-10, to: 2022-05-09}
          sources: [https://en.wikipedia.org/wiki/Moon_Jae-in]
        """;

    private static KnowledgeCheckReport CheckOne(string yaml, out string file)
    {
        using var kb = new KnowledgeFolder();
        file = kb.Write("people.yaml", yaml);
        return KnowledgeChecker.Check(kb.Root);
    }

    private static KnowledgeProblem Single(KnowledgeCheckReport report, KnowledgeSeverity severity)
    {
        var matching = report.Problems.Where(p => p.Severity == severity).ToList();
        Assert.True(matching.Count == 1, $"expected one {severity}, got: {string.Join(" | ", report.Problems)}");
        return matching[0];
    }

    [Fact]
    public void TheRepositorysKnowledgeBaseHasNoErrors()
    {
        var folder = Path.Combine(SharedData.RepoRoot, "knowledge");
        var report = KnowledgeChecker.Check(folder);

        var errors = report.Problems.Where(p => p.Severity == KnowledgeSeverity.Error).Select(p => p.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.True(report.Entries >= 500, $"only {report.Entries} entries");
        foreach (var kind in Enum.GetValues<ActorKind>())
        {
            Assert.True(report.EntriesByKind.GetValueOrDefault(kind) > 0, $"no entry of kind {kind}");
        }
    }

    [Fact]
    public void AValidEntryHasNoProblemsAndIsCountedByKind()
    {
        var report = CheckOne(Valid, out _);

        Assert.Empty(report.Problems);
        Assert.Equal(1, report.EntriesByKind[ActorKind.Person]);
    }

    [Fact]
    public void AYamlSyntaxErrorIsReportedWithItsLine()
    {
        var report = CheckOne(Valid + "\n- id: broken\n  name: [unclosed\n  kind: person\n", out var file);

        var p = Single(report, KnowledgeSeverity.Error);
        Assert.Equal(file, p.File);
        Assert.Contains("YAML syntax", p.Message, StringComparison.Ordinal);
        Assert.InRange(p.Line, 11, 13);
    }

    [Fact]
    public void AFileThatIsNotAListIsAnError()
    {
        var report = CheckOne("id: x\nname: X\n", out var file);

        var p = Single(report, KnowledgeSeverity.Error);
        Assert.Equal((file, 1), (p.File, p.Line));
        Assert.Contains("list of entries", p.Message, StringComparison.Ordinal);
    }

    // Each case: a broken entry appended after the valid one (which spans lines 1-9), the line the problem must be
    // reported on, and words of the message.
    public static TheoryData<string, int, string> BrokenEntries => new()
    {
        { "- name: No Id\n  kind: person\n  sources: [https://example.org]\n", 10, "missing 'id'" },
        { "- id: no-name\n  kind: person\n  sources: [https://example.org]\n", 10, "missing 'name'" },
        { "- id: x\n  name: X\n  kind: wizard\n  sources: [https://example.org]\n", 12, "unknown kind 'wizard'" },
        { "- id: x\n  name: X\n  kind: 3\n  sources: [https://example.org]\n", 12, "unknown kind '3'" },
        { "- id: Bad_Id\n  name: X\n  kind: person\n  sources: [https://example.org]\n", 10, "must be lower-case" },
        { "- id: x\n  name: X\n  kind: person\n  country: XKR\n  sources: [https://example.org]\n", 13, "ISO 3166" },
        { "- id: x\n  name: X\n  kind: person\n  sector: WIZ\n  sources: [https://example.org]\n", 13, "unknown sector" },
        { "- id: x\n  name: X\n  kind: person\n  roles:\n    - {title: Senator, org: USA, from: 2020-13-01}\n  sources: [https://example.org]\n", 14, "'from' is not a date" },
        { "- id: x\n  name: X\n  kind: person\n  roles:\n    - {title: Senator, org: USA, from: 2021-03, to: 2020}\n  sources: [https://example.org]\n", 14, "starts (2021-03) after it ends (2020)" },
        { "- id: x\n  name: X\n  kind: agreement\n  from: 2020-05-01\n  to: 2019\n  sources: [https://example.org]\n", 10, "'from' (2020-05-01) is after 'to' (2019)" },
        { "- id: x\n  name: X\n  kind: person\n  roles:\n    - {title: Emperor, org: USA}\n  sources: [https://example.org]\n", 14, "role title 'Emperor' is not in titles.yaml" },
        { "- id: x\n  name: X\n  kind: person\n  roles:\n    - {title: Senator, org: nowhere-party}\n  sources: [https://example.org]\n", 14, "role org 'nowhere-party'" },
        { "- id: x\n  name: X\n  kind: person\n  roles:\n    - {title: Senator}\n  sources: [https://example.org]\n", 14, "has no 'org'" },
        { "- id: x\n  name: X\n  kind: person\n  native: {hangul: 文在寅}\n  sources: [https://example.org]\n", 13, "native hangul '文在寅' is not in Hangul" },
        { "- id: x\n  name: X\n  kind: person\n  native: {hanja: 문재인}\n  sources: [https://example.org]\n", 13, "not in Chinese characters" },
        { "- id: x\n  name: X\n  kind: person\n  native: {cyrillic: Putin}\n  sources: [https://example.org]\n", 13, "not in Cyrillic" },
        { "- id: x\n  name: X\n  kind: person\n  native: {kana: 安倍}\n  sources: [https://example.org]\n", 13, "not in kana" },
        { "- id: x\n  name: X\n  kind: person\n  native: {klingon: abc}\n  sources: [https://example.org]\n", 13, "unknown native script 'klingon'" },
        { "- id: x\n  name: 문재인\n  kind: person\n  sources: [https://example.org]\n", 11, "must be in Latin script" },
        { "- id: x\n  name: X\n  kind: person\n", 10, "no source" },
        { "- id: moon-jae-in\n  name: Moon Again\n  kind: person\n  sources: [https://example.org]\n", 10, "duplicate id 'moon-jae-in' (first at" },
        { "- id: x\n  name: X\n  kind: person\n  roles:\n    - {title: President, org: KOR, from: 2020-01-01, to: 2024}\n  sources: [https://example.org]\n", 14, "overlaps the same role held by 'moon-jae-in'" },
        { "- id: x\n  name: X\n  kind: person\n  roles:\n    - {title: Senator, org: USA, from: 2001, to: 2010}\n    - {title: Senator, org: USA, from: 2009, to: 2012}\n  sources: [https://example.org]\n", 15, "listed twice over overlapping dates" },
    };

    [Theory]
    [MemberData(nameof(BrokenEntries))]
    public void EachRuleReportsAnErrorOnTheRightFileAndLine(string broken, int line, string message)
    {
        var report = CheckOne(Valid + "\n" + broken, out var file);

        var p = Single(report, KnowledgeSeverity.Error);
        Assert.Equal(file, p.File);
        Assert.Contains(message, p.Message, StringComparison.Ordinal);
        Assert.Equal(line, p.Line);
        Assert.False(report.Ok);
    }

    public static TheoryData<string, int, string> DoubtfulEntries => new()
    {
        { "- id: x\n  name: X\n  kind: person\n  alias: [Y]\n  sources: [https://example.org]\n", 13, "unknown field 'alias'" },
        { "- id: x\n  name: X\n  kind: person\n  aliases: [Moon Jae-in]\n  sources: [https://example.org]\n", 13, "'Moon Jae-in' is also on person 'moon-jae-in'" },
        { "- id: x\n  name: X\n  kind: person\n  aliases: [Y, y]\n  sources: [https://example.org]\n", 13, "alias 'y' repeats" },
        { "- id: x\n  name: X\n  kind: person\n  sources: [Wikipedia]\n", 13, "not an http(s) URL" },
        { "- id: x\n  name: X\n  kind: person\n  native: {hangul: 문재인, hanja: 文在}\n  sources: [https://example.org]\n", 13, "differ in length" },
    };

    [Theory]
    [MemberData(nameof(DoubtfulEntries))]
    public void DoubtfulButPossibleDataIsAWarningNotAnError(string doubtful, int line, string message)
    {
        var report = CheckOne(Valid + "\n" + doubtful, out var file);

        var p = Single(report, KnowledgeSeverity.Warning);
        Assert.Equal((file, line), (p.File, p.Line));
        Assert.Contains(message, p.Message, StringComparison.Ordinal);
        Assert.True(report.Ok);
    }

    [Fact]
    public void TheSameNameOnActorsOfDifferentKindsIsNotFlagged()
    {
        var report = CheckOne(Valid + "\n- id: moon-place\n  name: Moon Jae-in\n  kind: place\n  sources: [https://example.org]\n", out _);

        Assert.Empty(report.Problems);
    }

    [Theory]
    [InlineData("2022-05-09", "2022-05-09")] // hand-over day shared by both
    [InlineData("2022-05", "2022-05")] // only the month is known on both sides
    [InlineData("2022", "2022")]
    public void AHandOverOrAnUncertainBoundaryIsNotAnOverlap(string previousTo, string nextFrom)
    {
        var yaml = $"""
            - id: a
              name: A
              kind: person
              roles:
                - {"{"}title: President, org: KOR, from: 2017-05-10, to: {previousTo}{"}"}
              sources: [https://example.org]
            - id: b
              name: B
              kind: person
              roles:
                - {"{"}title: President, org: KOR, from: {nextFrom}{"}"}
              sources: [https://example.org]
            """;

        var report = CheckOne(yaml, out _);

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void TwoOpenEndedHoldersOfTheSameOfficeOverlap()
    {
        var yaml = """
            - id: a
              name: A
              kind: person
              roles: [{title: Secretary of State, org: USA, from: 2021}]
              sources: [https://example.org]
            - id: b
              name: B
              kind: person
              roles: [{title: Secretary of State, org: USA, from: 2025}]
              sources: [https://example.org]
            """;

        var report = CheckOne(yaml, out _);

        Assert.Contains("overlaps the same role held by 'a'", Single(report, KnowledgeSeverity.Error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOfficeHeldByManyAtOnceIsNotAnOverlap()
    {
        var yaml = """
            - id: a
              name: A
              kind: person
              roles: [{title: Senator, org: USA, from: 2021}]
              sources: [https://example.org]
            - id: b
              name: B
              kind: person
              roles: [{title: Senator, org: USA, from: 2019}]
              sources: [https://example.org]
            """;

        Assert.Empty(CheckOne(yaml, out _).Problems);
    }

    [Fact]
    public void ADuplicateIdInAnotherFileIsReportedInTheLaterFile()
    {
        using var kb = new KnowledgeFolder();
        kb.Write("a.yaml", Valid);
        var second = kb.Write("b.yaml", "# a comment\n" + Valid);

        var report = KnowledgeChecker.Check(kb.Root);

        var p = Single(report, KnowledgeSeverity.Error);
        Assert.Equal((second, 2), (p.File, p.Line));
        Assert.Contains("duplicate id 'moon-jae-in'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneBrokenFileDoesNotStopTheOthersFromBeingChecked()
    {
        using var kb = new KnowledgeFolder();
        kb.Write("a.yaml", "- id: [oops\n");
        kb.Write("b.yaml", Valid + "\n- id: y\n  name: Y\n  kind: person\n  country: ZZZ\n  sources: [https://example.org]\n");

        var report = KnowledgeChecker.Check(kb.Root);

        Assert.Contains(report.Problems, p => p.File.EndsWith("a.yaml", StringComparison.Ordinal) && p.Message.Contains("YAML syntax", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.File.EndsWith("b.yaml", StringComparison.Ordinal) && p.Line == 13);
        Assert.Equal(2, report.Entries);
    }

    [Fact]
    public void WithoutATitleVocabularyRoleTitlesAreNotCheckedAndTheCheckerSaysSo()
    {
        using var kb = new KnowledgeFolder(titles: null);
        kb.Write("a.yaml", Valid);

        var report = KnowledgeChecker.Check(kb.Root);

        Assert.Contains("title vocabulary is missing", Single(report, KnowledgeSeverity.Warning).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateTitleInTheVocabularyIsAnError()
    {
        using var kb = new KnowledgeFolder(KnowledgeFolder.DefaultTitles + "\n- {title: President, function: x}\n");
        kb.Write("a.yaml", Valid);

        var report = KnowledgeChecker.Check(kb.Root);

        var p = Single(report, KnowledgeSeverity.Error);
        Assert.Equal((Path.Combine(kb.Root, "titles.yaml"), 4), (p.File, p.Line));
    }

    [Fact]
    public void AnUnquotedCommaInATitleIsCaught()
    {
        using var kb = new KnowledgeFolder(KnowledgeFolder.DefaultTitles + "\n- {title: Minister of Trade, Industry and Energy, function: trade-minister}\n");
        kb.Write("a.yaml", Valid);

        var report = KnowledgeChecker.Check(kb.Root);

        var p = Single(report, KnowledgeSeverity.Error);
        Assert.Equal((Path.Combine(kb.Root, "titles.yaml"), 4), (p.File, p.Line));
        Assert.Contains("unknown title field 'Industry and Energy'", p.Message, StringComparison.Ordinal);
    }
}
