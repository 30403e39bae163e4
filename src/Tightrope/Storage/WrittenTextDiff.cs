namespace Tightrope.Storage;

/// <summary>
/// The written text (<see cref="Model.Article.WrittenText"/>: the page's curly quotes, dashes and full-width forms
/// where the cleaned text has their ASCII fold, at the same offsets) kept as the positions where it differs from the
/// cleaned text: a count, then for each such position the gap from the one before and the written UTF-16 unit, as
/// varints. Most articles differ in a few quotes and dashes: a few bytes instead of a second copy of the text.
/// </summary>
public static class WrittenTextDiff
{
    /// <summary>Null when the written text is the cleaned text.</summary>
    public static byte[]? Encode(string clean, string written)
    {
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(written);
        if (ReferenceEquals(clean, written) || string.Equals(clean, written, StringComparison.Ordinal))
        {
            return null;
        }

        if (clean.Length != written.Length)
        {
            throw new ArgumentException("The written text must have the cleaned text's length.", nameof(written));
        }

        int count = 0;
        for (int i = 0; i < clean.Length; i++)
        {
            if (clean[i] != written[i])
            {
                count++;
            }
        }

        var output = new LayerPack.Buffer(8 + (4 * count));
        output.VarUInt((ulong)count);
        int last = 0;
        for (int i = 0; i < clean.Length; i++)
        {
            if (clean[i] != written[i])
            {
                output.VarUInt((ulong)(i - last));
                output.VarUInt(written[i]);
                last = i;
            }
        }

        return output.ToArray();
    }

    /// <summary>The written text of <paramref name="clean"/> under <paramref name="diff"/> (from <see cref="Encode"/>).</summary>
    public static string Decode(byte[] diff, string clean)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(clean);
        int pos = 0;
        int count = (int)LayerPack.ReadVarUInt(diff, ref pos);
        if (count == 0)
        {
            return clean;
        }

        return string.Create(clean.Length, (diff, pos, count), (chars, state) =>
        {
            clean.AsSpan().CopyTo(chars);
            var (data, at, n) = state;
            int offset = 0;
            for (int k = 0; k < n; k++)
            {
                offset += (int)LayerPack.ReadVarUInt(data, ref at);
                ulong unit = LayerPack.ReadVarUInt(data, ref at);
                if ((uint)offset >= (uint)chars.Length || unit > char.MaxValue)
                {
                    throw new InvalidDataException("A stored written-text difference does not fit its article's text.");
                }

                chars[offset] = (char)unit;
            }
        });
    }
}
