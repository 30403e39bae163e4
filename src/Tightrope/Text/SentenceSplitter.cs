using Tightrope.Model;

namespace Tightrope.Text;

/// <summary>
/// Groups tokens into sentences. A line break always ends a sentence (headings, bullet lines and captions without
/// final punctuation stand alone); "?", "!" and a full stop after an ordinary word end one, with any closing quotes
/// or brackets; an abbreviation ends one only when a closing quote or a sentence-opening word follows; a title
/// ("Gen.", "Mr.", "No.") never does. A bullet marker that opens a line is left out of the sentence.
/// </summary>
internal static class SentenceSplitter
{
    [ThreadStatic]
    private static List<Token>? t_tokens;

    [ThreadStatic]
    private static List<Sentence>? t_sentences;

    /// <summary>
    /// The sentences of any piece of text (a paragraph, a line, a whole text), as spans relative to
    /// <paramref name="text"/>, appended to <paramref name="sentences"/>: the text is tokenised as the Text stage
    /// tokenises and split by the same rules, so every stage agrees on where a sentence ends.
    /// </summary>
    public static void Split(ReadOnlySpan<char> text, List<TextSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var tokens = t_tokens ??= new List<Token>(256);
        var found = t_sentences ??= new List<Sentence>(16);
        tokens.Clear();
        found.Clear();
        Tokenizer.Tokenize(text, tokens);
        Split(text, tokens, found);
        foreach (var s in found)
        {
            sentences.Add(s.Span);
        }

        if (tokens.Capacity > 4096)
        {
            t_tokens = null;
        }
    }

    /// <summary>Groups <paramref name="tokens"/> (of <paramref name="text"/>) into <paramref name="sentences"/>.</summary>
    public static void Split(ReadOnlySpan<char> text, List<Token> tokens, List<Sentence> sentences)
    {
        int count = tokens.Count;
        int start = -1;
        for (int t = 0; t < count; t++)
        {
            if (start < 0)
            {
                if (IsBullet(text, tokens, t))
                {
                    continue;
                }

                start = t;
            }

            if (t + 1 == count || NewlineBetween(text, tokens[t], tokens[t + 1]))
            {
                Emit(tokens, sentences, start, t);
                start = -1;
                continue;
            }

            var tok = tokens[t];
            if (!MayEndSentence(text, tok))
            {
                continue;
            }

            int last = t;
            while (last + 1 < count && (IsCloser(text, tokens[last + 1]) || IsStop(text, tokens[last + 1]))
                && tokens[last + 1].Span.Start == tokens[last].Span.End)
            {
                last++;
            }

            if (ShouldSplit(text, tokens, t, last))
            {
                Emit(tokens, sentences, start, last);
                start = -1;
                t = last;
            }
        }

        if (start >= 0)
        {
            Emit(tokens, sentences, start, count - 1);
        }
    }

    private static void Emit(List<Token> tokens, List<Sentence> sentences, int first, int last)
    {
        if (last >= first)
        {
            sentences.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[last].Span.End)));
        }
    }

    private static bool MayEndSentence(ReadOnlySpan<char> text, Token tok)
    {
        char last = text[tok.Span.End - 1];
        return last is '.' or '!' or '?' or '…' or '。';
    }

    private static bool ShouldSplit(ReadOnlySpan<char> text, List<Token> tokens, int t, int last)
    {
        if (last + 1 >= tokens.Count)
        {
            return true;
        }

        var tok = tokens[t];
        var next = tokens[last + 1];
        char nextFirst = text[next.Span.Start];
        if (tok.Kind == TokenKind.Punctuation)
        {
            var p = text.Slice(tok.Span.Start, tok.Span.Length);
            if (p is "." && next.Span.Start == tok.Span.End && (char.IsLower(nextFirst) || char.IsDigit(nextFirst)))
            {
                // "sf1.4", "version.2": a full stop inside a word-like run, not the end of a sentence.
                return false;
            }

            if (p is "." or "!" or "?" or "。")
            {
                return true;
            }

            // An ellipsis ends a sentence when a capital follows.
            return char.IsUpper(nextFirst) || (nextFirst is '"' or '\'' && next.Span.End < text.Length && char.IsUpper(text[next.Span.End]));
        }

        // A word that kept its full stop: an abbreviation or an initial.
        var word = Abbreviations.LastPart(text.Slice(tok.Span.Start, tok.Span.Length - 1));
        var kind = Abbreviations.Classify(word);
        if (kind == AbbreviationKind.Prefix)
        {
            return false;
        }

        if (last > t)
        {
            return true;
        }

        return char.IsUpper(nextFirst) && Abbreviations.IsSentenceStarter(text.Slice(next.Span.Start, next.Span.Length));
    }

    private static bool IsCloser(ReadOnlySpan<char> text, Token tok) =>
        tok.Span.Length == 1 && text[tok.Span.Start] is '"' or '\'' or ')' or ']' or '}' or '»' or '”' or '’' or '」' or '』' or '）';

    private static bool IsStop(ReadOnlySpan<char> text, Token tok) => tok.Span.Length == 1 && text[tok.Span.Start] is '.' or '!' or '?';

    private static bool NewlineBetween(ReadOnlySpan<char> text, Token a, Token b) =>
        b.Span.Start > a.Span.End && text.Slice(a.Span.End, b.Span.Start - a.Span.End).Contains('\n');

    private static bool IsBullet(ReadOnlySpan<char> text, List<Token> tokens, int t)
    {
        var tok = tokens[t];
        if (tok.Span.Length != 1 || text[tok.Span.Start] is not ('*' or '-' or '•' or '·' or '▪' or '►' or '▶' or '■' or '◆' or '●' or '—'))
        {
            return false;
        }

        bool lineStart = tok.Span.Start == 0 || text[tok.Span.Start - 1] == '\n';
        bool spaced = tok.Span.End < text.Length && text[tok.Span.End] == ' ';
        return lineStart && spaced;
    }
}
