using System.Runtime.CompilerServices;
using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Events;

/// <summary>
/// What an actor mention stands for in an event: "the Biden administration" for the country its sitting head leads,
/// and a treaty named for its parties ("signed the Korea–US FTA") for the party that is not the signer's side.
/// </summary>
internal sealed partial class EventExtractor
{
    private static readonly WordList AdministrationNouns = LanguageData.English["events-administration-nouns"];

    private static readonly WordList HeadFunctions = LanguageData.English["events-head-functions"];

    /// <summary>
    /// "the Biden administration", "the coming Trump administration": a person's name right before an administration
    /// noun stands for the country whose government the person leads (or has been elected to lead) on the article's
    /// date; a past head's ("the Moon administration" in a later story) stays the person.
    /// </summary>
    private Mention Administration(Article article, Mention m)
    {
        var text = article.Text;
        if (m.ActorId is not { } id || article.Date is not { } date || m.Span.End + 1 >= text.Length || text[m.Span.End] != ' ' || !char.IsLower(text[m.Span.End + 1]))
        {
            return m;
        }

        var (at, end) = WordAfter(text, m.Span.End);

        if (end == at || !AdministrationNouns.Contains(text.AsSpan(at, end - at)) || knowledge.Find(id) is not { Kind: ActorKind.Person } person)
        {
            return m;
        }

        foreach (var role in person.Roles)
        {
            if (role.Org is { Length: 3 } org && role.HeldOn(date.Date) && knowledge.FindTitle(role.Title) is { } title && HeadFunctions.Contains(title.Function)
                && CameoCodes.CountryActor(knowledge, org) is { } country)
            {
                return m with { ActorId = country };
            }
        }

        return m;
    }

    private static readonly ConditionalWeakTable<KnowledgeBase, Dictionary<string, List<string>>> Parties = [];

    /// <summary>
    /// The countries an agreement is named for, from its name and aliases ("Korea–United States Free Trade Agreement":
    /// South Korea and the United States): each part between dashes, read from its start for the longest country
    /// name, alias or demonym. Worked out once per knowledge base.
    /// </summary>
    private static List<string>? PartiesOf(KnowledgeBase knowledge, string agreementId)
    {
        var map = Parties.GetValue(knowledge, static kb =>
        {
            var countries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var a in kb.Actors)
            {
                if (a.Kind == ActorKind.Country)
                {
                    foreach (var name in a.Aliases.Concat(a.Demonyms).Prepend(a.Name))
                    {
                        countries.TryAdd(name, a.Id);
                    }
                }
            }

            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var a in kb.Actors)
            {
                if (a.Kind != ActorKind.Agreement)
                {
                    continue;
                }

                var found = new List<string>();
                foreach (var name in a.Aliases.Prepend(a.Name))
                {
                    foreach (var part in name.Split(['–', '-', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (LeadingCountry(countries, part) is { } c && !found.Contains(c))
                        {
                            found.Add(c);
                        }
                    }
                }

                if (found.Count >= 2)
                {
                    result[a.Id] = found;
                }
            }

            return result;
        });
        return map.GetValueOrDefault(agreementId);
    }

    /// <summary>The country whose name is the longest run of words at the start of <paramref name="part"/> ("United States Free Trade Agreement": the United States).</summary>
    private static string? LeadingCountry(Dictionary<string, string> countries, string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int n = words.Length; n > 0; n--)
        {
            if (countries.TryGetValue(string.Join(' ', words, 0, n), out var id))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>
    /// "Roh signed the Korea–US FTA": an agreement named for its parties as the target of an act of one of them
    /// stands for the other party; otherwise the agreement stays.
    /// </summary>
    private string? OtherParty(string? source, string? target)
    {
        if (source is null || target is null || knowledge.Find(target)?.Kind != ActorKind.Agreement || PartiesOf(knowledge, target) is not { } parties)
        {
            return target;
        }

        var own = CameoCodes.Of(knowledge, source);
        if (own is not { Length: >= 3 })
        {
            return target;
        }

        string? other = null;
        bool party = false;
        foreach (var p in parties)
        {
            if (knowledge.Find(p)?.Country is { } code && own.StartsWith(code, StringComparison.Ordinal))
            {
                party = true;
            }
            else
            {
                other ??= p;
            }
        }

        return party && parties.Count == 2 && other is not null ? other : target;
    }

    /// <summary>The letters of the word after <paramref name="from"/> and the spaces before it: (start, end), empty when none.</summary>
    private static (int Start, int End) WordAfter(string text, int from)
    {
        int at = from;
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        int end = at;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return (at, end);
    }
}
