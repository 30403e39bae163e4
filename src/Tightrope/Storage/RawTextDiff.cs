using Tightrope.Model;

namespace Tightrope.Storage;

/// <summary>
/// The raw text kept as a difference from the cleaned text instead of a second copy: the offset map's runs, each either
/// a copy of the cleaned text (when the characters are the same) or the raw characters themselves, and the raw text
/// between runs (what cleaning removed or rewrote). Decoding gives back the raw text and the offset map exactly.
/// </summary>
public static class RawTextDiff
{
    /// <summary>Null when cleaning changed nothing (the raw text is the cleaned text).</summary>
    public static byte[]? Encode(string raw, string clean, OffsetMap offsets)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(offsets);
        if (string.Equals(raw, clean, StringComparison.Ordinal))
        {
            return null;
        }

        var runs = offsets.Runs;
        bool monotonic = true;
        int last = 0;
        foreach (var (c, r, len) in runs)
        {
            if (r < last || r + len > raw.Length || c < 0 || c + len > clean.Length)
            {
                monotonic = false;
                break;
            }

            last = r + len;
        }

        var output = new LayerPack.Buffer(64 + (raw.Length / 8));
        if (!monotonic)
        {
            // Runs that overlap in the raw text (cleaning inserted something): keep the runs and the raw text whole.
            output.VarUInt(0);
            output.VarUInt((ulong)runs.Count);
            foreach (var (c, r, len) in runs)
            {
                output.VarUInt((ulong)c);
                output.VarUInt((ulong)r);
                output.VarUInt((ulong)len);
            }

            output.Utf8(raw);
            return output.ToArray();
        }

        output.VarUInt((ulong)runs.Count + 1);
        int p = 0;
        foreach (var (c, r, len) in runs)
        {
            output.Utf8(raw[p..r]);
            output.VarUInt((ulong)c);
            output.VarUInt((ulong)len);
            bool same = raw.AsSpan(r, len).SequenceEqual(clean.AsSpan(c, len));
            output.Byte(same ? (byte)1 : (byte)0);
            if (!same)
            {
                output.Utf8(raw.Substring(r, len));
            }

            p = r + len;
        }

        output.Utf8(raw[p..]);
        return output.ToArray();
    }

    /// <summary>The raw text and offset map that <see cref="Encode"/> was given.</summary>
    public static (string Raw, OffsetMap Offsets) Decode(ReadOnlySpan<byte> data, string clean)
    {
        ArgumentNullException.ThrowIfNull(clean);
        int pos = 0;
        int header = (int)LayerPack.ReadVarUInt(data, ref pos);
        if (header == 0)
        {
            var whole = new OffsetMap();
            int count = (int)LayerPack.ReadVarUInt(data, ref pos);
            for (int i = 0; i < count; i++)
            {
                int c = (int)LayerPack.ReadVarUInt(data, ref pos);
                int r = (int)LayerPack.ReadVarUInt(data, ref pos);
                whole.Add(c, r, (int)LayerPack.ReadVarUInt(data, ref pos));
            }

            return (LayerPack.ReadUtf8(data, ref pos), whole);
        }

        var raw = new System.Text.StringBuilder(clean.Length + 256);
        var map = new OffsetMap();
        for (int i = 0; i < header - 1; i++)
        {
            raw.Append(LayerPack.ReadUtf8(data, ref pos));
            int c = (int)LayerPack.ReadVarUInt(data, ref pos);
            int len = (int)LayerPack.ReadVarUInt(data, ref pos);
            bool same = data[pos++] == 1;
            map.Add(c, raw.Length, len);
            if (same)
            {
                raw.Append(clean.AsSpan(c, len));
            }
            else
            {
                raw.Append(LayerPack.ReadUtf8(data, ref pos));
            }
        }

        raw.Append(LayerPack.ReadUtf8(data, ref pos));
        return (raw.ToString(), map);
    }
}
