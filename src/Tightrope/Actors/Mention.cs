using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>How a mention names its actor.</summary>
public enum MentionKind : byte
{
    /// <summary>A full name or alias ("Yoon Suk Yeol", "USFK").</summary>
    Name,
    /// <summary>A surname or given name alone ("Yoon").</summary>
    Partial,
    /// <summary>A name found through the transliteration bridge ("Jin Dazhong" for 金大中).</summary>
    Transliterated,
    /// <summary>A role or title without a name ("the president", "President Lee").</summary>
    Role,
    /// <summary>A country adjective or demonym ("South Korean").</summary>
    Demonym,
    /// <summary>A place standing for an institution ("Seoul" for the government).</summary>
    Metonym,
    /// <summary>An acronym or abbreviation ("ROK", "NIS").</summary>
    Acronym,
    /// <summary>A common-noun description of the actor ("the South Korean conservative party", "the peninsula").</summary>
    Description,
}

/// <summary>
/// A mention of an actor in the cleaned text. <see cref="ActorId"/> is null when the mention is kept as an
/// unresolved candidate; <see cref="Confidence"/> scores the link (0..1).
/// </summary>
public sealed record Mention
{
    public required TextSpan Span { get; init; }
    public required string Text { get; init; }
    public string? ActorId { get; init; }
    public MentionKind Kind { get; init; }
    public double Confidence { get; init; }
    /// <summary>Normalised form used to group unresolved candidates across articles.</summary>
    public string? Normalized { get; init; }
    /// <summary>Index of the sentence that contains the mention.</summary>
    public int Sentence { get; init; } = -1;

    /// <summary>
    /// The prefix of <see cref="Normalized"/> on every mention of a person the knowledge base does not know (a
    /// provisional person: "person:jane roe"), full name or short form, so the store groups them by the full name.
    /// </summary>
    public const string PersonPrefix = "person:";

    /// <summary>Whether the mention names a person outside the knowledge base (unresolved, kept as a provisional person).</summary>
    public bool IsProvisionalPerson => ActorId is null && Normalized is { } n && n.StartsWith(PersonPrefix, StringComparison.Ordinal);

    /// <summary>The provisional person's id, derived from the normalised full name ("jane-roe"); null for other mentions.</summary>
    public string? ProvisionalId => IsProvisionalPerson ? ProvisionalIdOf(Normalized!.AsSpan(PersonPrefix.Length)) : null;

    /// <summary>A knowledge-base id (lower-case letters and digits, hyphenated) made from a normalised name.</summary>
    public static string ProvisionalIdOf(ReadOnlySpan<char> name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        if (sb.Length > 0 && sb[^1] == '-')
        {
            sb.Length--;
        }

        return sb.ToString();
    }
}

/// <summary>The actors capability's records on an article.</summary>
public static class ActorAnnotations
{
    /// <summary>Actor mentions in text order.</summary>
    public static readonly AnnotationKey<List<Mention>> MentionsKey = new("mentions", () => []);

    extension(Article article)
    {
        /// <summary>The article's actor mentions (the actors stage fills them).</summary>
        public List<Mention> Mentions => article.Get(MentionsKey);
    }
}
