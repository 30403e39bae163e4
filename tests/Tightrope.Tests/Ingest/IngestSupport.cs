using System.Net;
using System.Net.Sockets;
using System.Text;
using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

/// <summary>A temporary folder deleted with its contents at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tightrope-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

internal static class Read
{
    public static List<SourceItem> All(params string[] inputs) => Sources.Open(inputs, new SourceOptions()).ToList();

    public static List<SourceItem> All(SourceOptions options, params string[] inputs) => Sources.Open(inputs, options).ToList();

    public static SourceItem.Failure Failure(IEnumerable<SourceItem> items) => Assert.IsType<SourceItem.Failure>(Assert.Single(items));

    public static RawDocument Document(IEnumerable<SourceItem> items) => Assert.IsType<SourceItem.Document>(Assert.Single(items)).Raw;

    public static Tightrope.Model.Article Article(params string[] inputs) => Sources.ToArticle(Document(All(inputs)));

    public static IEnumerable<RawDocument> Documents(IEnumerable<SourceItem> items) => items.OfType<SourceItem.Document>().Select(d => d.Raw);
}

/// <summary>A minimal HTTP/1.1 server on 127.0.0.1 (never any other address) with scripted answers per path.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, Func<Request, Response>> _routes = new(StringComparer.Ordinal);

    public LocalHttpServer()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public sealed record Request(string Path, Dictionary<string, string> Headers);

    public sealed record Response(int Status, byte[] Body, string? ContentType = "text/html; charset=utf-8", string? Location = null, TimeSpan Delay = default, long? DeclaredLength = null);

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    public List<Request> Requests { get; } = [];

    public LocalHttpServer On(string path, Func<Request, Response> answer)
    {
        _routes[path] = answer;
        return this;
    }

    public LocalHttpServer On(string path, Response response) => On(path, _ => response);

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync(_stop.Token) ?? "";
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(_stop.Token)))
                {
                    int colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                    }
                }

                var path = requestLine.Split(' ') is { Length: >= 2 } parts ? parts[1] : "/";
                var request = new Request(path, headers);
                lock (Requests)
                {
                    Requests.Add(request);
                }

                var response = _routes.TryGetValue(path, out var answer) ? answer(request) : new Response(404, "not found"u8.ToArray(), "text/plain");
                if (response.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(response.Delay, _stop.Token);
                }

                var head = new StringBuilder();
                head.Append($"HTTP/1.1 {response.Status} {(response.Status == 200 ? "OK" : "Status")}\r\n");
                if (response.ContentType is not null)
                {
                    head.Append($"Content-Type: {response.ContentType}\r\n");
                }

                if (response.Location is not null)
                {
                    head.Append($"Location: {response.Location}\r\n");
                }

                if (response.DeclaredLength is not < 0)
                {
                    head.Append($"Content-Length: {response.DeclaredLength ?? response.Body.Length}\r\n");
                }

                head.Append("Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
                await stream.WriteAsync(response.Body, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception)
            {
                // The client gave up (timeouts, size caps): nothing to do.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}

/// <summary>A fact that only runs where file permissions actually stop reads (not as root).</summary>
public sealed class PermissionsEnforcedFactAttribute : FactAttribute
{
    public PermissionsEnforcedFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Skip = "file modes are a Unix test";
            return;
        }

        var probe = System.IO.Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(probe, UnixFileMode.None);
            using var _ = File.OpenRead(probe);
            Skip = "running as root (or with CAP_DAC_OVERRIDE): mode 000 does not stop reads here; the injected-failure test covers the path";
        }
        catch (UnauthorizedAccessException)
        {
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
