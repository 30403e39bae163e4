using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Clean;

/// <summary>
/// The page around the story, recognised by the shape of a line and its place: timestamp and posting lines, short
/// menu and share lines, breadcrumbs, a masthead above the headline, credits closing a caption ("(Name/Agency)",
/// "Photo by ..."), gallery counters, "See also: ..." links in the middle of the story, comment counters, sign-offs
/// after the story's end, and a deck repeated word for word by a later paragraph. Runs after <see cref="NoiseLines"/>.
/// </summary>
internal sealed class PageChrome : ICleanRule
{
    private static readonly WordList NavWords = LanguageData.English["clean-nav-words"];

    private static readonly WordList StampWords = LanguageData.English["clean-timestamp-words"];

    private static readonly WordList CaptionNouns = LanguageData.English["clean-caption-nouns"];

    private static readonly WordList CaptionQualifiers = LanguageData.English["clean-caption-qualifiers"];

    private static readonly WordList FunctionWords = LanguageData.English["clean-function-words"];

    public void Apply(CleanPlan plan)
    {
        var raw = plan.Raw;
        var lines = plan.Lines;
        int body = FirstBodyLine(raw, lines);
        int headline = Headline(raw, lines, body);
        int lastBody = LastBodyLine(raw, lines);
        bool afterByline = false;
        for (int li = 0; li < lines.Count; li++)
        {
            var line = lines[li];
            if (line.Removed)
            {
                afterByline = Bylines.IsBylineLine(raw.AsSpan(line.Start, line.End - line.Start), Words.Count(raw.AsSpan(line.Start, line.End - line.Start)));
                continue;
            }

            var text = raw.AsSpan(line.KeepStart, line.KeepEnd - line.KeepStart);
            bool alone = li > lastBody && lastBody >= 0 && line.Words <= 4 && StandsAlone(raw, lines, li);
            var verdict = Classify(text, line.Words, li, body, headline, lastBody, afterByline, li == 0 || FirstKept(lines, li), alone);
            afterByline = verdict is { Kind: RemovalKind.Byline };
            if (verdict is { } v)
            {
                plan.Remove(v.Kind, line.KeepStart, line.KeepEnd, v.Reason);
                line.KeepEnd = line.KeepStart;
                lines[li] = line;
                continue;
            }

            int credit = TrailingCredit(text);
            if (credit > 0)
            {
                int cut = line.KeepStart + CleanPlan.TrimEndIndex(text, text.Length - credit);
                plan.Remove(RemovalKind.Boilerplate, cut, line.KeepEnd, "photo or video credit closing a caption");
                line.KeepEnd = cut;
                line.Words = Words.Count(raw.AsSpan(line.KeepStart, line.KeepEnd - line.KeepStart));
                lines[li] = line;
            }
        }

        RepeatedDeck(raw, plan, body);
    }

    private static bool FirstKept(List<LineInfo> lines, int li)
    {
        for (int k = 0; k < li; k++)
        {
            if (!lines[k].Removed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the line is a paragraph of its own: a blank line (or the text's edge) on both sides. Lines of a list or
    /// a table (an item per line) are not.
    /// </summary>
    private static bool StandsAlone(string raw, List<LineInfo> lines, int li)
    {
        bool before = li == 0 || raw.AsSpan(lines[li - 1].End, lines[li].Start - lines[li - 1].End).Count('\n') >= 2;
        bool after = li == lines.Count - 1 || raw.AsSpan(lines[li].End, lines[li + 1].Start - lines[li].End).Count('\n') >= 2;
        return before && after;
    }

    private static (RemovalKind Kind, string Reason)? Classify(ReadOnlySpan<char> text, int words, int li, int body, int headline,
        int lastBody, bool afterByline, bool first, bool alone)
    {
        if (words > 30)
        {
            return null;
        }

        if (IsTimestamp(text, words))
        {
            return (RemovalKind.Boilerplate, "timestamp or posting line");
        }

        if (IsBylineShape(text, words))
        {
            return (RemovalKind.Byline, "byline");
        }

        if (afterByline && words <= 6 && (text.StartsWith("with ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("for ", StringComparison.OrdinalIgnoreCase)))
        {
            return (RemovalKind.Byline, "byline");
        }

        if (IsGalleryCaption(text))
        {
            return (RemovalKind.Boilerplate, "gallery caption");
        }

        if (IsInlineRelated(text, words))
        {
            return (RemovalKind.RelatedLinks, "related-article link");
        }

        if (Words.EndsSentence(text))
        {
            return null;
        }

        if (IsBreadcrumb(text))
        {
            return (RemovalKind.Boilerplate, "breadcrumb");
        }

        if (words <= 4 && IsNavLine(text))
        {
            return (RemovalKind.Boilerplate, "menu or share line");
        }

        if (words <= 8 && HasCounter(text))
        {
            return (RemovalKind.Boilerplate, "comment or character counter");
        }

        if (li < body && headline < body && li != headline && words <= 2 && IsTitleRun(text))
        {
            return (RemovalKind.Boilerplate, "section label before the headline");
        }

        int spaced = text.Count(' ') + 1;
        if (first && li < headline && headline < body && (spaced <= 4 || (spaced <= 7 && HasGlue(text))) && IsTitleRun(text))
        {
            return (RemovalKind.Boilerplate, "masthead above the headline");
        }

        // A sign-off ("Political News Team") stands as its own paragraph; a short capitalised line of a list after the
        // story is an item ("Fixed aluminium stock").
        if (li > lastBody && lastBody >= 0 && words <= 4 && alone && IsTitleRun(text))
        {
            return (RemovalKind.Byline, "sign-off after the story");
        }

        return null;
    }

    /// <summary>The first line of the story: a long line that ends like a sentence.</summary>
    private static int FirstBodyLine(string raw, List<LineInfo> lines)
    {
        for (int li = 0; li < lines.Count; li++)
        {
            var l = lines[li];
            if (!l.Removed && IsBody(raw.AsSpan(l.KeepStart, l.KeepEnd - l.KeepStart), l.Words))
            {
                return li;
            }
        }

        return lines.Count;
    }

    private static int LastBodyLine(string raw, List<LineInfo> lines)
    {
        for (int li = lines.Count - 1; li >= 0; li--)
        {
            var l = lines[li];
            if (!l.Removed && IsBody(raw.AsSpan(l.KeepStart, l.KeepEnd - l.KeepStart), l.Words))
            {
                return li;
            }
        }

        return -1;
    }

    private static bool IsBody(ReadOnlySpan<char> text, int words) => words >= 25 || (words >= 12 && Words.EndsSentence(text));

    /// <summary>The headline: the longest line (of four words or more) before the story.</summary>
    private static int Headline(string raw, List<LineInfo> lines, int body)
    {
        int best = -1, bestWords = 3;
        for (int li = 0; li < body && li < lines.Count; li++)
        {
            var l = lines[li];
            var t = raw.AsSpan(l.KeepStart, l.KeepEnd - l.KeepStart);
            int spaced = t.Count(' ') + 1;
            if (!l.Removed && spaced > bestWords && !IsTimestamp(t, l.Words))
            {
                best = li;
                bestWords = spaced;
            }
        }

        return best < 0 ? lines.Count : best;
    }

    /// <summary>Every word capitalised (or a function word), no digits: a name, a label, a menu item.</summary>
    internal static bool IsTitleRun(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        var rest = text;
        int capitals = 0;
        while (true)
        {
            var w = Words.Next(ref rest);
            if (w.IsEmpty)
            {
                break;
            }

            w = w.Trim("\"'“”‘’()[]:,|/-–—»«›>".AsSpan());
            if (w.IsEmpty)
            {
                continue;
            }

            if (char.IsUpper(w[0]))
            {
                capitals++;
            }
            else if (char.IsLetter(w[0]) && !char.IsLower(w[0]))
            {
                // A word in a script without case (an edition or language switcher's "中文"): neither way.
                continue;
            }
            else if (!FunctionWords.Contains(w) || capitals == 0)
            {
                return false;
            }
        }

        return capitals > 0;
    }

    /// <summary>Two words run together as page elements are ("PostDemocracy", "EditionASIA"): three lower-case letters,
    /// then a capital followed by three lower-case letters or by three more capitals.</summary>
    private static bool HasGlue(ReadOnlySpan<char> text)
    {
        for (int i = 3; i + 3 < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && char.IsLower(text[i - 1]) && char.IsLower(text[i - 2]) && char.IsLower(text[i - 3])
                && ((char.IsLower(text[i + 1]) && char.IsLower(text[i + 2]) && char.IsLower(text[i + 3]))
                    || (char.IsUpper(text[i + 1]) && char.IsUpper(text[i + 2]) && char.IsUpper(text[i + 3]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Share with ...", "Subscribe", "Print", "Home": a short line opened by a chrome word.</summary>
    private static bool IsNavLine(ReadOnlySpan<char> text)
    {
        var rest = text;
        var first = Words.Next(ref rest).TrimEnd(":".AsSpan());
        return NavWords.Contains(first);
    }

    /// <summary>"Home / World / Asia", "Home » ...", "News > Politics": a path of short menu items.</summary>
    private static bool IsBreadcrumb(ReadOnlySpan<char> text)
    {
        int sep = text.IndexOfAny("/»>›|".AsSpan());
        if (sep <= 0)
        {
            return false;
        }

        var head = text[..sep].Trim();
        if (NavWords.Contains(head) && (sep + 1 >= text.Length || text[sep + 1] == ' ' || text[sep - 1] == ' '))
        {
            return true;
        }

        // Three or more short items between separators, each capitalised.
        int items = 0;
        var rest = text;
        while (!rest.IsEmpty)
        {
            int k = rest.IndexOfAny("/»>›|".AsSpan());
            var item = (k < 0 ? rest : rest[..k]).Trim();
            if (item.IsEmpty || Words.Count(item) > 3 || !IsTitleRun(item))
            {
                return false;
            }

            items++;
            rest = k < 0 ? [] : rest[(k + 1)..];
        }

        return items >= 3 && text.Contains(" / ", StringComparison.Ordinal) | text.Contains('»') | text.Contains('>') | text.Contains('›') | text.Contains(" | ", StringComparison.Ordinal);
    }

    /// <summary>"(0/250)", "12 comments"-style counters: a number over a number inside brackets.</summary>
    private static bool HasCounter(ReadOnlySpan<char> text)
    {
        int open = text.IndexOf('(');
        if (open < 0)
        {
            return false;
        }

        var inner = text[(open + 1)..];
        int slash = inner.IndexOf('/');
        return slash > 0 && char.IsDigit(inner[0]) && slash + 1 < inner.Length && char.IsDigit(inner[slash + 1]);
    }

    /// <summary>"1 of 5 | caption ...": a caption of a photo gallery.</summary>
    private static bool IsGalleryCaption(ReadOnlySpan<char> text)
    {
        var rest = text;
        var a = Words.Next(ref rest);
        var of = Words.Next(ref rest);
        var b = Words.Next(ref rest);
        var bar = Words.Next(ref rest);
        return IsDigits(a) && of.Equals("of", StringComparison.OrdinalIgnoreCase) && IsDigits(b) && bar is "|" or "/" or "-";
    }

    private static bool IsDigits(ReadOnlySpan<char> w) => !w.IsEmpty && w.Length <= 3 && !w.ContainsAnyExceptInRange('0', '9');

    /// <summary>"SEE ALSO: headline", "Read more: headline": one related link in the middle of the story.</summary>
    private static bool IsInlineRelated(ReadOnlySpan<char> text, int words)
    {
        if (words > 25)
        {
            return false;
        }

        if (RelatedLinks.IsRelatedHeader(text))
        {
            return true;
        }

        foreach (var header in RelatedHeads)
        {
            if (text.Length > header.Length + 2 && text.StartsWith(header, StringComparison.OrdinalIgnoreCase))
            {
                var after = text[header.Length..];
                bool colon = after[0] is ':' or '：' or '|' or '»' or '>';
                bool gap = after.StartsWith("  ", StringComparison.Ordinal);
                bool upperHeader = char.IsUpper(text[1]) && char.IsUpper(text[0]);
                if (colon || gap || (upperHeader && after[0] == ' '))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] RelatedHeads = [.. LanguageData.English["clean-related-headers"].Words];

    /// <summary>
    /// "Posted on : 2019-02-11 17:09 KST", "Aug. 11, 2025 / 5:20 AM", "Updated: 2023-11-21 19:20", "3 hours ago": a short
    /// line made of a date or a time and stamp words, with at most a few other words (a site or agency name).
    /// </summary>
    internal static bool IsTimestamp(ReadOnlySpan<char> text, int words)
    {
        if (words > 20 || !text.ContainsAnyInRange('0', '9') || Words.EndsSentence(text))
        {
            return false;
        }

        int stamp = 0, other = 0, numbers = 0;
        bool clock = false, fullDate = false, iso = false, ago = false;
        int i = 0;
        while (i < text.Length)
        {
            if (IsTokenBreak(text[i]))
            {
                i++;
                continue;
            }

            int s = i;
            bool digit = char.IsDigit(text[i]);
            if (digit)
            {
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] is ':' or '-' or '/'
                    || (text[i] == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }
            }
            else
            {
                while (i < text.Length && !IsTokenBreak(text[i]) && !char.IsDigit(text[i]))
                {
                    i++;
                }
            }

            var token = text[s..i].Trim(".-:/".AsSpan());
            if (token.IsEmpty)
            {
                continue;
            }

            if (digit)
            {
                numbers++;
                stamp++;
                clock |= token.Contains(':');
                bool dashed = token.Count('-') == 2 || token.Count('/') == 2 || token.Count('.') == 2;
                iso |= dashed && token.Length >= 8;
                fullDate |= dashed || (token.Length == 4 && token[0] is '1' or '2');
            }
            else if (StampWords.Contains(token) || token is "st" or "nd" or "rd" or "th")
            {
                stamp++;
                ago |= token.Equals("ago", StringComparison.OrdinalIgnoreCase);
            }
            else if (char.IsLower(token[0]) && !token.Contains('.'))
            {
                // A lower-case word that is not a stamp word: a sentence, not a stamp.
                return false;
            }
            else
            {
                other++;
            }
        }

        if (ago && words <= 5 && numbers >= 1)
        {
            return true;
        }

        return (clock || fullDate) && (numbers >= 2 || iso) && stamp >= other && other <= 5;
    }

    private static bool IsTokenBreak(char c) => char.IsWhiteSpace(c) || c is ',' or '|' or '(' or ')' or '[' or ']' or '·' or '•' or '—' or '–' or '=';

    /// <summary>"- JANE DOE", "- jane@example.com", "by admin": the byline shapes the line rules do not know.</summary>
    private static bool IsBylineShape(ReadOnlySpan<char> text, int words)
    {
        if (words > 5)
        {
            return false;
        }

        if (text.StartsWith("- ", StringComparison.Ordinal) || text.StartsWith("– ", StringComparison.Ordinal) || text.StartsWith("— ", StringComparison.Ordinal))
        {
            var rest = text[2..].Trim();
            if ((rest.Contains('@') || rest.Contains("email protected", StringComparison.OrdinalIgnoreCase)) && words <= 3)
            {
                return true;
            }

            return words >= 3 && rest.Length >= 4 && !rest.ContainsAnyInRange('a', 'z') && !rest.ContainsAnyInRange('0', '9');
        }

        return text.StartsWith("by ", StringComparison.Ordinal) && words <= 3 && !Words.EndsSentence(text);
    }

    /// <summary>
    /// The length of a credit that closes a caption after its last sentence: "(Name/Agency)", "[Photo/Agencies]",
    /// "(Video: Name/Site)", "(provided by ...)", "Photo by Name/Agency"; 0 when there is none.
    /// </summary>
    internal static int TrailingCredit(ReadOnlySpan<char> text)
    {
        if (text.Length < 8)
        {
            return 0;
        }

        char last = text[^1];
        if (last is ')' or ']')
        {
            char open = last == ')' ? '(' : '[';
            int o = text.LastIndexOf(open);
            if (o <= 0)
            {
                return 0;
            }

            var before = text[..o].TrimEnd();
            var inner = text[(o + 1)..^1].Trim();
            if (before.IsEmpty || !Words.EndsSentence(before) || inner.IsEmpty || Words.Count(inner) > 8 || inner.Contains('(') || inner.Contains('['))
            {
                return 0;
            }

            return IsCreditText(inner) ? text.Length - o : 0;
        }

        // "... sentence. Photo by Name/Agency" or "... sentence. File Photo by Name".
        int by = LastBy(text);
        if (by < 0)
        {
            return 0;
        }

        int start = text[..by].LastIndexOfAny(".!?\"”".AsSpan());
        if (start < 0 || start + 2 >= by)
        {
            return 0;
        }

        var opener = text[(start + 1)..by].Trim();
        var tail = text[(by + 4)..];
        if (Words.Count(tail) > 6 || Words.EndsSentence(tail) || !IsCaptionOpener(opener))
        {
            return 0;
        }

        return text.Length - (start + 1);
    }

    /// <summary>
    /// Where the last " by " is, in any case: <c>LastIndexOf(" by ", OrdinalIgnoreCase)</c> without its character-by-
    /// character case folding (only 'b'/'B' and 'y'/'Y' fold to those letters), looking back from each 'b' found.
    /// </summary>
    internal static int LastBy(ReadOnlySpan<char> text)
    {
        int end = text.Length;
        while (true)
        {
            int i = text[..end].LastIndexOfAny('b', 'B');
            if (i < 0)
            {
                return -1;
            }

            if (i >= 1 && i + 2 < text.Length && text[i - 1] == ' ' && (text[i + 1] | 0x20) == 'y' && text[i + 2] == ' ')
            {
                return i - 1;
            }

            end = i;
        }
    }

    private static bool IsCaptionOpener(ReadOnlySpan<char> opener)
    {
        var rest = opener;
        var a = Words.Next(ref rest);
        var b = Words.Next(ref rest);
        if (!Words.Next(ref rest).IsEmpty)
        {
            return false;
        }

        return b.IsEmpty ? CaptionNouns.Contains(a) : CaptionQualifiers.Contains(a) && CaptionNouns.Contains(b);
    }

    private static bool IsCreditText(ReadOnlySpan<char> inner)
    {
        var rest = inner;
        var first = Words.Next(ref rest).TrimEnd(":：".AsSpan());
        if (CaptionNouns.Contains(first) || CaptionQualifiers.Contains(first) || first.Equals("by", StringComparison.OrdinalIgnoreCase)
            || first.Equals("provided", StringComparison.OrdinalIgnoreCase) || first.Equals("courtesy", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "Name/Agency", "U.S. Army": capitalised words, with a slash or nothing else.
        int slash = inner.IndexOf('/');
        if (slash > 0 && slash < inner.Length - 1 && char.IsUpper(inner[0]) && char.IsUpper(inner[(slash + 1)..].TrimStart()[0]))
        {
            return true;
        }

        // "(U.S. Army)", "(Stars and Stripes)": a short name alone in brackets after the caption's last sentence.
        return Words.Count(inner) <= 5 && IsTitleRun(inner);
    }

    /// <summary>A deck before the story that a later paragraph repeats word for word at its start: the deck goes.</summary>
    private static void RepeatedDeck(string raw, CleanPlan plan, int body)
    {
        var lines = plan.Lines;
        for (int li = 0; li < lines.Count && li <= body + 1; li++)
        {
            var l = lines[li];
            if (l.Removed || l.Words < 8)
            {
                continue;
            }

            var deck = raw.AsSpan(l.KeepStart, l.KeepEnd - l.KeepStart);
            for (int k = li + 1; k < lines.Count; k++)
            {
                var m = lines[k];
                if (m.Removed || m.KeepEnd - m.KeepStart <= deck.Length)
                {
                    continue;
                }

                if (raw.AsSpan(m.KeepStart, m.KeepEnd - m.KeepStart).StartsWith(deck, StringComparison.Ordinal))
                {
                    plan.Remove(RemovalKind.Duplicate, l.KeepStart, l.KeepEnd, "deck repeated by a later paragraph");
                    l.KeepEnd = l.KeepStart;
                    lines[li] = l;
                    break;
                }
            }
        }
    }
}
