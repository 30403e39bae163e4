using Tightrope.Model;

namespace Tightrope.Clean;

/// <summary>Paragraphs that end mid-sentence (not the last one): their last sentence is marked, not removed.</summary>
internal sealed class Truncation : ICleanRule
{
    public void Apply(CleanPlan plan) => MarkTruncated(plan.Raw, plan);

    private static void MarkTruncated(string raw, CleanPlan plan)
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
            ParagraphSentences.Starts(text, starts);
            int a = line.KeepStart + starts[^1];
            int seg = plan.AddSegment(RemovalKind.Truncated, a, line.KeepEnd, "paragraph ends mid-sentence");
            plan.Probes.Add(new Probe(a, seg, true));
            plan.Probes.Add(new Probe(line.KeepEnd, seg, false));
        }
    }
}
