using System.Collections.Frozen;
using System.Globalization;
using Tightrope.Knowledge;

namespace Tightrope.Figures.Recognition;

/// <summary>
/// Count nouns, duration nouns, currencies and glued units a figure can carry, looked up by span; read once from
/// knowledge/lang/en/figures-*-units.yaml, figures-currency-*.yaml and figures-dollar-*.yaml.
/// </summary>
internal static class UnitLexicon
{
    public sealed record CurrencyWord(string Code, double Factor = 1);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CountLookup = Lookup("figures-count-units");
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DurationLookup = Lookup("figures-duration-units");
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DollarLookup = Lookup("figures-dollar-qualifiers");
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DollarPrefixLookup = Lookup("figures-dollar-prefixes");
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> GluedLookup = Lookup("figures-glued-units");

    private static readonly FrozenDictionary<string, CurrencyWord>.AlternateLookup<ReadOnlySpan<char>> CurrencyLookup =
        LanguageData.English["figures-currency-words"].Values
            .ToFrozenDictionary(p => p.Key, p => ParseCurrency(p.Key, p.Value), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<char, string> Symbols =
        LanguageData.English["figures-currency-symbols"].Values.ToFrozenDictionary(p => p.Key[0], p => p.Value);

    private static FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup(string name)
    {
        var list = LanguageData.English[name];
        return list.Values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static CurrencyWord ParseCurrency(string word, string spec)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            1 => new CurrencyWord(parts[0]),
            2 => new CurrencyWord(parts[0], double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => throw new InvalidDataException($"figures-currency-words: '{word}: {spec}' is not '<code> [factor]'"),
        };
    }

    public static string? CountUnit(ReadOnlySpan<char> word) => CountLookup.TryGetValue(word, out var u) ? u : null;

    public static string? DurationUnit(ReadOnlySpan<char> word) => DurationLookup.TryGetValue(word, out var u) ? u : null;

    public static CurrencyWord? Currency(ReadOnlySpan<char> word) => CurrencyLookup.TryGetValue(word, out var c) ? c : null;

    public static string? DollarQualifier(ReadOnlySpan<char> word) => DollarLookup.TryGetValue(word, out var c) ? c : null;

    /// <summary>ISO codes accepted before or after a number ("USD 200", "RMB 8.04 billion", "115USD").</summary>
    public static string? Code(ReadOnlySpan<char> word)
    {
        if (word.Length != 3)
        {
            return null;
        }

        bool upper = char.IsUpper(word[0]) && char.IsUpper(word[1]) && char.IsUpper(word[2]);
        bool lower = char.IsLower(word[0]) && char.IsLower(word[1]) && char.IsLower(word[2]);
        if (!upper && !lower)
        {
            return null;
        }

        var c = Currency(word);
        return c is { Factor: 1 } && c.Code.AsSpan().Equals(word, StringComparison.OrdinalIgnoreCase) || word.Equals("rmb", StringComparison.OrdinalIgnoreCase)
            ? c!.Code
            : null;
    }

    /// <summary>Currency symbols before a number, with the letters that may precede a dollar sign ("US$", "NT$", "HK$").</summary>
    public static string? Symbol(char symbol, ReadOnlySpan<char> lettersBefore)
    {
        if (symbol == '$' && !lettersBefore.IsEmpty)
        {
            return DollarPrefixLookup.TryGetValue(lettersBefore, out var code) ? code : null;
        }

        return Symbols.TryGetValue(symbol, out var s) ? s : null;
    }

    /// <summary>Units glued to digits: "4nm", "15km".</summary>
    public static string? GluedUnit(ReadOnlySpan<char> suffix) => GluedLookup.TryGetValue(suffix, out var u) ? u : null;
}
