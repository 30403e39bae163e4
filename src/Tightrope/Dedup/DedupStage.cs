using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Dedup;

/// <summary>
/// Fingerprints the cleaned text: <see cref="Article.TextHash"/> for exact duplicates and
/// <see cref="Article.Signature"/> (MinHash) for near-duplicates. Deciding which stored article an article
/// duplicates needs the store, so that happens where articles are saved (<see cref="Storage.IArticleStore"/>).
/// </summary>
public sealed class DedupStage : IStage
{
    public string Name => "dedup";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.CleanText];

    public IReadOnlyList<Layer> Produces { get; } = [Layer.Signature];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        article.TextHash = TextFingerprint.TextHash(article.Text);
        article.Signature = TextFingerprint.Signature(article.Text);
    }
}
