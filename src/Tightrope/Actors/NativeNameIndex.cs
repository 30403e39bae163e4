using System.Collections.Frozen;
using Tightrope.Knowledge;
using Tightrope.Knowledge.Transliteration;

namespace Tightrope.Actors;

/// <summary>A native-script name found in the text: where, and the actors that bear it.</summary>
internal readonly record struct NativeHit(int Start, int Length, string[] Ids);

/// <summary>
/// The knowledge base's native names (hangul, hanja, Chinese, kanji, kana) as written, looked up in running text:
/// "文在寅" in an English sentence, "윤석열 대통령은" on a Korean page, "外交部发言人…" on a Chinese one. Chinese and
/// Japanese write no spaces between words, so a name is looked for at every character (the longest first); Korean
/// separates words, so a hangul name must start one (a name ends where its particle begins: "윤석열은"). A single
/// character is no name (韩 is a country, a river, a surname). Built once; immutable and thread-safe.
/// </summary>
internal sealed class NativeNameIndex
{
    /// <summary>Per first character, the names that start with it, longest first.</summary>
    private readonly FrozenDictionary<char, (string Name, string[] Ids)[]> _byFirst;

    public NativeNameIndex(KnowledgeBase kb)
    {
        var ids = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var actor in kb.Actors)
        {
            foreach (var name in Forms(actor))
            {
                var list = ids.TryGetValue(name, out var l) ? l : ids[name] = [];
                if (!list.Contains(actor.Id, StringComparer.Ordinal))
                {
                    list.Add(actor.Id);
                }
            }
        }

        _byFirst = ids
            .GroupBy(kv => kv.Key[0])
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderByDescending(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value.ToArray())).ToArray());
    }

    public int Count => _byFirst.Values.Sum(v => v.Length);

    /// <summary>
    /// The native names of an actor that the text may hold: those of two characters or more in a CJK script. The
    /// hanja of an institution is left out: it is the common noun a Chinese page uses for its own government's
    /// office (外交部 is any foreign ministry), while Korean pages write the institution in hangul.
    /// </summary>
    private static IEnumerable<string> Forms(Actor actor)
    {
        var native = actor.Native;
        bool institution = actor.Kind is not (ActorKind.Person or ActorKind.Country or ActorKind.Place);
        foreach (var s in new[] { native.Hangul, institution ? null : native.Hanja, native.Zh, native.ZhHant, native.Kanji, native.Kana })
        {
            if (s is { Length: >= 2 } name && IsCjk(name[0]) && IsCjk(name[^1]))
            {
                yield return name;
            }
        }
    }

    /// <summary>Hangul syllables, kana and Han characters (the scripts native names are written in).</summary>
    public static bool IsCjk(char c) => c >= 0x3040 && (HangulRomanizer.IsSyllable(c) || (c >= 0x3040 && c <= 0x30FF) || NameSyllables.IsHan(c));

    /// <summary>The native names in <paramref name="text"/>, left to right, the longest at each place, none overlapping.</summary>
    public List<NativeHit>? Scan(string text)
    {
        List<NativeHit>? hits = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x3040 || !_byFirst.TryGetValue(c, out var names))
            {
                continue;
            }

            // A Korean name starts a word: not inside one ("국방부" holds no "방부").
            if (HangulRomanizer.IsSyllable(c) && i > 0 && HangulRomanizer.IsSyllable(text[i - 1]))
            {
                continue;
            }

            foreach (var (name, ids) in names)
            {
                if (string.CompareOrdinal(text, i, name, 0, name.Length) == 0)
                {
                    (hits ??= []).Add(new NativeHit(i, name.Length, ids));
                    i += name.Length - 1;
                    break;
                }
            }
        }

        return hits;
    }
}
