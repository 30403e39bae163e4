using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Clean;

/// <summary>A list of related-article links (or a related-links header and what follows) that closes the article.</summary>
internal sealed class RelatedLinks : ICleanRule
{
    /// <summary>Headers that open a list of related links ("Related articles", "관련기사").</summary>
    private static readonly WordList RelatedHeaders = LanguageData.English["clean-related-headers"];

    public void Apply(CleanPlan plan) => FindRelatedLinks(plan.Raw, plan);

    private static void FindRelatedLinks(string raw, CleanPlan plan)
    {
        var lines = plan.Lines;
        int runStart = -1, links = 0, bullets = 0;
        bool header = false;
        for (int li = lines.Count - 1; li >= 0; li--)
        {
            var line = lines[li];
            if (line.Removed)
            {
                continue;
            }

            var text = raw.AsSpan(line.KeepStart, line.KeepEnd - line.KeepStart);
            if (IsRelatedHeader(text))
            {
                runStart = li;
                header = true;
                break;
            }

            if (!IsLinkLike(text, line.Words, out bool bullet))
            {
                break;
            }

            runStart = li;
            links++;
            bullets += bullet ? 1 : 0;
        }

        if (runStart < 0 || !(header || bullets >= 3 || links >= 4))
        {
            return;
        }

        // There must be a body before the list.
        int bodyWords = 0;
        for (int li = 0; li < runStart; li++)
        {
            if (!lines[li].Removed)
            {
                bodyWords += lines[li].Words;
            }
        }

        if (bodyWords < 40)
        {
            return;
        }

        for (int li = runStart; li < lines.Count; li++)
        {
            var line = lines[li];
            if (line.Removed)
            {
                continue;
            }

            plan.Remove(RemovalKind.RelatedLinks, line.KeepStart, line.KeepEnd, header && li == runStart ? "related-links header" : "related-article link");
            line.KeepEnd = line.KeepStart;
            lines[li] = line;
        }
    }

    private static bool IsLinkLike(ReadOnlySpan<char> text, int words, out bool bullet)
    {
        int b = BulletLength(text);
        bullet = b > 0;
        if (bullet)
        {
            return words <= 30;
        }

        return words is >= 3 and <= 20 && !Words.EndsSentence(text) && (char.IsUpper(text[0]) || char.IsDigit(text[0]) || text[0] is '\'' or '"' or '‘' or '“');
    }

    /// <summary>"Related articles", "관련기사", "推荐阅读": a header that opens a list of links.</summary>
    internal static bool IsRelatedHeader(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd(":：>»›-—|".AsSpan()).Trim();
        if (RelatedHeaders.Contains(t))
        {
            return true;
        }

        // "More from The Herald:", "More on North Korea", "Related coverage:": a header phrase and a short name.
        if (t.Length < line.Trim().Length || !Words.EndsSentence(line.Trim()))
        {
            foreach (var h in RelatedHeaderStarts)
            {
                if (t.StartsWith(h, StringComparison.OrdinalIgnoreCase) && t.Length > h.Length && t[h.Length] == ' '
                    && t.Count(' ') <= 8)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Header phrases that are followed by a name: "More from The Herald", "More on North Korea".</summary>
    private static readonly string[] RelatedHeaderStarts = CleanWords.Phrases("clean-related-header-starts");

    /// <summary>The length of a list-bullet marker at the start of a line ("- ", "* ", "• "), or 0.</summary>
    internal static int BulletLength(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && line[0] is '-' or '*' or '•' or '·' or '▪' or '▶' or '►' or '–' or '—' or '■' or '□' or '◆' or '○' or '●'
            && line[1] == ' ')
        {
            return 2;
        }

        return line.Length >= 1 && line[0] is '▶' or '►' or '■' or '◆' or '●' ? 1 : 0;
    }
}
