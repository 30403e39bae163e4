namespace Tightrope.Clean;

/// <summary>The writing system of a letter, as far as cleaning needs to know it.</summary>
internal enum Script : byte
{
    None,
    Latin,
    Hangul,
    Han,
    Kana,
    Cyrillic,
    Arabic,
    Other,
}

internal static class Scripts
{
    public static Script Of(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? Script.Latin : Script.None;
        }

        if (!char.IsLetter(c))
        {
            return Script.None;
        }

        return c switch
        {
            <= '\u024F' => Script.Latin,
            >= '\u1E00' and <= '\u1EFF' => Script.Latin,
            >= '\u0400' and <= '\u052F' => Script.Cyrillic,
            >= '\u0600' and <= '\u06FF' => Script.Arabic,
            >= '\u1100' and <= '\u11FF' => Script.Hangul,
            >= '\u3130' and <= '\u318F' => Script.Hangul,
            >= '\uAC00' and <= '\uD7AF' => Script.Hangul,
            >= '\u3040' and <= '\u30FF' => Script.Kana,
            >= '\u3400' and <= '\u9FFF' => Script.Han,
            >= '\uF900' and <= '\uFAFF' => Script.Han,
            >= '\uFF21' and <= '\uFF5A' => Script.Latin,
            _ => Script.Other,
        };
    }

    /// <summary>Letters per script in a piece of text (index by <see cref="Script"/>).</summary>
    public static void Count(ReadOnlySpan<char> text, Span<int> counts)
    {
        // Latin letters are counted in a local: incrementing one array slot per character is bound by store latency.
        int latin = 0;
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                latin += (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? 1 : 0;
                continue;
            }

            counts[(int)Of(c)]++;
        }

        counts[(int)Script.Latin] += latin;
    }

    /// <summary>The script with most letters, or <see cref="Script.None"/>.</summary>
    public static Script Main(ReadOnlySpan<int> counts, out int letters)
    {
        Script best = Script.None;
        int bestCount = 0;
        letters = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            letters += counts[i];
            if (counts[i] > bestCount)
            {
                bestCount = counts[i];
                best = (Script)i;
            }
        }

        return best;
    }
}
