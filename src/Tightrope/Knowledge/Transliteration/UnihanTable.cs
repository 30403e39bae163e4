namespace Tightrope.Knowledge.Transliteration;

/// <summary>Readings of one CJK character from the generated Unihan table.</summary>
public sealed record CharReadings(
    char Char,
    IReadOnlyList<string> Mandarin,
    IReadOnlyList<string> Hangul,
    IReadOnlyList<string> Korean,
    IReadOnlyList<string> JapaneseOn,
    IReadOnlyList<string> JapaneseKun,
    IReadOnlyList<char> Simplified,
    IReadOnlyList<char> Traditional);

/// <summary>
/// The character table generated from Unihan (embedded resource <c>unihan-readings.tsv</c>): Mandarin, Korean and
/// Japanese readings with simplified/traditional links. Loaded once; immutable and thread-safe.
/// </summary>
public sealed class UnihanTable
{
    private static readonly Lazy<UnihanTable> Shared = new(LoadEmbedded);
    private readonly Dictionary<char, CharReadings> _rows;

    private UnihanTable(Dictionary<char, CharReadings> rows) => _rows = rows;

    public static UnihanTable Default => Shared.Value;

    public int Count => _rows.Count;

    public static UnihanTable Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new Dictionary<char, CharReadings>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var p = line.Split('\t');
            if (p.Length < 8 || p[0].Length != 1)
            {
                continue;
            }

            rows[p[0][0]] = new CharReadings(p[0][0], Words(p[1]), Words(p[2]), Words(p[3]), Words(p[4]), Words(p[5]), Chars(p[6]), Chars(p[7]));
        }

        return new UnihanTable(rows);
    }

    /// <summary>The generated table as text, exactly as embedded.</summary>
    public static string ReadEmbeddedText()
    {
        using var stream = typeof(UnihanTable).Assembly.GetManifestResourceStream("Tightrope.unihan-readings.tsv")
            ?? throw new InvalidOperationException("embedded resource 'unihan-readings.tsv' is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public CharReadings? Get(char c) => _rows.GetValueOrDefault(c);

    /// <summary>Toneless pinyin readings of a character (its own, else its traditional/simplified variant's).</summary>
    public IReadOnlyList<string> Pinyin(char c)
    {
        if (Get(c) is not { } r)
        {
            return [];
        }

        if (r.Mandarin.Count > 0)
        {
            return r.Mandarin;
        }

        foreach (var v in r.Traditional.Concat(r.Simplified))
        {
            if (Get(v) is { Mandarin.Count: > 0 } vr)
            {
                return vr.Mandarin;
            }
        }

        return [];
    }

    /// <summary>Hangul readings of a character; a simplified character reaches its traditional form's reading.</summary>
    public IReadOnlyList<string> Hangul(char c)
    {
        if (Get(c) is not { } r)
        {
            return [];
        }

        if (r.Hangul.Count > 0)
        {
            return r.Hangul;
        }

        var found = new List<string>();
        foreach (var v in r.Traditional.Concat(r.Simplified))
        {
            if (Get(v) is { Hangul.Count: > 0 } vr)
            {
                foreach (var h in vr.Hangul)
                {
                    if (!found.Contains(h))
                    {
                        found.Add(h);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Japanese on and kun readings, lower-case.</summary>
    public IEnumerable<string> Japanese(char c)
    {
        if (Get(c) is not { } r)
        {
            yield break;
        }

        foreach (var s in r.JapaneseOn.Concat(r.JapaneseKun))
        {
            yield return s.ToLowerInvariant();
        }
    }

    private static UnihanTable LoadEmbedded()
    {
        using var reader = new StringReader(ReadEmbeddedText());
        return Parse(reader);
    }

    private static string[] Words(string s) => s.Length == 0 ? [] : s.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static char[] Chars(string s) => s.Length == 0 ? [] : [.. s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(x => x.Length == 1).Select(x => x[0])];
}
