using System.Text;
using System.Text.RegularExpressions;
using Tightrope.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Tightrope.Ingest;

/// <summary>
/// Markdown reduced to plain text: YAML front matter read for title/date/source/url/author, the first "# heading"
/// kept as the title, headings, emphasis, links, images, code marks, tables and list markers reduced to their text.
/// Paragraphs stay separated by blank lines.
/// </summary>
internal static partial class MarkdownText
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static (string Text, ArticleMetadata Found) Convert(string markdown)
    {
        var found = new ArticleMetadata();
        var body = markdown.AsSpan();
        if (FrontMatter(markdown) is var (yaml, end) && end > 0)
        {
            found = ReadFrontMatter(yaml);
            body = body[end..];
        }

        var sb = new StringBuilder(body.Length);
        string? firstHeading = null;
        bool inFence = false;
        string? previous = null;
        foreach (var range in body.Split('\n'))
        {
            var line = body[range].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```") || trimmed.StartsWith("~~~"))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                sb.Append(line).Append('\n');
                continue;
            }

            string text;
            if (trimmed.Length > 0 && trimmed[0] == '#')
            {
                int level = trimmed.IndexOfAnyExcept('#');
                if (level is >= 1 and <= 6 && trimmed[level] == ' ')
                {
                    text = Inline(trimmed[(level + 1)..].TrimEnd().TrimEnd('#').Trim().ToString());
                    if (level == 1)
                    {
                        firstHeading ??= text;
                    }

                    sb.Append(text).Append('\n');
                    previous = text;
                    continue;
                }
            }

            if (SetextUnderline().IsMatch(line) && previous is { Length: > 0 })
            {
                if (line.TrimStart()[0] == '=' && firstHeading is null)
                {
                    firstHeading = previous;
                }

                continue;
            }

            if (Rule().IsMatch(line) || LinkDefinition().IsMatch(line) || TableSeparator().IsMatch(line))
            {
                previous = null;
                continue;
            }

            var s = line.ToString();
            s = Quote().Replace(s, "");
            s = ListMarker().Replace(s, "");
            if (s.TrimStart().StartsWith('|'))
            {
                s = string.Join("  ", s.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            text = Inline(s);
            sb.Append(text).Append('\n');
            previous = text.Trim();
        }

        found = found with { Title = found.Title ?? firstHeading };
        return (sb.ToString().Trim('\n'), found);
    }

    private static (string Yaml, int End)? FrontMatter(string markdown)
    {
        int start = markdown.StartsWith('\uFEFF') ? 1 : 0;
        if (!markdown.AsSpan(start).StartsWith("---\n") && !markdown.AsSpan(start).StartsWith("---\r\n"))
        {
            return null;
        }

        int first = markdown.IndexOf('\n', start) + 1;
        var m = FrontMatterEnd().Match(markdown, first);
        if (!m.Success)
        {
            return null;
        }

        return (markdown[first..m.Index], m.Index + m.Length);
    }

    private static ArticleMetadata ReadFrontMatter(string yaml)
    {
        Dictionary<string, object?>? map;
        try
        {
            map = Yaml.Deserialize<Dictionary<string, object?>>(yaml);
        }
        catch (YamlException)
        {
            return new ArticleMetadata();
        }

        if (map is null)
        {
            return new ArticleMetadata();
        }

        string? Get(params string[] keys)
        {
            foreach (var key in keys)
            {
                foreach (var (k, v) in map)
                {
                    if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                    {
                        var value = v switch
                        {
                            string str => str,
                            IEnumerable<object> list => string.Join(", ", list),
                            null => null,
                            _ => v.ToString(),
                        };
                        if (HtmlExtractor.NullIfBlank(value) is { } ok)
                        {
                            return ok;
                        }
                    }
                }
            }

            return null;
        }

        return new ArticleMetadata
        {
            Title = Get("title", "headline"),
            Published = DateText.Parse(Get("date", "published", "pubdate", "publishdate")),
            Source = Get("source", "publisher", "site"),
            Url = Get("url", "link", "canonical"),
            Author = Get("author", "authors", "byline"),
        };
    }

    private static string Inline(string s)
    {
        if (s.AsSpan().IndexOfAny("[!*_`<~\\") < 0)
        {
            return s;
        }

        s = Image().Replace(s, "$1");
        s = Link().Replace(s, "$1");
        s = RefLink().Replace(s, "$1");
        s = AutoLink().Replace(s, "$1");
        s = Tag().Replace(s, "");
        s = Code().Replace(s, "$1");
        s = Strong().Replace(s, "$2");
        s = Emphasis().Replace(s, "$2");
        s = Strike().Replace(s, "$1");
        s = Escape().Replace(s, "$1");
        return s;
    }

    [GeneratedRegex(@"^(?:---|\.\.\.)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterEnd();

    [GeneratedRegex(@"^ {0,3}(=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s+\S+")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^ {0,3}(?:>[ ]?)+")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^(\s*)(?:[-*+]|\d{1,9}[.)])[ \t]+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex RefLink();

    [GeneratedRegex(@"<((?:https?|mailto):[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"`+([^`]+)`+")]
    private static partial Regex Code();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"~~(.+?)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|])")]
    private static partial Regex Escape();
}
