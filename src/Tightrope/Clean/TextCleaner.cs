using Tightrope.Model;

namespace Tightrope.Clean;

/// <summary>
/// The cleaned text, its map back to the raw text, and what was removed or marked. <paramref name="Written"/> is the
/// cleaned text with the page's own typographic characters (curly quotes, dashes, full-width forms) where
/// <paramref name="Text"/> has their one-character ASCII fold: same length, same offsets (the same string when
/// nothing was folded).
/// </summary>
internal sealed record CleanResult(string Text, OffsetMap Offsets, List<RemovedSegment> Removed, string Written);

/// <summary>
/// Cleans extracted article text in three steps: the rules find the lines and sentences that are noise (line rules,
/// related-link lists, duplicates, truncation), then the artefacts inside kept text (HTML tags and entities, a space
/// before an apostrophe, a doubled full stop, non-NFC words); <see cref="CleanWriter"/> then writes the cleaned text in
/// one pass with typographic normalisation and white-space folding, recording an <see cref="OffsetMap"/> as it goes.
/// </summary>
internal static class TextCleaner
{
    /// <summary>The rules, in the order they run: each sees the removals of those before it.</summary>
    internal static readonly IReadOnlyList<ICleanRule> Rules =
    [
        new NoiseLines(),
        new RelatedLinks(),
        new PageChrome(),
        new RepeatedParagraphs(),
        new Truncation(),
        new HtmlArtifacts(),
    ];

    public static CleanResult Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var plan = new CleanPlan(raw);
        foreach (var rule in Rules)
        {
            rule.Apply(plan);
        }

        return CleanWriter.Emit(raw, plan);
    }
}
