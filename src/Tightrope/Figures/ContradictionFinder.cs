using System.Globalization;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>
/// Finds figure contradictions: two figures on the same indicator and period whose values (USD for money, a share
/// 0..1 for percentages and fractions) cannot both be true. Each figure becomes an interval: exact values get the
/// indicator's tolerance, approximate ones three times it, "more than"/"at least" open upwards, "up to"/"less than"
/// open downwards, ranges keep their bounds. Two figures contradict when their intervals do not overlap.
/// Restatements (a currency conversion of the same amount) and figures from the same sentence are never compared.
/// </summary>
public sealed class ContradictionFinder(IndicatorCatalog indicators)
{
    public const double DefaultTolerance = 0.05;

    public IReadOnlyList<Contradiction> Find(IEnumerable<FigureRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var groups = new Dictionary<(string Indicator, string Period), List<FigureRecord>>();
        foreach (var r in records)
        {
            if (r.Figure.IndicatorId is null || r.Figure.EquivalentOf is not null)
            {
                continue;
            }

            string period = r.Figure.Period ?? r.ArticleDate?.Year.ToString(CultureInfo.InvariantCulture) ?? "";
            if (period.Length == 0)
            {
                continue;
            }

            var key = (r.Figure.IndicatorId, period);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(r);
        }

        var result = new List<Contradiction>();
        foreach (var ((indicatorId, period), list) in groups.OrderBy(g => g.Key.Indicator, StringComparer.Ordinal).ThenBy(g => g.Key.Period, StringComparer.Ordinal))
        {
            double tolerance = indicators.Find(indicatorId)?.Tolerance ?? DefaultTolerance;
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    var a = list[i];
                    var b = list[j];
                    if (a.ArticleId == b.ArticleId && a.Figure.Sentence == b.Figure.Sentence && a.Figure.Sentence >= 0)
                    {
                        continue;
                    }

                    if (Normalised(a.Figure) is not { } va || Normalised(b.Figure) is not { } vb)
                    {
                        continue;
                    }

                    var ia = Interval(a.Figure, va, tolerance);
                    var ib = Interval(b.Figure, vb, tolerance);
                    if (ia.Lo <= ib.Hi && ib.Lo <= ia.Hi)
                    {
                        continue;
                    }

                    result.Add(new Contradiction(
                        ContradictionKind.Figure,
                        indicatorId,
                        period,
                        Side(a),
                        Side(b),
                        string.Create(CultureInfo.InvariantCulture,
                            $"{indicatorId} for {period}: {Describe(a.Figure)} vs {Describe(b.Figure)} (tolerance {tolerance:P0}{(IsApproximate(a.Figure) || IsApproximate(b.Figure) ? ", widened for an approximate figure" : "")})")));
                }
            }
        }

        return result;
    }

    private static ContradictionSide Side(FigureRecord r) =>
        new(r.ArticleId, r.Figure.Span, r.SentenceText ?? r.Figure.Text, r.Figure.UsdValue ?? r.Figure.Value, r.Figure.UsdValue is not null ? "USD" : r.Figure.Unit, r.Figure.ActorId);

    private static string Describe(Figure f) =>
        f.UsdValue is { } usd && !string.Equals(f.Unit, "USD", StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"'{f.Text}' (≈ USD {usd:N0})")
            : $"'{f.Text}'";

    /// <summary>The value on a common scale: USD for money, a share for percent and fraction, else the value.</summary>
    internal static double? Normalised(Figure f) => f.Kind switch
    {
        FigureKind.Money => f.UsdValue,
        FigureKind.Percent => f.Value / 100,
        _ => f.Value,
    };

    private static double? NormalisedHigh(Figure f, double low) =>
        f.ValueHigh is not { } h ? null : f.Kind switch
        {
            FigureKind.Money => f.UsdValue is { } u && f.Value != 0 ? u * (h / f.Value) : null,
            FigureKind.Percent => h / 100,
            _ => h,
        };

    private static bool IsApproximate(Figure f) => (f.Qualifier & FigureQualifier.Approximate) != 0;

    internal static (double Lo, double Hi) Interval(Figure f, double v, double tolerance)
    {
        double t = IsApproximate(f) ? tolerance * 3 : tolerance;
        double lo = v * (1 - t), hi = v * (1 + t);
        if (NormalisedHigh(f, v) is { } high)
        {
            hi = high * (1 + t);
        }

        if ((f.Qualifier & (FigureQualifier.MoreThan | FigureQualifier.AtLeast)) != 0)
        {
            lo = v * (1 - t);
            hi = double.PositiveInfinity;
        }

        if ((f.Qualifier & (FigureQualifier.AtMost | FigureQualifier.LessThan)) != 0)
        {
            lo = double.NegativeInfinity;
            hi = v * (1 + t);
        }

        return lo <= hi ? (lo, hi) : (hi, lo);
    }
}

/// <summary>
/// Role conflicts inside one article: the text gives one role (e.g. President of South Korea) to two different
/// people, while the knowledge base says they never held it at the same time, so both cannot be right at the
/// article's date. Uses the actors stage's mentions (a title right before a resolved name) and the KB's dated roles.
/// </summary>
public static class RoleConflicts
{
    private static readonly string[] Titles =
    [
        "President", "Prime Minister", "Foreign Minister", "Defense Minister", "Defence Minister", "Unification Minister",
        "Secretary of State", "Secretary of Defense", "Chairman", "General Secretary", "Supreme Leader", "Premier", "Ambassador",
    ];

    public static IReadOnlyList<Contradiction> Find(Article article, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knowledge);
        DateOnly? date = article.Date?.Date ?? article.Metadata.Published;
        // (title, org) → the people the text gives it to, with one mention each as evidence.
        var holders = new Dictionary<(string Title, string Org), List<(string ActorId, Actors.Mention Mention)>>();
        foreach (var m in article.Mentions)
        {
            if (m.ActorId is null || knowledge.Find(m.ActorId) is not { } actor || actor.Kind != ActorKind.Person)
            {
                continue;
            }

            var title = TitleBefore(article.Text, m.Span.Start, m.Kind == Actors.MentionKind.Role ? m.Text : null);
            if (title is null)
            {
                continue;
            }

            foreach (var role in actor.Roles)
            {
                if (!string.Equals(role.Title, title, StringComparison.OrdinalIgnoreCase) || role.Org is null)
                {
                    continue;
                }

                var key = (role.Title, role.Org);
                if (!holders.TryGetValue(key, out var list))
                {
                    holders[key] = list = [];
                }

                if (!list.Exists(x => x.ActorId == actor.Id))
                {
                    list.Add((actor.Id, m));
                }
            }
        }

        var result = new List<Contradiction>();
        foreach (var ((title, org), list) in holders)
        {
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    var a = knowledge.Find(list[i].ActorId)!;
                    var b = knowledge.Find(list[j].ActorId)!;
                    if (Overlap(a, b, title, org))
                    {
                        continue;
                    }

                    string which = "";
                    if (date is { } d)
                    {
                        bool aHolds = a.Roles.Any(r => Same(r, title, org) && r.HeldOn(d));
                        bool bHolds = b.Roles.Any(r => Same(r, title, org) && r.HeldOn(d));
                        which = aHolds == bHolds ? "" : $"; at the article's date ({d:yyyy-MM-dd}) the holder was {(aHolds ? a.Name : b.Name)}";
                    }

                    result.Add(new Contradiction(
                        ContradictionKind.Role,
                        $"{title} of {org}",
                        date?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                        new ContradictionSide(article.Id, list[i].Mention.Span, SentenceText(article, list[i].Mention.Span), ActorId: a.Id),
                        new ContradictionSide(article.Id, list[j].Mention.Span, SentenceText(article, list[j].Mention.Span), ActorId: b.Id),
                        $"the text calls both {a.Name} and {b.Name} {title} of {org}, who never held it at the same time{which}"));
                }
            }
        }

        return result;
    }

    private static bool Same(Role r, string title, string org) =>
        string.Equals(r.Title, title, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Org, org, StringComparison.OrdinalIgnoreCase);

    private static bool Overlap(Actor a, Actor b, string title, string org)
    {
        foreach (var ra in a.Roles.Where(r => Same(r, title, org)))
        {
            foreach (var rb in b.Roles.Where(r => Same(r, title, org)))
            {
                var aFrom = ra.From ?? DateOnly.MinValue;
                var aTo = ra.To ?? DateOnly.MaxValue;
                var bFrom = rb.From ?? DateOnly.MinValue;
                var bTo = rb.To ?? DateOnly.MaxValue;
                if (aFrom <= bTo && bFrom <= aTo)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The title written right before a name ("South Korean President yoon Suk Yeol", "President Lee").</summary>
    private static string? TitleBefore(string text, int start, string? roleMentionText)
    {
        var source = roleMentionText ?? text[Math.Max(0, start - 40)..start];
        var trimmed = source.AsSpan().TrimEnd();
        foreach (var t in Titles)
        {
            if (roleMentionText is not null ? trimmed.StartsWith(t, StringComparison.OrdinalIgnoreCase) || trimmed.Contains(t, StringComparison.OrdinalIgnoreCase)
                                             : trimmed.EndsWith(t, StringComparison.OrdinalIgnoreCase))
            {
                return t;
            }
        }

        return null;
    }

    private static string SentenceText(Article article, TextSpan span)
    {
        var sentences = SentenceBounds.Of(article);
        foreach (var s in sentences)
        {
            if (s.Contains(span.Start))
            {
                return article.Text[s.Start..s.End];
            }
        }

        return article.Text[span.Start..span.End];
    }
}
