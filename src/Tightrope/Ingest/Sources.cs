using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// Turns command-line inputs (files, folders, feeds, URLs, URL lists) into a stream of raw documents, and raw
/// documents into articles. Streams: nothing is held beyond the document in hand.
/// </summary>
public static class Sources
{
    /// <summary>
    /// Reads every input in order. Failures (missing path, unreadable, too large, binary, undecodable, empty, bad
    /// JSON line, broken feed, HTTP error) are yielded, never thrown; only cancellation throws.
    /// </summary>
    public static IEnumerable<SourceItem> Open(IEnumerable<string> inputs, SourceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        return OpenCore(inputs, options, null, cancellationToken);
    }

    /// <summary>
    /// Reads documents from bytes that came without a file name (standard input), telling their kind (HTML, feed,
    /// markdown, JSON lines, a list of URLs, plain text) from the content. Failures are yielded, never thrown.
    /// </summary>
    public static IEnumerable<SourceItem> Read(string origin, ReadOnlyMemory<byte> bytes, SourceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(options);
        return ReadCore(origin, bytes, options, cancellationToken);
    }

    private static IEnumerable<SourceItem> ReadCore(string origin, ReadOnlyMemory<byte> bytes, SourceOptions options, CancellationToken cancellationToken)
    {
        using var reader = new SourceReader(options);
        foreach (var item in reader.ReadBytes(origin, bytes, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Like <see cref="Open"/>, with the way files are opened replaced (tests inject failures with it).</summary>
    internal static IEnumerable<SourceItem> OpenCore(IEnumerable<string> inputs, SourceOptions options, Func<string, Stream>? open, CancellationToken cancellationToken)
    {
        using var reader = new SourceReader(options, open);
        foreach (var item in reader.Read(inputs, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Content address of raw bytes: the first 16 bytes of their SHA-256, in hex.</summary>
    public static string ContentId(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>
    /// Decodes and extracts a raw document into an article (text and metadata, not yet cleaned). Metadata the
    /// source gave wins over what the text declares, except that an HTML page's canonical URL replaces the address it
    /// was fetched from. Throws <see cref="SourceException"/> (naming the origin) when no article text comes out.
    /// </summary>
    public static Article ToArticle(RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var (text, found) = raw.Format switch
        {
            "txt" or "text" => JsonPage.Read(Decode(raw), raw.Metadata.Url, PlainTextArticle),
            "md" => MarkdownText.Convert(Decode(raw)),
            "html" => HtmlExtractor.Extract(Decode(raw), raw.Metadata.Url),
            "jsonl" => JsonLinesSource.Article(raw),
            "rss" or "atom" => (FeedSource.Text(raw), null),
            _ => throw new SourceException(raw.Origin, $"unknown document format '{raw.Format}'"),
        };

        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SourceException(raw.Origin, "no article text found");
        }

        return new Article(ContentId(raw.Bytes.Span), text, Merge(raw, found));
    }

    /// <summary>
    /// <see cref="ToArticle"/> without exceptions for bad documents: the failure names the document's origin and the
    /// reason, ready for the same report as the failures of <see cref="Open"/>.
    /// </summary>
    public static bool TryToArticle(RawDocument raw, [NotNullWhen(true)] out Article? article, [NotNullWhen(false)] out SourceItem.Failure? failure)
    {
        try
        {
            article = ToArticle(raw);
            failure = null;
            return true;
        }
        catch (SourceException ex)
        {
            article = null;
            failure = ex.ToFailure();
            return false;
        }
    }

    private static (string Text, ArticleMetadata? Found) PlainTextArticle(string text) =>
        (text, PlainText.Headline(text) is { } headline ? new ArticleMetadata { Title = headline } : null);

    private static string Decode(RawDocument raw)
    {
        var charset = raw.Charset ?? (raw.Format is "html" ? TextDecoder.DeclaredCharset(raw.Bytes.Span) : null);
        if (raw.Format is "text")
        {
            charset = "utf-8";
        }

        var text = TextDecoder.Decode(raw.Bytes, charset, out var error);
        return error is null ? text : throw new SourceException(raw.Origin, error);
    }

    private static ArticleMetadata Merge(RawDocument raw, ArticleMetadata? found)
    {
        var given = raw.Metadata;
        if (found is null)
        {
            return given.Origin is null ? given with { Origin = raw.Origin, Format = given.Format ?? raw.Format } : given;
        }

        return given with
        {
            Title = given.Title ?? found.Title,
            Author = given.Author ?? found.Author,
            Source = given.Source ?? found.Source,
            Published = given.Published ?? found.Published,
            Url = raw.Format is "html" ? found.Url ?? given.Url : given.Url ?? found.Url,
            Origin = given.Origin ?? raw.Origin,
            Format = given.Format ?? raw.Format,
        };
    }
}
