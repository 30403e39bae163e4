namespace Tightrope.Knowledge.Transliteration;

/// <summary>
/// Romanises one hangul syllable from its jamo (initial, medial, final): Revised Romanisation, McCune–Reischauer
/// (ASCII, breves and apostrophes dropped) and the spellings people actually use for names (Lee, Park, Yoon, Roh…).
/// Names are romanised syllable by syllable, so each syllable is taken as word-initial.
/// </summary>
public static class HangulRomanizer
{
    private const int SBase = 0xAC00, SCount = 11172, NCount = 588, TCount = 28;

    private static readonly string[] RrInitial = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
    private static readonly string[] McInitial = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"];
    private static readonly string[] RrMedial = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];
    private static readonly string[] McMedial = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"];
    // Finals at the end of a syllable (RR and MR agree): k, n, t, l, m, p, ng.
    private static readonly string[] Final = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    /// <summary>Common name spellings of the frequent surnames, beyond what the general rules give.</summary>
    private static readonly Dictionary<char, string[]> Surnames = new()
    {
        ['이'] = ["lee", "yi", "rhee", "ri", "li", "i", "ree"],
        ['리'] = ["lee", "yi", "rhee", "ri", "li"],
        ['박'] = ["park", "pak", "bak", "bahk"],
        ['김'] = ["kim", "gim"],
        ['윤'] = ["yoon", "yun"],
        ['문'] = ["moon", "mun"],
        ['노'] = ["roh", "no", "noh", "rho"],
        ['로'] = ["roh", "ro", "rho"],
        ['서'] = ["suh", "seo", "so"],
        ['최'] = ["choi", "choe", "chey"],
        ['정'] = ["chung", "jung", "jeong", "chong", "cheong"],
        ['조'] = ["cho", "jo", "joe"],
        ['신'] = ["shin", "sin"],
        ['한'] = ["han", "hahn"],
        ['강'] = ["kang", "gang"],
        ['임'] = ["lim", "im", "rim", "yim"],
        ['림'] = ["lim", "rim", "im"],
        ['오'] = ["oh", "o"],
        ['류'] = ["ryu", "yu", "yoo", "rhyu", "ryoo"],
        ['유'] = ["yu", "yoo", "ryu"],
        ['황'] = ["hwang"],
        ['장'] = ["jang", "chang"],
        ['전'] = ["chun", "jeon", "chon", "jun"],
        ['홍'] = ["hong"],
        ['안'] = ["ahn", "an"],
        ['송'] = ["song"],
        ['권'] = ["kwon", "gwon"],
        ['양'] = ["yang", "ryang"],
        ['고'] = ["ko", "go", "koh"],
        ['배'] = ["bae", "pae"],
        ['백'] = ["baek", "paek", "paik", "baik"],
        ['허'] = ["heo", "huh", "hur"],
        ['남'] = ["nam"],
        ['심'] = ["sim", "shim"],
        ['우'] = ["woo", "wu", "u"],
        ['반'] = ["ban", "pan"],
        ['곽'] = ["kwak", "gwak"],
        ['성'] = ["sung", "seong"],
        ['차'] = ["cha"],
        ['주'] = ["joo", "ju", "chu"],
        ['구'] = ["koo", "ku", "gu"],
        ['원'] = ["won", "weon"],
        ['현'] = ["hyun", "hyeon"],
        ['석'] = ["suk", "seok", "sok"],
    };

    public static bool IsSyllable(char c) => c >= SBase && c < SBase + SCount;

    public static (int Initial, int Medial, int Final) Decompose(char syllable)
    {
        if (!IsSyllable(syllable))
        {
            throw new ArgumentOutOfRangeException(nameof(syllable), $"'{syllable}' is not a hangul syllable");
        }

        int s = syllable - SBase;
        return (s / NCount, s % NCount / TCount, s % TCount);
    }

    /// <summary>Revised Romanisation of one syllable, word-initial ("석" → "seok", "리" → "ri").</summary>
    public static string RevisedRomanization(char syllable)
    {
        var (l, v, t) = Decompose(syllable);
        return RrInitial[l] + RrMedial[v] + Final[t];
    }

    /// <summary>McCune–Reischauer of one syllable, word-initial, with its breves and apostrophes ("석" → "sŏk").</summary>
    public static string McCuneReischauer(char syllable)
    {
        var (l, v, t) = Decompose(syllable);
        string init = McInitial[l];
        if (l == 9 && (v is 20 or 16 || McMedial[v].StartsWith('y')))
        {
            init = "sh"; // ㅅ before i, wi and y-vowels is "sh" in MR.
        }

        return init + McMedial[v] + Final[t];
    }

    /// <summary>
    /// Every acceptable ASCII rendering of a syllable: RR, MR without diacritics, voiced and unvoiced initials
    /// (MR voices them inside a name), vowel spellings (eo/o/u, eu/u, yeo/yo/yu, u/oo, i/ee, ui/eui/ee, wo/weo),
    /// finals (k/g/ck, p/b, t/d), and for a surname the common name spellings.
    /// </summary>
    public static IReadOnlySet<string> Renderings(char syllable, bool surname = false)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var (l, v, t) = Decompose(syllable);
        foreach (var init in Initials(l, v))
        {
            foreach (var med in Medials(v, l))
            {
                foreach (var fin in Finals(t))
                {
                    set.Add(init + med + fin);
                }
            }
        }

        // A vowel-final "o" is often written "oh" (Oh, Roh, Noh).
        if (t == 0 && v == 8)
        {
            foreach (var init in Initials(l, v))
            {
                set.Add(init + "oh");
            }
        }

        set.Add(Ascii(McCuneReischauer(syllable)));
        set.Add(RevisedRomanization(syllable));
        if (surname && Surnames.TryGetValue(syllable, out var common))
        {
            set.UnionWith(common);
        }

        set.Remove("");
        return set;
    }

    private static string Ascii(string s) => s.Replace("ŏ", "o", StringComparison.Ordinal).Replace("ŭ", "u", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);

    private static IEnumerable<string> Initials(int l, int v)
    {
        bool iLike = v is 20 or 16 || RrMedial[v].StartsWith('y');
        switch (l)
        {
            case 0: return ["g", "k"];
            case 1: return ["kk", "gg", "k"];
            case 2: return iLike ? ["n", ""] : ["n"];
            case 3: return ["d", "t"];
            case 4: return ["tt", "dd", "t"];
            case 5: return iLike ? ["r", "l", "n", ""] : ["r", "l", "n"];
            case 6: return ["m"];
            case 7: return ["b", "p"];
            case 8: return ["pp", "bb", "p"];
            case 9: return iLike ? ["s", "sh"] : ["s"];
            case 10: return ["ss", "s"];
            case 11: return v == 13 ? ["", "w"] : [""];
            case 12: return ["j", "ch"];
            case 13: return ["jj", "tch", "j"];
            case 14: return ["ch", "chh"];
            case 15: return ["k", "kh"];
            case 16: return ["t", "th"];
            case 17: return ["p", "ph"];
            default: return ["h"];
        }
    }

    private static IEnumerable<string> Medials(int v, int l) => v switch
    {
        1 => ["ae", "ai"],
        4 => ["eo", "o", "u"],
        6 => ["yeo", "yo", "yu"],
        8 => ["o"],
        11 => ["oe", "oi", "we"],
        13 => ["u", "oo"],
        14 => l == 11 ? ["wo", "weo"] : ["wo", "weo", "uo"],
        16 => ["wi", "wee"],
        17 => ["yu", "yoo"],
        18 => ["eu", "u"],
        19 => ["ui", "eui", "ee", "i"],
        20 => ["i", "ee"],
        _ => [RrMedial[v]],
    };

    private static IEnumerable<string> Finals(int t) => Final[t] switch
    {
        "" => [""],
        "k" => ["k", "g", "ck"],
        "t" => ["t", "d", "s"],
        "p" => ["p", "b"],
        var f => [f],
    };
}
