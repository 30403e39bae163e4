namespace Tightrope.Model;

/// <summary>A sentence of the cleaned text. <see cref="Truncated"/> marks one that is cut off.</summary>
public readonly record struct Sentence(TextSpan Span, bool Truncated = false);

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Other,
}

/// <summary>A token of the cleaned text, with its kind.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind);
