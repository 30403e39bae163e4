namespace Tightrope.Knowledge;

/// <summary>The kinds of actor the knowledge base holds.</summary>
public enum ActorKind
{
    Person,
    Organization,
    Government,
    Military,
    Party,
    Country,
    Agreement,
    Exercise,
    WeaponSystem,
    Place,
    Company,
    Media,
}

/// <summary>Names in native scripts. Any may be null.</summary>
public sealed record NativeNames
{
    public string? Hangul { get; init; }
    public string? Hanja { get; init; }
    /// <summary>Chinese, simplified characters.</summary>
    public string? Zh { get; init; }
    /// <summary>Chinese, traditional characters.</summary>
    public string? ZhHant { get; init; }
    public string? Kanji { get; init; }
    public string? Kana { get; init; }
    public string? Cyrillic { get; init; }

    public IEnumerable<string> All()
    {
        foreach (var s in new[] { Hangul, Hanja, Zh, ZhHant, Kanji, Kana, Cyrillic })
        {
            if (!string.IsNullOrWhiteSpace(s))
            {
                yield return s;
            }
        }
    }
}

/// <summary>A dated role: "President" of "KOR" from 2022-05-10 to 2025-04-04. Open-ended when To is null.</summary>
public sealed record Role
{
    public required string Title { get; init; }
    /// <summary>Actor id or country code of the organisation the role belongs to.</summary>
    public string? Org { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    public bool HeldOn(DateOnly date) => (From is null || From <= date) && (To is null || date <= To);
}

/// <summary>One entry of the knowledge base.</summary>
public sealed record Actor
{
    public required string Id { get; init; }
    /// <summary>Canonical English name.</summary>
    public required string Name { get; init; }
    public required ActorKind Kind { get; init; }
    public NativeNames Native { get; init; } = new();
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Adjectives and demonyms that denote the actor ("South Korean" for South Korea).</summary>
    public IReadOnlyList<string> Demonyms { get; init; } = [];
    /// <summary>Places that stand for the actor ("Seoul" for South Korea's government).</summary>
    public IReadOnlyList<string> Metonyms { get; init; } = [];
    /// <summary>
    /// Common-noun descriptions that denote the actor in context: after its country ("South Korean <c>conservative
    /// party</c>", "US <c>intelligence agencies</c>") or as a definite description ("the <c>peninsula</c>") in an article
    /// that mentions its country. Never names.
    /// </summary>
    public IReadOnlyList<string> Descriptions { get; init; } = [];
    /// <summary>ISO 3166 alpha-3 country code.</summary>
    public string? Country { get; init; }
    /// <summary>CAMEO-style sector code: GOV, MIL, LEG, JUD, PTY, COP, MED, BUS…</summary>
    public string? Sector { get; init; }
    public IReadOnlyList<Role> Roles { get; init; } = [];
    /// <summary>When the actor began to exist or apply: founding, entry into force, first held, entry into service.</summary>
    public DateOnly? From { get; init; }
    /// <summary>When it ceased: dissolution, expiry or termination, last held, retirement. Null while it lasts.</summary>
    public DateOnly? To { get; init; }
    /// <summary>Agreements: the date of signature (or conclusion, for texts that are not signed).</summary>
    public DateOnly? Signed { get; init; }
    /// <summary>Where the facts come from (URLs or references to public sources).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>The file and line the entry was read from.</summary>
    public string? Origin { get; init; }
}
