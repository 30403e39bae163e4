using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Text;

/// <summary>
/// Tokens and sentences of the cleaned text, as exact spans into <see cref="Article.Text"/>. A sentence that the
/// clean stage marked as cut off (<see cref="RemovalKind.Truncated"/>) gets <see cref="Sentence.Truncated"/>.
/// </summary>
public sealed class TextStage : IStage
{
    public string Name => "text";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.CleanText];

    public IReadOnlyList<Layer> Produces { get; } = [Layer.Sentences, Layer.Tokens];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        article.Tokens.Clear();
        article.Sentences.Clear();
        article.Tokens.EnsureCapacity(text.Length / 5 + 8);
        Tokenizer.Tokenize(text, article.Tokens);
        SentenceSplitter.Split(text, article.Tokens, article.Sentences);
        MarkTruncated(article);
    }

    private static void MarkTruncated(Article article)
    {
        foreach (var removed in article.Removed)
        {
            if (removed.Kind != RemovalKind.Truncated || removed.Text.Length == 0)
            {
                continue;
            }

            int i = article.SentenceAt(removed.CleanOffset + removed.Text.Length - 1);
            if (i >= 0)
            {
                article.Sentences[i] = article.Sentences[i] with { Truncated = true };
            }
        }
    }
}
