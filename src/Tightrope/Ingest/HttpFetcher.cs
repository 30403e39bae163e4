using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Tightrope.Ingest;

/// <summary>A fetched body with what the server said about it.</summary>
internal sealed record Fetched(Uri Url, ReadOnlyMemory<byte> Bytes, string? MediaType, string? Charset);

/// <summary>
/// HTTP GET with a time limit for the whole exchange, a size cap (reading stops past it), redirects followed by hand
/// so their number is enforced, and the configured User-Agent. Every failure becomes a reason string.
/// </summary>
internal sealed class HttpFetcher : IDisposable
{
    private readonly SourceOptions _options;
    private readonly HttpClient _client;

    public HttpFetcher(SourceOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.HttpTimeout,
            UseCookies = false,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Fetched? Fetch(Uri url, out string? error, CancellationToken cancellationToken)
    {
        var (fetched, reason) = FetchAsync(url, cancellationToken).GetAwaiter().GetResult();
        error = reason;
        return fetched;
    }

    private async Task<(Fetched?, string?)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.HttpTimeout);
        var current = url;
        try
        {
            for (int redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects >= _options.MaxRedirects)
                    {
                        return (null, $"more than {_options.MaxRedirects} redirects");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (next.Scheme is not ("http" or "https"))
                    {
                        return (null, $"redirect to a non-HTTP address ({next.Scheme})");
                    }

                    current = next;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return (null, $"HTTP {status} {response.ReasonPhrase}".TrimEnd());
                }

                var contentType = response.Content.Headers.ContentType;
                if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
                {
                    return (null, $"response is {length:N0} bytes, over the {_options.MaxBytes:N0}-byte limit (not read)");
                }

                var (bytes, tooLarge) = await ReadCapped(response, timeout.Token).ConfigureAwait(false);
                if (tooLarge)
                {
                    return (null, $"response is over the {_options.MaxBytes:N0}-byte limit (stopped reading)");
                }

                return (new Fetched(current, bytes, contentType?.MediaType, Charset(contentType)), null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"timed out after {_options.HttpTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.InnerException is SocketException se ? $"cannot connect: {se.Message}" : ex.Message);
        }
        catch (IOException ex)
        {
            return (null, $"connection failed: {ex.Message}");
        }
    }

    private async Task<(ReadOnlyMemory<byte>, bool)> ReadCapped(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            long hint = response.Content.Headers.ContentLength ?? 64 * 1024;
            var buffer = new byte[(int)Math.Clamp(hint + 1, 1024, Math.Min(_options.MaxBytes + 1, Array.MaxLength))];
            int total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > _options.MaxBytes)
                    {
                        return (default, true);
                    }

                    Array.Resize(ref buffer, (int)Math.Min(Math.Min((long)buffer.Length * 2, _options.MaxBytes + 1), Array.MaxLength));
                }

                int n = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                total += n;
                if (total > _options.MaxBytes)
                {
                    return (default, true);
                }
            }

            return (buffer.AsMemory(0, total), false);
        }
    }

    private static string? Charset(MediaTypeHeaderValue? contentType) =>
        HtmlExtractor.NullIfBlank(contentType?.CharSet?.Trim('"'));

    public void Dispose() => _client.Dispose();
}
