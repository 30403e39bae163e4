using System.Collections.Frozen;

namespace Tightrope.Knowledge.Transliteration;

/// <summary>
/// A person's name as a sequence of syllables, each with every acceptable Latin rendering (lower-case ASCII):
/// Korean romanisations of the hangul, the pinyin of the Chinese character, Japanese readings of kanji.
/// Position 0 is the surname (East Asian order).
/// </summary>
public sealed record NameSyllables(string ActorId, IReadOnlyList<FrozenSet<string>> Syllables, bool SurnameFirst = true)
{
    public int Count => Syllables.Count;

    /// <summary>
    /// For a Western name written in Chinese characters (a phonetic transcription, 蓬佩奥 for Pompeo): the Latin
    /// spellings of the name's words (lower-case), which a truncated reading of the transcription must start like.
    /// Empty for East Asian names.
    /// </summary>
    public IReadOnlyList<string> LatinWords { get; init; } = [];

    /// <summary>Whether the characters are a phonetic transcription of a Western name (read through its pinyin only).</summary>
    public bool Transcription => LatinWords.Count > 0;

    /// <summary>
    /// Per syllable, the keys of its one-edit neighbourhood (symmetric deletion), so a fuzzy check costs a few set
    /// lookups instead of a scan of every rendering: "B:" base forms (renderings of 3+ letters and their stems
    /// without final consonants), "D:" deletions, "S{k}:" deletion at position k (for substitutions), "T:" transpositions.
    /// </summary>
    public IReadOnlyList<FrozenSet<string>> Near { get; } = [.. Syllables.Select(BuildNear)];

    private static FrozenSet<string> BuildNear(FrozenSet<string> renderings)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var bases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in renderings)
        {
            if (r.Length >= 3)
            {
                bases.Add(r);
            }

            int stem = r.Length;
            while (stem > 0 && !"aeiouy".Contains(r[stem - 1], StringComparison.Ordinal))
            {
                stem--;
            }

            if (stem < r.Length && stem >= 2 && r.Length - stem <= 2)
            {
                bases.Add(r[..stem]);
            }
        }

        foreach (var b in bases)
        {
            keys.Add("B:" + b);
            for (int k = 0; k < b.Length; k++)
            {
                var del = b.Remove(k, 1);
                keys.Add("D:" + del);
                keys.Add("S" + (char)('0' + k) + ":" + del);
                if (k + 1 < b.Length)
                {
                    keys.Add("T:" + b[..k] + b[k + 1] + b[k] + b[(k + 2)..]);
                }
            }
        }

        return keys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Derives the syllables of an actor's native names, or null when it has none in CJK script.</summary>
    public static NameSyllables? For(Actor actor, UnihanTable table)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(table);
        var native = actor.Native;
        // A Western name written in Chinese characters ("特朗普") is read only through its pinyin; a Korean, Chinese or
        // Japanese name through all its scripts.
        bool eastAsian = actor.Country is null or "KOR" or "PRK" or "CHN" or "TWN" or "HKG" or "JPN";
        var hangul = eastAsian ? Compact(native.Hangul, HangulRomanizer.IsSyllable) : "";
        var hanja = eastAsian ? Compact(native.Hanja, IsHan) : "";
        var zh = Compact(native.Zh, IsHan);
        var zhHant = Compact(native.ZhHant, IsHan);
        var kanji = eastAsian ? Compact(native.Kanji, IsHan) : "";

        int n = new[] { hangul.Length, hanja.Length, zh.Length, zhHant.Length, kanji.Length }.Max();
        if (n == 0)
        {
            return null;
        }

        var sets = new List<HashSet<string>>();
        for (int i = 0; i < n; i++)
        {
            sets.Add(new HashSet<string>(StringComparer.Ordinal));
        }

        bool surnameFirst = LooksChinese(actor) || kanji.Length > 0 || (actor.Country is null && (hangul.Length > 0 || hanja.Length > 0));
        void AddHangul(int i, char h)
        {
            foreach (var r in HangulRomanizer.Renderings(h, surname: i == 0 && surnameFirst))
            {
                sets[i].Add(r);
            }
        }

        // The hangul gives the Korean reading; the characters give pinyin (and Korean readings when hangul is absent).
        if (hangul.Length == n)
        {
            for (int i = 0; i < n; i++)
            {
                AddHangul(i, hangul[i]);
            }
        }

        foreach (var chars in new[] { hanja, zhHant, zh, kanji })
        {
            if (chars.Length != n)
            {
                continue;
            }

            for (int i = 0; i < n; i++)
            {
                foreach (var p in table.Pinyin(chars[i]))
                {
                    sets[i].Add(p);
                    if (!eastAsian)
                    {
                        foreach (var loose in TranscriptionSpellings(p))
                        {
                            sets[i].Add(loose);
                        }
                    }

                    if (p.Contains('u', StringComparison.Ordinal) && (p.StartsWith('l') || p.StartsWith('n')))
                    {
                        sets[i].Add(p.Replace("u", "v", StringComparison.Ordinal)); // ü is also typed as v.
                    }
                }

                if (hangul.Length != n && (chars == hanja || (chars != kanji && native.Hangul is not null)))
                {
                    foreach (var h in table.Hangul(chars[i]))
                    {
                        if (h.Length == 1)
                        {
                            AddHangul(i, h[0]);
                        }
                    }
                }

                if (chars == kanji)
                {
                    foreach (var j in table.Japanese(chars[i]))
                    {
                        foreach (var reading in JapaneseSpellings(j))
                        {
                            sets[i].Add(reading);
                        }
                    }
                }
            }
        }

        if (sets.Exists(s => s.Count == 0))
        {
            return null;
        }

        return new NameSyllables(actor.Id, [.. sets.Select(x => x.ToFrozenSet(StringComparer.Ordinal))], surnameFirst)
        {
            LatinWords = eastAsian ? [] : LatinWordsOf(actor),
        };
    }

    /// <summary>
    /// How a phonetic transcription's syllable comes back into Latin letters when a translation reads it as a foreign
    /// word rather than as pinyin: the vowel Chinese adds after a lone consonant is dropped (德 de → "d", 斯 si → "s",
    /// 普 pu → "p", 尔 er → "r"), and the diphthongs ao and ou are read as o (奥 ao → "o"). Derived from the pinyin,
    /// so every transcription in the knowledge base gets them.
    /// </summary>
    public static IEnumerable<string> TranscriptionSpellings(string pinyin)
    {
        if (pinyin.Length >= 3 && (pinyin.EndsWith("ao", StringComparison.Ordinal) || pinyin.EndsWith("ou", StringComparison.Ordinal)))
        {
            yield return pinyin[..^2] + "o";
        }
        else if (pinyin is "ao" or "ou")
        {
            yield return "o";
        }

        if (pinyin == "er")
        {
            yield return "r";
            yield break;
        }

        // A consonant (or zh/ch/sh) and one of the epenthetic vowels e, i (after a sibilant), u.
        int onset = pinyin.Length >= 3 && pinyin[1] == 'h' && pinyin[0] is 'z' or 'c' or 's' ? 2 : 1;
        if (pinyin.Length != onset + 1 || "aeiouvwy".Contains(pinyin[0], StringComparison.Ordinal))
        {
            yield break;
        }

        char vowel = pinyin[onset];
        bool sibilant = pinyin[0] is 'z' or 'c' or 's' or 'r';
        if (vowel == 'e' || vowel == 'u' || (vowel == 'i' && sibilant))
        {
            yield return pinyin[..onset];
        }
    }

    /// <summary>The words of the actor's name and single-word aliases, lower-case letters only.</summary>
    private static string[] LatinWordsOf(Actor actor)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in actor.Aliases.Prepend(actor.Name))
        {
            foreach (var w in name.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                var letters = new string([.. w.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
                if (letters.Length >= 2)
                {
                    words.Add(letters);
                }
            }
        }

        return [.. words.Order(StringComparer.Ordinal)];
    }

    private static bool LooksChinese(Actor actor) =>
        string.Equals(actor.Country, "CHN", StringComparison.OrdinalIgnoreCase)
        || string.Equals(actor.Country, "TWN", StringComparison.OrdinalIgnoreCase)
        || string.Equals(actor.Country, "PRK", StringComparison.OrdinalIgnoreCase)
        || string.Equals(actor.Country, "KOR", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> JapaneseSpellings(string reading)
    {
        yield return reading;
        yield return reading.Replace("ou", "o", StringComparison.Ordinal).Replace("uu", "u", StringComparison.Ordinal);
        yield return reading.Replace("ou", "oh", StringComparison.Ordinal);
    }

    internal static bool IsHan(char c) => (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);

    private static string Compact(string? s, Func<char, bool> keep) =>
        s is null ? "" : new string([.. s.Where(keep)]);
}
