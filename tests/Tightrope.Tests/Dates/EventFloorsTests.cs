using Tightrope.Dates;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Tests.Dates;

/// <summary>
/// Dated events of the knowledge base bound an undated article's date (an invented knowledge base: two leaders, a
/// visit to a city, a numbered test), and the evidence of a day of the month alone and of the year.
/// </summary>
public sealed class EventFloorsTests : IDisposable
{
    private static readonly Actor Voss = new() { Id = "test-arlen-voss", Name = "Arlen Voss", Kind = ActorKind.Person, Aliases = ["Voss"] };

    private static readonly Actor Talbot = new() { Id = "test-mira-talbot", Name = "Mira Talbot", Kind = ActorKind.Person, Aliases = ["Talbot"] };

    private static readonly Actor Kral = new() { Id = "test-otto-kral", Name = "Otto Kral", Kind = ActorKind.Person, Aliases = ["Kral"] };

    private static readonly Actor Ruritania = new() { Id = "test-ruritania", Name = "Ruritania", Kind = ActorKind.Country };

    private const string Events = """
        - id: voss-visit-zenda
          name: Arlen Voss's state visit to Zenda
          kind: state-visit
          from: 2021-03-10
          to: 2021-03-12
          participants: [test-arlen-voss, test-mira-talbot]
          places: [Zenda]
          sources: ["own test data"]

        - id: voss-talbot-first-talks
          name: The first Voss–Talbot talks
          kind: summit
          from: 2019-05-02
          participants: [test-arlen-voss, test-mira-talbot]
          places: [Strelsau]
          sources: ["own test data"]

        - id: ruritania-test-3
          name: Ruritania's third rocket test
          kind: nuclear-test
          from: 2016-08-20
          participants: [test-ruritania]
          aliases: [third rocket test]
          sources: ["own test data"]
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "tightrope-events-" + Guid.NewGuid().ToString("N"));

    public EventFloorsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "events"));
        File.WriteAllText(Path.Combine(_root, "events", "events.yaml"), Events);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private Article Run(string text)
    {
        var options = new PipelineOptions { Knowledge = new KnowledgeBase([Voss, Talbot, Kral, Ruritania]), KnowledgeFolder = _root };
        var article = new Article("e1", text, new ArticleMetadata());
        new PipelineBuilder(options).UseFoundation().UseActors().UseDates().Build().Process(article);
        return article;
    }

    [Fact]
    public void AVisitToldOfAsDoneDatesTheReportInTheWeeksAfterIt()
    {
        var a = Run("The visit of Arlen Voss to Zenda, where he was greeted by Mira Talbot, ended with a joint statement.\n");
        Assert.Equal(DateSource.Inferred, a.Date!.Source);
        Assert.Equal(new DateOnly(2021, 3, 10), a.Date.Date);
        Assert.Contains("Zenda", a.Date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void AVisitAheadDatesTheReportInTheWeeksBeforeIt()
    {
        var a = Run("Arlen Voss will visit Zenda next month, and Mira Talbot is expected to welcome him.\n");
        Assert.InRange(a.Date!.Date, new DateOnly(2021, 2, 8), new DateOnly(2021, 3, 9));
    }

    [Fact]
    public void AnotherPersonsVisitOrAnotherYearIsNotTheEvent()
    {
        // Kral visits Zenda: not Voss's visit, though Voss is named elsewhere.
        var a = Run("Arlen Voss stayed home. The visit of Otto Kral to Zenda, where he met Mira Talbot, ended with a joint statement.\n");
        Assert.Null(a.Date);

        // A year of the sentence that is not the event's: another visit.
        var b = Run("The 2014 visit of Arlen Voss to Zenda, where he met Mira Talbot, ended with a joint statement.\n");
        Assert.True(b.Date is null || b.Date.Date < new DateOnly(2021, 3, 9), b.Date?.Evidence);
    }

    [Fact]
    public void TalksNamedByTheirPeopleAloneCountAsTheEarliestOfThem()
    {
        // "talks between Voss and Talbot" with no place fits both meetings: the report is surely after the first.
        var a = Run("Officials recalled the talks between Arlen Voss and Mira Talbot as a turning point.\n");
        Assert.Equal(new DateOnly(2019, 5, 2), a.Date!.Date);
    }

    [Fact]
    public void AnEventsNameAloneTellsOfIt()
    {
        var a = Run("Ruritania carried out its third rocket test, officials said, and neighbours protested.\n");
        Assert.Equal(new DateOnly(2016, 8, 20), a.Date!.Date);
    }

    [Fact]
    public void ACheckFindsEventsThatCannotBeRead()
    {
        File.WriteAllText(Path.Combine(_root, "events", "bad.yaml"), """
            - id: voss-visit-zenda
              name: The same id again
              kind: state-visit
              from: 2021-03-10
              participants: [test-nobody]
              sources: ["own test data"]
            - id: no-source
              name: An event without a source, of a kind without words
              kind: coronation
              from: 2020-01-01
              participants: [test-arlen-voss]
            - id: backwards
              name: Ends before it begins
              kind: summit
              from: 2020-02-01
              to: 2020-01-01
              participants: [test-arlen-voss]
              sources: ["own test data"]
            """);
        var problems = DatedEvents.Check(_root, new KnowledgeBase([Voss, Talbot, Kral, Ruritania])).Select(p => p.Message).ToList();
        Assert.Contains(problems, p => p.Contains("given twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'test-nobody' is not in the knowledge base", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no source", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("kind 'coronation'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'to' is before 'from'", StringComparison.Ordinal));
        Assert.DoesNotContain(DatedEvents.Load(_root, []), e => e.Id == "backwards");
    }

    [Fact]
    public void ADayOfTheMonthAlonePlacesTheReportInItsMonth()
    {
        // "On the 25th" in translated wire copy: the day of a month the year evidence allows.
        var a = Run("In May 2022 the ministers met in Strelsau. On the 25th, they signed the accord, officials said.\n");
        Assert.Equal(new DateOnly(2022, 5, 25), a.Date!.Date);
    }

    [Fact]
    public void OnlyAStretchTheYearsEvidenceHoldsIsTheDate()
    {
        // Two days without a year weigh most in every year; the one piece that says the year (a bound of August
        // 2025) places the report, even where those days weigh less.
        var text = "The vote was held on June 4 and the talks began June 10.\n";
        var found = DateRecognizer.English.Resolve(DateRecognizer.English.Candidates(text, []), null);
        var bound = new DateBound(new TextSpan(0, 3), "The", [new DatePeriod(new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 20))], 1, "a test bound") { DayLevel = true };
        var date = ContentDater.Infer(text, found, [bound], new DateOnly(2026, 12, 1));
        Assert.InRange(date!.Date, new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 20));
    }
}
