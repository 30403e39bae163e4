using System.Text.Json;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Cli;

/// <summary>The three articles written for the event and date command tests, and a store holding them for the tests that only read.</summary>
public sealed class EventArticles : IDisposable
{
    public EventArticles()
    {
        Inputs = Path.Combine(Folder, "in");
        Directory.CreateDirectory(Inputs);
        File.WriteAllText(Path.Combine(Inputs, "talks.md"), """
            ---
            title: "Envoys meet at the lakeside hall"
            date: 2031-04-02
            source: Test Wire
            ---

            South Korea met with Japan at the lakeside hall on March 30, 2031. North Korea threatened to attack South Korea after the meeting. The United States urged North Korea to return to talks.
            """);
        File.WriteAllText(Path.Combine(Inputs, "accord.md"), """
            ---
            title: "Fishing accord reached"
            date: 2031-05-20
            source: Test Wire
            ---

            Japan and South Korea reached an agreement on fishing rights. North Korea did not attack South Korea during the week.
            """);
        File.WriteAllText(Path.Combine(Inputs, "note.txt"), "A short note that carries no date. The United States criticized North Korea over the test.\n");
        Shared = NewStore();
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));

    public string Inputs { get; }

    /// <summary>A store no test changes.</summary>
    public string Shared { get; }

    /// <summary>A new store holding the three articles (for a test that changes it).</summary>
    public string NewStore()
    {
        var db = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
        var (exit, _, err) = CliProcess.Run(null, "ingest", Inputs, "--db", db);
        Assert.True(exit == 0, err);
        return db;
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>
/// `article set-date`, `events`, `export events` and what `show` prints of dates and events, run as the real
/// executable over small stores of articles written for these tests.
/// </summary>
public sealed class EventAndDateCommandsTests(EventArticles articles) : IClassFixture<EventArticles>
{
    private readonly string _folder = articles.Folder;

    private string Inputs => articles.Inputs;

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(null, args);

    private static string IdOf(string db, string origin)
    {
        using var list = JsonDocument.Parse(Run("articles", "--db", db, "--json").Out);
        return list.RootElement.GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("origin").GetString()!.EndsWith(origin, StringComparison.Ordinal)).GetProperty("id").GetString()!;
    }

    [Fact]
    public void ADateSetByHandIsWhatShowArticlesAndStatsReportAlsoAfterIngestingAgain()
    {
        var db = articles.NewStore();
        var id = IdOf(db, "note.txt");

        var set = Run("article", "set-date", id[..8], "2031-06-15", "--db", db);
        Assert.True(set.Exit == 0, set.Err);
        Assert.Contains("2031-06-15 (user, confidence 1; evidence: set by the user)", set.Out, StringComparison.Ordinal);

        var again = Run("ingest", Inputs, "--db", db, "--report", "--json");
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains(Run("show", id, "--db", db).Out.Split('\n'), line =>
            line.StartsWith("date", StringComparison.Ordinal) && line.Contains("2031-06-15 (user, confidence 1; evidence: set by the user)", StringComparison.Ordinal));
        using (var shown = JsonDocument.Parse(Run("show", id, "--db", db, "--json").Out))
        {
            Assert.Equal("user", shown.RootElement.GetProperty("date_source").GetString());
            Assert.Equal(1.0, shown.RootElement.GetProperty("date_confidence").GetDouble());
            Assert.All(shown.RootElement.GetProperty("events").EnumerateArray(), e =>
                Assert.Equal(("2031-06-15", "article"), (e.GetProperty("date").GetString(), e.GetProperty("date_from").GetString())));
            Assert.NotEmpty(shown.RootElement.GetProperty("events").EnumerateArray());
        }

        using (var events = JsonDocument.Parse(Run("events", "--db", db, "--from", "2031-06-01", "--to", "2031-06-30", "--json").Out))
        {
            Assert.NotEmpty(events.RootElement.GetProperty("items").EnumerateArray());
            Assert.All(events.RootElement.GetProperty("items").EnumerateArray(), e => Assert.Equal(id, e.GetProperty("article").GetString()));
        }

        using (var june = JsonDocument.Parse(Run("articles", "--db", db, "--from", "2031-06-01", "--to", "2031-06-30", "--json").Out))
        {
            Assert.Equal(1, june.RootElement.GetProperty("total").GetInt32());
            Assert.Equal(id, june.RootElement.GetProperty("items")[0].GetProperty("id").GetString());
        }

        using (var stats = JsonDocument.Parse(Run("stats", "--db", db, "--json").Out))
        {
            Assert.Equal("2031-04-02", stats.RootElement.GetProperty("from").GetString());
            Assert.Equal("2031-06-15", stats.RootElement.GetProperty("to").GetString());
        }

        var cleared = Run("article", "set-date", id, "--clear", "--db", db, "--json");
        Assert.True(cleared.Exit == 0, cleared.Err);
        using (var json = JsonDocument.Parse(cleared.Out))
        {
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("date").ValueKind);
        }

        using var after = JsonDocument.Parse(Run("stats", "--db", db, "--json").Out);
        Assert.Equal("2031-05-20", after.RootElement.GetProperty("to").GetString());
    }

    [Fact]
    public void ClearingADateSetByHandGivesBackTheMetadataDate()
    {
        var db = articles.NewStore();
        var id = IdOf(db, "talks.md");
        Assert.Equal(0, Run("article", "set-date", id, "2030-01-01", "--db", db).Exit);
        Assert.Contains("2030-01-01 (user", Run("show", id, "--db", db).Out, StringComparison.Ordinal);

        var cleared = Run("article", "set-date", id, "--clear", "--db", db);
        Assert.True(cleared.Exit == 0, cleared.Err);
        Assert.Contains("2031-04-02 (metadata", cleared.Out, StringComparison.Ordinal);
        Assert.Contains("2031-04-02 (metadata", Run("show", id, "--db", db).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadDateIsExitTwoAndAnUnknownIdExitOne()
    {
        var db = articles.Shared;
        var id = IdOf(db, "note.txt");

        var bad = Run("article", "set-date", id, "2031-02-30", "--db", db);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("YYYY-MM-DD", bad.Err, StringComparison.Ordinal);
        Assert.Contains("'2031-02-30'", bad.Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("article", "set-date", id, "yesterday", "--db", db).Exit);
        Assert.Equal(2, Run("article", "set-date", id, "--db", db).Exit);
        Assert.Equal(2, Run("article", "set-date", id, "2031-02-03", "--clear", "--db", db).Exit);

        var unknown = Run("article", "set-date", "ffffffffffff", "2031-02-03", "--db", db);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("no article with id 'ffffffffffff'", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(1, Run("article", "set-date", "ffffffffffff", "--clear", "--db", db).Exit);
        Assert.DoesNotContain("(user", Run("show", id, "--db", db).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EventsAreListedWithTheirActorsDateAndSentenceAndFiltered()
    {
        var db = articles.Shared;
        var (exit, output, err) = Run("events", "--db", db, "--json");
        Assert.True(exit == 0, err);
        using var all = JsonDocument.Parse(output);
        int total = all.RootElement.GetProperty("total").GetInt32();
        Assert.True(total >= 5, $"{total} events");
        var items = all.RootElement.GetProperty("items").EnumerateArray().ToList();
        var agree = Assert.Single(items, e => e.GetProperty("type").GetString() == "AGREE");
        Assert.Equal("japan", agree.GetProperty("source_id").GetString());
        Assert.Equal("south-korea", agree.GetProperty("target_id").GetString());
        Assert.Equal("2031-05-20", agree.GetProperty("date").GetString());
        Assert.Equal("Japan and South Korea reached an agreement on fishing rights.", agree.GetProperty("sentence").GetString());

        using var north = JsonDocument.Parse(Run("events", "--db", db, "--json", "--actor", "north-korea").Out);
        Assert.Equal(items.Count(e => e.GetProperty("source_id").GetString() == "north-korea" || e.GetProperty("target_id").GetString() == "north-korea"),
            north.RootElement.GetProperty("total").GetInt32());

        using var negated = JsonDocument.Parse(Run("events", "--db", db, "--json", "--modality", "negated").Out);
        var denied = Assert.Single(negated.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(("ASSAULT", "north-korea"), (denied.GetProperty("type").GetString(), denied.GetProperty("source_id").GetString()));

        using var may = JsonDocument.Parse(Run("events", "--db", db, "--json", "--from", "2031-05-01", "--to", "2031-05-31").Out);
        Assert.All(may.RootElement.GetProperty("items").EnumerateArray(), e => Assert.Equal("2031-05-20", e.GetProperty("date").GetString()));
        Assert.True(may.RootElement.GetProperty("total").GetInt32() >= 2);

        var table = Run("events", "--db", db, "--type", "agree", "--limit", "1");
        Assert.Equal(0, table.Exit);
        Assert.Contains("AGREE", table.Out, StringComparison.Ordinal);
        Assert.Contains("1 events", table.Out, StringComparison.Ordinal);
        Assert.Matches($@"1 of {total} events", Run("events", "--db", db, "--limit", "1").Out);
    }

    [Fact]
    public void AnUnknownTypeModalityActorOrDateIsExitTwo()
    {
        var db = articles.Shared;
        var type = Run("events", "--db", db, "--type", "HUG");
        Assert.Equal(2, type.Exit);
        Assert.Contains("unknown event type 'HUG'", type.Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("events", "--db", db, "--modality", "perhaps").Exit);
        Assert.Equal(2, Run("events", "--db", db, "--actor", "no-such-actor-anywhere").Exit);
        Assert.Equal(2, Run("events", "--db", db, "--from", "May 2031").Exit);
        Assert.Equal(2, Run("events", "--db", db, "--from", "2031-06-01", "--to", "2031-05-01").Exit);
        Assert.Equal(2, Run("events", "--db", Path.Combine(_folder, "missing.db")).Exit);
    }

    [Fact]
    public void EventsExportAsCsvJsonAndPloverRecordsWithOneRowAnEvent()
    {
        var db = articles.Shared;
        using var listed = JsonDocument.Parse(Run("events", "--db", db, "--json").Out);
        int total = listed.RootElement.GetProperty("total").GetInt32();

        var csvPath = Path.Combine(_folder, "out", "events.csv");
        var csv = Run("export", "events", "--format", "csv", "--out", csvPath, "--db", db, "--json");
        Assert.True(csv.Exit == 0, csv.Err);
        using (var report = JsonDocument.Parse(csv.Out))
        {
            Assert.Equal(total, report.RootElement.GetProperty("rows").GetInt32());
        }

        var lines = File.ReadAllLines(csvPath);
        Assert.StartsWith("article,article_date,title,type,mode,cameo,source_id", lines[0], StringComparison.Ordinal);
        Assert.Equal(total + 1, lines.Length);

        var jsonPath = Path.Combine(_folder, "out", "events.json");
        Assert.Equal(0, Run("export", "events", "--format", "json", "--out", jsonPath, "--db", db).Exit);
        using (var json = JsonDocument.Parse(File.ReadAllText(jsonPath)))
        {
            Assert.Equal(total, json.RootElement.GetArrayLength());
        }

        var ploverPath = Path.Combine(_folder, "out", "events.plover.json");
        Assert.Equal(0, Run("export", "events", "--format", "plover", "--out", ploverPath, "--db", db).Exit);
        using var plover = JsonDocument.Parse(File.ReadAllText(ploverPath));
        Assert.Equal(total, plover.RootElement.GetArrayLength());
        var agree = Assert.Single(plover.RootElement.EnumerateArray(), e => e.GetProperty("event").GetString() == "AGREE");
        Assert.Equal("2031-05-20", agree.GetProperty("date").GetString());
        var source = Assert.Single(agree.GetProperty("source").EnumerateArray());
        Assert.Equal(("Japan", "JPN", "GOV"), (source.GetProperty("actorText").GetString(), source.GetProperty("code").GetString(), source.GetProperty("sector").GetString()));
        Assert.Equal("KOR", agree.GetProperty("target")[0].GetProperty("code").GetString());
        Assert.Equal("Japan and South Korea reached an agreement on fishing rights.", agree.GetProperty("text").GetString());
        Assert.Equal("Test Wire", agree.GetProperty("publication").GetString());
        Assert.Equal("asserted", agree.GetProperty("modality").GetString());
        Assert.False(agree.TryGetProperty("mode", out _), "PLOVER records carry only fields with a value");
        Assert.Equal(2, Run("export", "events", "--format", "xml", "--out", ploverPath, "--db", db).Exit);
    }

    [Fact]
    public void ShowPrintsTheDateWithItsEvidenceTheDateExpressionsAndTheEvents()
    {
        var db = articles.Shared;
        var id = IdOf(db, "talks.md");
        var (exit, output, err) = Run("show", id[..10], "--db", db);
        Assert.True(exit == 0, err);
        Assert.Contains("2031-04-02 (metadata, confidence 1; evidence: metadata)", output, StringComparison.Ordinal);
        Assert.Contains("date expressions (", output, StringComparison.Ordinal);
        Assert.Contains("2031-03-30", output, StringComparison.Ordinal);
        Assert.Contains("events (", output, StringComparison.Ordinal);
        Assert.Contains("THREATEN", output, StringComparison.Ordinal);
        Assert.Contains("north-korea", output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(Run("show", id, "--db", db, "--json").Out);
        Assert.Contains(json.RootElement.GetProperty("dates").EnumerateArray(), d => d.GetProperty("value").GetString() == "2031-03-30");
        Assert.Contains(json.RootElement.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "CONSULT");
    }
}
