using System.Runtime.InteropServices;
using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>A word of the text as the mention finder sees it: a span and its normalised (case- and punctuation-folded) form.</summary>
internal readonly record struct Word(int Start, int End, WordInfo Info, WordShape Shape, bool SentenceStart, bool Possessive, bool HyphenBefore, bool Contraction = false)
{
    public string Norm => Info.Norm;

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
/// The words of a text for mention finding, read from the Text stage's tokens: letters and digits; "U.S." and "U.N."
/// stay one word ("us"); inner apostrophes are folded ("O’Brien" → "obrien"); a possessive 's is dropped and flagged;
/// a hyphenated token ("Dae-jung", one token for the Text stage) is split into its parts, with the hyphen remembered
/// so the parts stay in one name. A word starts a segment after a sentence end, a colon, a semicolon, a line break or
/// a bullet (finer than the Text stage's sentences: a heading line is a segment of its own).
/// </summary>
internal static class WordTokens
{
    [ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>What follows the apostrophe of a contraction ("I'm", "they're", "don't"): such a word is never a name.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> Clitics = Tightrope.Knowledge.LanguageData.English["clean-clitics"].Set;

    /// <summary>The words of <paramref name="text"/>, starting one at each word or number token.</summary>
    public static void FromTokens(string text, List<Token> tokens, List<Word> words, Lexicon lexicon)
    {
        var session = lexicon.Start();
        int pos = 0;
        bool sentenceStart = true;
        foreach (ref readonly var t in CollectionsMarshal.AsSpan(tokens))
        {
            if (t.Kind is not (TokenKind.Word or TokenKind.Number) || t.Span.End <= pos)
            {
                continue;
            }

            for (int p = Math.Max(t.Span.Start, pos); p < t.Span.End; p++)
            {
                if (char.IsLetterOrDigit(text[p]))
                {
                    sentenceStart |= SegmentBreak(text, words, pos, p);
                    pos = AddWord(text, p, words, sentenceStart, session);
                    sentenceStart = false;
                    p = pos - 1;
                }
            }
        }
    }

    /// <summary>The words of a bare string (knowledge-base names), scanning its characters.</summary>
    public static List<Word> Split(string text)
    {
        var words = new List<Word>(text.Length / 6 + 1);
        int pos = 0;
        bool sentenceStart = true;
        for (int p = 0; p < text.Length; p++)
        {
            if (char.IsLetterOrDigit(text[p]))
            {
                sentenceStart |= SegmentBreak(text, words, pos, p);
                pos = AddWord(text, p, words, sentenceStart, default);
                sentenceStart = false;
                p = pos - 1;
            }
        }

        return words;
    }

    /// <summary>Normalises a knowledge-base name the same way: lower-case words, punctuation folded.</summary>
    public static string[] Normalize(string name)
    {
        var list = Split(name);
        var result = new string[list.Count];
        for (int k = 0; k < result.Length; k++)
        {
            result[k] = list[k].Norm;
        }

        return result;
    }

    /// <summary>Whether the characters between two words end a segment; a full stop after an initial or a title abbreviation ("U.", "Gen.") does not.</summary>
    private static bool SegmentBreak(string text, List<Word> words, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c is '.' or '!' or '?' or '\n' or '\r' or ':' or ';' or '•')
            {
                bool abbreviation = c == '.' && words.Count > 0 && words[^1].End == i
                    && (words[^1].End - words[^1].Start <= 1 || ActorLists.NameAbbreviations.Contains(words[^1].Norm));
                if (!abbreviation)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Reads the word that starts at <paramref name="start"/> (a letter or digit), adds it, returns where scanning goes on.</summary>
    private static int AddWord(string text, int start, List<Word> words, bool sentenceStart, in Lexicon.Session lexicon)
    {
        int i = start, n = text.Length, len = 0;
        var buf = t_buffer ??= new char[64];
        char c = text[start];
        bool anyUpper = false, anyLower = false, firstUpper = char.IsUpper(c);
        bool dotted = false, contraction = false;
        uint hash = Lexicon.HashStart;
        while (i < n)
        {
            char ch = text[i];
            if (char.IsAscii(ch) ? char.IsAsciiLetterOrDigit(ch) : char.IsLetterOrDigit(ch))
            {
                if (len == buf.Length)
                {
                    Array.Resize(ref t_buffer, buf.Length * 2);
                    buf = t_buffer;
                }

                if (char.IsAsciiLetterUpper(ch))
                {
                    anyUpper = true;
                    ch = (char)(ch | 0x20);
                }
                else if (char.IsAsciiLetterLower(ch))
                {
                    anyLower = true;
                }
                else
                {
                    anyUpper |= char.IsUpper(ch);
                    anyLower |= char.IsLower(ch);
                    ch = char.ToLowerInvariant(ch);
                }

                buf[len++] = ch;
                hash = Lexicon.HashNext(hash, ch);

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
            if (ch is '\'' or '’' && i + 1 < n && char.IsLetter(text[i + 1]) && !IsPossessive(text, i))
            {
                contraction |= IsClitic(text, i + 1);
                i++;
                continue;
            }

            break;
        }

        int end = i;
        if (dotted && i < n && text[i] == '.')
        {
            end = ++i; // keep the final period of "U.S."
        }

        bool possessive = i + 1 < n && text[i] is '\'' or '’' && IsPossessive(text, i);
        if (possessive)
        {
            i += 2;
        }

        var shape = anyUpper && !anyLower ? (len == 1 && !dotted ? WordShape.Capitalized : WordShape.Upper)
            : firstUpper ? WordShape.Capitalized
            : anyLower && !anyUpper ? WordShape.Lower : WordShape.Other;
        if (char.IsDigit(c))
        {
            shape = WordShape.Other;
        }

        var norm = buf.AsSpan(0, len);
        var info = lexicon.IsActive ? lexicon.Get(norm, hash) : new WordInfo(new string(norm));
        bool hyphenBefore = start > 0 && text[start - 1] is '-' or '‐' or '–' && words.Count > 0 && words[^1].End == start - 1;
        words.Add(new Word(start, end, info, shape, sentenceStart, possessive, hyphenBefore, contraction));
        return i;
    }

    /// <summary>Whether the letters from <paramref name="from"/> to the end of the word are a clitic ("m" of "I'm", "re" of "they're").</summary>
    private static bool IsClitic(string text, int from)
    {
        int end = from;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        if (end - from > 2 || (end < text.Length && char.IsDigit(text[end])))
        {
            return false;
        }

        Span<char> tail = stackalloc char[2];
        int len = text.AsSpan(from, end - from).ToLowerInvariant(tail);
        return Clitics.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tail[..len]);
    }

    /// <summary>An apostrophe at <paramref name="i"/> followed by a final s ("Kim's").</summary>
    private static bool IsPossessive(string text, int i) =>
        i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2]));

    private static char At(string s, int i) => i >= 0 && i < s.Length ? s[i] : ' ';
}
