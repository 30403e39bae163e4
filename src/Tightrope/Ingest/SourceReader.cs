using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// Reads inputs one after another: http(s) URLs, folders (recursively, through <see cref="FolderWalker"/>) and files,
/// each file by its kind. Everything is lazy; failures are items, never exceptions.
/// </summary>
internal sealed class SourceReader : IDisposable
{
    private readonly SourceOptions _options;
    private readonly FileInput _files;
    private HttpFetcher? _http;

    public SourceReader(SourceOptions options, Func<string, Stream>? open = null)
    {
        _options = options;
        _files = new FileInput(options, open);
        TextDecoder.EnsureCodePages();
    }

    public IEnumerable<SourceItem> Read(IEnumerable<string> inputs, CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var item in ReadOne(input, cancellationToken))
            {
                yield return item;
            }
        }
    }

    private IEnumerable<SourceItem> ReadOne(string input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return [new SourceItem.Failure("(empty input)", null, "empty path")];
        }

        if (WebAddress(input) is { } url)
        {
            return ReadUrl(input, url, cancellationToken);
        }

        if (Directory.Exists(input))
        {
            return ReadFolder(input, cancellationToken);
        }

        if (File.Exists(input))
        {
            return ReadFile(input, explicitlyNamed: true, cancellationToken);
        }

        return [new SourceItem.Failure(input, null, "no such file or folder")];
    }

    internal static Uri? WebAddress(string input) =>
        (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(input.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : null;

    private IEnumerable<SourceItem> ReadFolder(string folder, CancellationToken cancellationToken)
    {
        foreach (var entry in FolderWalker.Walk(folder, _options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (entry.Failure is not null)
            {
                yield return entry.Failure;
                continue;
            }

            foreach (var item in ReadFile(entry.Path, entry.Chosen, cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>A file by its extension; unknown extensions are read (by sniffing) only when named or matched by an include glob.</summary>
    private IEnumerable<SourceItem> ReadFile(string path, bool explicitlyNamed, CancellationToken cancellationToken)
    {
        var kind = InputKinds.OfPath(path);
        if (kind == InputKind.Unknown && !explicitlyNamed)
        {
            return [];
        }

        if (kind == InputKind.JsonLines)
        {
            var failure = _files.OpenStream(path, out var stream);
            return failure is not null ? [failure] : JsonLinesSource.Read(path, stream!, _options.MaxBytes, cancellationToken);
        }

        var readFailure = _files.ReadAll(path, out var bytes);
        if (readFailure is not null)
        {
            return [readFailure];
        }

        if (kind is InputKind.Unknown or InputKind.Text)
        {
            kind = InputKinds.Sniff(bytes.Span, kind);
        }

        var metadata = new ArticleMetadata { Origin = path };
        return kind switch
        {
            InputKind.Feed => FeedSource.Read(path, bytes, null, cancellationToken),
            InputKind.UrlList => ReadUrlList(path, bytes, cancellationToken),
            InputKind.Markdown => [Document(path, bytes, "md", null, metadata)],
            InputKind.Html => [Document(path, bytes, "html", null, metadata)],
            _ => [Document(path, bytes, "txt", null, metadata)],
        };
    }

    /// <summary>A single document after the checks every text document passes: binary, undecodable, empty.</summary>
    internal static SourceItem Document(string origin, ReadOnlyMemory<byte> bytes, string format, string? charset, ArticleMetadata metadata)
    {
        var declared = charset ?? (format is "html" ? TextDecoder.DeclaredCharset(bytes.Span) : null);
        var decoding = TextDecoder.Inspect(bytes, declared);
        if (!decoding.Ok)
        {
            return new SourceItem.Failure(origin, null, decoding.Error!);
        }

        bool blank = decoding.Encoding!.CodePage == System.Text.Encoding.UTF8.CodePage
            ? bytes.Span[decoding.Preamble..].IndexOfAnyExcept(" \t\r\n\f\v"u8) < 0
            : string.IsNullOrWhiteSpace(decoding.Encoding.GetString(bytes.Span[decoding.Preamble..]));
        if (blank)
        {
            return new SourceItem.Failure(origin, null, "empty file (whitespace only)");
        }

        return new SourceItem.Document(new RawDocument(origin, bytes, format, metadata with { Origin = origin, Format = format }) { Charset = charset });
    }

    private IEnumerable<SourceItem> ReadUrlList(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var text = TextDecoder.Decode(bytes, null, out var error);
        if (error is not null)
        {
            yield return new SourceItem.Failure(path, null, error);
            yield break;
        }

        int lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (WebAddress(line) is not { } url)
            {
                yield return new SourceItem.Failure(path, lineNumber, $"not an http(s) URL: {Shorten(line)}");
                continue;
            }

            foreach (var item in ReadUrl(line, url, cancellationToken))
            {
                yield return item;
            }
        }
    }

    private IEnumerable<SourceItem> ReadUrl(string input, Uri url, CancellationToken cancellationToken)
    {
        _http ??= new HttpFetcher(_options);
        var fetched = _http.Fetch(url, out var error, cancellationToken);
        if (fetched is null)
        {
            return [new SourceItem.Failure(input, null, error ?? "fetch failed")];
        }

        if (fetched.Bytes.IsEmpty)
        {
            return [new SourceItem.Failure(input, null, "empty response")];
        }

        var kind = InputKinds.OfMediaType(fetched.MediaType, fetched.Bytes.Span);
        var metadata = new ArticleMetadata { Origin = input, Url = fetched.Url.AbsoluteUri };
        return kind switch
        {
            InputKind.Feed => FeedSource.Read(input, fetched.Bytes, fetched.Charset, cancellationToken),
            InputKind.Html => [Document(input, fetched.Bytes, "html", fetched.Charset, metadata)],
            InputKind.Text => [Document(input, fetched.Bytes, "txt", fetched.Charset, metadata)],
            _ => [new SourceItem.Failure(input, null, $"unsupported content type {fetched.MediaType ?? "(none)"}")],
        };
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");

    public void Dispose() => _http?.Dispose();
}
