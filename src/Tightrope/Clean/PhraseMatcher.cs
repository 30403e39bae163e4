namespace Tightrope.Clean;

/// <summary>
/// Finds marker phrases in a piece of text in one pass. Phrases written in Latin letters are indexed by their first
/// word, so each word of the text costs one dictionary look-up (case and apostrophe style ignored); phrases in other
/// scripts ("©", "무단전재", "版权所有") are searched for only when the text holds such characters. Each phrase carries
/// a flag; <see cref="Match"/> returns the union of the flags found.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<string, List<(string Phrase, int Flag)>>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
    private readonly List<(string Phrase, int Flag)> _other = [];
    private readonly ulong[] _bloom = new ulong[1024];

    public PhraseMatcher(params (string[] Phrases, int Flag)[] groups)
    {
        var byFirst = new Dictionary<string, List<(string, int)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (phrases, flag) in groups)
        {
            foreach (var phrase in phrases)
            {
                int w = 0;
                while (w < phrase.Length && char.IsAsciiLetter(phrase[w]))
                {
                    w++;
                }

                if (w == 0)
                {
                    _other.Add((phrase, flag));
                    continue;
                }

                var first = phrase[..w];
                if (!byFirst.TryGetValue(first, out var list))
                {
                    byFirst[first] = list = [];
                }

                list.Add((phrase, flag));
                SetBloom(Hash(first));
            }
        }

        _byFirstWord = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Match(ReadOnlySpan<char> text)
    {
        int flags = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            uint h = 2166136261;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                h = (h ^ (uint)(text[i] | 0x20)) * 16777619;
                i++;
            }

            if ((start > 0 && char.IsLetter(text[start - 1])) || !InBloom(h))
            {
                continue;
            }

            if (_byFirstWord.TryGetValue(text[start..i], out var candidates))
            {
                foreach (var (phrase, flag) in candidates)
                {
                    if ((flags & flag) == 0 && StartsWithFolded(text[start..], phrase))
                    {
                        flags |= flag;
                    }
                }
            }
        }

        if (_other.Count > 0 && HasOtherScript(text))
        {
            foreach (var (phrase, flag) in _other)
            {
                if ((flags & flag) == 0 && text.Contains(phrase, StringComparison.Ordinal))
                {
                    flags |= flag;
                }
            }
        }

        return flags;
    }

    private static uint Hash(ReadOnlySpan<char> word)
    {
        uint h = 2166136261;
        foreach (char c in word)
        {
            h = (h ^ (uint)(c | 0x20)) * 16777619;
        }

        return h;
    }

    private void SetBloom(uint h) => _bloom[(h >> 6) & 1023] |= 1UL << (int)(h & 63);

    private bool InBloom(uint h) => (_bloom[(h >> 6) & 1023] & (1UL << (int)(h & 63))) != 0;

    /// <summary>Prefix match ignoring ASCII case and the style of apostrophe.</summary>
    private static bool StartsWithFolded(ReadOnlySpan<char> text, string phrase)
    {
        if (text.Length < phrase.Length)
        {
            return false;
        }

        for (int k = 0; k < phrase.Length; k++)
        {
            char a = text[k], b = phrase[k];
            if (a == b)
            {
                continue;
            }

            if (a is '’' && b == '\'')
            {
                continue;
            }

            if ((uint)((a | 0x20) - 'a') <= 'z' - 'a' && (a | 0x20) == (b | 0x20))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private static bool HasOtherScript(ReadOnlySpan<char> text) =>
        text.Contains('©') || text.ContainsAnyInRange('\u3000', '\u9FFF') || text.ContainsAnyInRange('\uAC00', '\uD7AF');
}
