using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// http(s) URLs given directly or listed in a file (one per line, "#" comments): each is fetched once and read as the
/// server's content type (or its first bytes) says: an HTML page, plain text, or a feed whose items become documents.
/// </summary>
internal sealed class UrlSource(SourceOptions options) : IDisposable
{
    private readonly HttpFetcher _http = new(options);

    public IEnumerable<SourceItem> ReadList(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
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

            if (SourceReader.WebAddress(line) is not { } url)
            {
                yield return new SourceItem.Failure(path, lineNumber, $"not an http(s) URL: {Shorten(line)}");
                continue;
            }

            foreach (var item in Read(line, url, cancellationToken))
            {
                yield return item;
            }
        }
    }

    public IEnumerable<SourceItem> Read(string input, Uri url, CancellationToken cancellationToken)
    {
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
            InputKind.Html => [SourceReader.Document(input, fetched.Bytes, "html", fetched.Charset, metadata)],
            InputKind.Text => [SourceReader.Document(input, fetched.Bytes, "txt", fetched.Charset, metadata)],
            _ => [new SourceItem.Failure(input, null, $"unsupported content type {fetched.MediaType ?? "(none)"}")],
        };
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");

    public void Dispose() => _http.Dispose();
}
