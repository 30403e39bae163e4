using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Eval;

/// <summary>
/// Scores actor resolution against a gold file. Units: (surface form, actor) pairs per article — the gold lists
/// each actor's distinct surface forms, without titles and possessive 's — and the set of actors per article; each
/// over people and over all kinds. Gold actors are mapped to knowledge-base ids by name and aliases; one that maps
/// to nothing still counts as missed. Actors the gold marks in_noise are neither rewarded nor penalised. A role-only
/// mention ("Minister of Defense") counts only for an actor the article never names, as the gold's convention says.
/// </summary>
public sealed class ActorScoring : IGoldScorer
{
    public string Name => "actors";

    public ArticleScore Score(GoldFile gold, Article article, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knowledge);

        var goldPairs = new HashSet<(string Form, string Id)>();
        var goldPeoplePairs = new HashSet<(string, string)>();
        var goldActors = new HashSet<string>(StringComparer.Ordinal);
        var goldPeople = new HashSet<string>(StringComparer.Ordinal);
        var noise = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in gold.Actors)
        {
            var id = MapToKnowledge(a.Canonical, knowledge) ?? "?" + a.Canonical;
            names[id] = a.Canonical;
            bool person = string.Equals(a.Kind, "person", StringComparison.OrdinalIgnoreCase);
            if (a.InNoise)
            {
                noise.Add(id);
                continue;
            }

            goldActors.Add(id);
            if (person)
            {
                goldPeople.Add(id);
            }

            foreach (var m in a.Mentions)
            {
                goldPairs.Add((Fold(m), id));
                if (person)
                {
                    goldPeoplePairs.Add((Fold(m), id));
                }
            }
        }

        var named = article.Mentions.Where(m => m.ActorId is not null && m.Kind != MentionKind.Role).Select(m => m.ActorId!).ToHashSet(StringComparer.Ordinal);
        var predicted = new HashSet<(string Form, string Id)>();
        var predictedPeople = new HashSet<(string, string)>();
        foreach (var m in article.Mentions)
        {
            if (m.ActorId is not { } id || noise.Contains(id) || (m.Kind == MentionKind.Role && named.Contains(id)))
            {
                continue;
            }

            var pair = (Fold(m.Text), id);
            predicted.Add(pair);
            if (knowledge.Find(id)?.Kind == ActorKind.Person)
            {
                predictedPeople.Add(pair);
            }
        }

        var predictedActors = predicted.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var predictedPersonActors = predictedPeople.Select(p => p.Item2).ToHashSet(StringComparer.Ordinal);

        var counts = new Dictionary<string, PrfCount>(StringComparer.Ordinal)
        {
            ["pairs/person"] = Count(goldPeoplePairs, predictedPeople),
            ["pairs/all"] = Count(goldPairs, predicted),
            ["actors/person"] = Count(goldPeople, predictedPersonActors),
            ["actors/all"] = Count(goldActors, predictedActors),
        };

        string Display(string id) => names.TryGetValue(id, out var n) ? n : id;
        var misses = goldPairs.Except(predicted).Select(p => $"'{p.Form}' → {Display(p.Id)}{(p.Id.StartsWith('?') ? " (not in the knowledge base)" : "")}").Order(StringComparer.Ordinal).ToList();
        var falsePositives = predicted.Except(goldPairs).Select(p => $"'{p.Form}' → {p.Id}").Order(StringComparer.Ordinal).ToList();
        return new ArticleScore(Name, gold.Article.File, counts, misses, falsePositives);
    }

    private static PrfCount Count<T>(HashSet<T> gold, HashSet<T> predicted)
    {
        int tp = predicted.Count(gold.Contains);
        return new PrfCount(tp, predicted.Count - tp, gold.Count - tp);
    }

    private static string Fold(string s) => s.Replace('’', '\'').Trim();

    /// <summary>
    /// The knowledge-base id of a gold canonical name: by name or alias (case-insensitive); a parenthetical
    /// qualifier ("National Assembly (South Korea)") picks among same-named entries by country.
    /// </summary>
    public static string? MapToKnowledge(string canonical, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(knowledge);
        var exact = knowledge.Actors.Where(a => Named(a, canonical)).ToList();
        if (exact.Count >= 1)
        {
            return exact[0].Id;
        }

        int p = canonical.IndexOf(" (", StringComparison.Ordinal);
        if (p <= 0)
        {
            return null;
        }

        var bare = canonical[..p];
        var qualifier = canonical[(p + 2)..].TrimEnd(')');
        var same = knowledge.Actors.Where(a => Named(a, bare) || StripQualifier(a.Name).Equals(bare, StringComparison.OrdinalIgnoreCase)).ToList();
        if (same.Count == 0)
        {
            return null;
        }

        var country = knowledge.Actors.FirstOrDefault(a => a.Kind == ActorKind.Country && Named(a, qualifier))?.Country;
        return (country is null ? null : same.Find(a => string.Equals(a.Country, country, StringComparison.OrdinalIgnoreCase)))?.Id
            ?? (same.Count == 1 ? same[0].Id : null);
    }

    private static string StripQualifier(string name)
    {
        int p = name.IndexOf(" (", StringComparison.Ordinal);
        return p > 0 ? name[..p] : name;
    }

    private static bool Named(Actor a, string name) =>
        a.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || a.Aliases.Any(x => x.Equals(name, StringComparison.OrdinalIgnoreCase));
}
