using System.Text.Json;
using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// JSON lines (.jsonl, .ndjson): one article per line, an object with title, text or html, url, source, published,
/// author. Streams the file through one buffer; only a good line is copied out (its bytes are the document, hashed into
/// its id). A bad line yields a failure with its line number and the rest goes on. The size limit applies per line.
/// </summary>
internal static class JsonLinesSource
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    public static IEnumerable<SourceItem> Read(string path, Stream stream, long maxLine, CancellationToken cancellationToken)
    {
        using (stream)
        {
            var buffer = new byte[64 * 1024];
            int start = 0, end = 0, lineNumber = 0;
            bool eof = false, skipping = false, sniffed = false;
            int nonBlank = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (nl < 0 && !eof)
                {
                    // Need more bytes: compact, grow up to the line limit, or give up on an overlong line.
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    if (end == buffer.Length)
                    {
                        if (skipping || buffer.Length > maxLine)
                        {
                            if (!skipping)
                            {
                                skipping = true;
                                yield return new SourceItem.Failure(path, lineNumber + 1, $"line longer than the {maxLine:N0}-byte limit");
                            }

                            end = 0;
                        }
                        else
                        {
                            Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Min((long)buffer.Length * 2, maxLine + 1)));
                        }
                    }

                    var read = Fill(stream, buffer, end, out var error);
                    if (error is not null)
                    {
                        yield return new SourceItem.Failure(path, lineNumber + 1, error);
                        yield break;
                    }

                    if (read == 0)
                    {
                        eof = true;
                    }

                    end += read;
                    if (!sniffed)
                    {
                        // A binary file would fail on every "line": say it once.
                        sniffed = true;
                        var head = buffer.AsSpan(0, end);
                        if (head.Contains((byte)0) || TextDecoder.ControlRatio(head) > 0.05)
                        {
                            yield return new SourceItem.Failure(path, null, "binary data, not JSON lines");
                            yield break;
                        }
                    }

                    continue;
                }

                int lineEnd = nl >= 0 ? start + nl : end;
                if (nl < 0 && lineEnd == start)
                {
                    if (nonBlank == 0)
                    {
                        yield return new SourceItem.Failure(path, null, "empty file (no JSON lines)");
                    }

                    yield break;
                }

                lineNumber++;
                int lineStart = start;
                start = nl >= 0 ? lineEnd + 1 : end;
                if (skipping)
                {
                    skipping = false;
                    continue;
                }

                var line = buffer.AsSpan(lineStart, lineEnd - lineStart);
                if (lineNumber == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    line = line[3..];
                }

                line = line.TrimEnd((byte)'\r');
                if (line.Length > maxLine)
                {
                    yield return new SourceItem.Failure(path, lineNumber, $"line longer than the {maxLine:N0}-byte limit");
                    continue;
                }

                if (line.Trim(" \t"u8).IsEmpty)
                {
                    continue;
                }

                nonBlank++;

                var failure = Check(line, out var metadata);
                if (failure is not null)
                {
                    yield return new SourceItem.Failure(path, lineNumber, failure);
                    continue;
                }

                var origin = $"{path}:{lineNumber}";
                yield return new SourceItem.Document(new RawDocument(origin, line.ToArray(), "jsonl", metadata with { Origin = origin, Format = "jsonl" }));
                if (nl < 0)
                {
                    yield break;
                }
            }
        }
    }

    private static int Fill(Stream stream, byte[] buffer, int offset, out string? error)
    {
        error = null;
        try
        {
            return stream.Read(buffer, offset, buffer.Length - offset);
        }
        catch (Exception ex) when (FileInput.IsFileError(ex))
        {
            error = FileInput.Describe(ex);
            return 0;
        }
    }

    /// <summary>Checks a line and reads its metadata; the text itself is read later, by <see cref="Article"/>.</summary>
    internal static string? Check(ReadOnlySpan<byte> line, out ArticleMetadata metadata)
    {
        metadata = new ArticleMetadata();
        if (line.Contains((byte)0))
        {
            return "binary data (NUL bytes), not JSON";
        }

        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            return "invalid JSON: the line is not valid UTF-8";
        }

        string? title = null, url = null, source = null, published = null, author = null;
        bool hasBody = false;
        try
        {
            var reader = new Utf8JsonReader(line, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    continue;
                }

                switch (name)
                {
                    case "title": title = reader.GetString(); break;
                    case "url" or "link": url = reader.GetString(); break;
                    case "source" or "site": source = reader.GetString(); break;
                    case "published" or "date" or "pubDate": published = reader.GetString(); break;
                    case "author" or "byline": author = reader.GetString(); break;
                    case "text" or "html":
                        hasBody |= NotBlank(ref reader);
                        break;
                    default: break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return "not a single JSON object";
            }
        }
        catch (JsonException ex)
        {
            return Invalid(ex);
        }
        catch (InvalidOperationException ex)
        {
            return $"invalid JSON: {ex.Message}";
        }

        if (!hasBody)
        {
            return "no \"text\" or \"html\" field with content";
        }

        metadata = new ArticleMetadata
        {
            Title = HtmlExtractor.NullIfBlank(title),
            Url = HtmlExtractor.NullIfBlank(url),
            Source = HtmlExtractor.NullIfBlank(source),
            Published = DateText.Parse(published),
            Author = HtmlExtractor.NullIfBlank(author),
        };
        return null;
    }

    private static bool NotBlank(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return raw.IndexOfAnyExcept(" \t\r\n"u8) >= 0;
        }

        // Escapes: anything beyond escaped whitespace is content; otherwise unescape to be sure.
        return raw.IndexOfAnyExcept(" \\nrtu0123456789abcdefABCDEF"u8) >= 0 || !string.IsNullOrWhiteSpace(reader.GetString());
    }

    /// <summary>Text of a JSON line: "text", else the article extracted from "html".</summary>
    public static (string Text, ArticleMetadata Found) Article(RawDocument raw)
    {
        string? text = null, html = null;
        var reader = new Utf8JsonReader(raw.Bytes.Span, ReaderOptions);
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isText = reader.ValueTextEquals("text"u8);
                bool isHtml = !isText && reader.ValueTextEquals("html"u8);
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
                else if (reader.TokenType == JsonTokenType.String && (isText || isHtml))
                {
                    if (isText)
                    {
                        text = reader.GetString();
                    }
                    else
                    {
                        html = reader.GetString();
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            throw new SourceException(raw.Origin, Invalid(ex));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            return (text, new ArticleMetadata());
        }

        if (!string.IsNullOrWhiteSpace(html))
        {
            return HtmlExtractor.Extract(html, raw.Metadata.Url);
        }

        throw new SourceException(raw.Origin, "no \"text\" or \"html\" field with content");
    }

    /// <summary>
    /// The project's message for a line the JSON reader refuses: the column (1-based) and the reason, without the
    /// reader's own "LineNumber: 0", which counts within the line and contradicts the file line given before it.
    /// </summary>
    internal static string Invalid(JsonException ex)
    {
        var reason = ex.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        }

        reason = (cut >= 0 ? reason[..cut] : reason).Trim();
        return ex.BytePositionInLine is { } column
            ? $"invalid JSON at column {column + 1}: {reason}"
            : $"invalid JSON: {reason}";
    }
}
