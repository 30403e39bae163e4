using System.Globalization;
using Tightrope.Figures;
using Tightrope.Model;

namespace Tightrope.Eval;

/// <summary>The figure scores of one gold file (or a sum of them), with the misses named.</summary>
public sealed record FigureScore
{
    public string File { get; init; } = "";
    /// <summary>(value, unit) matching; optional and in-noise gold figures neither count when found nor when missed.</summary>
    public PrfCount ValueUnit { get; init; }
    /// <summary>Matched figures whose measure (and indicator name) shares a content keyword with the gold `measures:`.</summary>
    public int AttachmentCorrect { get; init; }
    public int AttachmentTotal { get; init; }
    public double Attachment => AttachmentTotal == 0 ? 1 : (double)AttachmentCorrect / AttachmentTotal;
    /// <summary>Reported figures that overlap a gold `not_figures:` text (ordinals, model numbers): each is also a false positive.</summary>
    public int NotFiguresReported { get; init; }
    /// <summary>Gold inconsistencies with detectable != false, and how many the contradiction check found.</summary>
    public int ContradictionsExpected { get; init; }
    public int ContradictionsFound { get; init; }
    /// <summary>Contradictions reported inside the article of a kind the gold lists no detectable inconsistency of.</summary>
    public int ContradictionsSpurious { get; init; }
    public IReadOnlyList<string> SpuriousContradictions { get; init; } = [];
    public double ContradictionRecall => ContradictionsExpected == 0 ? 1 : (double)ContradictionsFound / ContradictionsExpected;
    public IReadOnlyList<string> Missed { get; init; } = [];
    public IReadOnlyList<string> Spurious { get; init; } = [];
    public IReadOnlyList<string> BadAttachments { get; init; } = [];
    public IReadOnlyList<string> MissedContradictions { get; init; } = [];

    public static FigureScore Sum(IEnumerable<FigureScore> scores)
    {
        var all = scores.ToList();
        return new FigureScore
        {
            File = "all",
            ValueUnit = all.Aggregate(default(PrfCount), (a, s) => a + s.ValueUnit),
            AttachmentCorrect = all.Sum(s => s.AttachmentCorrect),
            AttachmentTotal = all.Sum(s => s.AttachmentTotal),
            NotFiguresReported = all.Sum(s => s.NotFiguresReported),
            ContradictionsExpected = all.Sum(s => s.ContradictionsExpected),
            ContradictionsFound = all.Sum(s => s.ContradictionsFound),
            ContradictionsSpurious = all.Sum(s => s.ContradictionsSpurious),
            SpuriousContradictions = [.. all.SelectMany(s => s.SpuriousContradictions.Select(m => $"{s.File}: {m}"))],
            Missed = [.. all.SelectMany(s => s.Missed.Select(m => $"{s.File}: {m}"))],
            Spurious = [.. all.SelectMany(s => s.Spurious.Select(m => $"{s.File}: {m}"))],
            BadAttachments = [.. all.SelectMany(s => s.BadAttachments.Select(m => $"{s.File}: {m}"))],
            MissedContradictions = [.. all.SelectMany(s => s.MissedContradictions.Select(m => $"{s.File}: {m}"))],
        };
    }
}

/// <summary>
/// Scores the figures of an article against its gold file.
/// <list type="bullet">
/// <item>A gold figure matches a reported one with the same unit (normalised: people = persons, nm = nanometers) and a
/// value within 0.5 % (fractions within 0.002); among several, the one in the gold sentence wins. Matching is one-to-one.</item>
/// <item>Gold figures marked <c>optional</c> or <c>in_noise</c> are neutral: found or not, they do not count.</item>
/// <item>A reported figure that matches no gold figure is a false positive; one overlapping a <c>not_figures</c> text is
/// also counted in <see cref="FigureScore.NotFiguresReported"/>. Restatements (<see cref="Figure.EquivalentOf"/>) are scored
/// like any figure, since the gold lists the converted amount too.</item>
/// <item>Attachment: gold <c>measures:</c> is free text, so a matched figure is attached right when its measure plus its
/// indicator's name share at least one content keyword with it (lower-cased, stop words dropped, plural/-ed/-ing
/// stripped). Crude but stated; the keywords of both sides are printed for the misses.</item>
/// <item>Contradictions: each gold inconsistency with detectable role_conflict / date_conflict / figure_conflict counts as found
/// when a contradiction of that kind was reported for the article.</item>
/// </list>
/// </summary>
public static class FigureScoring
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "the", "of", "a", "an", "to", "in", "on", "for", "and", "or", "by", "at", "as", "is", "was", "from", "with", "that", "this",
        "its", "it", "be", "are", "were", "has", "have", "had", "s", "between", "over", "under", "about", "per", "than", "which",
        "not", "no", "their", "his", "her", "he", "she", "they", "all", "now", "then", "so",
    };

    public static FigureScore Score(GoldFile gold, Article article, IReadOnlyList<Contradiction>? contradictions = null, IndicatorCatalog? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(article);
        var used = new bool[article.Figures.Count];
        var figures = MatchGoldFigures(gold, article, used, indicators);
        var (fp, notFigures, spurious) = Unmatched(gold, article, used);
        var mineC = contradictions ?? [];
        var (expected, found, missedC) = ExpectedContradictions(gold, article, mineC);
        var spuriousC = SpuriousContradictions(gold, article, mineC);
        return new FigureScore
        {
            File = Path.GetFileName(gold.Path),
            ContradictionsSpurious = spuriousC.Count,
            SpuriousContradictions = spuriousC,
            ValueUnit = new PrfCount(figures.TruePositives, fp, figures.FalseNegatives),
            AttachmentCorrect = figures.AttachmentCorrect,
            AttachmentTotal = figures.AttachmentTotal,
            NotFiguresReported = notFigures,
            ContradictionsExpected = expected,
            ContradictionsFound = found,
            Missed = figures.Missed,
            Spurious = spurious,
            BadAttachments = figures.BadAttachments,
            MissedContradictions = missedC,
        };
    }

    /// <summary>How the gold figures were matched: found, missed, and whether each found one measures what the gold says.</summary>
    private sealed record GoldMatch(int TruePositives, int FalseNegatives, int AttachmentCorrect, int AttachmentTotal, List<string> Missed, List<string> BadAttachments);

    /// <summary>Matches each gold figure to a prediction (marking it in <paramref name="used"/>) and checks its attachment.</summary>
    private static GoldMatch MatchGoldFigures(GoldFile gold, Article article, bool[] used, IndicatorCatalog? indicators)
    {
        var predicted = article.Figures;
        var missed = new List<string>();
        var badAttach = new List<string>();
        int tp = 0, fn = 0, attachOk = 0, attachTotal = 0;

        // Strict figures first, so an optional gold figure cannot take a prediction a required one needs.
        foreach (var g in gold.Figures.OrderBy(g => g.Optional || g.InNoise ? 1 : 0))
        {
            bool neutral = g.Optional || g.InNoise;
            int match = FindMatch(article, predicted, used, g);
            if (match < 0)
            {
                if (!neutral)
                {
                    fn++;
                    missed.Add($"'{g.Text}' = {g.Value.ToString(CultureInfo.InvariantCulture)} {g.Unit}");
                }

                continue;
            }

            used[match] = true;
            if (neutral)
            {
                continue;
            }

            tp++;
            if (!string.IsNullOrWhiteSpace(g.Measures))
            {
                attachTotal++;
                var p = predicted[match];
                string mine = (p.Measure ?? "") + " " + (p.IndicatorId is { } id ? indicators?.Find(id)?.Name ?? id.Replace('-', ' ') : "");
                if (Keywords(mine).Overlaps(Keywords(g.Measures)))
                {
                    attachOk++;
                }
                else
                {
                    badAttach.Add($"'{p.Text}': mine «{mine.Trim()}» vs gold «{g.Measures}»");
                }
            }
        }

        return new GoldMatch(tp, fn, attachOk, attachTotal, missed, badAttach);
    }

    /// <summary>The predictions no gold figure took: false positives, and those inside a not_figures text.</summary>
    private static (int FalsePositives, int NotFigures, List<string> Spurious) Unmatched(GoldFile gold, Article article, bool[] used)
    {
        var forbidden = new List<TextSpan>();
        foreach (var nf in gold.NotFigures)
        {
            if (string.IsNullOrEmpty(nf.Text))
            {
                continue;
            }

            int at = 0;
            while ((at = article.Text.IndexOf(nf.Text, at, StringComparison.Ordinal)) >= 0)
            {
                forbidden.Add(new TextSpan(at, at + nf.Text.Length));
                at += nf.Text.Length;
            }
        }

        int fp = 0, notFigures = 0;
        var spurious = new List<string>();
        var predicted = article.Figures;
        for (int i = 0; i < predicted.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            fp++;
            var p = predicted[i];
            bool bad = forbidden.Exists(f => f.Overlaps(p.Span));
            if (bad)
            {
                notFigures++;
            }

            spurious.Add($"'{p.Text}' = {p.Value.ToString(CultureInfo.InvariantCulture)} {p.Unit}{(bad ? " (a not_figure)" : "")}");
        }

        return (fp, notFigures, spurious);
    }

    /// <summary>Contradictions the text itself shows: how many the gold lists as detectable and how many were reported.</summary>
    private static (int Expected, int Found, List<string> Missed) ExpectedContradictions(GoldFile gold, Article article, IReadOnlyList<Contradiction> mine)
    {
        int expected = 0, found = 0;
        var missed = new List<string>();
        foreach (var inc in gold.Inconsistencies)
        {
            var kind = inc.Detectable switch
            {
                "role_conflict" => ContradictionKind.Role,
                "date_conflict" => ContradictionKind.Date,
                "figure_conflict" => ContradictionKind.Figure,
                _ => (ContradictionKind?)null,
            };
            if (kind is null)
            {
                continue;
            }

            expected++;
            if (mine.Any(c => c.Kind == kind && (c.A.ArticleId == article.Id || c.B.ArticleId == article.Id)))
            {
                found++;
            }
            else
            {
                missed.Add($"{inc.Detectable}: {inc.Description}");
            }
        }

        return (expected, found, missed);
    }

    /// <summary>Reported contradictions of a kind the gold does not list as detectable in this article.</summary>
    private static List<string> SpuriousContradictions(GoldFile gold, Article article, IReadOnlyList<Contradiction> mine)
    {
        var goldKinds = gold.Inconsistencies.Select(i => i.Detectable).ToHashSet(StringComparer.Ordinal);
        var spurious = new List<string>();
        foreach (var c in mine)
        {
            if (c.A.ArticleId != article.Id && c.B.ArticleId != article.Id)
            {
                continue;
            }

            string kindName = c.Kind switch
            {
                ContradictionKind.Role => "role_conflict",
                ContradictionKind.Date => "date_conflict",
                _ => "figure_conflict",
            };
            if (!goldKinds.Contains(kindName))
            {
                spurious.Add($"{kindName}: {c.Description}");
            }
        }

        return spurious;
    }

    private static int FindMatch(Article article, List<Figure> predicted, bool[] used, GoldFigure g)
    {
        int fallback = -1;
        string? sentenceStart = g.Sentence is { Length: > 0 } s ? string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5)) : null;
        for (int i = 0; i < predicted.Count; i++)
        {
            if (used[i] || !SameUnit(predicted[i].Unit, g.Unit) || !SameValue(predicted[i].Value, g.Value, g.Unit))
            {
                continue;
            }

            if (sentenceStart is null)
            {
                return i;
            }

            int from = Math.Max(0, predicted[i].Span.Start - 600);
            if (article.Text.AsSpan(from, predicted[i].Span.Start - from).Contains(sentenceStart, StringComparison.Ordinal))
            {
                return i;
            }

            fallback = fallback < 0 ? i : fallback;
        }

        return fallback;
    }

    internal static string NormaliseUnit(string unit)
    {
        var u = unit.Trim().ToLowerInvariant();
        return u switch
        {
            "people" or "person" or "persons" => "persons",
            "nm" or "nanometer" or "nanometers" => "nanometers",
            "%" or "percent" or "per cent" => "percent",
            "soldiers" or "troops" => "troops",
            _ => u,
        };
    }

    private static bool SameUnit(string a, string b) => string.Equals(NormaliseUnit(a), NormaliseUnit(b), StringComparison.Ordinal);

    private static bool SameValue(double mine, double gold, string unit)
    {
        if (NormaliseUnit(unit) == "fraction")
        {
            return Math.Abs(mine - gold) <= 0.002;
        }

        return Math.Abs(mine - gold) <= Math.Max(1e-9, Math.Abs(gold) * 0.005);
    }

    internal static HashSet<string> Keywords(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.ToLowerInvariant().Split(static c => !char.IsLetterOrDigit(c) && c != '\'' && c != '’'))
        {
            var w = raw.Replace("’s", "", StringComparison.Ordinal).Replace("'s", "", StringComparison.Ordinal).Trim('\'', '’');
            if (w.Length < 2 || Stop.Contains(w) || w.All(char.IsDigit))
            {
                continue;
            }

            set.Add(Stem(w));
        }

        return set;
    }

    private static string[] Split(this string s, Func<char, bool> separator)
    {
        var parts = new List<string>();
        int start = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            if (i == s.Length || separator(s[i]))
            {
                if (i > start)
                {
                    parts.Add(s[start..i]);
                }

                start = i + 1;
            }
        }

        return [.. parts];
    }

    private static string Stem(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            return w[..^3];
        }

        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^2];
        }

        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3)
        {
            return w[..^1];
        }

        return w;
    }
}

/// <summary>
/// The figures scorer of <c>tightrope eval</c>: value+unit P/R/F1, attachment (matched figures whose measure shares a
/// keyword with the gold measure), not_figures reported, and contradiction recall (role conflicts found in the article
/// with the knowledge base's dated roles).
/// </summary>
public sealed class FigureGoldScorer : IGoldScorer
{
    private readonly IndicatorCatalog _indicators;

    public FigureGoldScorer(IndicatorCatalog? indicators = null) =>
        _indicators = indicators ?? (Knowledge.KnowledgeLoader.FindDefaultFolder() is { } folder ? IndicatorCatalog.LoadFolder(folder) : IndicatorCatalog.Empty);

    public string Name => "figures";

    public ArticleScore Score(GoldFile gold, Article article, Knowledge.KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knowledge);
        // What the article contradicts in itself: role conflicts, and figures of one indicator and period that disagree.
        var records = article.Figures.Select(f => new FigureRecord(article.Id, f, ArticleDate.ReadingDate(article.Date, article.Metadata.Published), null, article.Metadata.Title));
        var found = new List<Contradiction>(RoleConflicts.Find(article, knowledge));
        found.AddRange(new ContradictionFinder(_indicators).Find(records));
        var s = FigureScoring.Score(gold, article, found, _indicators);
        var counts = new Dictionary<string, PrfCount>(StringComparer.Ordinal)
        {
            ["value+unit"] = new(s.ValueUnit.TruePositives, s.ValueUnit.FalsePositives, s.ValueUnit.FalseNegatives),
            ["attachment"] = new(s.AttachmentCorrect, 0, s.AttachmentTotal - s.AttachmentCorrect),
            ["not-figures"] = new(0, s.NotFiguresReported, 0),
            ["contradictions"] = new(s.ContradictionsFound, s.ContradictionsSpurious, s.ContradictionsExpected - s.ContradictionsFound),
        };
        return new ArticleScore(Name, Path.GetFileName(gold.Path), counts, [.. s.Missed, .. s.BadAttachments.Select(b => "attachment " + b), .. s.MissedContradictions],
            [.. s.Spurious, .. s.SpuriousContradictions.Select(c => "contradiction " + c)]);
    }
}
