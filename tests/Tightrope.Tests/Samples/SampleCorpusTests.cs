using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Tightrope.Tests.Support;
using YamlDotNet.Serialization;

namespace Tightrope.Tests.Samples;

/// <summary>
/// The bundled sample corpus (samples/): enough articles in enough formats, every file well formed, the answer key
/// complete, and no sentence borrowed from the third-party seed articles.
/// </summary>
public sealed partial class SampleCorpusTests
{
    private const int MinWords = 150;
    private const int MaxWords = 600;
    private const int WindowLength = 60;

    private static readonly string Root = Path.Combine(SharedData.RepoRoot, "samples");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static SampleCorpusTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void TheCorpusHasAtLeastThirtyArticlesInAtLeastFourFormats()
    {
        var perFormat = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["txt"] = Files("text", "*.txt").Count(),
            ["html"] = Files("html", "*.html").Count(),
            ["md"] = Files("markdown", "*.md").Count(),
            ["feed"] = Files("feeds", "*.xml").Sum(f => FeedItems(f).Count),
            ["jsonl"] = Files("jsonl", "*.jsonl").Sum(f => JsonLines(f).Count),
        };

        Assert.True(perFormat.Values.Sum() >= 30, $"only {perFormat.Values.Sum()} articles: {Describe(perFormat)}");
        Assert.True(perFormat.Count(p => p.Value > 0) >= 4, $"too few formats: {Describe(perFormat)}");
    }

    [Fact]
    public void EveryTextFileIsValidUtf8WithATitleLineAndAnArticleLengthBody()
    {
        var files = Files("text", "*.txt").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = DecodeUtf8(file);
            var firstLine = text.TrimStart('\uFEFF').Split('\n', 2)[0].Trim();
            Assert.False(string.IsNullOrWhiteSpace(firstLine), $"{file}: the first line (the headline) is empty");
            AssertArticleLength(file, text);
        }
    }

    [Fact]
    public void EveryHtmlPageParsesStrictlyInItsDeclaredCharsetAndCarriesItsMetadata()
    {
        var files = Files("html", "*.html").ToList();
        Assert.NotEmpty(files);
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = true });
        foreach (var file in files)
        {
            var text = DecodeHtml(file);
            IHtmlDocument document;
            try
            {
                document = parser.ParseDocument(text);
            }
            catch (HtmlParseException ex)
            {
                Assert.Fail($"{file}: not well-formed HTML at line {ex.Position.Line}: {ex.Message}");
                throw;
            }

            Assert.False(string.IsNullOrWhiteSpace(document.Title), $"{file}: no <title>");
            Assert.False(string.IsNullOrWhiteSpace(Meta(document, "name", "author")), $"{file}: no author meta");
            Assert.False(string.IsNullOrWhiteSpace(Meta(document, "property", "og:site_name")), $"{file}: no og:site_name");
            var published = Meta(document, "property", "article:published_time");
            Assert.True(DateTimeOffset.TryParse(published, System.Globalization.CultureInfo.InvariantCulture, out _), $"{file}: article:published_time '{published}' is not a date");
            Assert.NotEmpty(document.QuerySelectorAll("script"));
            var article = document.QuerySelector("article");
            Assert.True(article is not null, $"{file}: no <article> element");
            AssertArticleLength(file, article.TextContent);
        }
    }

    [Fact]
    public void TheFeedIsRss2WithFourToSixItemsWhoseContentIsHtml()
    {
        var feeds = Files("feeds", "*.xml").ToList();
        Assert.NotEmpty(feeds);
        foreach (var feed in feeds)
        {
            var items = FeedItems(feed);
            Assert.InRange(items.Count, 4, 6);
            var parser = new HtmlParser();
            foreach (var item in items)
            {
                var title = item.Element("title")?.Value;
                Assert.False(string.IsNullOrWhiteSpace(title), $"{feed}: an item has no title");
                Assert.False(string.IsNullOrWhiteSpace(item.Element("link")?.Value), $"{feed}: item '{title}' has no link");
                var html = item.Element(ContentNs + "encoded")?.Value;
                Assert.False(string.IsNullOrWhiteSpace(html), $"{feed}: item '{title}' has no content:encoded");
                var body = parser.ParseDocument(html).Body!;
                Assert.True(body.QuerySelectorAll("p").Length >= 2, $"{feed}: item '{title}' content is not HTML paragraphs");
                AssertArticleLength($"{feed} '{title}'", body.TextContent);
            }
        }
    }

    [Fact]
    public void EveryJsonLinesRowIsAnObjectWithATitleAndTextOrHtml()
    {
        var files = Files("jsonl", "*.jsonl").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var rows = JsonLines(file);
            Assert.InRange(rows.Count, 6, 8);
            foreach (var (line, row) in rows)
            {
                var where = $"{file}:{line}";
                Assert.Equal(JsonValueKind.Object, row.ValueKind);
                Assert.True(row.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String && title.GetString()!.Length > 0, $"{where}: no title");
                string body;
                if (row.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    body = text.GetString()!;
                }
                else if (row.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String)
                {
                    body = new HtmlParser().ParseDocument(html.GetString()!).Body!.TextContent;
                }
                else
                {
                    Assert.Fail($"{where}: neither text nor html");
                    return;
                }

                foreach (var field in new[] { "url", "source", "published", "author" })
                {
                    Assert.True(row.TryGetProperty(field, out _), $"{where}: no '{field}' field (null is allowed, absence is not)");
                }

                AssertArticleLength(where, body);
            }
        }
    }

    [Fact]
    public void EveryMarkdownFileOpensWithYamlFrontMatterNamingItsTitle()
    {
        var files = Files("markdown", "*.md").ToList();
        Assert.NotEmpty(files);
        var yaml = new DeserializerBuilder().Build();
        foreach (var file in files)
        {
            var text = DecodeUtf8(file);
            var match = FrontMatter().Match(text);
            Assert.True(match.Success, $"{file}: no YAML front matter between --- lines");
            var header = yaml.Deserialize<Dictionary<string, object>>(match.Groups["yaml"].Value);
            Assert.True(header.TryGetValue("title", out var title) && title is string s && s.Length > 0, $"{file}: front matter has no title");
            AssertArticleLength(file, text[match.Length..]);
        }
    }

    [Fact]
    public void TheAnswerKeyListsEverySampleFile()
    {
        var key = File.ReadAllText(Path.Combine(Root, "..", "docs", "samples-answer-key.md"));
        var missing = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !key.Contains(f, StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, $"docs/samples-answer-key.md does not list: {string.Join(", ", missing)}");
    }

    [Fact]
    public void OneTextFileReappearsWordForWordInsideTheJsonLines()
    {
        var texts = Files("text", "*.txt").Select(f => DecodeUtf8(f).TrimStart('\uFEFF')).ToHashSet(StringComparer.Ordinal);
        var duplicated = Files("jsonl", "*.jsonl")
            .SelectMany(f => JsonLines(f))
            .Count(r => r.Row.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String && texts.Contains(t.GetString()!));
        Assert.Equal(1, duplicated);
    }

    [SharedFact]
    public void NoSampleContainsASixtyCharacterStretchOfAnySeedSentence()
    {
        var corpus = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var text = file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? DecodeHtml(file) : DecodeUtf8(file);
            corpus.Append(Normalise(WebUtility.HtmlDecode(text))).Append('\n');
        }

        var samples = corpus.ToString();
        var hashes = WindowHashes(samples);
        var copied = new List<string>();
        foreach (var seed in Directory.EnumerateFiles(SharedData.Seeds))
        {
            foreach (var sentence in SeedSentences(File.ReadAllText(seed)))
            {
                for (var i = 0; i + WindowLength <= sentence.Length; i++)
                {
                    var window = sentence.AsSpan(i, WindowLength);
                    if (hashes.Contains(Hash(window)) && samples.Contains(window, StringComparison.Ordinal))
                    {
                        copied.Add($"{Path.GetFileName(seed)}: \"{window}\"");
                        break;
                    }
                }
            }
        }

        Assert.True(copied.Count == 0, "samples/ contains text from the seed articles:\n" + string.Join('\n', copied));
    }

    [Fact]
    public void TheWindowCheckFindsAStretchPlantedInsideOtherText()
    {
        // Guards the check above against passing vacuously: the same hashing must find a planted 60-character run.
        var sentence = Normalise("The allies agreed on a new formula that ties the annual increase to consumer prices from next year.");
        var haystack = Normalise("Unrelated opening words. ") + sentence + Normalise(" Closing words follow here.");
        var hashes = WindowHashes(haystack);
        var window = sentence.AsSpan(10, WindowLength);
        Assert.Contains(Hash(window), hashes);
        Assert.DoesNotContain(Hash(Normalise("an entirely different run of sixty characters, not planted!!!").AsSpan(0, WindowLength)), hashes);
    }

    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";

    private static IEnumerable<string> Files(string folder, string pattern)
    {
        var dir = Path.Combine(Root, folder);
        Assert.True(Directory.Exists(dir), $"{dir} is missing");
        return Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);
    }

    private static List<XElement> FeedItems(string file)
    {
        var doc = XDocument.Load(file);
        Assert.Equal("rss", doc.Root!.Name.LocalName);
        Assert.Equal("2.0", doc.Root.Attribute("version")?.Value);
        return doc.Root.Element("channel")!.Elements("item").ToList();
    }

    private static List<(int Line, JsonElement Row)> JsonLines(string file)
    {
        var rows = new List<(int, JsonElement)>();
        var n = 0;
        foreach (var line in DecodeUtf8(file).Split('\n'))
        {
            n++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                rows.Add((n, doc.RootElement.Clone()));
            }
            catch (JsonException ex)
            {
                Assert.Fail($"{file}:{n}: not JSON: {ex.Message}");
            }
        }

        return rows;
    }

    private static string DecodeUtf8(string file)
    {
        try
        {
            return StrictUtf8.GetString(File.ReadAllBytes(file));
        }
        catch (DecoderFallbackException ex)
        {
            Assert.Fail($"{file}: not valid UTF-8: {ex.Message}");
            throw;
        }
    }

    /// <summary>Decodes an HTML file in the charset its meta tag declares, failing on bytes invalid in that charset.</summary>
    private static string DecodeHtml(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        var declared = MetaCharset().Match(head);
        Assert.True(declared.Success, $"{file}: no <meta charset> in the first 1024 bytes");
        var encoding = Encoding.GetEncoding(declared.Groups["cs"].Value, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            Assert.Fail($"{file}: bytes invalid in its declared charset {declared.Groups["cs"].Value}: {ex.Message}");
            throw;
        }
    }

    private static string? Meta(IHtmlDocument document, string attribute, string name) =>
        document.QuerySelectorAll("meta")
            .FirstOrDefault(m => string.Equals(m.GetAttribute(attribute), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");

    private static void AssertArticleLength(string where, string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(words is >= MinWords and <= MaxWords, $"{where}: {words} words, expected {MinWords}-{MaxWords}");
    }

    private static string Describe(Dictionary<string, int> counts) => string.Join(", ", counts.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Sentences of the seed text, split at line breaks and sentence-final punctuation, normalised.</summary>
    private static IEnumerable<string> SeedSentences(string text) =>
        text.Split('\n')
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(Normalise)
            .Where(s => s.Length >= WindowLength);

    /// <summary>Case-folded, typographic quotes and dashes made plain, whitespace runs collapsed.</summary>
    private static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    private static HashSet<ulong> WindowHashes(string text)
    {
        var set = new HashSet<ulong>();
        for (var i = 0; i + WindowLength <= text.Length; i++)
        {
            set.Add(Hash(text.AsSpan(i, WindowLength)));
        }

        return set;
    }

    /// <summary>FNV-1a over the window's UTF-16 code units.</summary>
    private static ulong Hash(ReadOnlySpan<char> window)
    {
        var h = 14695981039346656037UL;
        foreach (var c in window)
        {
            h = unchecked((h ^ c) * 1099511628211UL);
        }

        return h;
    }

    [GeneratedRegex(@"\A\uFEFF?---\r?\n(?<yaml>.*?)\r?\n---\r?\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"<meta\s+charset=""?(?<cs>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
