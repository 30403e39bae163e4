using System.Collections.Frozen;

namespace Tightrope.Knowledge;

/// <summary>The loaded knowledge base: immutable once built, shared across threads.</summary>
public sealed class KnowledgeBase
{
    private readonly FrozenDictionary<string, Actor> _byId;
    private readonly FrozenDictionary<string, RoleTitle> _titles;

    public KnowledgeBase(IEnumerable<Actor> actors)
        : this(actors, [])
    {
    }

    public KnowledgeBase(IEnumerable<Actor> actors, IEnumerable<RoleTitle> titles)
    {
        Titles = [.. titles];
        var titlesByName = new Dictionary<string, RoleTitle>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in Titles)
        {
            titlesByName.TryAdd(t.Title, t);
        }

        _titles = titlesByName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Actors = [.. actors];
        var byId = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var a in Actors)
        {
            byId.TryAdd(a.Id, a);
        }

        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static KnowledgeBase Empty { get; } = new([]);

    public IReadOnlyList<Actor> Actors { get; }

    public Actor? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The vocabulary of role titles (<c>knowledge/titles.yaml</c>); empty when none was loaded.</summary>
    public IReadOnlyList<RoleTitle> Titles { get; }

    /// <summary>The vocabulary entry for a role title (case-insensitive), or null.</summary>
    public RoleTitle? FindTitle(string title) => _titles.GetValueOrDefault(title);

    /// <summary>The people who held a role with this title (case-insensitive) for <paramref name="org"/> on <paramref name="date"/>.</summary>
    public IEnumerable<Actor> HoldersOf(string title, string? org, DateOnly date)
    {
        foreach (var a in Actors)
        {
            foreach (var r in a.Roles)
            {
                if (r.HeldOn(date) && string.Equals(r.Title, title, StringComparison.OrdinalIgnoreCase)
                    && (org is null || string.Equals(r.Org, org, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return a;
                    break;
                }
            }
        }
    }
}
