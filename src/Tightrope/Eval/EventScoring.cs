using Tightrope.Events;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Eval;

/// <summary>
/// Events against the gold files' <c>events:</c>: asserted events only, matched one to one on (type, source, target,
/// date at the gold's precision). A gold actor of null (not named in the text) matches any actor; a gold date of null
/// is not compared; CONSULT, AGREE and COOPERATE match with source and target either way round. Non-asserted events
/// are counted apart: "non-asserted" (all of them) and "gold as non-asserted" (those that match a gold event, which is
/// asserted: a modality miss).
/// </summary>
public sealed class EventGoldScorer : IGoldScorer
{
    private static readonly HashSet<string> Reciprocal = new(StringComparer.Ordinal) { "CONSULT", "AGREE", "COOPERATE" };

    public string Name => "events";

    public ArticleScore Score(GoldFile gold, Article article, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knowledge);
        string? Id(string? name) => name is null ? null : ActorScoring.MapToKnowledge(name, knowledge) ?? "?" + name;
        var golds = gold.Events.Select(g => (g, Source: Id(g.SourceActor), Target: Id(g.TargetActor))).ToList();
        var asserted = article.Events.Where(e => e.Modality == Modality.Asserted).ToList();
        var used = new bool[golds.Count];
        int tp = 0;
        var fps = new List<string>();
        foreach (var e in asserted)
        {
            int hit = -1;
            for (int i = 0; i < golds.Count && hit < 0; i++)
            {
                if (!used[i] && Matches(e, golds[i].g, golds[i].Source, golds[i].Target, dates: true))
                {
                    hit = i;
                }
            }

            if (hit >= 0)
            {
                used[hit] = true;
                tp++;
                if (Environment.GetEnvironmentVariable("TIGHTROPE_EVENTS_DEBUG") is not null)
                {
                    fps.Add($"(matched) {e.Type} {e.SourceId} -> {e.TargetId ?? "-"} {e.Date} \"{e.Text}\"");
                }
            }
            else
            {
                fps.Add($"{e.Type} {e.SourceId} -> {e.TargetId ?? "-"} {e.Date} \"{e.Text}\"" + (Environment.GetEnvironmentVariable("TIGHTROPE_EVENTS_DEBUG") is not null ? " | " + article[e.Sentence].ReplaceLineEndings(" ") : ""));
            }
        }

        var misses = golds.Where((g, i) => !used[i]).Select(g => $"{g.g.Type} {g.Source} -> {g.Target ?? "-"} {g.g.Date}: {g.g.Summary}").ToList();
        var other = article.Events.Where(e => e.Modality != Modality.Asserted).ToList();
        int modalMiss = other.Count(e => golds.Any(g => Matches(e, g.g, g.Source, g.Target, dates: false)));
        fps.AddRange(other.Select(e => $"({EventLayer.ModalityName(e.Modality)}, not scored) {e.Type} {e.SourceId} -> {e.TargetId ?? "-"} {e.Date} \"{e.Text}\""));
        var counts = new Dictionary<string, PrfCount>(StringComparer.Ordinal)
        {
            ["asserted"] = new(tp, asserted.Count - tp, golds.Count - tp),
            ["non-asserted"] = new(0, other.Count, 0),
            ["gold as non-asserted"] = new(0, modalMiss, 0),
        };
        return new ArticleScore(Name, gold.Article.File, counts, misses, fps);
    }

    private static bool Matches(Event e, GoldEvent g, string? source, string? target, bool dates)
    {
        if (!string.Equals(e.Type, g.Type, StringComparison.Ordinal))
        {
            return false;
        }

        bool Same(string? want, string? got) => want is null || string.Equals(want, got, StringComparison.Ordinal);
        bool actors = (Same(source, e.SourceId) && Same(target, e.TargetId))
            || (Reciprocal.Contains(e.Type) && Same(source, e.TargetId) && Same(target, e.SourceId));
        if (!actors)
        {
            return false;
        }

        if (!dates || string.IsNullOrWhiteSpace(g.Date))
        {
            return true;
        }

        var want = g.Date.Trim();
        return e.Date is { } d && d.Length >= want.Length && d.StartsWith(want, StringComparison.Ordinal);
    }
}
