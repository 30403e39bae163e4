using System.Globalization;
using System.Text;
using Tightrope.Actors;
using Tightrope.Figures.Recognition;
using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>
/// Gives each recognised figure its meaning: what it measures (the noun phrase it quantifies or the clause it
/// completes; FigureAnnotator.Measure.cs), the indicator it belongs to (FigureAnnotator.Indicators.cs), its actor (from
/// the article's mentions), its period (FigureAnnotator.Period.cs) and its USD value. Bare numbers survive only when an
/// indicator claims them. Sentences are the Text stage's (<see cref="Article.Sentences"/>).
/// </summary>
internal sealed partial class FigureAnnotator(IndicatorCatalog indicators, ExchangeRates rates)
{
    /// <summary>What a figure is tied to before it is written: unit and kind (a bare number takes its indicator's), indicator, restated figure.</summary>
    private struct Tie
    {
        public string? Unit;
        public FigureKind Kind;
        public Indicator? Indicator;
        public int? Restates;
    }

    /// <summary>This thread's run, reused from article to article (its buffers only grow).</summary>
    [ThreadStatic]
    private static Run? t_run;

    public List<Figure> Annotate(Article article)
    {
        var run = t_run ??= new Run();
        run.Start(article, indicators.Indicators.Count, _cues, _contexts);
        var recognized = run.Recognized;
        for (int r = 0; r < recognized.Count; r++)
        {
            run.IndexMap[r] = -1;
            AnnotateOne(run, r);
        }

        return run.Figures;
    }

    private void AnnotateOne(Run run, int r)
    {
        var text = run.Text;
        var recognized = run.Recognized;
        var f = recognized[r];
        int si = SentenceOf(run.Sentences, f.Span.Start);
        var sentence = si >= 0 ? run.Sentences[si].Span : new TextSpan(0, text.Length);
        var clause = Clause(recognized, r, sentence);
        if (r > 0 && recognized[r - 1].Span.End > sentence.Start && IsApposition(text, clause.Start, f.Span.Start, run.More))
        {
            // An apposition ("pull out about a third of its forces, 12,500 troops"): it restates the figure
            // before, so that figure's clause is its clause too.
            clause = new TextSpan(Clause(recognized, r - 1, sentence).Start, clause.End);
        }

        var tie = TieOf(run, r, si, sentence, clause);
        if (tie.Unit is not { } unit)
        {
            return;
        }

        string measure = run.Measures[r] ?? Measure(run, f, sentence, clause, r > 0 ? run.Measures[r - 1] : null,
            r > 0 && SentenceOf(run.Sentences, recognized[r - 1].Span.Start) == si);
        run.Measures[r] = measure;
        string? period = tie.Restates is int rp ? run.Figures[rp].Period : Period(run, sentence, f.Span);
        string? actor = tie.Indicator?.Actor ?? ActorOf(run, sentence, f.Span);
        double value = Round(f.Value);
        double? usd = null;
        string? conversion = null;
        if (tie.Kind == FigureKind.Money)
        {
            int year = PeriodYear(period) ?? run.RateDate?.Year ?? DateTime.UtcNow.Year;
            if (rates.ToUsd(value, unit, year) is { } c)
            {
                usd = Round(c.Usd);
                conversion = c.Note;
            }
        }

        run.IndexMap[r] = run.Figures.Count;
        run.Figures.Add(new Figure
        {
            Span = f.Span,
            Text = text[f.Span.Start..f.Span.End],
            Value = value,
            ValueHigh = f.ValueHigh is { } h ? Round(h) : null,
            Unit = unit,
            Kind = tie.Kind,
            Qualifier = f.Qualifier,
            Measure = measure,
            IndicatorId = tie.Indicator?.Id,
            ActorId = actor,
            Period = period,
            UsdValue = usd,
            Conversion = conversion,
            EquivalentOf = f.EquivalentOf is int e2 && run.IndexMap[e2] >= 0 ? run.IndexMap[e2] : tie.Restates,
            Sentence = si,
        });
    }

    /// <summary>
    /// The indicator of a figure: the one of the figure it restates (a parenthetical or worded conversion), or the
    /// best one whose cues are in its clause or sentence; a bare number keeps only an indicator that claims it.
    /// </summary>
    private Tie TieOf(Run run, int r, int si, TextSpan sentence, TextSpan clause)
    {
        var text = run.Text;
        var f = run.Recognized[r];
        var tie = new Tie { Unit = f.Unit, Kind = f.Kind };
        if (f.EquivalentOf is int eq && run.IndexMap[eq] >= 0)
        {
            var a = run.Figures[run.IndexMap[eq]];
            tie.Indicator = a.IndicatorId is null ? null : indicators.Find(a.IndicatorId);
            run.Measures[r] = a.Measure;
        }
        else if (tie.Unit is not null && tie.Kind == FigureKind.Money && IsConversion(text, f, clause) && PreviousAmount(run.IndexMap, run.Figures, r, tie.Unit) is int prev)
        {
            // "The 2026 figure is roughly equal to $1.13 billion at current exchange rates": the amount of an
            // earlier sentence in another currency, a restatement rather than a claim of its own.
            var a = run.Figures[prev];
            tie.Indicator = a.IndicatorId is null ? null : indicators.Find(a.IndicatorId);
            run.Measures[r] = a.Measure;
            tie.Restates = prev;
        }
        else if (tie.Unit is not null)
        {
            tie.Indicator = Attach(run, si, sentence, clause, tie.Unit, tie.Kind, null);
            if (tie.Indicator is not null && ElsewhereAfter(text, f, clause, tie.Indicator, run.More))
            {
                tie.Indicator = null;
            }
        }
        else if (!f.NameLike && f.ValueHigh is null)
        {
            tie.Indicator = Attach(run, si, sentence, clause, null, tie.Kind, f.Value);
            if (tie.Indicator is not null && ElsewhereAfter(text, f, clause, tie.Indicator, run.More))
            {
                tie.Indicator = null;
            }

            if (tie.Indicator is not null)
            {
                tie.Unit = tie.Indicator.Unit;
                tie.Kind = FigureKind.Count;
            }
        }

        return tie;
    }

    private static double Round(double v) => v == 0 ? 0 : Math.Round(v, Math.Max(0, 10 - (int)Math.Floor(Math.Log10(Math.Abs(v))) - 1));

    private static int SentenceOf(List<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var span = sentences[mid].Span;
            if (offset < span.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= span.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>The part of the sentence between the neighbouring figures.</summary>
    private static TextSpan Clause(List<RecognizedFigure> figs, int r, TextSpan sentence)
    {
        int start = sentence.Start, end = sentence.End;
        if (r > 0 && figs[r - 1].Span.End > start && figs[r - 1].Span.End <= figs[r].Span.Start)
        {
            start = figs[r - 1].Span.End;
        }

        if (r + 1 < figs.Count && figs[r + 1].Span.Start < end && figs[r + 1].Span.Start >= figs[r].Span.End)
        {
            end = figs[r + 1].Span.Start;
        }

        return new TextSpan(start, end);
    }

    /// <summary>The actor of the nearest resolved mention before the figure in its sentence, else the nearest after it.</summary>
    private static string? ActorOf(Run run, TextSpan sentence, TextSpan figure)
    {
        var mentions = run.Mentions;
        string? before = null, after = null;
        int beforeDist = int.MaxValue, afterDist = int.MaxValue;
        // Mentions in order of start (as the actors stage gives them): only those that can reach the sentence are read.
        var (from, to) = run.MentionOrder is { } order ? order.Range(mentions, sentence) : (0, mentions.Count);
        for (int i = from; i < to; i++)
        {
            var m = mentions[i];
            if (m.ActorId is null || !m.Span.Overlaps(sentence))
            {
                continue;
            }

            if (m.Span.End <= figure.Start && figure.Start - m.Span.End < beforeDist)
            {
                before = m.ActorId;
                beforeDist = figure.Start - m.Span.End;
            }
            else if (m.Span.Start >= figure.End && m.Span.Start - figure.End < afterDist)
            {
                after = m.ActorId;
                afterDist = m.Span.Start - figure.End;
            }
        }

        return before ?? after;
    }

    /// <summary>The mentions of an article when they come in order of start: the longest, to bound which can overlap a stretch.</summary>
    private sealed class MentionOrder(int longest)
    {
        /// <summary>The order when the mentions are sorted by start; null when they are not (then every mention is read).</summary>
        public static MentionOrder? Of(List<Mention> mentions)
        {
            int longest = 0;
            for (int i = 0; i < mentions.Count; i++)
            {
                if (i > 0 && mentions[i].Span.Start < mentions[i - 1].Span.Start)
                {
                    return null;
                }

                longest = Math.Max(longest, mentions[i].Span.Length);
            }

            return new MentionOrder(longest);
        }

        /// <summary>The indices [from, to) of the mentions that can overlap <paramref name="span"/>: starting at most the longest length before it, and before its end.</summary>
        public (int From, int To) Range(List<Mention> mentions, TextSpan span)
        {
            int first = span.Start - longest;
            int lo = 0, hi = mentions.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (mentions[mid].Span.Start < first)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            int to = lo;
            while (to < mentions.Count && mentions[to].Span.Start < span.End)
            {
                to++;
            }

            return (lo, to);
        }
    }

    /// <summary>Short description for logs and tests.</summary>
    public static string Describe(Figure f)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{f.Text} = {f.Value} {f.Unit}");
        if (f.IndicatorId is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" [{f.IndicatorId}]");
        }

        sb.Append(CultureInfo.InvariantCulture, $" «{f.Measure}» {f.Period}");
        return sb.ToString();
    }
}
