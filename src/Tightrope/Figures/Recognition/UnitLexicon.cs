using System.Collections.Frozen;

namespace Tightrope.Figures.Recognition;

/// <summary>Count nouns, duration nouns and currencies a figure can carry, looked up by span.</summary>
internal static class UnitLexicon
{
    public sealed record CurrencyWord(string Code, double Factor = 1);

    private static readonly FrozenDictionary<string, string> CountUnits = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["troop"] = "troops", ["troops"] = "troops", ["soldier"] = "soldiers", ["soldiers"] = "soldiers",
        ["personnel"] = "personnel", ["servicemen"] = "personnel", ["sailors"] = "personnel", ["marines"] = "marines",
        ["base"] = "bases", ["bases"] = "bases", ["missile"] = "missiles", ["missiles"] = "missiles",
        ["warhead"] = "warheads", ["warheads"] = "warheads", ["ship"] = "ships", ["ships"] = "ships",
        ["warship"] = "ships", ["warships"] = "ships", ["vessel"] = "ships", ["vessels"] = "ships",
        ["submarine"] = "submarines", ["submarines"] = "submarines", ["aircraft"] = "aircraft", ["jet"] = "aircraft",
        ["jets"] = "aircraft", ["fighters"] = "aircraft", ["bombers"] = "aircraft", ["drone"] = "drones", ["drones"] = "drones",
        ["tank"] = "tanks", ["tanks"] = "tanks", ["launcher"] = "launchers", ["launchers"] = "launchers",
        ["people"] = "persons", ["person"] = "persons", ["persons"] = "persons", ["civilians"] = "persons",
        ["workers"] = "workers", ["residents"] = "persons", ["refugees"] = "refugees", ["defectors"] = "defectors",
        ["prisoners"] = "prisoners", ["casualties"] = "casualties", ["deaths"] = "deaths", ["victims"] = "victims",
        ["times"] = "times",
        ["nanometer"] = "nanometers", ["nanometers"] = "nanometers", ["nanometre"] = "nanometers", ["nanometres"] = "nanometers",
        ["kilometer"] = "kilometers", ["kilometers"] = "kilometers", ["kilometre"] = "kilometers", ["kilometres"] = "kilometers",
        ["mile"] = "miles", ["miles"] = "miles", ["ton"] = "tons", ["tons"] = "tons", ["tonne"] = "tons", ["tonnes"] = "tons",
        ["barrel"] = "barrels", ["barrels"] = "barrels",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> DurationUnits = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["minute"] = "minutes", ["minutes"] = "minutes", ["hour"] = "hours", ["hours"] = "hours",
        ["day"] = "days", ["days"] = "days", ["week"] = "weeks", ["weeks"] = "weeks", ["month"] = "months",
        ["months"] = "months", ["year"] = "years", ["years"] = "years", ["decade"] = "decades", ["decades"] = "decades",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, CurrencyWord> CurrencyWords = new Dictionary<string, CurrencyWord>(StringComparer.OrdinalIgnoreCase)
    {
        ["won"] = new("KRW"), ["yuan"] = new("CNY"), ["renminbi"] = new("CNY"), ["yen"] = new("JPY"),
        ["euro"] = new("EUR"), ["euros"] = new("EUR"), ["pound"] = new("GBP"), ["pounds"] = new("GBP"), ["sterling"] = new("GBP"),
        ["ruble"] = new("RUB"), ["rubles"] = new("RUB"), ["rouble"] = new("RUB"), ["roubles"] = new("RUB"),
        ["dollar"] = new("USD"), ["dollars"] = new("USD"), ["cent"] = new("USD", 0.01), ["cents"] = new("USD", 0.01),
        ["pence"] = new("GBP", 0.01), ["penny"] = new("GBP", 0.01), ["francs"] = new("FRF"), ["franc"] = new("FRF"),
        ["markka"] = new("FIM"), ["guilders"] = new("NLG"), ["pesetas"] = new("ESP"), ["rupees"] = new("INR"), ["rupee"] = new("INR"),
        ["rmb"] = new("CNY"), ["usd"] = new("USD"), ["krw"] = new("KRW"), ["cny"] = new("CNY"), ["jpy"] = new("JPY"),
        ["eur"] = new("EUR"), ["gbp"] = new("GBP"), ["rub"] = new("RUB"), ["twd"] = new("TWD"), ["hkd"] = new("HKD"),
        ["cad"] = new("CAD"), ["aud"] = new("AUD"), ["chf"] = new("CHF"), ["inr"] = new("INR"),
        ["元"] = new("CNY"), ["美元"] = new("USD"), ["韩元"] = new("KRW"), ["日元"] = new("JPY"), ["人民币"] = new("CNY"), ["欧元"] = new("EUR"),
        ["원"] = new("KRW"), ["달러"] = new("USD"), ["엔"] = new("JPY"), ["위안"] = new("CNY"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before "dollars"/"francs" that name which one.</summary>
    private static readonly FrozenDictionary<string, string> DollarQualifiers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["us"] = "USD", ["u.s."] = "USD", ["american"] = "USD", ["taiwan"] = "TWD", ["nt"] = "TWD", ["australian"] = "AUD",
        ["canadian"] = "CAD", ["kong"] = "HKD", ["singapore"] = "SGD", ["swiss"] = "CHF", ["french"] = "FRF", ["zealand"] = "NZD",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CountLookup = CountUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DurationLookup = DurationUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, CurrencyWord>.AlternateLookup<ReadOnlySpan<char>> CurrencyLookup = CurrencyWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DollarLookup = DollarQualifiers.GetAlternateLookup<ReadOnlySpan<char>>();

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

    /// <summary>Currency symbols before a number, with the letters that may precede them ("US$", "NT$", "HK$").</summary>
    public static string? Symbol(char symbol, ReadOnlySpan<char> lettersBefore)
    {
        switch (symbol)
        {
            case '$':
                if (lettersBefore.IsEmpty)
                {
                    return "USD";
                }

                return lettersBefore switch
                {
                    _ when lettersBefore.Equals("US", StringComparison.OrdinalIgnoreCase) || lettersBefore.Equals("U.S.", StringComparison.OrdinalIgnoreCase)
                        || lettersBefore.Equals("U.S", StringComparison.OrdinalIgnoreCase) || lettersBefore.Equals("USD", StringComparison.OrdinalIgnoreCase) => "USD",
                    _ when lettersBefore.Equals("NT", StringComparison.OrdinalIgnoreCase) => "TWD",
                    _ when lettersBefore.Equals("HK", StringComparison.OrdinalIgnoreCase) => "HKD",
                    _ when lettersBefore.Equals("C", StringComparison.OrdinalIgnoreCase) || lettersBefore.Equals("CA", StringComparison.OrdinalIgnoreCase)
                        || lettersBefore.Equals("CAD", StringComparison.OrdinalIgnoreCase) => "CAD",
                    _ when lettersBefore.Equals("A", StringComparison.OrdinalIgnoreCase) || lettersBefore.Equals("AU", StringComparison.OrdinalIgnoreCase)
                        || lettersBefore.Equals("AUD", StringComparison.OrdinalIgnoreCase) => "AUD",
                    _ when lettersBefore.Equals("S", StringComparison.OrdinalIgnoreCase) => "SGD",
                    _ when lettersBefore.Equals("NZ", StringComparison.OrdinalIgnoreCase) || lettersBefore.Equals("NZD", StringComparison.OrdinalIgnoreCase) => "NZD",
                    _ when lettersBefore.Equals("MEX", StringComparison.OrdinalIgnoreCase) || lettersBefore.Equals("MXN", StringComparison.OrdinalIgnoreCase) => "MXN",
                    _ => null,
                };
            case '€':
                return "EUR";
            case '£':
                return "GBP";
            case '¥':
            case '￥':
                return "JPY";
            case '₩':
            case '￦':
                return "KRW";
            case '₽':
                return "RUB";
            case '₹':
                return "INR";
            default:
                return null;
        }
    }

    /// <summary>Units glued to digits: "4nm", "15km".</summary>
    public static string? GluedUnit(ReadOnlySpan<char> suffix) => suffix switch
    {
        "nm" => "nanometers",
        "km" => "kilometers",
        "kg" => "kilograms",
        "mm" => "millimeters",
        "cm" => "centimeters",
        "ml" => "milliliters",
        "m" => "meters",
        "kt" => "kilotons",
        "mt" or "Mt" => "megatons",
        "GW" => "gigawatts",
        "MW" => "megawatts",
        _ => null,
    };
}
