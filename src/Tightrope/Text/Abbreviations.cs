namespace Tightrope.Text;

/// <summary>How a word written with a final full stop behaves at a sentence boundary.</summary>
internal enum AbbreviationKind : byte
{
    None,
    /// <summary>Titles and the like ("Mr.", "Gen.", "No.", "Sept."): a name or number follows; never ends a sentence.</summary>
    Prefix,
    /// <summary>"Inc.", "etc.", "U.S.", "a.m.": may end a sentence, when a sentence-opening word follows.</summary>
    MayEnd,
}

/// <summary>English abbreviations that keep their full stop (knowledge/lang/en/abbreviations-*.yaml).</summary>
internal static class Abbreviations
{
    private static readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> Known = BuildKnown();

    private static Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> BuildKnown()
    {
        var d = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        foreach (var p in Knowledge.LanguageData.English["abbreviations-prefix"].Words)
        {
            d[p] = AbbreviationKind.Prefix;
        }

        foreach (var p in Knowledge.LanguageData.English["abbreviations-may-end"].Words)
        {
            d[p] = AbbreviationKind.MayEnd;
        }

        return d.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Classifies a word (without its final full stop).</summary>
    public static AbbreviationKind Classify(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 8)
        {
            return AbbreviationKind.None;
        }

        if (Known.TryGetValue(word, out var kind))
        {
            return kind;
        }

        return IsInitialism(word) ? AbbreviationKind.MayEnd : AbbreviationKind.None;
    }

    /// <summary>The part after the last hyphen: "Korea-U.S" → "U.S".</summary>
    public static ReadOnlySpan<char> LastPart(ReadOnlySpan<char> word)
    {
        int dash = word.LastIndexOf('-');
        return dash >= 0 ? word[(dash + 1)..] : word;
    }

    /// <summary>"U.S", "U.K", "e.g": single letters joined by full stops.</summary>
    public static bool IsInitialism(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            bool letterSlot = (i & 1) == 0;
            if (letterSlot ? !char.IsLetter(word[i]) : word[i] != '.')
            {
                return false;
            }
        }

        return (word.Length & 1) == 1;
    }

    /// <summary>Capitalised words that commonly open a sentence (knowledge/lang/en/text-sentence-starters.yaml).</summary>
    private static readonly Knowledge.WordList StarterSet = Knowledge.LanguageData.English["text-sentence-starters"];

    /// <summary>Whether a capitalised word commonly opens a sentence (used after "U.S." and the like).</summary>
    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterSet.Contains(word);
}
