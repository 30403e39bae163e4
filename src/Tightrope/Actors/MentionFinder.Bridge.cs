namespace Tightrope.Actors;

/// <summary>Names read through the transliteration bridge ("Jin Dazhong" for 金大中, "Park geun hye").</summary>
internal sealed partial class MentionFinder
{
    /// <summary>The longest prefix (two words or more) of the capitalised run at the current word that the bridge reads as a person.</summary>
    private bool TryBridgeRun(Scan s, int capLen)
    {
        var words = s.Words;
        int i = s.I;
        // A run that starts with a hyphen-joined pair starts with a given name ("Jin-hee"): English writes a surname
        // apart from the given name, so its first piece is no surname (金 "Jin" + 希 "hee" is not Kim Keon-hee).
        if (words[i + 1].HyphenBefore)
        {
            return false;
        }

        // Every span tried starts with the same piece: when the bridge rules it out for the shortest, none matches.
        if (!_bridge.MayMatchFrom(s.Text.AsSpan(words[i].Start, words[i + 1].End - words[i].Start)))
        {
            return false;
        }

        for (int k = capLen; k >= 2; k--)
        {
            // A name is not cut inside a hyphen-joined given name ("Koo Yun-cheol" is not "Koo Yun").
            if (i + k < words.Count && k < capLen && words[i + k].HyphenBefore)
            {
                continue;
            }

            if (_bridge.Match(s.Text.AsSpan(words[i].Start, words[i + k - 1].End - words[i].Start)) is { } bm)
            {
                s.AddCued(i, i + k, Pending.Bridge, bm);
                s.I += k;
                return true;
            }
        }

        return false;
    }

    /// <summary>A surname and up to three short lower-case syllables after it that the bridge reads as a person; the words taken.</summary>
    private int? TryLowerCaseTail(Scan s)
    {
        var words = s.Words;
        var text = s.Text;
        int i = s.I;
        int tail = 0;
        while (tail < 3 && i + tail + 1 < words.Count)
        {
            var next = words[i + tail + 1];
            if (next.Shape != WordShape.Lower || next.SentenceStart || next.Info.Common || next.Norm.Length > 6
                || !OnlySpaceOrHyphen(text, words[i + tail].End, next.Start))
            {
                break;
            }

            tail++;
        }

        if (tail == 0 || !_bridge.MayMatchFrom(text.AsSpan(words[i].Start, words[i + 1].End - words[i].Start)))
        {
            return null;
        }

        for (int k = tail; k >= 1; k--)
        {
            if (_bridge.Match(text.AsSpan(words[i].Start, words[i + k].End - words[i].Start)) is { } bm)
            {
                s.AddCued(i, i + k + 1, Pending.Bridge, bm);
                return k + 1;
            }
        }

        return null;
    }
}
