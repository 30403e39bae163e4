using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>A word of the text as the mention finder sees it: a span and its normalised (case- and punctuation-folded) form.</summary>
internal readonly record struct Word(int Start, int End, string Norm, WordShape Shape, bool SentenceStart, bool Possessive, bool HyphenBefore)
{
    public TextSpan Span => new(Start, End);

    public bool Capitalized => Shape is WordShape.Capitalized or WordShape.Upper;
}

internal enum WordShape : byte
{
    Lower,
    Capitalized,
    Upper,
    Other,
}

/// <summary>
/// Splits text into words for mention finding in one pass: letters and digits; "U.S." and "U.N." stay one word
/// ("us"); inner apostrophes are folded ("O’Brien" → "obrien"); a possessive 's is dropped and flagged; hyphens
/// split words but are remembered so "Dae-jung" stays in one name.
/// </summary>
internal static class WordTokens
{
    public static List<Word> Split(string text)
    {
        var words = new List<Word>(text.Length / 6);
        int i = 0, n = text.Length;
        bool sentenceStart = true;
        var buf = new System.Text.StringBuilder(32);
        while (i < n)
        {
            char c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '\n' or '\r' or ':' or ';' || c == '•')
                {
                    // A period after a single capital letter ("U." in "U.S.", "Gen.") does not end a sentence.
                    bool abbreviation = c == '.' && words.Count > 0 && words[^1].End == i && (words[^1].End - words[^1].Start <= 1 || IsTitleAbbreviation(words[^1].Norm));
                    if (!abbreviation)
                    {
                        sentenceStart = true;
                    }
                }

                i++;
                continue;
            }

            int start = i;
            buf.Clear();
            bool anyUpper = false, anyLower = false, firstUpper = char.IsUpper(c);
            bool dotted = false;
            while (i < n)
            {
                char ch = text[i];
                if (char.IsLetterOrDigit(ch))
                {
                    anyUpper |= char.IsUpper(ch);
                    anyLower |= char.IsLower(ch);
                    buf.Append(char.ToLowerInvariant(ch));
                    i++;
                    continue;
                }

                // U.S. / U.N. / D.C.: single letters joined by periods.
                if (ch == '.' && i + 1 < n && char.IsLetter(text[i + 1]) && i - start >= 1 && !char.IsLetter(At(text, i - 2))
                    && (i + 2 >= n || !char.IsLetter(text[i + 2])))
                {
                    dotted = true;
                    i++;
                    continue;
                }

                // Inner apostrophe: O'Brien; but a possessive 's ends the word.
                if (ch is '\'' or '’' && i + 1 < n && char.IsLetter(text[i + 1]))
                {
                    bool possessive = (text[i + 1] is 's' or 'S') && (i + 2 >= n || !char.IsLetterOrDigit(text[i + 2]));
                    if (!possessive)
                    {
                        i++;
                        continue;
                    }
                }

                break;
            }

            int end = i;
            if (dotted && i < n && text[i] == '.')
            {
                end = ++i; // keep the final period of "U.S."
            }

            bool poss = false;
            if (i + 1 < n && text[i] is '\'' or '’' && text[i + 1] is 's' or 'S' && (i + 2 >= n || !char.IsLetterOrDigit(text[i + 2])))
            {
                poss = true;
                i += 2;
            }

            var shape = anyUpper && !anyLower ? (buf.Length == 1 && !dotted ? WordShape.Capitalized : WordShape.Upper)
                : firstUpper ? WordShape.Capitalized
                : anyLower && !anyUpper ? WordShape.Lower : WordShape.Other;
            if (char.IsDigit(c))
            {
                shape = WordShape.Other;
            }

            bool hyphenBefore = start > 0 && text[start - 1] is '-' or '‐' or '–' && words.Count > 0 && words[^1].End == start - 1;
            words.Add(new Word(start, end, buf.ToString(), shape, sentenceStart, poss, hyphenBefore));
            sentenceStart = false;
        }

        return words;
    }

    private static char At(string s, int i) => i >= 0 && i < s.Length ? s[i] : ' ';

    internal static bool IsTitleAbbreviation(string norm) => norm is "gen" or "lt" or "col" or "maj" or "adm" or "mr" or "mrs" or "ms" or "dr" or "sen" or "rep" or "gov" or "st" or "jr" or "sgt" or "capt" or "cpt" or "no";

    /// <summary>Normalises a knowledge-base name the same way: lower-case words, punctuation folded.</summary>
    public static string[] Normalize(string name)
    {
        var list = Split(name);
        return [.. list.Select(w => w.Norm)];
    }
}
