using Tightrope.Model;

namespace Tightrope.Figures.Recognition;

/// <summary>What a number looked like in the text.</summary>
[Flags]
internal enum NumberFlags : ushort
{
    None = 0,
    /// <summary>Written with digits.</summary>
    Digits = 1,
    /// <summary>Spelled out ("twelve", "a dozen").</summary>
    Words = 2,
    /// <summary>Has group separators ("28,500").</summary>
    Grouped = 4,
    /// <summary>Has a decimal part.</summary>
    Decimal = 8,
    /// <summary>Carries a scale ("1.5192 trillion", "10k", "5억").</summary>
    Scaled = 16,
    /// <summary>A fraction ("1/9", "two-thirds", "half").</summary>
    Fraction = 32,
    /// <summary>Glued to letters or a letter-hyphen prefix ("SF4", "Hwasong-18", "F-35A"): a model number.</summary>
    Model = 64,
    /// <summary>Part of a date written with slashes ("5/17/2018") or a clock time ("7:59").</summary>
    DateOrTime = 128,
    /// <summary>A vague plural ("hundreds of", "dozens of").</summary>
    Vague = 256,
    /// <summary>"doubled", "tripled".</summary>
    Multiplier = 512,
    /// <summary>Negative ("-4", "minus five").</summary>
    Negative = 1024,
    /// <summary>A unit glued after the digits ("4nm", "15km"); see <see cref="NumberMatch.GluedUnit"/>.</summary>
    GluedUnit = 2048,
}

/// <summary>A number found in text: its span, value and form.</summary>
internal readonly record struct NumberMatch(TextSpan Span, double Value, NumberFlags Flags, string? GluedUnit = null)
{
    public bool Has(NumberFlags f) => (Flags & f) != 0;
}
