using System.Buffers;

namespace Tightrope.Clean;

/// <summary>What one character of extracted text becomes in the cleaned text.</summary>
internal enum CharAction : byte
{
    /// <summary>Copied as it is.</summary>
    Keep,
    /// <summary>Replaced by another single character (quotes, dashes, full-width forms).</summary>
    Replace,
    /// <summary>Horizontal white space: folded into one space.</summary>
    Space,
    /// <summary>A line break.</summary>
    LineBreak,
    /// <summary>A paragraph break.</summary>
    ParagraphBreak,
    /// <summary>Dropped: zero-width, format and control characters.</summary>
    Drop,
}

/// <summary>Typographic normalisation, one character at a time: curly quotes, dashes, odd spaces, zero-width and
/// full-width forms.</summary>
internal static class Typography
{
    /// <summary>Every character that is not simply copied. Everything else is copied in bulk.</summary>
    public static readonly SearchValues<char> Special = SearchValues.Create(BuildSpecial());

    private static string BuildSpecial()
    {
        var chars = new List<char>();
        for (char c = '\0'; c <= ' '; c++)
        {
            chars.Add(c);
        }

        for (char c = '\u007F'; c <= '\u00A0'; c++)
        {
            chars.Add(c);
        }

        chars.Add('\u00AD');
        chars.Add('\u1680');
        for (char c = '\u2000'; c <= '\u206F'; c++)
        {
            chars.Add(c);
        }

        chars.Add('\u2212');
        chars.Add('\u3000');
        chars.Add('\uFE63');
        chars.Add('\uFEFF');
        for (char c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            chars.Add(c);
        }

        return new string([.. chars]);
    }

    /// <summary>Classifies one special character; <paramref name="replacement"/> is set for <see cref="CharAction.Replace"/>.</summary>
    public static CharAction Classify(char c, out char replacement)
    {
        replacement = c;
        switch (c)
        {
            case '\n':
            case '\r':
            case '\u000B':
            case '\u000C':
            case '\u0085':
            case '\u2028':
                return CharAction.LineBreak;
            case '\u2029':
                return CharAction.ParagraphBreak;
            case ' ':
            case '\t':
            case '\u00A0':
            case '\u1680':
            case '\u202F':
            case '\u205F':
            case '\u3000':
                return CharAction.Space;
            case '\u00AD':
            case '\u200B':
            case '\u200E':
            case '\u200F':
            case '\u2060':
            case '\uFEFF':
                return CharAction.Drop;
            case '\u2018':
            case '\u2019':
            case '\u201A':
            case '\u201B':
                replacement = '\'';
                return CharAction.Replace;
            case '\u201C':
            case '\u201D':
            case '\u201E':
            case '\u201F':
                replacement = '"';
                return CharAction.Replace;
            case '\u2010':
            case '\u2011':
            case '\u2012':
            case '\u2013':
            case '\u2212':
            case '\uFE63':
                replacement = '-';
                return CharAction.Replace;
            case '\u2015':
                replacement = '\u2014';
                return CharAction.Replace;
            default:
                break;
        }

        if (c is >= '\u2000' and <= '\u200A')
        {
            return CharAction.Space;
        }

        if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
        {
            return CharAction.Drop;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            replacement = (char)(c - 0xFEE0);
            return CharAction.Replace;
        }

        if (c < ' ' || c is >= '\u007F' and <= '\u009F')
        {
            return CharAction.Drop;
        }

        return CharAction.Keep;
    }

    /// <summary>The character as it reads after normalisation (for comparisons that ignore typography).</summary>
    public static char Fold(char c)
    {
        var action = Classify(c, out char r);
        return action switch
        {
            CharAction.Replace => r,
            CharAction.Space or CharAction.LineBreak or CharAction.ParagraphBreak => ' ',
            _ => c,
        };
    }

    public static bool IsWhite(char c) => c is ' ' or '\t' or '\n' or '\r' || (c > '\u007F' && (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF'));
}
