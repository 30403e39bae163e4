using System.Text;
using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class FileSourceTests
{
    private const string Story = "Seoul and Washington agreed on Tuesday to extend the cost-sharing accord.\n\nThe deal raises Seoul's contribution by 8.3 percent.";

    [Fact]
    public void APlainTextFileBecomesOneArticleWithItsText()
    {
        using var dir = new TempFolder();
        var path = dir.Write("story.txt", Story);
        var article = Read.Article(path);
        Assert.Equal(Story, article.RawText);
        Assert.Equal("txt", article.Metadata.Format);
        Assert.Equal(path, article.Metadata.Origin);
    }

    [Fact]
    public void TheArticleIdIsTheContentIdOfTheFileBytesSoReadingTwiceGivesTheSameId()
    {
        using var dir = new TempFolder();
        var path = dir.Write("story.txt", Story);
        var first = Read.Article(path);
        var second = Read.Article(path);
        Assert.Equal(Sources.ContentId(File.ReadAllBytes(path)), first.Id);
        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public void WindowsLineEndingsBecomeNewlines()
    {
        using var dir = new TempFolder();
        var path = dir.Write("crlf.txt", "First paragraph.\r\n\r\nSecond paragraph.\r\n");
        Assert.Equal("First paragraph.\n\nSecond paragraph.\n", Read.Article(path).RawText);
    }

    [Fact]
    public void MarkdownFrontMatterGivesTheMetadataAndMarkupIsReducedToText()
    {
        using var dir = new TempFolder();
        var path = dir.Write("note.md", """
            ---
            title: Troop levels hold steady
            date: 2019-02-10
            source: Alliance Notes
            url: https://example.org/notes/1
            author: J. Park
            ---
            # Ignored heading because front matter has a title

            The **Special Measures Agreement** was signed in [Seoul](https://example.org/seoul) on *Sunday*.

            - about 28,500 troops
            - a one-year term

            > A quoted line with `code`.
            """);
        var article = Read.Article(path);
        Assert.Equal("Troop levels hold steady", article.Metadata.Title);
        Assert.Equal(new DateOnly(2019, 2, 10), article.Metadata.Published);
        Assert.Equal("Alliance Notes", article.Metadata.Source);
        Assert.Equal("https://example.org/notes/1", article.Metadata.Url);
        Assert.Equal("J. Park", article.Metadata.Author);
        Assert.Contains("The Special Measures Agreement was signed in Seoul on Sunday.", article.RawText, StringComparison.Ordinal);
        Assert.Contains("about 28,500 troops\na one-year term", article.RawText, StringComparison.Ordinal);
        Assert.Contains("A quoted line with code.", article.RawText, StringComparison.Ordinal);
        Assert.DoesNotContain("**", article.RawText, StringComparison.Ordinal);
        Assert.DoesNotContain("title:", article.RawText, StringComparison.Ordinal);
        Assert.Contains("\n\n", article.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutFrontMatterTheFirstHeadingIsTheMarkdownTitle()
    {
        using var dir = new TempFolder();
        var path = dir.Write("plain.markdown", "Intro line.\n\n# Summit in Hanoi ends early\n\nNo deal was reached.\n");
        var article = Read.Article(path);
        Assert.Equal("Summit in Hanoi ends early", article.Metadata.Title);
        Assert.Null(article.Metadata.Published);
    }

    [Fact]
    public void AFolderIsReadRecursivelyInAStableOrderAndUnsupportedFilesAreSkipped()
    {
        using var dir = new TempFolder();
        dir.Write("b.txt", "bee text");
        dir.Write("a.txt", "ay text");
        dir.Write("sub/c.md", "see text");
        dir.Write("sub/deeper/d.html", "<html><body><p>dee text</p></body></html>");
        dir.Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0]);
        dir.Write(".git/config", "hidden");
        var origins = Read.Documents(Read.All(dir.Path)).Select(d => Path.GetRelativePath(dir.Path, d.Origin).Replace('\\', '/')).ToList();
        Assert.Equal(["a.txt", "b.txt", "sub/c.md", "sub/deeper/d.html"], origins);
    }

    [Fact]
    public void IncludeAndExcludeGlobsChooseTheFilesOfAFolder()
    {
        using var dir = new TempFolder();
        dir.Write("keep/one.txt", "one");
        dir.Write("keep/two.txt", "two");
        dir.Write("keep/drafts/three.txt", "three");
        dir.Write("other/four.txt", "four");
        dir.Write("keep/notes.log", "five");
        var options = new SourceOptions { Include = ["keep/**/*.txt", "**/*.log"], Exclude = ["**/drafts/**"] };
        var names = Read.Documents(Read.All(options, dir.Path)).Select(d => Path.GetFileName(d.Origin)).ToList();
        Assert.Equal(["notes.log", "one.txt", "two.txt"], names);
    }

    [Fact]
    public void AMissingPathIsAFailureAndTheBatchGoesOn()
    {
        using var dir = new TempFolder();
        var good = dir.Write("good.txt", Story);
        var missing = Path.Combine(dir.Path, "nope.txt");
        var items = Read.All(missing, good);
        var failure = Assert.IsType<SourceItem.Failure>(items[0]);
        Assert.Equal(missing, failure.Input);
        Assert.Contains("no such file", failure.Reason, StringComparison.Ordinal);
        Assert.IsType<SourceItem.Document>(items[1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  ")]
    public void AnEmptyOrWhitespaceOnlyFileIsAFailure(string content)
    {
        using var dir = new TempFolder();
        var path = dir.Write("empty.txt", content);
        var failure = Read.Failure(Read.All(path));
        Assert.Equal(path, failure.Input);
        Assert.Contains("empty", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeFileIsRejectedBySizeBeforeAnythingIsRead()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "huge.txt");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(2L * 1024 * 1024 * 1024); // sparse: no disk used
        }

        var opened = new List<string>();
        var items = Sources.OpenCore([path], new SourceOptions(), p => { opened.Add(p); return File.OpenRead(p); }, default).ToList();
        var failure = Read.Failure(items);
        Assert.Contains("2,147,483,648 bytes", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("limit", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(opened);
    }

    [Fact]
    public void ABinaryFileWithATextExtensionIsAFailure()
    {
        using var dir = new TempFolder();
        var bytes = new byte[5000];
        new Random(3).NextBytes(bytes);
        var path = dir.Write("photo.txt", bytes);
        var failure = Read.Failure(Read.All(path));
        Assert.Contains("binary", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharacterHeavyDataWithoutNulBytesIsBinary()
    {
        using var dir = new TempFolder();
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(i % 3 == 0 ? 'a' : 1 + (i % 7))).ToArray();
        var failure = Read.Failure(Read.All(dir.Write("controls.txt", bytes)));
        Assert.Contains("binary", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidByteSequencesInAFileAreAFailureNamingIt()
    {
        using var dir = new TempFolder();
        var random = new Random(11);
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(i % 7 == 0 ? ' ' : random.Next(0x80, 0x100))).ToArray();
        var path = dir.Write("garbled.txt", bytes);
        var failure = Read.Failure(Read.All(path));
        Assert.Equal(path, failure.Input);
        Assert.Contains("invalid byte sequences", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ALegacyEncodedKoreanFileIsDecoded()
    {
        using var dir = new TempFolder();
        var text = string.Concat(Enumerable.Repeat("주한미군 방위비 분담금 협상이 서울에서 다시 열렸다. 양국은 연합훈련을 계속하기로 했다.\n", 4));
        var path = dir.Write("korean.txt", Encoding.GetEncoding("euc-kr").GetBytes(text));
        Assert.Equal(text, Read.Article(path).RawText);
    }

    [Fact]
    public void AFileThatCannotBeOpenedIsAFailureAndTheBatchGoesOn()
    {
        // Injected: tests run as root here, where mode 000 does not stop reads (the next test covers real modes).
        using var dir = new TempFolder();
        var locked = dir.Write("locked.txt", Story);
        var open = dir.Write("open.txt", Story);
        Stream Opener(string p) => p == locked ? throw new UnauthorizedAccessException("Access to the path is denied.") : File.OpenRead(p);
        var items = Sources.OpenCore([dir.Path], new SourceOptions(), Opener, default).ToList();
        var failure = Assert.IsType<SourceItem.Failure>(items[0]);
        Assert.Equal(locked, failure.Input);
        Assert.Contains("permission denied", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(open, Assert.IsType<SourceItem.Document>(items[1]).Raw.Origin);
    }

    [PermissionsEnforcedFact]
    public void AFileWithoutReadPermissionIsAFailure()
    {
        using var dir = new TempFolder();
        var path = dir.Write("secret.txt", Story);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        var failure = Read.Failure(Read.All(path));
        Assert.Contains("permission denied", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownExtensionNamedDirectlyIsSniffed()
    {
        using var dir = new TempFolder();
        var html = dir.Write("page.php", "<!doctype html><html><head><title>T</title></head><body><p>Body text here.</p></body></html>");
        var text = dir.Write("notes.log", Story);
        var items = Read.All(html, text);
        Assert.Equal("html", Read.Documents(items).First().Format);
        Assert.Equal("txt", Read.Documents(items).Last().Format);
    }

    [Fact]
    public void AUtf16FileWithAByteOrderMarkIsReadAsText()
    {
        using var dir = new TempFolder();
        var path = dir.Write("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Story)).ToArray());
        Assert.Equal(Story, Read.Article(path).RawText);
    }

    [Fact]
    public void AFileWithOnlyAByteOrderMarkIsEmpty()
    {
        using var dir = new TempFolder();
        var failure = Read.Failure(Read.All(dir.Write("bom.txt", Encoding.UTF8.GetPreamble())));
        Assert.Contains("empty", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CancellationStopsReadingAFolder()
    {
        using var dir = new TempFolder();
        for (int i = 0; i < 5; i++)
        {
            dir.Write($"f{i}.txt", Story);
        }

        using var cts = new CancellationTokenSource();
        var read = new List<SourceItem>();
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var item in Sources.Open([dir.Path], new SourceOptions(), cts.Token))
            {
                read.Add(item);
                if (read.Count == 2)
                {
                    cts.Cancel();
                }
            }
        });
        Assert.Equal(2, read.Count);
    }
}
