using System.Collections.Frozen;

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

/// <summary>The English number words, looked up by span without allocating.</summary>
internal static class NumberWords
{
    private static readonly FrozenDictionary<string, NumberWord> Words = Build();

    public static readonly FrozenDictionary<string, NumberWord>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, NumberWord> Build()
    {
        var d = new Dictionary<string, NumberWord>(StringComparer.OrdinalIgnoreCase);
        string[] units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        for (int i = 0; i < units.Length; i++)
        {
            d[units[i]] = new(WordClass.Unit, i);
        }

        d["nought"] = new(WordClass.Unit, 0);
        d["naught"] = new(WordClass.Unit, 0);
        string[] teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int i = 0; i < teens.Length; i++)
        {
            d[teens[i]] = new(WordClass.Teen, 10 + i);
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < tens.Length; i++)
        {
            d[tens[i]] = new(WordClass.Tens, 20 + (10 * i));
        }

        d["hundred"] = new(WordClass.Hundred, 100);
        d["thousand"] = new(WordClass.Scale, 1e3);
        d["million"] = new(WordClass.Scale, 1e6);
        d["billion"] = new(WordClass.Scale, 1e9);
        d["trillion"] = new(WordClass.Scale, 1e12);
        d["dozen"] = new(WordClass.Dozen, 12);
        d["dozens"] = new(WordClass.Dozen, 12, true);
        d["a"] = new(WordClass.Article, 1);
        d["an"] = new(WordClass.Article, 1);
        d["half"] = new(WordClass.Half, 0.5);
        d["halves"] = new(WordClass.Denominator, 2, true);
        d["third"] = new(WordClass.Denominator, 3);
        d["thirds"] = new(WordClass.Denominator, 3, true);
        d["quarter"] = new(WordClass.Denominator, 4);
        d["quarters"] = new(WordClass.Denominator, 4, true);
        string[] ords = ["fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
        for (int i = 0; i < ords.Length; i++)
        {
            d[ords[i]] = new(WordClass.Denominator, 4 + i);
            d[ords[i] + "s"] = new(WordClass.Denominator, 4 + i, true);
        }

        d["hundredth"] = new(WordClass.Denominator, 100);
        d["hundredths"] = new(WordClass.Denominator, 100, true);
        d["thousandth"] = new(WordClass.Denominator, 1000);
        d["thousandths"] = new(WordClass.Denominator, 1000, true);
        d["and"] = new(WordClass.And, 0);
        d["point"] = new(WordClass.Point, 0);
        d["doubled"] = new(WordClass.Multiplier, 2);
        d["tripled"] = new(WordClass.Multiplier, 3);
        d["quadrupled"] = new(WordClass.Multiplier, 4);
        d["hundreds"] = new(WordClass.Plural, 100);
        d["thousands"] = new(WordClass.Plural, 1e3);
        d["millions"] = new(WordClass.Plural, 1e6);
        d["billions"] = new(WordClass.Plural, 1e9);
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Glued or abbreviated scale suffixes after digits: "10k", "1.2bn", "5 tn", "10M".</summary>
    public static double SuffixScale(ReadOnlySpan<char> suffix) => suffix switch
    {
        "k" or "K" => 1e3,
        "M" or "mn" or "MM" or "mil" or "mln" => 1e6,
        "B" or "b" or "bn" or "bln" or "G" or "g" => 1e9,
        "tn" or "tln" or "trn" or "T" => 1e12,
        _ => 0,
    };

    /// <summary>Korean and Chinese myriad scales: 만/万/萬 = 10^4, 억/亿/億 = 10^8, 조/兆 = 10^12.</summary>
    public static double CjkScale(char c) => c switch
    {
        '만' or '万' or '萬' => 1e4,
        '억' or '亿' or '億' => 1e8,
        '조' or '兆' => 1e12,
        '천' or '千' => 1e3,
        _ => 0,
    };
}
