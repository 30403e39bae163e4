using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace Tightrope.Dedup;

/// <summary>
/// Fingerprints of a cleaned text: an exact hash of its normalised form (case folded, runs of whitespace and
/// punctuation folded to one separator) and a MinHash signature over word shingles for near-duplicates.
/// The signature uses one-permutation hashing (one hash per shingle, <see cref="SignatureLength"/> bins, empty bins
/// filled from their neighbours) so its cost is linear in the text, not in the number of hash functions.
/// </summary>
public static class TextFingerprint
{
    /// <summary>Values in a signature.</summary>
    public const int SignatureLength = 128;

    /// <summary>Words per shingle.</summary>
    public const int ShingleSize = 3;

    /// <summary>LSH bands: <see cref="SignatureLength"/> = <see cref="Bands"/> × <see cref="RowsPerBand"/>.</summary>
    public const int Bands = 16;

    public const int RowsPerBand = SignatureLength / Bands;

    private const int BinBits = 7; // log2(SignatureLength)
    private const ulong Empty = ulong.MaxValue;
    private const ulong ValueMask = (1UL << (64 - BinBits)) - 1;
    /// <summary>Marks values of bins filled by the per-bin MinHash, so they never equal a one-permutation value.</summary>
    private const ulong FilledBit = 1UL << (64 - BinBits);

    /// <summary>The normalised text: lower-case letters and digits, words separated by one space.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 1);
        try
        {
            return new string(buffer, 0, NormalizeInto(text, buffer));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes <see cref="Normalize"/>'s text into <paramref name="buffer"/> (at least as long as the text); returns its length.</summary>
    private static int NormalizeInto(ReadOnlySpan<char> text, Span<char> buffer)
    {
        int n = 0;
        bool pendingSpace = false;
        foreach (char c in text)
        {
            bool word;
            char lower;
            if (c < 128)
            {
                // ASCII: no call into the culture tables.
                word = IsAsciiWordChar(c);
                lower = AsciiLower(c);
            }
            else
            {
                word = char.IsLetterOrDigit(c) || char.IsSurrogate(c);
                lower = word ? char.ToLowerInvariant(c) : c;
                if (!word && IsIgnorable(c))
                {
                    continue;
                }
            }

            if (word)
            {
                if (pendingSpace && n > 0)
                {
                    buffer[n++] = ' ';
                }

                pendingSpace = false;
                buffer[n++] = lower;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return n;
    }

    /// <summary>Hash of the normalised text: the first 16 bytes of its SHA-256 (UTF-8), in hex.</summary>
    public static string TextHash(ReadOnlySpan<char> text)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length + 1);
        byte[]? bytes = null;
        try
        {
            int n = NormalizeInto(text, chars);
            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(n));
            int len = Encoding.UTF8.GetBytes(chars.AsSpan(0, n), bytes);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes.AsSpan(0, len), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    /// <summary>MinHash signature of the text's word shingles; null when the text has no words.</summary>
    public static ulong[]? Signature(ReadOnlySpan<char> text)
    {
        var shingles = ArrayPool<ulong>.Shared.Rent(Math.Max(64, text.Length / 4));
        try
        {
            int count = Shingles(text, ref shingles);
            if (count == 0)
            {
                return null;
            }

            var sig = new ulong[SignatureLength];
            sig.AsSpan().Fill(Empty);
            var hashes = shingles.AsSpan(0, count);
            foreach (var h in hashes)
            {
                int bin = (int)(h >> (64 - BinBits));
                ulong value = h & ValueMask;
                if (value < sig[bin])
                {
                    sig[bin] = value;
                }
            }

            // A bin no shingle fell into gets a classic MinHash value of its own (min over every shingle of a hash
            // seeded by the bin), so short texts keep independent bins instead of copies of their neighbours.
            for (int bin = 0; bin < sig.Length; bin++)
            {
                if (sig[bin] != Empty)
                {
                    continue;
                }

                ulong seed = Mix((ulong)(bin + 1) * 0xD1B54A32D192ED03UL);
                sig[bin] = (MinMixed(hashes, seed) & ValueMask) | FilledBit;
            }

            return sig;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(shingles);
        }
    }

    /// <summary>
    /// The least <c>Mix(h ^ seed)</c> over the hashes, four at a time in vector registers (64-bit lanes: the same
    /// wrapping arithmetic as <see cref="Mix"/>). Most of a signature's cost is here: an article of 440 words leaves
    /// about 11 of the 128 bins empty, each a pass over every shingle.
    /// </summary>
    private static ulong MinMixed(ReadOnlySpan<ulong> hashes, ulong seed)
    {
        ulong min = Empty;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && hashes.Length >= Vector256<ulong>.Count)
        {
            var s = Vector256.Create(seed);
            var m1 = Vector256.Create(0xBF58476D1CE4E5B9UL);
            var m2 = Vector256.Create(0x94D049BB133111EBUL);
            var least = Vector256.Create(Empty);
            ref ulong first = ref MemoryMarshal.GetReference(hashes);
            for (; i <= hashes.Length - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                var z = Vector256.LoadUnsafe(ref first, (nuint)i) ^ s;
                z = (z ^ Vector256.ShiftRightLogical(z, 30)) * m1;
                z = (z ^ Vector256.ShiftRightLogical(z, 27)) * m2;
                z ^= Vector256.ShiftRightLogical(z, 31);
                least = Vector256.Min(least, z);
            }

            for (int k = 0; k < Vector256<ulong>.Count; k++)
            {
                min = Math.Min(min, least.GetElement(k));
            }
        }

        for (; i < hashes.Length; i++)
        {
            ulong v = Mix(hashes[i] ^ seed);
            if (v < min)
            {
                min = v;
            }
        }

        return min;
    }

    /// <summary>Hashes of the word shingles of the text, in order (a text shorter than a shingle is one shingle).</summary>
    private static int Shingles(ReadOnlySpan<char> text, ref ulong[] buffer)
    {
        ulong w0 = 0, w1 = 0, w2 = 0;
        int words = 0, count = 0;
        ulong word = FnvOffset;
        bool inWord = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (c >= 0x3040 && IsIdeographOrKana(c))
            {
                // Chinese and Japanese are written without spaces: each character is a word of its own.
                if (inWord)
                {
                    i--; // end the word in hand first, then come back to this character
                }
                else
                {
                    word = (word ^ c) * FnvPrime;
                    inWord = true;
                }

                c = ' ';
            }
            else if (c < 128 ? IsAsciiWordChar(c) : char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                word = (word ^ (c < 128 ? AsciiLower(c) : char.ToLowerInvariant(c))) * FnvPrime;
                inWord = true;
                continue;
            }

            if (inWord && !IsIgnorable(c))
            {
                w0 = w1;
                w1 = w2;
                w2 = Mix(word);
                words++;
                if (words >= ShingleSize)
                {
                    Append(ref buffer, ref count, Mix(w0 + BitOperations.RotateLeft(w1, 21) + BitOperations.RotateLeft(w2, 42)));
                }

                word = FnvOffset;
                inWord = false;
            }
        }

        if (words > 0 && words < ShingleSize)
        {
            Append(ref buffer, ref count, Mix(w0 + BitOperations.RotateLeft(w1, 21) + BitOperations.RotateLeft(w2, 42)));
        }

        return count;
    }

    private static void Append(ref ulong[] buffer, ref int count, ulong value)
    {
        if (count == buffer.Length)
        {
            var bigger = ArrayPool<ulong>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan().CopyTo(bigger);
            ArrayPool<ulong>.Shared.Return(buffer);
            buffer = bigger;
        }

        buffer[count++] = value;
    }

    private static bool IsIdeographOrKana(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsAsciiWordChar(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    private static char AsciiLower(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;

    /// <summary>Estimated Jaccard similarity of the shingle sets behind two signatures (share of equal values).</summary>
    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0;
        }

        int same = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }

    /// <summary>One LSH key per band: texts whose signatures agree on every row of some band share that key.</summary>
    public static long[] BandKeys(ReadOnlySpan<ulong> signature)
    {
        int bands = signature.Length / RowsPerBand;
        var keys = new long[bands];
        for (int b = 0; b < bands; b++)
        {
            ulong h = Mix((ulong)(b + 1) * 0x9E3779B97F4A7C15UL);
            var rows = signature.Slice(b * RowsPerBand, RowsPerBand);
            foreach (var v in rows)
            {
                h = Mix(h ^ v) + 0x632BE59BD9B4E019UL;
            }

            keys[b] = (long)h;
        }

        return keys;
    }

    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>The splitmix64 finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Characters that neither belong to a word nor separate words (combining marks, zero-width).</summary>
    private static bool IsIgnorable(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD';
}
