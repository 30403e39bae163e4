using System.Buffers;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Tightrope.Storage.Sqlite;

/// <summary>
/// How the SQLite store compresses what it keeps as blobs (schema 7): an article's cleaned text, its raw-text
/// difference and the scoped records. A packed value is the uncompressed length (a LEB128 varint) followed by a Brotli
/// stream of that many bytes (quality <see cref="Quality"/>): Brotli's built-in dictionary of common words suits
/// texts of a few kilobytes, which a per-article Deflate stream starts with no history for.
/// Full-text search reads the text through SQL functions registered on every connection of the store
/// (<see cref="Register"/>): <c>tightrope_text(blob)</c> gives the text back; the migration to schema 7 packs with
/// <c>tightrope_pack_text(text)</c> and <c>tightrope_pack(blob)</c>.
/// </summary>
internal static class SqlitePacking
{
    /// <summary>Brotli quality: 1 compresses English text about as fast as Deflate's fastest level, a fifth smaller.</summary>
    public const int Quality = 1;

    /// <summary>Brotli window (log2 of its size): texts longer than 4 MB are rare, and a larger window costs memory.</summary>
    private const int Window = 22;

    /// <summary>Packs <paramref name="data"/>; the result is a new array.</summary>
    public static byte[] Pack(ReadOnlySpan<byte> data)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxPacked(data.Length));
        try
        {
            int n = Pack(data, buffer);
            return buffer.AsSpan(0, n).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The largest a value of <paramref name="length"/> bytes packs to.</summary>
    public static int MaxPacked(int length) => 5 + BrotliEncoder.GetMaxCompressedLength(Math.Max(1, length));

    /// <summary>Packs <paramref name="data"/> into <paramref name="output"/> (at least <see cref="MaxPacked"/> bytes); returns the bytes written.</summary>
    public static int Pack(ReadOnlySpan<byte> data, Span<byte> output)
    {
        int at = WriteLength(output, data.Length);
        if (data.IsEmpty)
        {
            return at;
        }

        if (!BrotliEncoder.TryCompress(data, output[at..], out int written, Quality, Window))
        {
            throw new InvalidOperationException("Brotli could not compress a value into its maximum size.");
        }

        return at + written;
    }

    /// <summary>The bytes a packed value holds.</summary>
    public static byte[] Unpack(ReadOnlySpan<byte> packed)
    {
        int length = ReadLength(packed, out int at);
        var data = new byte[length];
        Unpack(packed[at..], data);
        return data;
    }

    /// <summary>Packs a text (as UTF-8) into <paramref name="buffer"/>, growing it as needed; returns the bytes written.</summary>
    public static int PackText(string text, ref byte[] buffer, ref byte[] utf8)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (utf8.Length < max)
        {
            utf8 = new byte[Math.Max(max, utf8.Length * 2)];
        }

        int n = Encoding.UTF8.GetBytes(text, utf8);
        int need = MaxPacked(n);
        if (buffer.Length < need)
        {
            buffer = new byte[Math.Max(need, buffer.Length * 2)];
        }

        return Pack(utf8.AsSpan(0, n), buffer);
    }

    public static byte[] PackText(string text)
    {
        byte[] buffer = [], utf8 = [];
        int n = PackText(text, ref buffer, ref utf8);
        return buffer.AsSpan(0, n).ToArray();
    }

    /// <summary>The text a packed value holds.</summary>
    public static string UnpackText(ReadOnlySpan<byte> packed)
    {
        int length = ReadLength(packed, out int at);
        if (length == 0)
        {
            return string.Empty;
        }

        var utf8 = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Unpack(packed[at..], utf8.AsSpan(0, length));
            return Encoding.UTF8.GetString(utf8, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>
    /// Registers the store's SQL functions on <paramref name="connection"/> (before any statement reads the full-text
    /// index): those of schema 7 and <c>tightrope_text_zs(blob)</c>, the text of a schema-8 value (<see cref="ZstdPacking"/>).
    /// </summary>
    public static void Register(SqliteConnection connection, ZstdPacking zstd)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(zstd);
        connection.CreateFunction("tightrope_text_zs", (byte[]? packed) => packed is null ? null : zstd.UnpackText(packed), isDeterministic: true);
        connection.CreateFunction("tightrope_text", (byte[]? packed) => packed is null ? null : UnpackText(packed), isDeterministic: true);
        connection.CreateFunction("tightrope_pack_text", (string? text) => text is null ? null : PackText(text), isDeterministic: true);
        connection.CreateFunction("tightrope_pack", (byte[]? data) => data is null ? null : Pack(data), isDeterministic: true);
    }

    private static void Unpack(ReadOnlySpan<byte> stream, Span<byte> output)
    {
        if (output.IsEmpty)
        {
            return;
        }

        if (!BrotliDecoder.TryDecompress(stream, output, out int written) || written != output.Length)
        {
            throw new InvalidDataException("A packed value of the store is damaged (its Brotli stream does not give the length it records).");
        }
    }

    private static int WriteLength(Span<byte> output, int length)
    {
        uint v = (uint)length;
        int at = 0;
        while (v >= 0x80)
        {
            output[at++] = (byte)(v | 0x80);
            v >>= 7;
        }

        output[at++] = (byte)v;
        return at;
    }

    private static int ReadLength(ReadOnlySpan<byte> packed, out int at)
    {
        uint v = 0;
        int shift = 0;
        at = 0;
        while (true)
        {
            if (at >= packed.Length || shift > 28)
            {
                throw new InvalidDataException("A packed value of the store is damaged (its length is cut short).");
            }

            byte b = packed[at++];
            v |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }

            shift += 7;
        }

        if (v > int.MaxValue)
        {
            throw new InvalidDataException("A packed value of the store is damaged (its length is out of range).");
        }

        return (int)v;
    }
}
