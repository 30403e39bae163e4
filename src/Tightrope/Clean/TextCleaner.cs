using System.Buffers;
using System.Net;
using System.Text;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Clean;

/// <summary>The cleaned text, its map back to the raw text, and what was removed or marked.</summary>
internal sealed record CleanResult(string Text, OffsetMap Offsets, List<RemovedSegment> Removed);

/// <summary>
/// Cleans extracted article text in three steps: find the lines and sentences that are noise (line rules,
/// related-link lists, duplicates, truncation), find the artefacts inside kept text (HTML tags and entities, a space
/// before an apostrophe, a doubled full stop, non-NFC words), then write the cleaned text in one pass with
/// typographic normalisation and white-space folding, recording an <see cref="OffsetMap"/> as it goes.
/// </summary>
internal static class TextCleaner
{
    private enum White : byte
    {
        None,
        Space,
        Line,
        Paragraph,
    }

    private struct LineInfo
    {
        public int Start;
        public int End;
        public int KeepStart;
        public int KeepEnd;
        public int Words;
        public readonly bool Removed => KeepStart >= KeepEnd;
    }

    private readonly record struct Edit(int Start, int End, string? Replacement, White White, int Segment);

    private struct Segment
    {
        public RemovalKind Kind;
        public int Start;
        public int End;
        public string Reason;
        public int CleanStart;
        public int CleanEnd;
    }

    private readonly record struct Probe(int Raw, int Segment, bool IsStart);

    private sealed class Plan
    {
        public readonly List<LineInfo> Lines = [];
        public readonly List<Edit> Edits = [];
        public readonly List<Segment> Segments = [];
        public readonly List<Probe> Probes = [];

        public int AddSegment(RemovalKind kind, int start, int end, string reason)
        {
            Segments.Add(new Segment { Kind = kind, Start = start, End = end, Reason = reason });
            return Segments.Count - 1;
        }

        public void Remove(RemovalKind kind, int start, int end, string reason) =>
            Edits.Add(new Edit(start, end, null, White.None, AddSegment(kind, start, end, reason)));
    }

    private static readonly SearchValues<char> Terminals = SearchValues.Create(".!?…。！？");

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u2028\u2029\u0085");

    public static CleanResult Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var plan = new Plan();
        SplitLines(raw, plan.Lines);
        ClassifyLines(raw, plan);
        FindRelatedLinks(raw, plan);
        FindDuplicates(raw, plan);
        MarkTruncated(raw, plan);
        FindArtefacts(raw, plan);
        return Emit(raw, plan);
    }

    // ---- lines -------------------------------------------------------------------------------------------------

    private static void SplitLines(string raw, List<LineInfo> lines)
    {
        int i = 0;
        var span = raw.AsSpan();
        while (i <= raw.Length)
        {
            int k = span[i..].IndexOfAny(LineBreaks);
            int end = k < 0 ? raw.Length : i + k;
            int s = i, e = end;
            while (s < e && IsBlank(raw[s]))
            {
                s++;
            }

            while (e > s && IsBlank(raw[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                lines.Add(new LineInfo { Start = s, End = e, KeepStart = s, KeepEnd = e });
            }

            if (k < 0)
            {
                break;
            }

            i = end + 1;
        }
    }

    private static bool IsBlank(char c) => Typography.IsWhite(c) || c is '\u200B' or '\u200E' or '\u200F' or '\u2060' or '\u00AD';

    private static void ClassifyLines(string raw, Plan plan)
    {
        var lines = plan.Lines;
        Span<int> total = stackalloc int[8];
        var perLine = ArrayPool<int>.Shared.Rent(lines.Count * 8 + 8);
        try
        {
            for (int li = 0; li < lines.Count; li++)
            {
                var counts = perLine.AsSpan(li * 8, 8);
                counts.Clear();
                var lineText = raw.AsSpan(lines[li].Start, lines[li].End - lines[li].Start);
                if (lineText.ContainsAnyInRange('\u0250', '\u1FFF') || lineText.ContainsAnyInRange('\u2070', '\uFFFF'))
                {
                    Scripts.Count(lineText, counts);
                }
                else
                {
                    // Latin letters and punctuation only: about four in five characters of prose are letters.
                    counts[(int)Script.Latin] = lineText.Length * 4 / 5;
                }
                for (int k = 0; k < 8; k++)
                {
                    total[k] += counts[k];
                }
            }

            var main = Scripts.Main(total, out int allLetters);
            for (int li = 0; li < lines.Count; li++)
            {
                var line = lines[li];
                var text = raw.AsSpan(line.Start, line.End - line.Start);
                line.Words = Words.Count(text);

                if (LineRules.ClassifyLine(text, line.Words) is { } verdict)
                {
                    plan.Remove(verdict.Kind, line.Start, line.End, verdict.Reason);
                    line.KeepEnd = line.KeepStart;
                    lines[li] = line;
                    continue;
                }

                var counts = perLine.AsSpan(li * 8, 8);
                Scripts.Main(counts, out int letters);
                int foreign = letters - (main == Script.None ? letters : counts[(int)main]);
                if (main != Script.None && allLetters >= 200 && letters >= 2 && foreign * 2 > letters)
                {
                    plan.Remove(RemovalKind.Boilerplate, line.Start, line.End, $"line mostly in another script than the article's ({main})");
                    line.KeepEnd = line.KeepStart;
                    lines[li] = line;
                    continue;
                }

                int byline = LineRules.BracketBylineLength(text);
                if (byline > 0)
                {
                    int keep = line.Start + byline;
                    while (keep < line.End && IsBlank(raw[keep]))
                    {
                        keep++;
                    }

                    plan.Remove(RemovalKind.Byline, line.Start, line.Start + byline, "byline");
                    line.KeepStart = keep;
                    if (line.Removed)
                    {
                        lines[li] = line;
                        continue;
                    }

                    line.Words = Words.Count(raw.AsSpan(line.KeepStart, line.KeepEnd - line.KeepStart));
                }

                ClassifySentences(raw, plan, ref line, nearEnd: li >= lines.Count - 4);
                lines[li] = line;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(perLine);
        }
    }

    /// <summary>Notices and prompts that end a paragraph, and persona filler inside one.</summary>
    private static void ClassifySentences(string raw, Plan plan, ref LineInfo line, bool nearEnd)
    {
        var text = raw.AsSpan(line.KeepStart, line.KeepEnd - line.KeepStart);

        // Trailing run of notice/prompt sentences, read from the end, so an ordinary paragraph costs one sentence of
        // marker search; removed when it holds a copyright line or a prompt. Notices close an article: only the last
        // paragraphs and short ones are read.
        int tailStart = -1;
        int end = nearEnd || line.Words <= 60 ? text.Length : 0;
        bool strong = false;
        while (end > 0)
        {
            int start = PreviousSentenceStart(text, end);
            var s = text[start..TrimEndIndex(text, end)];
            int flags = LineRules.Match(s);
            bool copyright = (flags & LineRules.Copyright) != 0;
            bool isPrompt = !copyright && LineRules.IsPrompt(s);
            if (!copyright && !isPrompt && (flags & LineRules.Notice) == 0)
            {
                break;
            }

            strong |= copyright || isPrompt;
            tailStart = start;
            end = start;
        }

        bool persona = text.Contains("As a", StringComparison.Ordinal);
        if (!(strong && tailStart >= 0) && !persona)
        {
            return;
        }

        var starts = new List<int>();
        SentenceStarts(text, starts);
        int count = starts.Count;
        int first = count;
        if (strong && tailStart >= 0)
        {
            first = starts.IndexOf(tailStart);
            if (first < 0)
            {
                first = count;
            }
        }

        if (first < count)
        {
            int runStart = -1;
            RemovalKind runKind = RemovalKind.Copyright;
            for (int k = first; k <= count; k++)
            {
                RemovalKind kind = RemovalKind.Copyright;
                if (k < count)
                {
                    var s = Sentence(text, starts, k);
                    kind = LineRules.IsPrompt(s) ? RemovalKind.Boilerplate : RemovalKind.Copyright;
                }

                if (runStart >= 0 && (k == count || kind != runKind))
                {
                    int a = line.KeepStart + starts[runStart];
                    int b = k == count ? line.KeepEnd : line.KeepStart + TrimEndIndex(text, starts[k]);
                    plan.Remove(runKind, a, b, runKind == RemovalKind.Copyright ? "copyright or reproduction notice" : "social or subscription prompt");
                    runStart = -1;
                }

                if (k < count && runStart < 0)
                {
                    runStart = k;
                    runKind = kind;
                }
            }

            int newEnd = line.KeepStart + TrimEndIndex(text, starts[first]);
            line.KeepEnd = first == 0 ? line.KeepStart : newEnd;
            count = first;
        }

        if (!persona)
        {
            return;
        }

        for (int k = 0; k < count; k++)
        {
            var s = Sentence(text, starts, k);
            if (LineRules.IsPersona(s))
            {
                int a = line.KeepStart + starts[k];
                int b = line.KeepStart + starts[k] + s.Length;
                plan.Remove(RemovalKind.Boilerplate, a, b, "first-person persona filler");
                if (count == 1)
                {
                    line.KeepEnd = line.KeepStart;
                }
            }
        }
    }

    private static int TrimEndIndex(ReadOnlySpan<char> text, int end)
    {
        while (end > 0 && IsBlank(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static ReadOnlySpan<char> Sentence(ReadOnlySpan<char> text, List<int> starts, int k)
    {
        int end = k + 1 < starts.Count ? starts[k + 1] : text.Length;
        return text[starts[k]..TrimEndIndex(text, end)];
    }

    /// <summary>Where the sentences of one paragraph start (a light splitter for cleaning decisions).</summary>
    internal static void SentenceStarts(ReadOnlySpan<char> text, List<int> starts)
    {
        starts.Add(0);
        int i = 0;
        while (i < text.Length)
        {
            int found = text[i..].IndexOfAny(Terminals);
            if (found < 0)
            {
                return;
            }

            i += found;
            int next = BoundaryAfter(text, i);
            if (next > 0)
            {
                starts.Add(next);
                i = next;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The start of the sentence that ends at <paramref name="end"/> (searching backwards).</summary>
    private static int PreviousSentenceStart(ReadOnlySpan<char> text, int end)
    {
        int limit = TrimEndIndex(text, end) - 1;
        while (limit > 0)
        {
            int i = text[..limit].LastIndexOfAny(Terminals);
            if (i < 0)
            {
                return 0;
            }

            int next = BoundaryAfter(text, i);
            if (next > 0 && next < end)
            {
                return next;
            }

            limit = i;
        }

        return 0;
    }

    /// <summary>When the terminal character at <paramref name="i"/> ends a sentence, where the next one starts; else 0.</summary>
    private static int BoundaryAfter(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        int j = i + 1;
        while (j < text.Length && Words.IsCloser(text[j]))
        {
            j++;
        }

        int ws = j;
        while (j < text.Length && IsBlank(text[j]))
        {
            j++;
        }

        bool cjk = c is '。' or '！' or '？';
        if (j >= text.Length || (j == ws && !cjk))
        {
            return 0;
        }

        char next = text[j];
        if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '‘' or '\'' or '(' or '[' || (next > '\u2E7F' && char.IsLetter(next))))
        {
            return 0;
        }

        if (c == '.')
        {
            int w = i;
            while (w > 0 && !IsBlank(text[w - 1]))
            {
                w--;
            }

            if (Abbreviations.Classify(text[w..i]) == AbbreviationKind.Prefix || (i - w == 1 && char.IsUpper(text[w])))
            {
                return 0;
            }
        }

        return j;
    }

    // ---- related links -------------------------------------------------------------------------------------------

    private static void FindRelatedLinks(string raw, Plan plan)
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
            if (LineRules.IsRelatedHeader(text))
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
        int b = LineRules.BulletLength(text);
        bullet = b > 0;
        if (bullet)
        {
            return words <= 30;
        }

        return words is >= 3 and <= 20 && !Words.EndsSentence(text) && (char.IsUpper(text[0]) || char.IsDigit(text[0]) || text[0] is '\'' or '"' or '‘' or '“');
    }

    // ---- duplicates ------------------------------------------------------------------------------------------------

    private const int MinShingleWords = 8;
    private const int ShingleChars = 480;

    private static void FindDuplicates(string raw, Plan plan)
    {
        var lines = plan.Lines;

        // A word takes at least two characters with its separator, so raw.Length / 2 bounds the shingle count.
        var buffer = ArrayPool<ulong>.Shared.Rent(raw.Length / 2 + 16);
        try
        {
            FindDuplicates(raw, plan, lines, buffer);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    private static void FindDuplicates(string raw, Plan plan, List<LineInfo> lines, ulong[] buffer)
    {
        int used = 0;
        var ranges = new (int Start, int Count)[lines.Count];
        for (int li = 0; li < lines.Count; li++)
        {
            var line = lines[li];
            int before = used;
            if (!line.Removed && line.Words >= MinShingleWords)
            {
                // A repeat shows in its opening words: read at most the first ShingleChars characters. Long paragraphs
                // keep one shingle in four (chosen by hash, so the same ones everywhere).
                used += AddShingles(raw.AsSpan(line.KeepStart, Math.Min(line.KeepEnd - line.KeepStart, ShingleChars)), buffer.AsSpan(used), line.Words >= 24 ? 3UL : 0UL);
            }

            ranges[li] = (before, used - before);
        }

        var array = buffer;
        ReadOnlySpan<ulong> hashes = buffer.AsSpan(0, used);
        ReadOnlySpan<ulong> Of(int li) => array.AsSpan(ranges[li].Start, ranges[li].Count);

        // A lead that is repeated, in a variant, by the paragraphs right after it.
        int checkedLeads = 0;
        using (var following = new ShingleSet(256))
        {
            for (int li = 0; li < lines.Count && checkedLeads < 2; li++)
            {
                if (ranges[li].Count == 0)
                {
                    continue;
                }

                checkedLeads++;
                following.Clear();
                int taken = 0;
                for (int lj = li + 1; lj < lines.Count && taken < 6; lj++)
                {
                    if (ranges[lj].Count > 0)
                    {
                        following.AddRange(Of(lj));
                        taken++;
                    }
                }

                if (following.Containment(Of(li)) >= 0.6 && !RepeatedLater(hashes, ranges, li))
                {
                    RemoveDuplicate(plan, li, "variant of the paragraphs that follow it");
                    ranges[li].Count = 0;
                }
            }
        }

        // A paragraph that repeats earlier ones.
        using var seen = new ShingleSet(used);
        for (int li = 0; li < lines.Count; li++)
        {
            if (ranges[li].Count == 0)
            {
                continue;
            }

            if (seen.Count > 0 && seen.Containment(Of(li)) >= 0.8)
            {
                RemoveDuplicate(plan, li, "repeats an earlier paragraph");
                continue;
            }

            seen.AddRange(Of(li));
        }
    }

    /// <summary>Whether a later paragraph is the same paragraph again (then the later copy is the duplicate).</summary>
    private static bool RepeatedLater(ReadOnlySpan<ulong> hashes, (int Start, int Count)[] ranges, int li)
    {
        using var mine = new ShingleSet(ranges[li].Count);
        mine.AddRange(hashes.Slice(ranges[li].Start, ranges[li].Count));
        for (int lj = li + 1; lj < ranges.Length; lj++)
        {
            var other = hashes.Slice(ranges[lj].Start, ranges[lj].Count);
            if (other.Length > 0 && mine.Containment(other) >= 0.8)
            {
                using var theirs = new ShingleSet(other.Length);
                theirs.AddRange(other);
                if (theirs.Containment(hashes.Slice(ranges[li].Start, ranges[li].Count)) >= 0.8)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void RemoveDuplicate(Plan plan, int li, string reason)
    {
        var line = plan.Lines[li];
        plan.Remove(RemovalKind.Duplicate, line.KeepStart, line.KeepEnd, reason);
        line.KeepEnd = line.KeepStart;
        plan.Lines[li] = line;
    }

    /// <summary>Hashes of word trigrams (letters and digits only, lower-cased, typography ignored).</summary>
    /// <summary>Writes hashes of word trigrams (letters and digits, lower-cased, typography ignored); returns how many.</summary>
    internal static int AddShingles(ReadOnlySpan<char> text, Span<ulong> into, ulong sampleMask)
    {
        ulong w1 = 0, w2 = 0, h = 0;
        int n = 0, count = 0;
        bool inWord = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsAsciiLetterOrDigit(c))
            {
                // Rotate-and-xor per character (short dependency chain); mixed once per word below.
                h = System.Numerics.BitOperations.RotateLeft(h, 7) ^ (uint)(c | 0x20);
                inWord = true;
                continue;
            }

            if (c > '\u007F' && char.IsLetterOrDigit(c))
            {
                h = System.Numerics.BitOperations.RotateLeft(h, 7) ^ char.ToLowerInvariant(c);
                inWord = true;
                continue;
            }

            if (c is '\'' or '’' or '-' && inWord && i + 1 < text.Length)
            {
                continue;
            }

            if (!inWord)
            {
                continue;
            }

            ulong word = (h ^ (h >> 31)) * 0x9E3779B97F4A7C15UL;
            if (++n >= 3)
            {
                ulong shingle = (w1 * 31) ^ (w2 * 1_000_003) ^ word;
                if (((shingle >> 40) & sampleMask) == 0)
                {
                    into[count++] = shingle;
                }
            }

            w1 = w2;
            w2 = word;
            h = 0;
            inWord = false;
        }

        return count;
    }

    // ---- truncation ------------------------------------------------------------------------------------------------

    private static void MarkTruncated(string raw, Plan plan)
    {
        var lines = plan.Lines;
        int last = lines.Count - 1;
        while (last >= 0 && lines[last].Removed)
        {
            last--;
        }

        for (int li = 0; li < last; li++)
        {
            var line = lines[li];
            if (line.Removed)
            {
                continue;
            }

            var text = raw.AsSpan(line.KeepStart, line.KeepEnd - line.KeepStart);
            if (Words.EndsSentence(text))
            {
                continue;
            }

            var lastWord = Words.Last(text);
            bool cut = Words.IsFunctionWord(lastWord)
                || (line.Words >= 20 && lastWord.Length > 0 && char.IsLower(lastWord[0]) && char.IsLetter(lastWord[^1]));
            if (!cut)
            {
                continue;
            }

            var starts = new List<int>();
            SentenceStarts(text, starts);
            int a = line.KeepStart + starts[^1];
            int seg = plan.AddSegment(RemovalKind.Truncated, a, line.KeepEnd, "paragraph ends mid-sentence");
            plan.Probes.Add(new Probe(a, seg, true));
            plan.Probes.Add(new Probe(line.KeepEnd, seg, false));
        }
    }

    // ---- artefacts inside kept text ------------------------------------------------------------------------------

    private static readonly string[] TagNames =
    [
        "p", "br", "div", "span", "a", "b", "i", "u", "em", "strong", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
        "img", "figure", "figcaption", "table", "tr", "td", "th", "tbody", "thead", "blockquote", "script", "style",
        "iframe", "font", "sup", "sub", "hr", "section", "article", "header", "footer", "nav", "small", "center", "pre",
        "code", "caption", "picture", "source", "video", "noscript",
    ];

    private static readonly string[] BlockTags = ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "hr"];

    private static void FindArtefacts(string raw, Plan plan)
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

    private static void FindPattern(string raw, ReadOnlySpan<char> text, int offset, string pattern, Plan plan, Action<string, int, int, Plan> check)
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
    private static void SpaceBeforeApostrophe(string raw, int space, int end, Plan plan)
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
        if (clitic is "s" or "t" or "re" or "ve" or "ll" or "d" or "m" or "S")
        {
            plan.Edits.Add(new Edit(a, q, null, White.None, plan.AddSegment(RemovalKind.HtmlArtifact, a, q, "space before an apostrophe")));
        }
    }

    /// <summary>"in 2026. . This" → "in 2026. This"; a spaced ellipsis ". . ." is left alone.</summary>
    private static void DoubledStop(string raw, int p, int end, Plan plan)
    {
        if (p == 0 || raw[p - 1] is '.' or ' ')
        {
            return;
        }

        int after = p + 3;
        if (after < end && !IsBlank(raw[after]))
        {
            return;
        }

        if (after + 1 < end && raw[after + 1] == '.')
        {
            return;
        }

        plan.Edits.Add(new Edit(p + 1, p + 3, null, White.None, plan.AddSegment(RemovalKind.HtmlArtifact, p + 1, p + 3, "stray doubled full stop")));
    }

    private static void FindTagsAndEntities(string raw, int s, int e, Plan plan)
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
        while (j > lineStart && IsBlank(raw[j - 1]))
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
        if (name.IsEmpty || !IsTagName(name, TagNames))
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
                block = IsTagName(name, BlockTags);
                return true;
            }

            if (escaped && c == '&' && raw.AsSpan(k, e - k).StartsWith("&gt;", StringComparison.OrdinalIgnoreCase))
            {
                end = k + 4;
                block = IsTagName(name, BlockTags);
                return true;
            }
        }

        return false;
    }

    private static bool IsTagName(ReadOnlySpan<char> name, string[] names)
    {
        foreach (var n in names)
        {
            if (name.Equals(n, StringComparison.OrdinalIgnoreCase))
            {
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

    private static void FindUnnormalised(string raw, int s, int e, Plan plan)
    {
        int i = s;
        while (i < e)
        {
            int w = i;
            while (w < e && !IsBlank(raw[w]))
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

    // ---- writing ---------------------------------------------------------------------------------------------------

    private static CleanResult Emit(string raw, Plan plan)
    {
        var edits = plan.Edits;
        edits.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var probes = plan.Probes;
        probes.Sort(static (a, b) => a.Raw.CompareTo(b.Raw));
        var segments = plan.Segments;

        var writer = new Writer(raw, raw.Length + 16);
        int i = 0, ei = 0, pi = 0, n = raw.Length;
        int covered = 0;
        try
        {
            while (i < n || pi < probes.Count)
            {
                while (ei < edits.Count && edits[ei].Start < covered)
                {
                    // Overlaps an edit already applied: the larger decision wins.
                    ei++;
                }

                int nextEdit = ei < edits.Count ? edits[ei].Start : n;
                int nextProbe = pi < probes.Count ? probes[pi].Raw : int.MaxValue;
                if (nextProbe <= i || (nextProbe <= nextEdit && nextProbe == i))
                {
                    var probe = probes[pi++];
                    var seg = segments[probe.Segment];
                    if (probe.IsStart)
                    {
                        seg.CleanStart = writer.Length + writer.PendingLength;
                    }
                    else
                    {
                        seg.CleanEnd = writer.Length;
                    }

                    segments[probe.Segment] = seg;
                    continue;
                }

                if (i >= n)
                {
                    break;
                }

                if (i == nextEdit)
                {
                    var edit = edits[ei++];
                    if (edit.Segment >= 0)
                    {
                        var seg = segments[edit.Segment];
                        seg.CleanStart = seg.CleanEnd = writer.Length;
                        segments[edit.Segment] = seg;
                    }

                    if (edit.White != White.None)
                    {
                        writer.Pend(edit.White, edit.Start);
                    }
                    else if (edit.Replacement is { } replacement)
                    {
                        writer.WriteReplacement(replacement, edit.Start, edit.End);
                    }

                    i = covered = edit.End;
                    continue;
                }

                int limit = Math.Min(nextEdit, Math.Min(nextProbe, n));
                int run = PlainRun(raw, i, limit);
                if (run > 0)
                {
                    writer.Copy(raw, i, run);
                    i += run;
                    continue;
                }

                writer.WriteSpecial(raw, i);
                i++;
            }

            var removed = new List<RemovedSegment>(segments.Count);
            foreach (var seg in segments)
            {
                string text = seg.Kind == RemovalKind.Truncated
                    ? writer.Slice(seg.CleanStart, seg.CleanEnd)
                    : raw.Substring(seg.Start, seg.End - seg.Start);
                removed.Add(new RemovedSegment(seg.Kind, new TextSpan(seg.Start, seg.End), seg.CleanStart, text, seg.Reason));
            }

            removed.Sort(static (a, b) => a.RawSpan.Start.CompareTo(b.RawSpan.Start));
            return new CleanResult(writer.ToString(), writer.Map, removed);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>
    /// The length of the run from <paramref name="i"/> that is copied as it is: printable ASCII with single spaces
    /// between words (found with vectorised searches), or non-ASCII characters that need no normalisation.
    /// </summary>
    private static int PlainRun(string raw, int i, int limit)
    {
        char first = raw[i];
        if (first == ' ')
        {
            // White space at the start of a run goes through the folding logic.
            return 0;
        }

        if (first is > ' ' and < '\u007F')
        {
            var span = raw.AsSpan(i, limit - i);
            int k = span.IndexOfAnyExceptInRange(' ', '~');
            int end = k < 0 ? span.Length : k;
            int d = span[..end].IndexOf("  ", StringComparison.Ordinal);
            if (d >= 0)
            {
                end = d;
            }

            // A space that ends the run may come before a line break or a removal: leave it to the folding logic.
            while (end > 0 && span[end - 1] == ' ')
            {
                end--;
            }

            return end;
        }

        if (first < '\u0080')
        {
            return 0;
        }

        int m = raw.AsSpan(i, limit - i).IndexOfAny(Typography.Special);
        return m < 0 ? limit - i : m;
    }

    /// <summary>Appends cleaned characters to a pooled buffer and keeps the offset map in step.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly string _raw;
        private char[] _buf;
        private int _length;
        private int _lastNewline = -1;
        private White _pending;
        private int _pendRaw1;
        private int _pendRaw2;

        public Writer(string raw, int capacity)
        {
            _raw = raw;
            _buf = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
        }

        public OffsetMap Map { get; } = new();

        public int Length => _length;

        public int PendingLength => _length == 0 ? 0 : _pending switch { White.Space or White.Line => 1, White.Paragraph => 2, _ => 0 };

        public void Pend(White white, int raw)
        {
            if (white <= _pending)
            {
                // Two line breaks make a paragraph break only when nothing but white space (no removed text) is between them.
                if (white == White.Line && _pending == White.Line && _lastNewline >= 0 && raw > _lastNewline
                    && _raw.AsSpan(_lastNewline + 1, raw - _lastNewline - 1).IsWhiteSpace())
                {
                    _pending = White.Paragraph;
                    _pendRaw2 = raw;
                }

                if (white == White.Line)
                {
                    _lastNewline = raw;
                }

                return;
            }

            if (white == White.Line)
            {
                _lastNewline = raw;
            }

            _pending = white;
            _pendRaw1 = raw;
            _pendRaw2 = raw;
        }

        private void Flush()
        {
            if (_pending == White.None)
            {
                return;
            }

            if (_length > 0)
            {
                Ensure(2);
                switch (_pending)
                {
                    case White.Space:
                        Put(' ', _pendRaw1);
                        break;
                    case White.Line:
                        Put('\n', _pendRaw1);
                        break;
                    default:
                        Put('\n', _pendRaw1);
                        Put('\n', _pendRaw2);
                        break;
                }
            }

            _pending = White.None;
        }

        private void Put(char c, int raw)
        {
            _buf[_length] = c;
            Map.Add(_length, raw, 1);
            _length++;
        }

        public void Copy(string raw, int start, int count)
        {
            Flush();
            Ensure(count);
            raw.AsSpan(start, count).CopyTo(_buf.AsSpan(_length));
            Map.Add(_length, start, count);
            _length += count;
        }

        public void WriteSpecial(string raw, int i)
        {
            char c = raw[i];
            switch (Typography.Classify(c, out char r))
            {
                case CharAction.Keep:
                    Flush();
                    Ensure(1);
                    Put(c, i);
                    break;
                case CharAction.Replace:
                    Flush();
                    Ensure(1);
                    Put(r, i);
                    break;
                case CharAction.Space:
                    Pend(White.Space, i);
                    break;
                case CharAction.LineBreak:
                    if (c == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
                    {
                        break;
                    }

                    Pend(White.Line, i);
                    break;
                case CharAction.ParagraphBreak:
                    Pend(White.Paragraph, i);
                    break;
                default:
                    break;
            }
        }

        public void WriteReplacement(string replacement, int start, int end)
        {
            for (int k = 0; k < replacement.Length; k++)
            {
                char c = replacement[k];
                int rawPos = Math.Min(start + k, end - 1);
                switch (Typography.Classify(c, out char r))
                {
                    case CharAction.Space:
                        Pend(White.Space, start);
                        break;
                    case CharAction.LineBreak:
                        Pend(White.Line, start);
                        break;
                    case CharAction.ParagraphBreak:
                        Pend(White.Paragraph, start);
                        break;
                    case CharAction.Drop:
                        break;
                    default:
                        Flush();
                        Ensure(1);
                        Put(Typography.Classify(c, out _) == CharAction.Replace ? r : c, rawPos);
                        break;
                }
            }
        }

        private void Ensure(int extra)
        {
            if (_length + extra <= _buf.Length)
            {
                return;
            }

            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buf.Length * 2, _length + extra));
            _buf.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buf);
            _buf = bigger;
        }

        public string Slice(int start, int end) => end > start ? new string(_buf, start, end - start) : "";

        public override string ToString() => new(_buf, 0, _length);

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(_buf);
            _buf = [];
        }
    }
}
