using System.Buffers;
using System.Globalization;
using Tightrope.Knowledge;

namespace Tightrope.Figures.Recognition;

/// <summary>
/// The number extractor: one forward scan over the text that stops only at digits and at the first letters of
/// number words (<see cref="NumberWords.Starts"/>, derived from the word list), then parses the number in place:
/// digits in NumberExtractor.Digits.cs, spelled-out numbers in NumberExtractor.Words.cs. Ordinals ("12th",
/// "fifth") are not numbers here; years, dates and model numbers are flagged or left to the figure layer.
/// </summary>
internal static partial class NumberExtractor
{
    /// <summary>Words before "one" that make it a pronoun ("the one you mentioned", "which one").</summary>
    private static readonly WordList PronounOneBefore = LanguageData.English["figures-pronoun-one-before"];

    public static List<NumberMatch> Extract(string text)
    {
        // Up to one number per 50 characters in dense news copy: sized so the list rarely grows.
        var result = new List<NumberMatch>(Math.Min(8192, text.Length / 48 + 4));
        Extract(text, result);
        return result;
    }

    public static void Extract(string text, List<NumberMatch> output)
    {
        var s = text.AsSpan();
        int i = 0;
        while (i < s.Length)
        {
            int k = s[i..].IndexOfAny(NumberWords.Starts);
            if (k < 0)
            {
                break;
            }

            i += k;
            i = ParseAt(text, s, i, output);
        }
    }

    /// <summary>Parses what starts at a stop of the scan (a digit, sign, point or letter); returns where to go on.</summary>
    private static int ParseAt(string text, ReadOnlySpan<char> s, int i, List<NumberMatch> output)
    {
        char c = s[i];
        if (IsAsciiDigit(c) || ((c == '.' || c == '-') && i + 1 < s.Length && IsAsciiDigit(s[i + 1])))
        {
            return i > 0 && IsAsciiDigit(s[i - 1]) ? i + 1 : ParseDigits(text, i, output);
        }

        if (c is '.' or '-')
        {
            return i + 1;
        }

        // A letter: only at a word start.
        if (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '\''))
        {
            return SkipWord(s, i);
        }

        if (IsUrlStart(s, i))
        {
            int ws = s[i..].IndexOfAny(' ', '\n', '\t');
            return ws < 0 ? s.Length : i + ws;
        }

        // Most words are no number word: passed over without a look-up.
        if (!NumberWords.MayBeWord(s[i..WordEnd(s, i)]))
        {
            return SkipWord(s, i);
        }

        int next = ParseWords(text, i, output);
        return next > i ? next : SkipWord(s, i);
    }

    private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    private static int SkipWord(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsLetter(s[i]))
        {
            i++;
        }

        return i == 0 ? 1 : i;
    }

    private static int WordEnd(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsLetter(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> s, int i) =>
        s[i..].StartsWith("http", StringComparison.OrdinalIgnoreCase) && s[i..].IndexOf("://", StringComparison.Ordinal) is >= 4 and <= 5
        || s[i..].StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static int CountDigits(ReadOnlySpan<char> s, int i)
    {
        int n = 0;
        while (i + n < s.Length && IsAsciiDigit(s[i + n]))
        {
            n++;
        }

        return n;
    }

    private static int DigitsEnd(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    private static double ParseValue(ReadOnlySpan<char> digits)
    {
        Span<char> buf = stackalloc char[Math.Min(digits.Length, 64)];
        int n = 0;
        foreach (char c in digits)
        {
            if (n < buf.Length && (IsAsciiDigit(c) || c == '.'))
            {
                buf[n++] = c;
            }
        }

        return double.TryParse(buf[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double v) ? v : 0;
    }

    /// <summary>The start of the next word if only a joiner (spaces, one hyphen) separates it; else -1.</summary>
    private static int NextWordStart(ReadOnlySpan<char> s, int w)
    {
        int j = w;
        int spaces = 0, hyphens = 0;
        while (j < s.Length && (s[j] == ' ' || s[j] == '-' || s[j] == '\u2010' || s[j] == '\u2011'))
        {
            if (s[j] == ' ')
            {
                spaces++;
            }
            else
            {
                hyphens++;
            }

            j++;
        }

        if (j == w || hyphens > 1 || spaces > 3 || j >= s.Length || !char.IsLetter(s[j]))
        {
            return -1;
        }

        return j;
    }
}
