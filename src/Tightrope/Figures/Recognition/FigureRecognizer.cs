using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Figures.Recognition;

/// <summary>A figure found by the recogniser, before it is tied to a measure, an indicator and a period (a struct: one per number, no allocation).</summary>
internal readonly record struct RecognizedFigure
{
    public RecognizedFigure()
    {
    }

    public required TextSpan Span { get; init; }
    public required double Value { get; init; }
    public double? ValueHigh { get; init; }
    /// <summary>Null for a bare number (no unit): kept only when an indicator claims it.</summary>
    public string? Unit { get; init; }
    public FigureKind Kind { get; init; }
    public FigureQualifier Qualifier { get; init; }
    /// <summary>The unit noun phrase after the number ("US troops", "military bases"), if any.</summary>
    public TextSpan? UnitPhrase { get; init; }
    /// <summary>Index of the figure this one restates in another currency ("(approximately RMB 8.04 billion)").</summary>
    public int? EquivalentOf { get; init; }
    /// <summary>A bare number written like a model or law number ("Ascend 950", "Article 5"): never claimed.</summary>
    public bool NameLike { get; init; }
    /// <summary>Where the figure's qualifier ("more than", "between") starts; <see cref="Span"/>.Start when it has none.</summary>
    public int QualifierStart { get; init; } = -1;
    /// <summary>The number carried a scale word or suffix ("5 billion", "20k").</summary>
    public bool Scaled { get; init; }
}

/// <summary>
/// Turns the numbers of a text into figures: money (symbols, codes and currency words, scale words), percentages,
/// fractions, counts and durations with their unit nouns, ranges, qualifiers, changes and parenthetical conversions.
/// Years, dates, clock times, ordinals and model numbers are not figures.
/// </summary>
internal static partial class FigureRecognizer
{
    private static readonly WordList Months = LanguageData.English["figures-months"];
    private static readonly WordList PercentWords = LanguageData.English["figures-percent-words"];
    private static readonly WordList HalfPeriodWords = LanguageData.English["figures-half-period-words"];

    public static List<RecognizedFigure> Recognize(string text) => Recognize(text, NumberExtractor.Extract(text));

    public static List<RecognizedFigure> Recognize(string text, List<NumberMatch> numbers)
    {
        var found = new List<RecognizedFigure>(numbers.Count);
        Recognize(text, numbers, found);
        return found;
    }

    /// <summary>The figures of the numbers into <paramref name="found"/> (cleared first), so a caller can reuse one list.</summary>
    public static void Recognize(string text, List<NumberMatch> numbers, List<RecognizedFigure> found)
    {
        var s = text.AsSpan();
        found.Clear();
        bool previousIsDate = false;
        for (int n = 0; n < numbers.Count; n++)
        {
            var m = numbers[n];
            bool isDate = m.Has(NumberFlags.DateOrTime);
            if (!isDate && !m.Has(NumberFlags.Model))
            {
                isDate = IsDate(s, m) || (previousIsDate && IsRangeJoiner(s, numbers[n - 1].Span.End, m.Span.Start));
                if (!isDate && Recognize(s, m) is { } fig)
                {
                    found.Add(fig);
                }
            }

            previousIsDate = isDate;
        }

        MergeRanges(s, found);
        MarkEquivalents(s, found);
    }

    /// <summary>A figure being read around its number: where it starts and ends, its value, unit and kind so far.</summary>
    private struct Reading
    {
        public int Start;
        public int End;
        public double Value;
        public string? Unit;
        public FigureKind Kind;
        public TextSpan? UnitPhrase;
    }

    private static RecognizedFigure? Recognize(ReadOnlySpan<char> s, NumberMatch m)
    {
        var r = new Reading { Start = m.Span.Start, End = m.Span.End, Value = m.Value, Kind = FigureKind.Other };
        CurrencyBefore(s, ref r);
        bool vague = m.Has(NumberFlags.Vague);
        if (m.Has(NumberFlags.Multiplier))
        {
            r.Unit = "times";
            r.Kind = FigureKind.Change;
        }

        if (r.Unit is null)
        {
            UnitAfterNumber(s, m, vague, ref r);
            if (r.Kind == FigureKind.Percent)
            {
                PercentagePoints(s, ref r);
            }
        }

        // "4 years ago", "11 hours ago": a point in time (a date expression), not an amount.
        if (r.Kind == FigureKind.Duration && NextWord(s, r.End).Text.Equals("ago", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (r.Unit is null && m.Has(NumberFlags.Fraction))
        {
            if (!IsShare(s, m, r.Start, r.End))
            {
                return null;
            }

            r.Unit = "fraction";
            r.Kind = FigureKind.Fraction;
        }

        if (r.Unit is null && IsYear(m))
        {
            return null;
        }

        var qualifier = QualifierOf(s, in r, vague, out int qualStart);
        if (r.Kind is FigureKind.Percent && IsChange(s, qualStart))
        {
            r.Kind = FigureKind.Change;
        }

        int start = r.Start;
        bool nameLike = false;
        if (r.Unit is null)
        {
            // A bare number after a capitalised word that is not a sentence start: a model, law or route number.
            var (pw, ps) = PreviousWord(s, start);
            nameLike = !pw.IsEmpty && char.IsUpper(pw[0]) && ps > 0 && !IsSentenceStart(s, ps) && !IsMonth(pw)
                       && !m.Has(NumberFlags.Grouped) && !m.Has(NumberFlags.Scaled);
        }

        return new RecognizedFigure
        {
            Span = new TextSpan(start, r.End),
            Value = r.Value,
            Unit = r.Unit,
            Kind = r.Unit is null ? FigureKind.Other : r.Kind,
            Qualifier = qualifier,
            UnitPhrase = r.UnitPhrase,
            NameLike = nameLike,
            QualifierStart = qualifier == FigureQualifier.None || vague ? start : qualStart,
            Scaled = m.Has(NumberFlags.Scaled),
        };
    }

    /// <summary>The qualifier before the figure ("more than", "about"); a vague number ("hundreds of") is approximate and a lower bound.</summary>
    private static FigureQualifier QualifierOf(ReadOnlySpan<char> s, in Reading r, bool vague, out int qualStart)
    {
        int start = r.Start;
        var qualifier = QualifierBefore(s, start, out qualStart);
        if (r.Kind == FigureKind.Duration && qualifier == FigureQualifier.MoreThan && PreviousWord(s, start).Text.Equals("over", StringComparison.OrdinalIgnoreCase)
            && s[Math.Max(0, qualStart - 60)..qualStart].IndexOfAnyInRange('0', '9') >= 0)
        {
            // "spend 43 trillion yen over five years": after an amount, a period, not "more than five years".
            qualifier = FigureQualifier.None;
            qualStart = start;
        }

        if (vague)
        {
            qualifier |= FigureQualifier.Approximate | FigureQualifier.AtLeast;
        }

        return qualifier;
    }

    /// <summary>
    /// Whether a fraction is a share: "of" after it or a qualifier before it ("1/9 of", "over half", "nearly
    /// two-thirds of"). "9/11", "24/7", "half a century" and "the second half" (a part of a period) are not.
    /// </summary>
    private static bool IsShare(ReadOnlySpan<char> s, NumberMatch m, int start, int end)
    {
        var (pw, _) = PreviousWord(s, start);
        if (m.Has(NumberFlags.Words) && m.Value == 0.5 && HalfPeriodWords.Contains(pw))
        {
            return false;
        }

        var (nw, _) = NextWord(s, end);
        return nw.Equals("of", StringComparison.OrdinalIgnoreCase) && m.Value < 1
               || QualifierBefore(s, start, out _) != FigureQualifier.None && m.Value <= 1
               || pw.Equals("to", StringComparison.OrdinalIgnoreCase) && m.Value < 1;
    }

    private static bool IsYear(NumberMatch m) => m.Flags == NumberFlags.Digits && m.Span.Length == 4 && m.Value is >= 1800 and <= 2100;
}
