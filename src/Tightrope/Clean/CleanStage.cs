using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Clean;

/// <summary>
/// Turns <see cref="Article.RawText"/> into the cleaned text every later span points into: NFC, typographic
/// normalisation, white-space folding, and removal of HTML artefacts, bylines, copyright notices, boilerplate,
/// related-link lists and repeated paragraphs. Each removal (and each truncated paragraph, which is only marked) is
/// recorded in <see cref="Article.Removed"/>; <see cref="Article.Offsets"/> maps cleaned offsets back to raw ones.
/// </summary>
public sealed class CleanStage : IStage
{
    public string Name => "clean";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.Raw];

    public IReadOnlyList<Layer> Produces { get; } = [Layer.CleanText];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var result = TextCleaner.Clean(article.RawText);
        article.Removed.Clear();
        article.Removed.AddRange(result.Removed);
        article.SetCleanText(result.Text, result.Offsets, result.Written);
    }
}
