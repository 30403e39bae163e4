using System.Buffers;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Clean;

/// <summary>
/// Whole lines of noise (bylines, copyright lines, captions, chrome, prompts, SEO filler, lines in another script
/// than the article's, a bracketed byline that opens a line), then the notices and persona filler inside the lines kept.
/// </summary>
internal sealed class NoiseLines : ICleanRule
{
    public void Apply(CleanPlan plan) => ClassifyLines(plan.Raw, plan);

    private static void ClassifyLines(string raw, CleanPlan plan)
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

                if (LineRules.ClassifyLine(text, line.Words, out int flags) is { } verdict)
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

                int byline = Bylines.BracketBylineLength(text);
                if (byline > 0)
                {
                    int keep = line.Start + byline;
                    while (keep < line.End && CleanPlan.IsBlank(raw[keep]))
                    {
                        keep++;
                    }

                    plan.Remove(RemovalKind.Byline, line.Start, line.Start + byline, "byline");
                    line.KeepStart = keep;
                    flags = -1;
                    if (line.Removed)
                    {
                        lines[li] = line;
                        continue;
                    }

                    line.Words = Words.Count(raw.AsSpan(line.KeepStart, line.KeepEnd - line.KeepStart));
                }

                Notices.ClassifySentences(raw, plan, ref line, nearEnd: li >= lines.Count - 4, flags);
                lines[li] = line;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(perLine);
        }
    }
}
