using Tightrope.Model;

namespace Tightrope.Text;

/// <summary>
/// Splits cleaned text into tokens with exact offsets. Words keep internal hyphens ("Jong-un", "K-pop") and
/// apostrophes ("don't"), but a possessive "'s" is its own token; numbers keep decimal points and thousands
/// separators ("1.5192", "28,500", "1/9"); abbreviations keep their full stop ("U.S.", "a.m.", "Gen.", "Sept.");
/// "..." is one token; a full stop between two words without a space ("scrutiny.Specifically") splits them.
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            char c = text[i];
            if (c <= ' ' || (c > '\u007F' && char.IsWhiteSpace(c)))
            {
                i++;
                continue;
            }

            if (IsWordChar(c))
            {
                int end = ScanWord(text, i, out bool numeric);
                tokens.Add(new Token(new TextSpan(i, end), numeric ? TokenKind.Number : TokenKind.Word));
                i = end;
                continue;
            }

            if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.')
            {
                int end = i + 3;
                while (end < n && text[end] == '.')
                {
                    end++;
                }

                tokens.Add(new Token(new TextSpan(i, end), TokenKind.Punctuation));
                i = end;
                continue;
            }

            if (c == '\'' && i + 1 < n && text[i + 1] is 's' or 'S' && (i + 2 >= n || !IsWordChar(text[i + 2])) && i > 0 && IsWordChar(text[i - 1]))
            {
                tokens.Add(new Token(new TextSpan(i, i + 2), TokenKind.Word));
                i += 2;
                continue;
            }

            if (c == '-' && i + 1 < n && text[i + 1] == '-')
            {
                int end = i + 2;
                while (end < n && text[end] == '-')
                {
                    end++;
                }

                tokens.Add(new Token(new TextSpan(i, end), TokenKind.Punctuation));
                i = end;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
            {
                tokens.Add(new Token(new TextSpan(i, i + 2), TokenKind.Other));
                i += 2;
                continue;
            }

            tokens.Add(new Token(new TextSpan(i, i + 1), KindOf(c)));
            i++;
        }
    }

    private static TokenKind KindOf(char c)
    {
        if (c < 0x80)
        {
            return c is '$' or '%' or '&' or '@' or '#' or '*' or '+' or '/' or '=' or '<' or '>' or '~' or '^' or '|' or '\\' or '`'
                ? TokenKind.Symbol
                : TokenKind.Punctuation;
        }

        if (char.IsPunctuation(c))
        {
            return TokenKind.Punctuation;
        }

        return char.IsSymbol(c) ? TokenKind.Symbol : TokenKind.Other;
    }

    internal static bool IsWordChar(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        return char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>The end of the word (or number) that starts at <paramref name="start"/>.</summary>
    private static int ScanWord(ReadOnlySpan<char> text, int start, out bool numeric)
    {
        int n = text.Length;
        numeric = char.IsAsciiDigit(text[start]);
        bool allDigits = numeric;
        int segStart = start;
        int j = start + 1;
        while (j < n)
        {
            char d = text[j];
            if (IsWordChar(d))
            {
                allDigits &= char.IsAsciiDigit(d);
                j++;
                continue;
            }

            if (j + 1 >= n)
            {
                break;
            }

            char next = text[j + 1];
            char prev = text[j - 1];
            if (d == '-' && IsWordChar(next) && IsWordChar(prev))
            {
                // "Jong-un", "K-pop", "one-third", "F-35"; a number-number range stays whole too.
                segStart = j + 1;
                j += 2;
                continue;
            }

            if (d is '\'' or '’' && char.IsLetter(next) && char.IsLetter(prev))
            {
                if (next is 's' or 'S' && (j + 2 >= n || !IsWordChar(text[j + 2])))
                {
                    break;
                }

                j += 2;
                continue;
            }

            if (d is '.' or ',' && char.IsAsciiDigit(prev) && char.IsAsciiDigit(next) && (allDigits || d == '.'))
            {
                if (d == ',' && !ThreeDigits(text, j + 1))
                {
                    break;
                }

                segStart = j + 1;
                j += 2;
                continue;
            }

            if (d == '/' && numeric && allDigits && char.IsAsciiDigit(next))
            {
                j += 2;
                continue;
            }

            if (d == '.' && char.IsLetter(next) && j - segStart == 1 && char.IsLetter(prev) && j + 2 < n && text[j + 2] == '.')
            {
                // "U.S", "a.m", "e.g": single letters between full stops.
                segStart = j + 1;
                j += 2;
                continue;
            }

            if (d == '.' && IsDomainTail(text, j + 1))
            {
                segStart = j + 1;
                j += 2;
                continue;
            }

            break;
        }

        // Keep the final full stop of an abbreviation.
        if (j < n && text[j] == '.' && !numeric)
        {
            var word = Abbreviations.LastPart(text.Slice(start, j - start));
            var kind = Abbreviations.Classify(word);
            bool initial = word.Length == 1 && char.IsUpper(word[0]);
            if (kind != AbbreviationKind.None || initial)
            {
                if (!(word is "No" or "Nos") || NextIsDigit(text, j + 1))
                {
                    j++;
                }
            }
        }

        return j;
    }

    private static bool NextIsDigit(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i < text.Length && char.IsAsciiDigit(text[i]);
    }

    private static bool ThreeDigits(ReadOnlySpan<char> text, int i) =>
        i + 3 <= text.Length && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
        && (i + 3 == text.Length || !char.IsAsciiDigit(text[i + 3]));

    /// <summary>Domain labels after a full stop inside a word (knowledge/lang/en/text-domain-tails.yaml).</summary>
    private static readonly Knowledge.WordList DomainTails = Knowledge.LanguageData.English["text-domain-tails"];

    /// <summary>"Observer.com", "joongang.co.kr": a lower-case domain label after the full stop.</summary>
    private static bool IsDomainTail(ReadOnlySpan<char> text, int i)
    {
        int e = i;
        while (e < text.Length && char.IsAsciiLetterLower(text[e]))
        {
            e++;
        }

        if (e == i || (e < text.Length && IsWordChar(text[e])))
        {
            return false;
        }

        return DomainTails.Contains(text.Slice(i, e - i));
    }
}
