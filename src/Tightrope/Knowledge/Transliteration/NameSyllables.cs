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

        return new NameSyllables(actor.Id, [.. sets.Select(x => x.ToFrozenSet(StringComparer.Ordinal))], surnameFirst);
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
