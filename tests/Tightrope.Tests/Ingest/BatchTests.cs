using System.Text;
using Tightrope.Ingest;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Ingest;

public class BatchTests
{
    [Fact]
    public void AFolderOfHostileFilesGivesOneFailurePerBadFileAndReadsTheGoodOnes()
    {
        using var dir = new TempFolder();
        dir.Write("01-good.txt", "A perfectly ordinary article about the alliance.");
        dir.Write("02-empty.txt", "");
        dir.Write("03-blank.md", "   \n\n ");
        dir.Write("04-binary.html", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        dir.Write("05-feed.xml", "<<< definitely not xml");
        dir.Write("06-lines.jsonl", "{\"text\":\"fine\"}\n{broken\n");
        var random = new Random(5);
        dir.Write("07-garbled.txt", Enumerable.Range(0, 2000).Select(i => (byte)(i % 6 == 0 ? ' ' : random.Next(0x80, 0x100))).ToArray());
        var nested = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            nested.Append("<span><b>");
        }

        dir.Write("08-nested.html", nested.Append("deep text").ToString());
        dir.Write("09-good.md", "# Title\n\nBody.");

        var items = Read.All(dir.Path);
        var failures = items.OfType<SourceItem.Failure>().Select(f => Path.GetFileName(f.Input)).ToList();
        Assert.Equal(["02-empty.txt", "03-blank.md", "04-binary.html", "05-feed.xml", "06-lines.jsonl", "07-garbled.txt"], failures);
        Assert.All(items.OfType<SourceItem.Failure>(), f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));

        var articles = Read.Documents(items).Select(Sources.ToArticle).ToList();
        Assert.Equal(["A perfectly ordinary article about the alliance.", "fine", "deep text", "Title\n\nBody."], articles.Select(a => a.RawText.Trim()));
    }

    [Fact]
    public void NestingJustUnderTheGuardIsParsedWithoutReadabilityAndWithoutOverflow()
    {
        using var dir = new TempFolder();
        var sb = new StringBuilder("<html><head><title>Deep page</title></head><body>");
        for (int i = 0; i < 900; i++)
        {
            sb.Append("<div>");
        }

        sb.Append("<p>First.</p><p>Second.</p>");
        var article = Read.Article(dir.Write("deep900.html", sb.ToString()));
        Assert.Equal("First.\n\nSecond.", article.RawText.Trim());
        Assert.Equal("Deep page", article.Metadata.Title);
    }

    [SharedFact]
    public void EverySeedArticleIsReadWithText()
    {
        var items = Read.All(SharedData.Seeds);
        Assert.DoesNotContain(items, i => i is SourceItem.Failure);
        var articles = Read.Documents(items).Select(Sources.ToArticle).ToList();
        Assert.Equal(Directory.GetFiles(SharedData.Seeds, "*.txt").Length, articles.Count);
        Assert.All(articles, a => Assert.True(a.RawText.Length > 200));
        Assert.Equal(articles.Count, articles.Select(a => a.Id).Distinct().Count());
    }
}

public class ToArticleTests
{
    [Fact]
    public void TryToArticleTurnsABadDocumentIntoAFailureNamingIt()
    {
        var raw = new RawDocument("made-up.html", System.Text.Encoding.UTF8.GetBytes("<html><body><script>x()</script></body></html>"), "html", new Tightrope.Model.ArticleMetadata());
        Assert.False(Sources.TryToArticle(raw, out var article, out var failure));
        Assert.Null(article);
        Assert.Equal("made-up.html", failure.Input);
        Assert.Contains("no article text", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertingInParallelGivesTheSameArticlesAsInOrder()
    {
        using var dir = new TempFolder();
        for (int i = 0; i < 40; i++)
        {
            dir.Write($"p{i:D2}.html", $"<html><head><title>Page {i}</title></head><body><article><p>Paragraph one of page {i} about the alliance and its cost-sharing talks in Seoul.</p><p>Paragraph two of page {i}.</p></article></body></html>");
            dir.Write($"n{i:D2}.md", $"---\ntitle: Note {i}\n---\nBody of note {i} with **bold** text.");
        }

        var docs = Read.Documents(Read.All(dir.Path)).ToList();
        var sequential = docs.Select(d => (Sources.ToArticle(d).RawText, Sources.ToArticle(d).Metadata.Title)).ToList();
        var parallel = docs.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(d => { var a = Sources.ToArticle(d); return (a.RawText, a.Metadata.Title); }).ToList();
        Assert.Equal(80, sequential.Count);
        Assert.Equal(sequential, parallel);
    }
}
