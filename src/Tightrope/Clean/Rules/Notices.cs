using System.Buffers;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Clean;

/// <summary>Notices and prompts that end a paragraph (copyright, disclaimers, social prompts), and persona filler inside one.</summary>
internal static class Notices
{
    /// <summary>Notices and prompts that end a paragraph, and persona filler inside one.</summary>
    internal static void ClassifySentences(string raw, CleanPlan plan, ref LineInfo line, bool nearEnd, int knownFlags = -1)
    {
        var text = raw.AsSpan(line.KeepStart, line.KeepEnd - line.KeepStart);

        // Trailing run of notice/prompt sentences, read from the end; removed when it holds a copyright line or a
        // prompt. Notices close an article: only the last paragraphs and short ones are read, and only those that
        // hold a marker or a prompt opening at all (then the Text stage's splitter finds the sentences).
        bool readTail = (nearEnd || line.Words <= 60) && LineRules.MayHoldNotice(text, knownFlags);
        bool persona = text.Contains("As a", StringComparison.Ordinal);
        if (!readTail && !persona)
        {
            return;
        }

        var starts = new List<int>();
        ParagraphSentences.Starts(text, starts);
        int count = starts.Count;
        int first = count;
        if (readTail)
        {
            first = TrailingNotices(text, starts);
        }

        if (first == count && !persona)
        {
            return;
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
                    int b = k == count ? line.KeepEnd : line.KeepStart + CleanPlan.TrimEndIndex(text, starts[k]);
                    plan.Remove(runKind, a, b, runKind == RemovalKind.Copyright ? "copyright or reproduction notice" : "social or subscription prompt");
                    runStart = -1;
                }

                if (k < count && runStart < 0)
                {
                    runStart = k;
                    runKind = kind;
                }
            }

            int newEnd = line.KeepStart + CleanPlan.TrimEndIndex(text, starts[first]);
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

    /// <summary>Where the trailing run of notice and prompt sentences starts (an index into <paramref name="starts"/>),
    /// when the run holds a copyright notice or a prompt; else the count of sentences.</summary>
    private static int TrailingNotices(ReadOnlySpan<char> text, List<int> starts)
    {
        int count = starts.Count;
        int tail = count;
        bool strong = false;
        for (int k = count - 1; k >= 0; k--)
        {
            var s = Sentence(text, starts, k);
            int flags = LineRules.Match(s);
            bool copyright = (flags & LineRules.Copyright) != 0;
            bool isPrompt = !copyright && LineRules.IsPrompt(s);
            if (!copyright && !isPrompt && (flags & LineRules.Notice) == 0)
            {
                break;
            }

            strong |= copyright || isPrompt;
            tail = k;
        }

        return strong ? tail : count;
    }

    private static ReadOnlySpan<char> Sentence(ReadOnlySpan<char> text, List<int> starts, int k)
    {
        int end = k + 1 < starts.Count ? starts[k + 1] : text.Length;
        return text[starts[k]..CleanPlan.TrimEndIndex(text, end)];
    }
}
