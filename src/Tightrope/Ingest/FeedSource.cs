using System.Text;
using System.Xml;
using System.Xml.Linq;
using Tightrope.Model;

namespace Tightrope.Ingest;

/// <summary>
/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds, told apart by their root element. Each item becomes a document whose bytes
/// are the item's XML (so its id is stable); title, link, date and author become metadata and the content
/// (content:encoded, description, Atom content or summary) is read as HTML by <see cref="Sources.ToArticle"/>.
/// A feed that breaks part-way yields the items before the break, then a failure with the line.
/// </summary>
internal static class FeedSource
{
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
    };

    /// <summary>Whether the bytes look like a feed: the first element (after the XML declaration, comments and any
    /// doctype) is rss, rdf:RDF or feed.</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> bytes)
    {
        var rest = bytes[..Math.Min(bytes.Length, 4096)];
        while (true)
        {
            int lt = rest.IndexOf((byte)'<');
            if (lt < 0 || lt + 1 >= rest.Length)
            {
                return false;
            }

            rest = rest[(lt + 1)..];
            if (rest[0] is (byte)'?' or (byte)'!')
            {
                // Declaration, comment or doctype: skip past its end.
                var end = rest.StartsWith("!--"u8) ? rest.IndexOf("-->"u8) : rest.IndexOf((byte)'>');
                if (end < 0)
                {
                    return false;
                }

                rest = rest[end..];
                continue;
            }

            return rest.StartsWith("rss"u8) || rest.StartsWith("feed"u8) || rest.StartsWith("rdf:RDF"u8) || rest.StartsWith("RDF"u8);
        }
    }

    public static IEnumerable<SourceItem> Read(string origin, ReadOnlyMemory<byte> bytes, string? charset, CancellationToken cancellationToken)
    {
        var text = TextDecoder.Decode(bytes, charset ?? TextDecoder.DeclaredCharset(bytes.Span), out var error);
        if (error is not null)
        {
            yield return new SourceItem.Failure(origin, null, error);
            yield break;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            yield return new SourceItem.Failure(origin, null, "empty file");
            yield break;
        }

        var feed = new Cursor(origin, text);
        int count = 0;
        while (feed.Next(out var item, out var failure))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            count++;
            yield return item!;
        }

        if (count == 0)
        {
            yield return new SourceItem.Failure(origin, null, "feed has no items");
        }
    }

    /// <summary>The HTML (or plain text) content of an item, as a fragment.</summary>
    public static (string? Content, bool IsHtml) Content(XElement item)
    {
        foreach (var name in (ReadOnlySpan<string>)["encoded", "content", "description", "summary"])
        {
            var element = name == "encoded"
                ? item.Element(ContentNs + "encoded")
                : item.Elements().FirstOrDefault(e => e.Name.LocalName == name);
            if (element is null)
            {
                continue;
            }

            var type = (string?)element.Attribute("type");
            string? value = type == "xhtml"
                ? string.Concat(element.Elements().FirstOrDefault()?.Nodes() ?? element.Nodes())
                : element.Value;
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (value, type is not "text");
            }
        }

        return (null, false);
    }

    /// <summary>Article text of one item's XML.</summary>
    public static string Text(RawDocument raw)
    {
        XElement item;
        try
        {
            item = XElement.Parse(Encoding.UTF8.GetString(raw.Bytes.Span), LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new SourceException(raw.Origin, $"feed item is not XML: {ex.Message}");
        }

        var (content, isHtml) = Content(item);
        if (content is null)
        {
            throw new SourceException(raw.Origin, "feed item has no content");
        }

        return isHtml ? HtmlExtractor.FragmentText(content) : content.Trim();
    }

    /// <summary>Walks a feed one item at a time.</summary>
    private sealed class Cursor
    {
        private readonly string _origin;
        private readonly XmlReader _reader;
        private string? _kind;
        private string? _feedTitle;
        private string? _feedLink;
        private bool _positioned;
        private int _index;

        public Cursor(string origin, string text)
        {
            _origin = origin;
            _reader = XmlReader.Create(new StringReader(text), Settings);
        }

        public bool Next(out SourceItem? item, out SourceItem.Failure? failure)
        {
            item = null;
            failure = null;
            try
            {
                if (_kind is null)
                {
                    _reader.MoveToContent();
                    _kind = _reader.LocalName switch
                    {
                        "rss" or "RDF" => "rss",
                        "feed" => "atom",
                        _ => null,
                    };
                    if (_kind is null)
                    {
                        failure = new SourceItem.Failure(_origin, Line, $"not an RSS or Atom feed (root element <{_reader.Name}>)");
                        return true;
                    }
                }

                var itemName = _kind == "atom" ? "entry" : "item";
                while (_positioned || _reader.Read())
                {
                    _positioned = false;
                    if (_reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (_reader.LocalName == itemName)
                    {
                        int line = Line ?? 0;
                        var element = (XElement)XNode.ReadFrom(_reader);
                        _positioned = true;
                        item = Document(element, line);
                        return true;
                    }

                    // The channel's (or Atom feed's) own title and link name the source.
                    bool channelLevel = _kind == "atom" ? _reader.Depth == 1 : _reader.Depth == 2;
                    if (channelLevel && _reader.LocalName == "title" && _feedTitle is null)
                    {
                        _feedTitle = HtmlExtractor.NullIfBlank(_reader.ReadElementContentAsString());
                        _positioned = true;
                    }
                    else if (channelLevel && _reader.LocalName == "link" && _feedLink is null)
                    {
                        _feedLink = HtmlExtractor.NullIfBlank(_reader.GetAttribute("href"));
                        if (_feedLink is null && !_reader.IsEmptyElement)
                        {
                            _feedLink = HtmlExtractor.NullIfBlank(_reader.ReadElementContentAsString());
                            _positioned = true;
                        }
                    }
                }

                _reader.Dispose();
                return false;
            }
            catch (XmlException ex)
            {
                failure = new SourceItem.Failure(_origin, ex.LineNumber > 0 ? ex.LineNumber : null, $"not well-formed XML: {ex.Message}");
                _reader.Dispose();
                return true;
            }
        }

        private int? Line => _reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

        private SourceItem Document(XElement element, int line)
        {
            _index++;
            var origin = $"{_origin}#{_index}";
            var (content, _) = Content(element);
            if (content is null)
            {
                return new SourceItem.Failure(_origin, line, $"feed item {_index} has no content (no content, description or summary)");
            }

            string? Child(string name) =>
                HtmlExtractor.NullIfBlank(element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value);

            string? link;
            string? author;
            string? published;
            if (_kind == "atom")
            {
                link = element.Elements().Where(e => e.Name.LocalName == "link")
                    .OrderBy(e => (string?)e.Attribute("rel") is null or "alternate" ? 0 : 1)
                    .Select(e => (string?)e.Attribute("href"))
                    .FirstOrDefault();
                author = HtmlExtractor.NullIfBlank(element.Elements().FirstOrDefault(e => e.Name.LocalName == "author")?
                    .Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value);
                published = Child("published") ?? Child("updated");
            }
            else
            {
                link = Child("link") ?? (element.Elements().FirstOrDefault(e => e.Name.LocalName == "guid" && (string?)e.Attribute("isPermaLink") != "false")?.Value);
                author = Child("creator") ?? Child("author");
                published = Child("pubDate") ?? Child("date") ?? Child("published");
            }

            var source = _feedTitle ?? (Uri.TryCreate(_feedLink ?? link, UriKind.Absolute, out var u) ? u.Host : null);
            var metadata = new ArticleMetadata
            {
                Title = Child("title") is { } t ? HtmlExtractor.FragmentText(t) : null,
                Url = HtmlExtractor.NullIfBlank(link),
                Author = author,
                Published = DateText.Parse(published),
                Source = source,
                Origin = origin,
                Format = _kind,
            };
            var bytes = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
            return new SourceItem.Document(new RawDocument(origin, bytes, _kind!, metadata));
        }
    }
}
