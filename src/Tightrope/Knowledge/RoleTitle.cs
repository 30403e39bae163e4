namespace Tightrope.Knowledge;

/// <summary>
/// One canonical role title of <c>knowledge/titles.yaml</c>: "Secretary of State", whose function is
/// "foreign-minister" and which text cues such as "top diplomat" denote.
/// </summary>
public sealed record RoleTitle
{
    /// <summary>The title as roles write it (the office's official English name).</summary>
    public required string Title { get; init; }

    /// <summary>The normalised office: "foreign-minister", "head-of-state", "defense-minister"…</summary>
    public required string Function { get; init; }

    /// <summary>One holder per organisation at a time.</summary>
    public bool Single { get; init; }

    /// <summary>Lower-case words in text that denote the office, besides the title itself.</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>The file and line the title was read from.</summary>
    public string? Origin { get; init; }
}
