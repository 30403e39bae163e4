using System.Collections.Frozen;
using Tightrope.Figures.Recognition;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>Which indicator a figure belongs to, and whether it restates an amount already given.</summary>
internal sealed partial class FigureAnnotator
{
    private readonly CueIndex _cues = new(indicators, ind => ind.Cues);
    private readonly CueIndex _contexts = new(indicators, ind => ind.Context);
    private static readonly WordList ConversionBefore = LanguageData.English["figures-conversion-before"];
    private static readonly WordList ConversionAfter = LanguageData.English["figures-conversion-after"];
    private static readonly WordList ConversionApproximators = LanguageData.English["figures-conversion-approximators"];

    /// <summary>Whether a money figure is worded as a conversion: "equal to $1.13 billion", "$1.13 billion at current exchange rates".</summary>
    private static bool IsConversion(string text, RecognizedFigure f, TextSpan clause)
    {
        var before = text.AsSpan(clause.Start, Math.Max(0, f.Span.Start - clause.Start)).TrimEnd();
        // Loops by index: a foreach over a read-only list allocates its enumerator, once per figure here.
        var approximators = ConversionApproximators.Words;
        for (int i = 0; i < approximators.Count; i++)
        {
            var q = approximators[i];
            if (before.EndsWith(q, StringComparison.OrdinalIgnoreCase))
            {
                before = before[..^q.Length].TrimEnd();
            }
        }

        var conversionBefore = ConversionBefore.Words;
        for (int i = 0; i < conversionBefore.Count; i++)
        {
            var c = conversionBefore[i];
            if (before.EndsWith(c, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var after = text.AsSpan(f.Span.End, Math.Max(0, clause.End - f.Span.End)).TrimStart();
        var conversionAfter = ConversionAfter.Words;
        for (int i = 0; i < conversionAfter.Count; i++)
        {
            var c = conversionAfter[i];
            if (after.StartsWith(c, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The closest earlier money figure in another currency (a conversion restates an amount already given), not itself a restatement.</summary>
    private static int? PreviousAmount(int[] indexMap, List<Figure> figures, int r, string unit)
    {
        for (int k = r - 1; k >= 0; k--)
        {
            if (indexMap[k] < 0)
            {
                continue;
            }

            var f = figures[indexMap[k]];
            if (f.Kind == FigureKind.Money && f.EquivalentOf is null && !string.Equals(f.Unit, unit, StringComparison.OrdinalIgnoreCase))
            {
                return indexMap[k];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the words right after the figure place it somewhere the indicator is not about: "… in South Korea and
    /// about 54,000 in Japan", "12,500 troops in Iraq" (a capitalised place after "in" that names none of the
    /// indicator's context).
    /// </summary>
    private static bool ElsewhereAfter(string text, RecognizedFigure f, TextSpan clause, Indicator indicator, Words words)
    {
        if (indicator.Context.Count == 0)
        {
            return false;
        }

        int from = f.UnitPhrase is { } up && up.End > f.Span.End ? up.End : f.Span.End;
        ReadWords(text, from, clause.End, 6, stopAtPunctuation: true, words);
        int i = 0;
        // "troops", "American troops", "stationed", "based", "deployed" may come between the figure and "in".
        while (i < words.Count && i < 3 && !words.Is(text, i, "in"))
        {
            i++;
        }

        if (i >= words.Count - 1 || !words.Is(text, i, "in") || !char.IsUpper(text[words[i + 1].Start]))
        {
            return false;
        }

        int last = i + 1;
        while (last + 1 < words.Count && last + 1 - i <= 3 && char.IsUpper(text[words[last + 1].Start]))
        {
            last++;
        }

        var phrase = words.Join(text, i + 1, last + 1);
        for (int k = 0; k < indicator.Context.Count; k++)
        {
            var c = indicator.Context[k];
            if (ContainsPhrase(phrase, c) || ContainsPhrase(c, phrase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the words between the figure before and this one end in a comma or dash with no verb-like word: "… of its forces, 12,500".</summary>
    private static bool IsApposition(string text, int from, int to, Words words)
    {
        var between = text.AsSpan(from, Math.Max(0, to - from)).TrimEnd();
        if (between.Length == 0 || between[^1] is not (',' or '—' or '–'))
        {
            return false;
        }

        ReadWords(text, from, to, 8, stopAtPunctuation: false, words);
        if (words.Count > 5)
        {
            return false;
        }

        for (int k = 0; k < words.Count; k++)
        {
            var w = words.Text(text, k);
            if (StopAfter.Contains(w) || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private Indicator? Attach(Run run, int si, TextSpan sentence, TextSpan clause, string? unit, FigureKind kind, double? bare)
    {
        var text = run.Text;
        Indicator? best = null;
        int bestScore = 0;
        var cl = text.AsSpan(clause.Start, clause.Length);
        var inSentence = IndicatorsInSentence(run, si, sentence);
        bool[]? inClause = null;
        for (int k = 0; k < inSentence.Length; k++)
        {
            if (!inSentence[k])
            {
                continue;
            }

            var ind = indicators.Indicators[k];
            if (bare is { } v ? ind.Bare is not { } range || v < range.Min || v > range.Max : !ind.Accepts(unit!, kind))
            {
                continue;
            }

            // A cue of the indicator is in the sentence; one in the figure's own clause scores higher.
            inClause ??= CuesIn(run, clause);
            int score = inClause[k] ? 3 : 1;
            if (Vetoed(ind, cl) || !InContext(run, ind, k, si, sentence))
            {
                continue;
            }

            if (score > bestScore)
            {
                best = ind;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>Which indicators have a cue anywhere in the sentence: computed once per sentence, not per figure.</summary>
    private static Span<bool> IndicatorsInSentence(Run run, int si, TextSpan sentence)
    {
        var inSentence = run.SentenceCues(si + 1, out bool known);
        if (!known)
        {
            run.CueMatches.Mark(sentence.Start, sentence.End, inSentence);
        }

        return inSentence;
    }

    /// <summary>Which indicators have a cue in the figure's clause (a buffer of the run, valid until the next call).</summary>
    private static bool[] CuesIn(Run run, TextSpan clause)
    {
        var found = run.InClause;
        Array.Clear(found);
        run.CueMatches.Mark(clause.Start, clause.End, found);
        return found;
    }

    private static bool Vetoed(Indicator ind, ReadOnlySpan<char> cl)
    {
        bool vetoed = false;
        for (int i = 0; i < ind.Exclude.Count; i++)
        {
            var ex = ind.Exclude[i];
            vetoed |= ContainsPhrase(cl, ex);
        }

        return vetoed;
    }

    /// <summary>An indicator with a context wants one of its context phrases in the sentence or the two before.</summary>
    private static bool InContext(Run run, Indicator ind, int k, int si, TextSpan sentence)
    {
        if (ind.Context.Count == 0)
        {
            return true;
        }

        // The same for every figure of the sentence: the window is read once for all indicators' context phrases.
        var near = run.Contexts(si + 1, out bool known);
        if (!known)
        {
            var window = ContextWindow(run, si, sentence);
            run.ContextMatches.Mark(window.Start, window.End, near);
        }

        return near[k];
    }

    /// <summary>The sentence and the two before it.</summary>
    private static TextSpan ContextWindow(Run run, int si, TextSpan sentence)
    {
        var sentences = run.Sentences;
        int from = si >= 2 ? sentences[si - 2].Span.Start : si == 1 ? sentences[0].Span.Start : sentence.Start;
        return new TextSpan(from, sentence.End);
    }

    internal static bool ContainsPhrase(ReadOnlySpan<char> hay, string phrase)
    {
        int offset = 0;
        while (offset < hay.Length)
        {
            int i = hay[offset..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                return false;
            }

            int a = offset + i, b = a + phrase.Length;
            bool left = a == 0 || !char.IsLetterOrDigit(hay[a - 1]);
            bool right = b >= hay.Length || !char.IsLetterOrDigit(hay[b]);
            if (left && right)
            {
                return true;
            }

            offset = a + 1;
        }

        return false;
    }
}
