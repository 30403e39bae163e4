using System.Text.Json;
using Tightrope.Model;
using Tightrope.Storage;
using Tightrope.Tests.Ingest;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Cli;

/// <summary>The written text (curly quotes, dashes as the page had them) survives the store: show prints it.</summary>
public sealed class WrittenTextTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ShowFromTheStorePrintsTheTextAsWrittenAndSearchStillFindsItsWords()
    {
        var input = Path.Combine(_temp.Path, "quotes.txt");
        File.WriteAllText(input,
            "Envoys weigh the garrison bill\n\n" +
            "The envoy said the talks were \u201cfrank and useful\u201d \u2014 and that a deal on the garrison\u2019s costs was close. " +
            "Negotiators will meet again in the spring to settle the last figures, officials added.\n");
        var db = Path.Combine(_temp.Path, "store.db");
        var ingest = CliProcess.Run(null, "ingest", input, "--db", db);
        Assert.True(ingest.Exit == 0, ingest.Err);
        using var list = JsonDocument.Parse(CliProcess.Run(null, "articles", "--db", db, "--json").Out);
        var id = list.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;

        var shown = CliProcess.Run(null, "show", id, "--db", db);
        Assert.True(shown.Exit == 0, shown.Err);
        Assert.Contains("\u201cfrank and useful\u201d \u2014 and", shown.Out, StringComparison.Ordinal);
        Assert.Contains("garrison\u2019s", shown.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliProcess.Run(null, "show", id, "--db", db, "--json").Out);
        Assert.Contains("\u201cfrank and useful\u201d", json.RootElement.GetProperty("text").GetString()!, StringComparison.Ordinal);
        var hits = CliProcess.Run(null, "search", "frank", "--db", db, "--json");
        Assert.Contains(id, hits.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrittenTextDifferenceGivesBackTheWrittenText()
    {
        const string clean = "He said \"no\" - twice, at the 'last' minute.";
        const string written = "He said \u201cno\u201d \u2013 twice, at the \u2018last\u2019 minute.";
        var diff = WrittenTextDiff.Encode(clean, written)!;
        Assert.Equal(written, WrittenTextDiff.Decode(diff, clean));
        // A count, then per position a one-byte gap and the unit (two bytes for a curly quote or a dash).
        Assert.True(diff.Length <= 1 + (5 * 3), $"{diff.Length} bytes for five positions");
        Assert.Null(WrittenTextDiff.Encode(clean, clean));
        Assert.Throws<ArgumentException>(() => WrittenTextDiff.Encode(clean, written + "!"));
        Assert.ThrowsAny<InvalidDataException>(() => WrittenTextDiff.Decode(diff, clean[..5]));
    }

    [Fact]
    public void TheStoreGivesBackTheWrittenTextOfAnArticleAndOfItsDuplicate()
    {
        const string clean = "The minister called the plan \"fair\" - and the allies agreed on the cost of the garrison for next year.";
        const string written = "The minister called the plan \u201cfair\u201d \u2014 and the allies agreed on the cost of the garrison for next year.";
        Article Make(string id)
        {
            var a = new Article(id, "RAW " + written, new ArticleMetadata { Title = "Plan called fair" });
            var map = new OffsetMap();
            map.Add(0, 4, clean.Length);
            a.SetCleanText(clean, map, written);
            a.TextHash = Tightrope.Dedup.TextFingerprint.TextHash(clean);
            return a;
        }

        using var store = ArticleStore.Open(Path.Combine(_temp.Path, "written.db"));
        var first = Make("f1000000000000000000000000000001");
        var plain = new Article("f1000000000000000000000000000003", "Plain text with nothing folded in it at all.", new ArticleMetadata());
        Assert.Equal([SaveOutcome.Stored, SaveOutcome.Duplicate, SaveOutcome.Stored], store.SaveMany([first, Make("f1000000000000000000000000000002"), plain]));
        Assert.Equal(written, store.GetArticle(first.Id)!.WrittenText);
        Assert.Equal(clean, store.GetArticle(first.Id)!.Text);
        Assert.Equal("RAW " + written, store.GetArticle(first.Id)!.RawText);
        Assert.Equal(written, store.GetArticle("f1000000000000000000000000000002")!.WrittenText);
        Assert.Equal(plain.Text, store.GetArticle(plain.Id)!.WrittenText);
    }
}
