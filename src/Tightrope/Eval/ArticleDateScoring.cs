using System.Globalization;
using Tightrope.Dates;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Eval;

/// <summary>
/// The article date against the gold's <c>inferred_date</c>, as a user with an undated article gets it: the file is
/// run through the pipeline again without a date (the other scorers read it at the gold date). "month" counts a date
/// within the gold's month (its year, for a gold year); "45 days" one within 45 days of the gold's day (the middle of
/// its month or year when the gold is partial). A date elsewhere is a false positive and a miss; no date is a miss.
/// "expressions" scores the date expressions at the gold date (<see cref="ScoreExpressions"/>).
/// </summary>
public sealed class ArticleDateGoldScorer : IGoldScorer
{
    private const int Days = 45;

    private KnowledgeBase? _knowledge;
    private ArticlePipeline? _pipeline;

    public string Name => "dates";

    public ArticleScore Score(GoldFile gold, Article article, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knowledge);
        var counts = new Dictionary<string, PrfCount>(StringComparer.Ordinal);
        var misses = new List<string>();
        var wrong = new List<string>();
        ScoreExpressions(gold, article, counts, misses, wrong);
        string? text = gold.Article.InferredDate?.Trim();
        if (EvalScorers.ParseGoldDate(text) is not { } first || article.Metadata.Origin is not { } file || !File.Exists(file))
        {
            return new ArticleScore(Name, gold.Article.File, counts, misses, wrong);
        }

        if (!ReferenceEquals(_knowledge, knowledge))
        {
            _knowledge = knowledge;
            _pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = knowledge });
        }

        var undated = EvalRunner.Read(file);
        _pipeline!.Process(undated);
        var (from, to) = text!.Length switch
        {
            4 => (first, new DateOnly(first.Year, 12, 31)),
            _ => (new DateOnly(first.Year, first.Month, 1), new DateOnly(first.Year, first.Month, DateTime.DaysInMonth(first.Year, first.Month))),
        };
        var centre = text.Length == 10 ? first : DateOnly.FromDayNumber((from.DayNumber + to.DayNumber) / 2);
        if (undated.Date is not { } got)
        {
            counts["month"] = new(0, 0, 1);
            counts["45 days"] = new(0, 0, 1);
            misses.Add($"undated (gold {text})");
            return new ArticleScore(Name, gold.Article.File, counts, misses, wrong);
        }

        bool inMonth = got.Date >= from && got.Date <= to;
        bool near = Math.Abs(got.Date.DayNumber - centre.DayNumber) <= Days;
        counts["month"] = inMonth ? new(1, 0, 0) : new(0, 1, 1);
        counts["45 days"] = near ? new(1, 0, 0) : new(0, 1, 1);
        if (!inMonth || !near)
        {
            string line = string.Create(CultureInfo.InvariantCulture, $"{got.Date:yyyy-MM-dd} ({got.Source.ToString().ToLowerInvariant()}, {got.Confidence:0.##}) for gold {text}");
            wrong.Add(line);
            misses.Add(line);
        }

        return new ArticleScore(Name, gold.Article.File, counts, misses, wrong);
    }
    /// <summary>
    /// The date expressions of the article (read at the gold date) against the gold events' <c>date_text</c> and
    /// <c>date</c>: each dated gold phrase is looked for in the text (after its sentence's opening words when they are
    /// found); an expression that overlaps it and resolves to a value that agrees with the gold date at the coarser
    /// of the two precisions ("2024-11-07T07:59" for "2024-11-07", "2020-10-13" for "2020-10") is right, one that
    /// resolves to another value wrong (a false positive), and a gold phrase with no right expression a miss. Fuzzy
    /// values ("recently": PAST_REF) state no date and are neither. Precision is how often a found expression is
    /// resolved right; recall also counts the gold phrases that are no date expression ("on the same day").
    /// </summary>
    private static void ScoreExpressions(GoldFile gold, Article article, Dictionary<string, PrfCount> counts, List<string> misses, List<string> wrong)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var ev in gold.Events)
        {
            if (ev.DateText is not { Length: > 0 } phrase || ev.Date is not { Length: > 0 } date || Locate(article.Text, phrase, ev.Sentence) is not { } at)
            {
                continue;
            }

            int end = at + phrase.Length;
            bool right = false;
            var wrongValues = new List<string>();
            foreach (var e in article.DateExpressions)
            {
                if (e.Span.Start >= end || e.Span.End <= at || e.Kind == DateKind.Fuzzy)
                {
                    continue;
                }

                if (Agrees(e.Value, date) || (e.EndValue is { } ev2 && Agrees(ev2, date)))
                {
                    right = true;
                }
                else
                {
                    wrongValues.Add($"'{e.Text}' = {e.Value}");
                }
            }

            if (right)
            {
                tp++;
                continue;
            }

            fn++;
            misses.Add($"expression '{phrase}' (gold {date}){(wrongValues.Count > 0 ? ": " + string.Join(", ", wrongValues) : "")}");
            if (wrongValues.Count > 0)
            {
                fp++;
                wrong.Add($"expression '{phrase}' (gold {date}): {string.Join(", ", wrongValues)}");
            }
        }

        if (tp + fp + fn > 0)
        {
            counts["expressions"] = new(tp, fp, fn);
        }
    }

    /// <summary>Where the gold phrase stands: after the opening words of its sentence when they are found, else its first occurrence.</summary>
    private static int? Locate(string text, string phrase, string? sentence)
    {
        int from = 0;
        if (sentence is { Length: > 0 })
        {
            var opening = string.Join(' ', sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4));
            int s = text.IndexOf(opening, StringComparison.OrdinalIgnoreCase);
            if (s >= 0)
            {
                from = s;
            }
        }

        int at = text.IndexOf(phrase, from, StringComparison.OrdinalIgnoreCase);
        if (at < 0 && from > 0)
        {
            at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        }

        return at < 0 ? null : at;
    }

    /// <summary>Whether a TIMEX3 value and a gold date agree at the coarser precision (one a prefix of the other, at a field boundary).</summary>
    private static bool Agrees(string value, string gold)
    {
        var (shorter, longer) = value.Length <= gold.Length ? (value, gold) : (gold, value);
        return shorter.Length >= 4 && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase)
            && (longer.Length == shorter.Length || longer[shorter.Length] is '-' or 'T');
    }
}
