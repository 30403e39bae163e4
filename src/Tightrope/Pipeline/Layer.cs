namespace Tightrope.Pipeline;

/// <summary>A named annotation layer a stage needs or produces. Compared by name.</summary>
public readonly record struct Layer(string Name)
{
    /// <summary>Raw text and metadata: what every article starts with.</summary>
    public static readonly Layer Raw = new("raw");
    public static readonly Layer CleanText = new("clean-text");
    public static readonly Layer Sentences = new("sentences");
    public static readonly Layer Tokens = new("tokens");
    public static readonly Layer Signature = new("signature");
    public static readonly Layer ArticleDate = new("article-date");
    public static readonly Layer Mentions = new("mentions");
    public static readonly Layer DateExpressions = new("date-expressions");
    public static readonly Layer Figures = new("figures");

    public override string ToString() => Name;
}
