namespace Tightrope.Ingest;

internal enum InputKind
{
    Unknown,
    Text,
    Markdown,
    Html,
    JsonLines,
    Feed,
    UrlList,
}

/// <summary>What kind of input a path, a content type or the first bytes say a document is.</summary>
internal static class InputKinds
{
    public static InputKind OfPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" => InputKind.Text,
        ".md" or ".markdown" => InputKind.Markdown,
        ".html" or ".htm" or ".xhtml" => InputKind.Html,
        ".jsonl" or ".ndjson" => InputKind.JsonLines,
        ".xml" or ".rss" or ".atom" => InputKind.Feed,
        ".urls" => InputKind.UrlList,
        _ => InputKind.Unknown,
    };

    /// <summary>Refines a text or unknown file by its content: a list of URLs, a feed, HTML, or plain text.</summary>
    public static InputKind Sniff(ReadOnlySpan<byte> bytes, InputKind kind)
    {
        var start = Head(bytes);
        if (IsUrlList(bytes))
        {
            return InputKind.UrlList;
        }

        if (kind == InputKind.Unknown && start.StartsWith("<"u8))
        {
            return FeedSource.LooksLikeFeed(start) ? InputKind.Feed : InputKind.Html;
        }

        return InputKind.Text;
    }

    /// <summary>
    /// The kind of bytes that came without a name (standard input), told by the content alone: JSON lines when the first
    /// character is '{', markdown when it opens with front matter, else as <see cref="Sniff"/> says.
    /// </summary>
    public static InputKind OfContent(ReadOnlySpan<byte> bytes)
    {
        var start = Head(bytes);
        if (start.StartsWith("{"u8))
        {
            return InputKind.JsonLines;
        }

        return start.StartsWith("---\n"u8) || start.StartsWith("---\r\n"u8) ? InputKind.Markdown : Sniff(bytes, InputKind.Unknown);
    }

    /// <summary>The first 4 kB, without a UTF-8 byte order mark and leading white space.</summary>
    private static ReadOnlySpan<byte> Head(ReadOnlySpan<byte> bytes)
    {
        var start = bytes[..Math.Min(bytes.Length, 4096)];
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        return start.TrimStart(" \t\r\n"u8);
    }

    public static InputKind OfMediaType(string? mediaType, ReadOnlySpan<byte> body)
    {
        var type = mediaType?.ToLowerInvariant() ?? "";
        if (type.Contains("rss", StringComparison.Ordinal) || type.Contains("atom", StringComparison.Ordinal))
        {
            return InputKind.Feed;
        }

        if (type.Contains("html", StringComparison.Ordinal))
        {
            return FeedSource.LooksLikeFeed(body) ? InputKind.Feed : InputKind.Html;
        }

        if (type.Contains("xml", StringComparison.Ordinal))
        {
            return FeedSource.LooksLikeFeed(body) ? InputKind.Feed : InputKind.Html;
        }

        if (type.StartsWith("text/", StringComparison.Ordinal))
        {
            return InputKind.Text;
        }

        var kind = Sniff(body, InputKind.Unknown);
        return kind == InputKind.UrlList ? InputKind.Text : kind;
    }

    /// <summary>A small file whose every non-blank, non-comment line is an http(s) URL.</summary>
    private static bool IsUrlList(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 1024 * 1024)
        {
            return false;
        }

        int urls = 0;
        foreach (var range in bytes.Split((byte)'\n'))
        {
            var line = bytes[range].Trim(" \t\r"u8);
            if (line.IsEmpty || line[0] == (byte)'#')
            {
                continue;
            }

            if (!(line.StartsWith("http://"u8) || line.StartsWith("https://"u8)) || line.IndexOfAny(" \t"u8) >= 0)
            {
                return false;
            }

            urls++;
        }

        return urls > 0;
    }
}
