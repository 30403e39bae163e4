using Tightrope.Model;

namespace Tightrope.Figures.Recognition;

/// <summary>Figures read together: ranges ("between 10 and 12 million") and restatements in another currency.</summary>
internal static partial class FigureRecognizer
{
    private static void MergeRanges(ReadOnlySpan<char> s, List<RecognizedFigure> found)
    {
        for (int i = 0; i + 1 < found.Count; i++)
        {
            var a = found[i];
            var b = found[i + 1];
            if (a.Span.End > b.Span.Start || b.Span.Start - a.Span.End > 9)
            {
                continue;
            }

            var between = s[a.Span.End..b.Span.Start].Trim();
            bool joiner = between is "-" or "–" or "—" or "~" or "to" or "through";
            var (prev, prevStart) = PreviousWord(s, a.Span.Start);
            if (between.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                joiner = prev.Equals("between", StringComparison.OrdinalIgnoreCase);
            }

            int qualifierStart = prev.Equals("between", StringComparison.OrdinalIgnoreCase) || (prev.Equals("from", StringComparison.OrdinalIgnoreCase) && between is "to")
                ? prevStart
                : (a.Qualifier & ~FigureQualifier.Approximate) != 0 ? a.QualifierStart : a.Span.Start;

            if (!joiner || a.ValueHigh is not null)
            {
                continue;
            }

            bool compatible = a.Unit == b.Unit || (a.Unit is null && b.Unit is not null);
            if (!compatible || b.Value < a.Value && a.Unit is not null)
            {
                continue;
            }

            double low = a.Value;
            if ((a.Unit is null || a.Unit == b.Unit) && !a.Scaled && b.Scaled && b.Value >= 1000 * low && low > 0)
            {
                // "$4 to $5 billion", "10-12 million": the scale of the upper bound applies to the lower one.
                double scale = Math.Pow(1000, Math.Floor(Math.Log(b.Value / low, 1000)));
                low *= scale;
            }

            if (low > b.Value)
            {
                continue;
            }

            found[i] = a with
            {
                Span = new TextSpan(a.Span.Start, b.Span.End),
                Value = low,
                ValueHigh = b.Value,
                Unit = b.Unit,
                Kind = b.Kind,
                UnitPhrase = b.UnitPhrase,
                Qualifier = a.Qualifier | b.Qualifier,
                NameLike = false,
                QualifierStart = qualifierStart,
            };
            found.RemoveAt(i + 1);
        }
    }

    private static void MarkEquivalents(ReadOnlySpan<char> s, List<RecognizedFigure> found)
    {
        for (int i = 1; i < found.Count; i++)
        {
            var a = found[i - 1];
            var b = found[i];
            if (a.Kind != FigureKind.Money || b.Kind != FigureKind.Money || a.Unit == b.Unit || b.Span.Start - a.Span.End > 24)
            {
                continue;
            }

            var between = s[a.Span.End..b.Span.Start].Trim();
            if (between.IsEmpty || between[0] != '(')
            {
                continue;
            }

            var inner = between[1..].Trim();
            bool ok = inner.IsEmpty || inner.Equals("or", StringComparison.OrdinalIgnoreCase);
            ok |= Qualifiers.Contains(inner);

            ok |= inner.Equals("equivalent to", StringComparison.OrdinalIgnoreCase) || inner.Equals("about", StringComparison.OrdinalIgnoreCase);
            if (ok)
            {
                found[i] = b with { EquivalentOf = i - 1 };
            }
        }
    }
}
