using Tightrope.Knowledge;

namespace Tightrope.Actors;

/// <summary>
/// The entries of one alias that fit the case of the words in the text, with what detection and resolution ask of
/// them worked out once (when the alias index is built, or at the first question): the kinds of actor they stand
/// for, the country among them, their distinct actors. Read-only once built; shared across threads (a lazily built
/// part may be built twice by racing threads, to the same value).
/// </summary>
internal sealed class AliasEntries
{
    /// <summary>Variant flag: some entries are acronyms and the text is not upper-case.</summary>
    public const int UpperMissing = 1;

    /// <summary>Variant flag: the first word is a common word, so surname entries are left out.</summary>
    public const int CommonSurname = 2;

    private readonly KnowledgeBase _kb;
    private AliasEntries? _nonMetonyms;
    private AliasEntries? _nonPartial;
    private string[]? _ids;
    private HashSet<string>? _idSet;
    private Actor[]? _actors;

    private AliasEntries(List<AliasEntry> items, KnowledgeBase kb)
    {
        Items = items;
        _kb = kb;
        AllPartial = items.TrueForAll(e => e.Kind == MentionKind.Partial);
        AllDemonym = items.TrueForAll(e => e.Kind == MentionKind.Demonym);
        NoDemonym = items.TrueForAll(e => e.Kind != MentionKind.Demonym);
        FirstMetonymId = items.Find(e => e.Kind == MentionKind.Metonym)?.ActorId;
        HasNonMetonym = items.Exists(e => e.Kind != MentionKind.Metonym);
        AllCountryOrPlace = items.TrueForAll(e => kb.Find(e.ActorId)?.Kind is ActorKind.Country or ActorKind.Place);
        AllPersons = items.TrueForAll(e => kb.Find(e.ActorId)?.Kind == ActorKind.Person);
        AllOrganisationNames = items.TrueForAll(e => e.Kind is MentionKind.Name or MentionKind.Acronym && kb.Find(e.ActorId)?.Kind is not (ActorKind.Person or ActorKind.Country or null));
        AllAgreementOrOrganisationNames = items.TrueForAll(e => e.Kind == MentionKind.Name && kb.Find(e.ActorId)?.Kind is ActorKind.Agreement or ActorKind.Organization);
        AnyMetonymOrCountry = items.Exists(e => e.Kind == MentionKind.Metonym || kb.Find(e.ActorId)?.Kind == ActorKind.Country);
        foreach (var e in items)
        {
            if (e.Kind is MentionKind.Name or MentionKind.Acronym or MentionKind.Demonym && kb.Find(e.ActorId) is { Kind: ActorKind.Country } c)
            {
                Country = c;
                break;
            }
        }
    }

    /// <summary>The four variants of a node's entries by the <see cref="UpperMissing"/> and <see cref="CommonSurname"/> flags (null where none fits).</summary>
    public static AliasEntries?[] Variants(List<AliasEntry> entries, KnowledgeBase kb)
    {
        var all = new AliasEntries(entries, kb);
        var variants = new AliasEntries?[4];
        for (int flags = 0; flags < 4; flags++)
        {
            bool upperMissing = (flags & UpperMissing) != 0, commonSurname = (flags & CommonSurname) != 0;
            var fit = entries.FindAll(e => !(e.RequiresUpper && upperMissing) && !(e.Kind == MentionKind.Partial && commonSurname));
            variants[flags] = fit.Count == entries.Count ? all : fit.Count > 0 ? new AliasEntries(fit, kb) : null;
        }

        return variants;
    }

    public List<AliasEntry> Items { get; }

    public int Count => Items.Count;

    public MentionKind FirstKind => Items[0].Kind;

    /// <summary>Every entry is a surname.</summary>
    public bool AllPartial { get; }

    /// <summary>Every entry is a demonym ("Korean").</summary>
    public bool AllDemonym { get; }

    /// <summary>No entry is a demonym.</summary>
    public bool NoDemonym { get; }

    /// <summary>The actor of the first metonym entry ("Seoul" for the government), if any.</summary>
    public string? FirstMetonymId { get; }

    public bool HasNonMetonym { get; }

    /// <summary>Every entry names a country or a place.</summary>
    public bool AllCountryOrPlace { get; }

    /// <summary>Every entry is a person's.</summary>
    public bool AllPersons { get; }

    /// <summary>Every entry is a name or acronym of an actor that is neither a person nor a country.</summary>
    public bool AllOrganisationNames { get; }

    /// <summary>Every entry is a name of an agreement or an organisation.</summary>
    public bool AllAgreementOrOrganisationNames { get; }

    /// <summary>Some entry is a metonym or a country's.</summary>
    public bool AnyMetonymOrCountry { get; }

    /// <summary>The first country named (by name, acronym or demonym), if any.</summary>
    public Actor? Country { get; }

    /// <summary>The entries that are not metonyms (null when there are none).</summary>
    public AliasEntries? NonMetonyms => HasNonMetonym ? _nonMetonyms ??= new AliasEntries(Items.FindAll(e => e.Kind != MentionKind.Metonym), _kb) : null;

    /// <summary>The entries that are not surnames (null when all are).</summary>
    public AliasEntries? NonPartial => AllPartial ? null : _nonPartial ??= new AliasEntries(Items.FindAll(e => e.Kind != MentionKind.Partial), _kb);

    /// <summary>The distinct actor ids, in entry order.</summary>
    public string[] Ids => _ids ??= [.. Items.Select(e => e.ActorId).Distinct(StringComparer.Ordinal)];

    public bool HasId(string id) => (_idSet ??= new HashSet<string>(Ids, StringComparer.Ordinal)).Contains(id);

    /// <summary>The distinct actors the knowledge base has for <see cref="Ids"/>, in order.</summary>
    public Actor[] Actors => _actors ??= [.. Ids.Select(_kb.Find).OfType<Actor>()];
}
