using System.Collections.Frozen;
using Tightrope.Knowledge;

namespace Tightrope.Actors;

/// <summary>A title in text ("Foreign Minister", "Gen.", "first lady") and the knowledge-base role titles it denotes.</summary>
internal sealed record RoleCue(string Phrase, string[] Tokens, Func<string, bool> Matches, bool HeadOfState = false)
{
    /// <summary>Whether the actor held a role this cue denotes on <paramref name="date"/> (any date when null), for <paramref name="country"/> when given.</summary>
    public bool HeldBy(Actor actor, DateOnly? date, string? country, KnowledgeBase kb, bool countryOfficeOnly = false)
    {
        foreach (var r in actor.Roles)
        {
            if (countryOfficeOnly && !IsCountryCode(r.Org))
            {
                continue; // "the party leader" needs the party; only offices of a state resolve from the title alone.
            }

            if ((date is null || r.HeldOn(date.Value)) && Matches(Fold(r.Title))
                && (country is null || string.Equals(RoleCountry(r, actor, kb), country, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    public static string? RoleCountry(Role role, Actor actor, KnowledgeBase kb)
    {
        if (IsCountryCode(role.Org))
        {
            return role.Org;
        }

        if (role.Org is { } org && kb.Find(org) is { } o)
        {
            return o.Country ?? (o.Kind == ActorKind.Country ? o.Id : null);
        }

        return actor.Country;
    }

    /// <summary>An organisation written as a country code ("KOR"): three upper-case ASCII letters.</summary>
    private static bool IsCountryCode(string? org) =>
        org is { Length: 3 } && char.IsAsciiLetterUpper(org[0]) && char.IsAsciiLetterUpper(org[1]) && char.IsAsciiLetterUpper(org[2]);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Folded = new(StringComparer.Ordinal);

    /// <summary>A title normalised like text (lower-case words); memoised, titles are few.</summary>
    public static string Fold(string title) => Folded.GetOrAdd(title, static t => string.Join(' ', WordTokens.Normalize(t)));
}

/// <summary>The title cues the mention finder knows, matched on normalised words.</summary>
internal static class RoleCues
{
    private static bool Has(string t, string w) => (" " + t + " ").Contains(" " + w + " ", StringComparison.Ordinal);

    private static bool President(string t) => (t == "president" || t.StartsWith("president of", StringComparison.Ordinal)) && !Has(t, "vice");
    private static bool PrimeMinister(string t) => Has(t, "prime minister") || Has(t, "premier");
    private static bool Foreign(string t) => (Has(t, "foreign") && (Has(t, "minister") || Has(t, "secretary"))) || Has(t, "secretary of state") || Has(t, "foreign affairs");
    private static bool Defense(string t) => (Has(t, "defense") || Has(t, "defence")) && (Has(t, "minister") || Has(t, "secretary"));
    private static bool Unification(string t) => Has(t, "unification") && Has(t, "minister");
    private static bool FirstLady(string t) => Has(t, "first lady") || Has(t, "spouse of the president");
    private static bool Ambassador(string t) => Has(t, "ambassador");
    private static bool Commander(string t) => Has(t, "commander") || Has(t, "chief of staff") || Has(t, "chairman of the joint chiefs");
    private static bool Leader(string t) => Has(t, "leader") || Has(t, "general secretary") || Has(t, "chairman") || Has(t, "president") || Has(t, "premier");
    private static bool Chair(string t) => Has(t, "chairman") || Has(t, "chairperson") || Has(t, "chair") || Has(t, "leader");
    private static bool Director(string t) => Has(t, "director");
    private static bool Security(string t) => Has(t, "national security");

    /// <summary>
    /// Cues from the knowledge base's title vocabulary (each title and its cue words denote the titles listing
    /// them), completed by the built-in ones for phrases the vocabulary lacks.
    /// </summary>
    public static RoleCue[] From(KnowledgeBase kb)
    {
        var byPhrase = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var t in kb.Titles)
        {
            var title = RoleCue.Fold(t.Title);
            foreach (var phrase in t.Cues.Append(t.Title))
            {
                var key = RoleCue.Fold(phrase);
                if (key.Length > 0)
                {
                    (byPhrase.TryGetValue(key, out var set) ? set : byPhrase[key] = new HashSet<string>(StringComparer.Ordinal)).Add(title);
                }
            }
        }

        var cues = new List<RoleCue>();
        foreach (var (phrase, titles) in byPhrase)
        {
            var frozen = titles.ToFrozenSet(StringComparer.Ordinal);
            cues.Add(new RoleCue(phrase, phrase.Split(' '), frozen.Contains, HeadOfState: phrase is "president" or "prime minister"));
        }

        foreach (var builtIn in All)
        {
            if (!byPhrase.ContainsKey(builtIn.Phrase))
            {
                cues.Add(builtIn);
            }
        }

        return [.. cues];
    }

    public static readonly RoleCue[] All =
    [
        new("president", ["president"], President, HeadOfState: true),
        new("prime minister", ["prime", "minister"], PrimeMinister, HeadOfState: true),
        new("premier", ["premier"], PrimeMinister),
        new("foreign minister", ["foreign", "minister"], Foreign),
        new("minister of foreign affairs", ["minister", "of", "foreign", "affairs"], Foreign),
        new("secretary of state", ["secretary", "of", "state"], Foreign),
        new("defense minister", ["defense", "minister"], Defense),
        new("defence minister", ["defence", "minister"], Defense),
        new("minister of defense", ["minister", "of", "defense"], Defense),
        new("minister of national defense", ["minister", "of", "national", "defense"], Defense),
        new("defense secretary", ["defense", "secretary"], Defense),
        new("secretary of defense", ["secretary", "of", "defense"], Defense),
        new("unification minister", ["unification", "minister"], Unification),
        new("first lady", ["first", "lady"], FirstLady),
        new("ambassador", ["ambassador"], Ambassador),
        new("general", ["general"], Commander),
        new("gen", ["gen"], Commander),
        new("commander", ["commander"], Commander),
        new("adm", ["adm"], Commander),
        new("admiral", ["admiral"], Commander),
        new("leader", ["leader"], Leader),
        new("supreme leader", ["supreme", "leader"], Leader),
        new("chairman", ["chairman"], Chair),
        new("director", ["director"], Director),
        new("national security adviser", ["national", "security", "adviser"], Security),
        new("national security advisor", ["national", "security", "advisor"], Security),
        new("national security director", ["national", "security", "director"], Security),
    ];
}
