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
    private UrlSource? _urls;

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
            return Urls.Read(input, url, cancellationToken);
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

    private UrlSource Urls => _urls ??= new UrlSource(_options);

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
            var extension = Path.GetExtension(path);
            return [new SourceItem.Skipped(path, extension.Length > 1 ? $"unsupported: {extension.ToLowerInvariant()}" : "unsupported: no extension")];
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

        return ByKind(path, bytes, kind, cancellationToken);
    }

    /// <summary>Bytes that came without a name (standard input), read by the kind their content shows.</summary>
    public IEnumerable<SourceItem> ReadBytes(string origin, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        bytes.Length > _options.MaxBytes
            ? [new SourceItem.Failure(origin, null, $"input is over the {_options.MaxBytes:N0}-byte limit (not read)")]
            : ByKind(origin, bytes, InputKinds.OfContent(bytes.Span), cancellationToken);

    private IEnumerable<SourceItem> ByKind(string origin, ReadOnlyMemory<byte> bytes, InputKind kind, CancellationToken cancellationToken)
    {
        var metadata = new ArticleMetadata { Origin = origin };
        return kind switch
        {
            InputKind.JsonLines => JsonLinesSource.Read(origin, new MemoryStream(bytes.ToArray(), writable: false), _options.MaxBytes, cancellationToken),
            InputKind.Feed => FeedSource.Read(origin, bytes, null, cancellationToken),
            InputKind.UrlList => Urls.ReadList(origin, bytes, cancellationToken),
            InputKind.Markdown => [Document(origin, bytes, "md", null, metadata)],
            InputKind.Html => [Document(origin, bytes, "html", null, metadata)],
            _ => [Document(origin, bytes, "txt", null, metadata)],
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

    public void Dispose() => _urls?.Dispose();
}
