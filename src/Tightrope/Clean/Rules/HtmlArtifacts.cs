using System.Net;
using System.Text;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Clean;

/// <summary>
/// Artefacts inside kept text: HTML tags and entities, a space before an apostrophe, a doubled full stop, and words
/// not in NFC.
/// </summary>
internal sealed class HtmlArtifacts : ICleanRule
{
    public void Apply(CleanPlan plan) => FindArtefacts(plan.Raw, plan);

    /// <summary>HTML elements whose left-over tags are removed (knowledge/lang/en/clean-html-tags.yaml).</summary>
    private static readonly WordList TagNames = LanguageData.English["clean-html-tags"];

    /// <summary>Elements whose left-over tag after a sentence end becomes a paragraph break.</summary>
    private static readonly WordList BlockTags = LanguageData.English["clean-html-block-tags"];

    private static readonly WordList Clitics = LanguageData.English["clean-clitics"];

    private static void FindArtefacts(string raw, CleanPlan plan)
    {
        bool nfc = raw.IsNormalized(NormalizationForm.FormC);
        foreach (var line in plan.Lines)
        {
            if (line.Removed)
            {
                continue;
            }

            int s = line.KeepStart, e = line.KeepEnd;
            var text = raw.AsSpan(s, e - s);
            if (text.IndexOfAny('<', '&') >= 0)
            {
                FindTagsAndEntities(raw, s, e, plan);
            }

            FindPattern(raw, text, s, " ’", plan, SpaceBeforeApostrophe);
            FindPattern(raw, text, s, " '", plan, SpaceBeforeApostrophe);
            FindPattern(raw, text, s, ". .", plan, DoubledStop);
            if (!nfc)
            {
                FindUnnormalised(raw, s, e, plan);
            }
        }
    }

    private static void FindPattern(string raw, ReadOnlySpan<char> text, int offset, string pattern, CleanPlan plan, Action<string, int, int, CleanPlan> check)
    {
        int from = 0;
        while (from < text.Length)
        {
            int k = text[from..].IndexOf(pattern, StringComparison.Ordinal);
            if (k < 0)
            {
                return;
            }

            check(raw, offset + from + k, offset + text.Length, plan);
            from += k + 1;
        }
    }

    /// <summary>"Korea ’s" → "Korea’s": spaces before an apostrophe that starts a clitic.</summary>
    private static void SpaceBeforeApostrophe(string raw, int space, int end, CleanPlan plan)
    {
        int a = space;
        while (a > 0 && raw[a - 1] == ' ')
        {
            a--;
        }

        if (a == 0 || !char.IsLetterOrDigit(raw[a - 1]))
        {
            return;
        }

        int q = space + 1;
        int c = q + 1;
        int w = c;
        while (w < end && char.IsLetter(raw[w]))
        {
            w++;
        }

        var clitic = raw.AsSpan(c, w - c);
        if (Clitics.Contains(clitic))
        {
            plan.Edits.Add(new Edit(a, q, null, White.None, plan.AddSegment(RemovalKind.HtmlArtifact, a, q, "space before an apostrophe")));
        }
    }

    /// <summary>"in 2026. . This" → "in 2026. This"; a spaced ellipsis ". . ." is left alone.</summary>
    private static void DoubledStop(string raw, int p, int end, CleanPlan plan)
    {
        if (p == 0 || raw[p - 1] is '.' or ' ')
        {
            return;
        }

        int after = p + 3;
        if (after < end && !CleanPlan.IsBlank(raw[after]))
        {
            return;
        }

        if (after + 1 < end && raw[after + 1] == '.')
        {
            return;
        }

        plan.Edits.Add(new Edit(p + 1, p + 3, null, White.None, plan.AddSegment(RemovalKind.HtmlArtifact, p + 1, p + 3, "stray doubled full stop")));
    }

    private static void FindTagsAndEntities(string raw, int s, int e, CleanPlan plan)
    {
        int i = s;
        while (i < e)
        {
            int k = raw.AsSpan(i, e - i).IndexOfAny('<', '&');
            if (k < 0)
            {
                return;
            }

            i += k;
            if (TryTag(raw, i, e, out int tagEnd, out bool block))
            {
                bool afterStop = PrecededBySentenceEnd(raw, i, s);
                var white = block && afterStop ? White.Paragraph : White.Space;
                plan.Edits.Add(new Edit(i, tagEnd, null, white, plan.AddSegment(RemovalKind.HtmlArtifact, i, tagEnd, "HTML tag left in text")));
                i = tagEnd;
                continue;
            }

            if (raw[i] == '&' && TryEntity(raw, i, e, out int entEnd, out string? decoded))
            {
                plan.Edits.Add(new Edit(i, entEnd, decoded, White.None, plan.AddSegment(RemovalKind.HtmlArtifact, i, entEnd, "HTML entity left in text")));
                i = entEnd;
                continue;
            }

            i++;
        }
    }

    private static bool PrecededBySentenceEnd(string raw, int i, int lineStart)
    {
        int j = i;
        while (j > lineStart && CleanPlan.IsBlank(raw[j - 1]))
        {
            j--;
        }

        return j == lineStart || Words.EndsSentence(raw.AsSpan(lineStart, j - lineStart)) || raw[j - 1] == '>';
    }

    /// <summary>"&lt;p&gt;", "< p >", "</div>", "<br/>", "<!-- ... -->", also escaped as "&amp;lt;p&amp;gt;".</summary>
    private static bool TryTag(string raw, int i, int e, out int end, out bool block)
    {
        end = i;
        block = false;
        int j;
        bool escaped;
        if (raw[i] == '<')
        {
            j = i + 1;
            escaped = false;
        }
        else if (raw.AsSpan(i, e - i).StartsWith("&lt;", StringComparison.OrdinalIgnoreCase))
        {
            j = i + 4;
            escaped = true;
        }
        else
        {
            return false;
        }

        if (!escaped && raw.AsSpan(j, e - j).StartsWith("!--", StringComparison.Ordinal))
        {
            int close = raw.AsSpan(j, Math.Min(e - j, 2000)).IndexOf("-->", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            end = j + close + 3;
            return true;
        }

        while (j < e && raw[j] == ' ')
        {
            j++;
        }

        if (j < e && raw[j] == '/')
        {
            j++;
        }

        while (j < e && raw[j] == ' ')
        {
            j++;
        }

        int nameStart = j;
        while (j < e && char.IsAsciiLetterOrDigit(raw[j]))
        {
            j++;
        }

        var name = raw.AsSpan(nameStart, j - nameStart);
        if (name.IsEmpty || !TagNames.Contains(name))
        {
            return false;
        }

        if (j < e && !(raw[j] is ' ' or '/' or '>' or '&'))
        {
            return false;
        }

        int limit = Math.Min(e, j + 300);
        for (int k = j; k < limit; k++)
        {
            char c = raw[k];
            if (c == '<')
            {
                return false;
            }

            if (!escaped && c == '>')
            {
                end = k + 1;
                block = BlockTags.Contains(name);
                return true;
            }

            if (escaped && c == '&' && raw.AsSpan(k, e - k).StartsWith("&gt;", StringComparison.OrdinalIgnoreCase))
            {
                end = k + 4;
                block = BlockTags.Contains(name);
                return true;
            }
        }

        return false;
    }

    private static bool TryEntity(string raw, int i, int e, out int end, out string? decoded)
    {
        end = i;
        decoded = null;
        int limit = Math.Min(e, i + 12);
        int semi = raw.AsSpan(i, limit - i).IndexOf(';');
        if (semi < 3)
        {
            return false;
        }

        var body = raw.AsSpan(i + 1, semi - 1);
        bool ok = body[0] == '#'
            ? body.Length >= 2 && (body[1] is 'x' or 'X' ? body.Length >= 3 && IsAll(body[2..], char.IsAsciiHexDigit) : IsAll(body[1..], char.IsAsciiDigit))
            : IsAll(body, char.IsAsciiLetterOrDigit);
        if (!ok)
        {
            return false;
        }

        string entity = raw.Substring(i, semi + 1);
        string value = WebUtility.HtmlDecode(entity);
        if (string.Equals(value, entity, StringComparison.Ordinal))
        {
            return false;
        }

        end = i + semi + 1;
        decoded = value;
        return true;
    }

    private static bool IsAll(ReadOnlySpan<char> s, Func<char, bool> test)
    {
        foreach (char c in s)
        {
            if (!test(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void FindUnnormalised(string raw, int s, int e, CleanPlan plan)
    {
        int i = s;
        while (i < e)
        {
            int w = i;
            while (w < e && !CleanPlan.IsBlank(raw[w]))
            {
                w++;
            }

            var word = raw.AsSpan(i, w - i);
            if (!word.IsEmpty && !word.IsNormalized(NormalizationForm.FormC))
            {
                var normalised = new string(word).Normalize(NormalizationForm.FormC);
                plan.Edits.Add(new Edit(i, w, normalised, White.None, -1));
            }

            i = w + 1;
        }
    }
}
