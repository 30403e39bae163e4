using System.Buffers;
using System.Numerics;
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

    /// <summary>The normalised text: lower-case letters and digits, words separated by one space.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 1);
        try
        {
            int n = 0;
            bool pendingSpace = false;
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
                {
                    if (pendingSpace && n > 0)
                    {
                        buffer[n++] = ' ';
                    }

                    pendingSpace = false;
                    buffer[n++] = char.ToLowerInvariant(c);
                }
                else if (!IsIgnorable(c))
                {
                    pendingSpace = true;
                }
            }

            return new string(buffer, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Hash of the normalised text: the first 16 bytes of its SHA-256 (UTF-8), in hex.</summary>
    public static string TextHash(ReadOnlySpan<char> text)
    {
        var normalized = Normalize(text);
        int max = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int len = Encoding.UTF8.GetBytes(normalized, bytes);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes.AsSpan(0, len), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>MinHash signature of the text's word shingles; null when the text has no words.</summary>
    public static ulong[]? Signature(ReadOnlySpan<char> text)
    {
        var sig = new ulong[SignatureLength];
        sig.AsSpan().Fill(Empty);

        // Rolling window of the last ShingleSize word hashes.
        ulong w0 = 0, w1 = 0, w2 = 0;
        int words = 0;
        ulong word = FnvOffset;
        bool inWord = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                word = (word ^ char.ToLowerInvariant(c)) * FnvPrime;
                inWord = true;
            }
            else if (inWord && !IsIgnorable(c))
            {
                w0 = w1;
                w1 = w2;
                w2 = Mix(word);
                words++;
                if (words >= ShingleSize)
                {
                    Add(sig, Mix(w0 + BitOperations.RotateLeft(w1, 21) + BitOperations.RotateLeft(w2, 42)));
                }

                word = FnvOffset;
                inWord = false;
            }
        }

        if (words == 0)
        {
            return null;
        }

        if (words < ShingleSize)
        {
            // A text shorter than one shingle: its words are the shingle.
            Add(sig, Mix(w0 + BitOperations.RotateLeft(w1, 21) + BitOperations.RotateLeft(w2, 42)));
        }

        Densify(sig);
        return sig;
    }

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

    private static void Add(ulong[] sig, ulong h)
    {
        int bin = (int)(h >> (64 - BinBits));
        ulong value = h & ((1UL << (64 - BinBits)) - 1);
        if (value < sig[bin])
        {
            sig[bin] = value;
        }
    }

    /// <summary>Fills each empty bin from the next non-empty bin (circularly), offset by the distance.</summary>
    private static void Densify(ulong[] sig)
    {
        for (int i = 0; i < sig.Length; i++)
        {
            if (sig[i] != Empty)
            {
                continue;
            }

            for (int d = 1; d < sig.Length; d++)
            {
                var v = sig[(i + d) % sig.Length];
                if (v != Empty && v < (1UL << (64 - BinBits)))
                {
                    sig[i] = Mix(v + (ulong)d) & ((1UL << (64 - BinBits)) - 1) | (1UL << (64 - BinBits));
                    break;
                }
            }
        }
    }

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
