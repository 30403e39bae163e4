using System.Security.Cryptography;
using System.Text;
using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// Turns command-line inputs (files, folders, feeds, URLs, URL lists) into a stream of raw documents, and raw
/// documents into articles. Streams: nothing is held beyond the document in hand.
/// </summary>
public static class Sources
{
    /// <summary>Reads every input in order. Failures are yielded, never thrown.</summary>
    public static IEnumerable<SourceItem> Open(IEnumerable<string> inputs, SourceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return ReadFile(file, options);
                }
            }
            else if (File.Exists(input))
            {
                yield return ReadFile(input, options);
            }
            else
            {
                yield return new SourceItem.Failure(input, null, "no such file or folder");
            }
        }
    }

    private static SourceItem ReadFile(string path, SourceOptions options)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > options.MaxBytes)
            {
                return new SourceItem.Failure(path, null, $"file is {info.Length:N0} bytes, over the {options.MaxBytes:N0}-byte limit");
            }

            var bytes = File.ReadAllBytes(path);
            var meta = new ArticleMetadata { Origin = path, Format = "txt" };
            return new SourceItem.Document(new RawDocument(path, bytes, "txt", meta));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SourceItem.Failure(path, null, ex.Message);
        }
    }

    /// <summary>Content address of raw bytes: the first 16 bytes of their SHA-256, in hex.</summary>
    public static string ContentId(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>Decodes and extracts a raw document into an article (text and metadata, not yet cleaned).</summary>
    public static Article ToArticle(RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = Encoding.UTF8.GetString(raw.Bytes.Span);
        return new Article(ContentId(raw.Bytes.Span), text, raw.Metadata);
    }
}
