using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using Tightrope.Knowledge;

namespace Tightrope.Figures.Recognition;

/// <summary>The role a word plays in a spelled-out number.</summary>
internal enum WordClass : byte
{
    Unit,      // zero..nine
    Teen,      // ten..nineteen
    Tens,      // twenty..ninety
    Hundred,
    Scale,     // thousand, million, billion, trillion
    Dozen,
    Article,   // "a", "an" before hundred/thousand/dozen/half/third…
    Half,
    Denominator, // third(s), quarter(s), fourth(s), fifth(s)… (only after a numerator)
    And,
    Point,
    Multiplier,  // doubled, tripled: a change, not an amount
    Plural,      // hundreds, thousands, dozens, millions (of): approximate
}

internal readonly record struct NumberWord(WordClass Class, double Value, bool PluralForm = false);

/// <summary>
/// The English number words (knowledge/lang/en/figures-number-words.yaml), the sign words and the scale suffixes,
/// looked up by span without allocating; the lookup tables are built once from the language data.
/// </summary>
internal static class NumberWords
{
    private static readonly FrozenDictionary<string, NumberWord> Words = Build(LanguageData.English["figures-number-words"]);

    public static readonly FrozenDictionary<string, NumberWord>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"minus", "negative": a sign before a spelled-out number.</summary>
    public static readonly WordList Signs = LanguageData.English["figures-number-signs"];

    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Suffixes =
        Numbers(LanguageData.English["figures-scale-suffixes"]).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<char, double> Cjk =
        LanguageData.English["figures-cjk-scales"].Values.ToFrozenDictionary(p => p.Key[0], p => Number(p.Value));

    /// <summary>Where a number can start: digits, a sign or decimal point, and the first letters of the number and sign words.</summary>
    public static readonly SearchValues<char> Starts = SearchValues.Create(StartCharacters());

    /// <summary>
    /// For each word length (the last slot: that length or longer), a bit per pair of first two letters
    /// (<see cref="ShapeBit"/>) of the number and sign words; null when a word does not start with two ASCII letters
    /// (or one, for a one-letter word), and then every word is looked up.
    /// </summary>
    private static readonly ulong[]? Shapes = BuildShapes();

    private const int MaxShapeLength = 31;

    private const int ShapeWords = (26 * 27 + 63) / 64;

    private static FrozenDictionary<string, NumberWord> Build(WordList list)
    {
        var d = new Dictionary<string, NumberWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, spec) in list.Values)
        {
            var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 2 or > 3 || !Enum.TryParse<WordClass>(parts[0], ignoreCase: true, out var cls)
                || parts.Length == 3 && parts[2] != "plural")
            {
                throw new InvalidDataException($"figures-number-words: '{word}: {spec}' is not '<class> <value> [plural]'");
            }

            d[word] = new NumberWord(cls, Number(parts[1]), parts.Length == 3);
        }

        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenDictionary<string, double> Numbers(WordList list) =>
        list.Values.ToFrozenDictionary(p => p.Key, p => Number(p.Value), list.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string StartCharacters()
    {
        var chars = new SortedSet<char>("0123456789.-");
        foreach (var word in Words.Keys.Concat(Signs.Words))
        {
            chars.Add(char.ToLowerInvariant(word[0]));
            chars.Add(char.ToUpperInvariant(word[0]));
        }

        return string.Concat(chars);
    }

    /// <summary>
    /// Whether a word may be a number or sign word, from its length and first two letters: false only when no look-up
    /// of it can succeed, so most words are passed over without one.
    /// </summary>
    public static bool MayBeWord(ReadOnlySpan<char> word)
    {
        if (Shapes is null || word.IsEmpty)
        {
            return true;
        }

        int bit = ShapeBit(word);
        return bit < 0 || (Shapes[(Math.Min(word.Length, MaxShapeLength) * ShapeWords) + (bit >> 6)] & (1UL << (bit & 63))) != 0;
    }

    /// <summary>The pair of a word's first two letters (any case) as a number below 26 × 27; -1 when one is not an ASCII letter.</summary>
    private static int ShapeBit(ReadOnlySpan<char> word)
    {
        if (!char.IsAsciiLetter(word[0]) || word.Length > 1 && !char.IsAsciiLetter(word[1]))
        {
            return -1;
        }

        return ((word[0] | 0x20) - 'a') * 27 + (word.Length > 1 ? (word[1] | 0x20) - 'a' + 1 : 0);
    }

    private static ulong[]? BuildShapes()
    {
        var shapes = new ulong[(MaxShapeLength + 1) * ShapeWords];
        foreach (var word in Words.Keys.Concat(Signs.Words))
        {
            int bit = word.Length == 0 ? -1 : ShapeBit(word);
            if (bit < 0)
            {
                return null;
            }

            shapes[(Math.Min(word.Length, MaxShapeLength) * ShapeWords) + (bit >> 6)] |= 1UL << (bit & 63);
        }

        return shapes;
    }

    /// <summary>Glued or abbreviated scale suffixes after digits: "10k", "1.2bn", "5 tn", "10M".</summary>
    public static double SuffixScale(ReadOnlySpan<char> suffix) => Suffixes.TryGetValue(suffix, out double v) ? v : 0;

    /// <summary>Korean and Chinese myriad scales: 만/万/萬 = 10^4, 억/亿/億 = 10^8, 조/兆 = 10^12.</summary>
    public static double CjkScale(char c) => c > '\u2E80' && Cjk.TryGetValue(c, out double v) ? v : 0;
}
