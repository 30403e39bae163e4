using System.Buffers;
using Tightrope.Model;

namespace Tightrope.Clean;

/// <summary>Paragraphs that repeat earlier ones, and a lead repeated in a variant by the paragraphs right after it.</summary>
internal sealed class RepeatedParagraphs : ICleanRule
{
    public void Apply(CleanPlan plan) => FindDuplicates(plan.Raw, plan);

    private const int MinShingleWords = 8;
    private const int ShingleChars = 480;

    private static void FindDuplicates(string raw, CleanPlan plan)
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

    private static void FindDuplicates(string raw, CleanPlan plan, List<LineInfo> lines, ulong[] buffer)
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

    private static void RemoveDuplicate(CleanPlan plan, int li, string reason)
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
}
