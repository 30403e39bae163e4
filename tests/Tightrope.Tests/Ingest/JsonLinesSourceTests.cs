using System.Text;
using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class JsonLinesSourceTests
{
    private const string Good1 = """{"title":"THAAD battery arrives","text":"The first launchers reached Seongju.\n\nProtests followed.","url":"https://example.org/thaad","source":"Example Wire","published":"2017-03-07","author":"A. Reporter"}""";
    private const string Good2 = """{"title":"Chips pact","html":"<p>The two governments signed a <b>semiconductor</b> supply accord.</p><p>Details were not released.</p>","published":"Tue, 10 Oct 2023 09:00:00 KST"}""";

    [Fact]
    public void EachLineBecomesAnArticleWithItsFieldsAndItsLineAsOrigin()
    {
        using var dir = new TempFolder();
        var path = dir.Write("feed.jsonl", Good1 + "\n" + Good2 + "\n");
        var docs = Read.Documents(Read.All(path)).ToList();
        Assert.Equal(2, docs.Count);
        var first = Sources.ToArticle(docs[0]);
        Assert.Equal("The first launchers reached Seongju.\n\nProtests followed.", first.RawText);
        Assert.Equal("THAAD battery arrives", first.Metadata.Title);
        Assert.Equal("https://example.org/thaad", first.Metadata.Url);
        Assert.Equal("Example Wire", first.Metadata.Source);
        Assert.Equal("A. Reporter", first.Metadata.Author);
        Assert.Equal(new DateOnly(2017, 3, 7), first.Metadata.Published);
        Assert.Equal($"{path}:1", first.Metadata.Origin);
        Assert.Equal("jsonl", first.Metadata.Format);

        var second = Sources.ToArticle(docs[1]);
        Assert.Equal("The two governments signed a semiconductor supply accord.\n\nDetails were not released.", second.RawText);
        Assert.Equal(new DateOnly(2023, 10, 10), second.Metadata.Published);
        Assert.Equal($"{path}:2", second.Metadata.Origin);
    }

    [Fact]
    public void TheIdOfALineIsTheContentIdOfThatLinesBytes()
    {
        using var dir = new TempFolder();
        var path = dir.Write("one.ndjson", Good1 + "\r\n");
        var article = Read.Article(path);
        Assert.Equal(Sources.ContentId(Encoding.UTF8.GetBytes(Good1)), article.Id);
    }

    [Fact]
    public void ABadLineIsAFailureWithItsLineNumberAndTheRestGoesOn()
    {
        using var dir = new TempFolder();
        var lines = new[]
        {
            Good1,
            "",
            "{\"title\": \"truncated\", \"text\": \"no end",
            "[1, 2, 3]",
            "{\"title\": \"no body\"}",
            "{\"text\": \"   \"}",
            Good2,
        };
        var path = dir.Write("mixed.jsonl", string.Join("\n", lines));
        var items = Read.All(path);
        Assert.Collection(
            items,
            i => Assert.IsType<SourceItem.Document>(i),
            i => Assert.Equal((path, 3), Fail(i, "invalid JSON")),
            i => Assert.Equal((path, 4), Fail(i, "not a JSON object")),
            i => Assert.Equal((path, 5), Fail(i, "no \"text\" or \"html\"")),
            i => Assert.Equal((path, 6), Fail(i, "no \"text\" or \"html\"")),
            i => Assert.Equal($"{path}:7", Assert.IsType<SourceItem.Document>(i).Raw.Origin));
    }

    [Fact]
    public void ALineLongerThanTheLimitIsAFailureAndTheNextLineIsRead()
    {
        using var dir = new TempFolder();
        var longLine = "{\"text\":\"" + new string('x', 300_000) + "\"}";
        var path = dir.Write("long.jsonl", longLine + "\n" + Good1 + "\n");
        var items = Read.All(new SourceOptions { MaxBytes = 100_000 }, path);
        Assert.Equal((path, 1), Fail(items[0], "longer than"));
        Assert.Equal($"{path}:2", Assert.IsType<SourceItem.Document>(items[1]).Raw.Origin);
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void InvalidUtf8InALineIsAFailure()
    {
        using var dir = new TempFolder();
        var bad = Encoding.UTF8.GetBytes("{\"text\":\"caf").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();
        var path = dir.Write("bad.jsonl", bad.Concat(Encoding.UTF8.GetBytes(Good1)).ToArray());
        var items = Read.All(path);
        Assert.Equal((path, 1), Fail(items[0], "invalid JSON"));
        Assert.IsType<SourceItem.Document>(items[1]);
    }

    [Fact]
    public void ManyLinesStreamAcrossBufferBoundaries()
    {
        using var dir = new TempFolder();
        var sb = new StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            sb.Append("{\"title\":\"Item ").Append(i).Append("\",\"text\":\"Body of item ").Append(i).Append(" with some padding to cross buffers.\"}\n");
        }

        var path = dir.Write("many.jsonl", sb.ToString());
        var docs = Read.Documents(Read.All(path)).ToList();
        Assert.Equal(5000, docs.Count);
        Assert.Equal("Item 4321", docs[4321].Metadata.Title);
        Assert.Equal("Body of item 4999 with some padding to cross buffers.", Sources.ToArticle(docs[4999]).RawText);
    }

    [Theory]
    [InlineData("\n\n   \n")]
    [InlineData("  \r\n\t")]
    public void AJsonLinesFileWithOnlyBlankLinesIsOneFailure(string content)
    {
        using var dir = new TempFolder();
        var path = dir.Write("blank.jsonl", content);
        var failure = Read.Failure(Read.All(path));
        Assert.Equal((path, (int?)null), (failure.Input, failure.Line));
        Assert.Contains("empty", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ABinaryFileNamedJsonLinesIsOneFailureNotOnePerLine()
    {
        using var dir = new TempFolder();
        var bytes = new byte[20_000];
        new Random(9).NextBytes(bytes);
        for (int i = 0; i < bytes.Length; i += 50)
        {
            bytes[i] = (byte)'\n';
        }

        var failure = Read.Failure(Read.All(dir.Write("data.jsonl", bytes)));
        Assert.Contains("binary", failure.Reason, StringComparison.Ordinal);
    }

    private static (string, int?) Fail(SourceItem item, string reason)
    {
        var failure = Assert.IsType<SourceItem.Failure>(item);
        Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
        return (failure.Input, failure.Line);
    }
}
