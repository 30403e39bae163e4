using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace Tightrope.Ingest;

/// <summary>The outcome of looking at bytes: the encoding that explains them and where the text starts, or why none does.</summary>
internal readonly record struct Decoding(Encoding? Encoding, int Preamble, string? Error)
{
    public bool Ok => Encoding is not null;

    public static Decoding Fail(string error) => new(null, 0, error);
}

/// <summary>
/// Finds the encoding of text bytes: BOM, then UTF-16 without BOM, then valid UTF-8, then a declared charset (HTTP
/// header, HTML meta, XML declaration), then statistical detection (UTF.Unknown) for legacy CJK and other code pages.
/// Also rejects binary data and bytes that no encoding explains.
/// </summary>
internal static class TextDecoder
{
    private const int SampleBytes = 64 * 1024;

    // C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape; and DEL.
    private static readonly SearchValues<byte> Controls = SearchValues.Create(
        [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 127]);

    private static readonly SearchValues<char> ControlChars = SearchValues.Create(
        "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001C\u001D\u001E\u001F\u007F\uFFFD");

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Makes sure legacy code pages are available (the static constructor does the work).</summary>
    public static void EnsureCodePages()
    {
    }

    /// <summary>Decides how to decode <paramref name="bytes"/>, without building the string when UTF-8 explains them.</summary>
    public static Decoding Inspect(ReadOnlyMemory<byte> memory, string? declaredCharset)
    {
        var bytes = memory.Span;
        if (bytes.Length == 0)
        {
            return Decoding.Fail("empty file");
        }

        // 1. Byte order marks.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return bytes.Length - 3 <= SampleBytes ? CheckedUtf8(bytes[3..]) : Checked(memory, new UTF8Encoding(false, true), 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
        {
            return Checked(memory, new UTF32Encoding(false, false, true), 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Checked(memory, new UnicodeEncoding(false, false, true), 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Checked(memory, new UnicodeEncoding(true, false, true), 2);
        }

        // 2. UTF-16 without BOM: mostly-ASCII text has a zero in every other byte.
        if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            var utf16 = Checked(memory, new UnicodeEncoding(bigEndian, false, true), 0);
            if (utf16.Ok)
            {
                return utf16;
            }
        }

        // 3. Binary data: NUL bytes or many control bytes.
        if (bytes.Contains((byte)0))
        {
            return Decoding.Fail("binary data (NUL bytes), not text");
        }

        if (ControlRatio(bytes) > 0.05)
        {
            return Decoding.Fail("binary data (control bytes), not text");
        }

        // 4. Valid UTF-8 (ASCII included) wins even over a declaration: legacy text is almost never valid UTF-8 by
        // chance, while pages that declare a legacy charset and are served as UTF-8 are common.
        if (Utf8.IsValid(bytes))
        {
            return new Decoding(Encoding.UTF8, 0, null);
        }

        // 5. A declared charset, when it explains the bytes.
        if (declaredCharset is not null && Resolve(declaredCharset) is { } declared && declared.CodePage != Encoding.UTF8.CodePage)
        {
            var d = Checked(memory, Strict(declared), 0);
            if (d.Ok)
            {
                return d;
            }
        }

        // 6. Statistical detection for legacy encodings.
        return Detect(memory);
    }

    /// <summary>Decodes the bytes to a string, or returns why they are not text.</summary>
    public static string Decode(ReadOnlyMemory<byte> memory, string? declaredCharset, out string? error)
    {
        var d = Inspect(memory, declaredCharset);
        if (!d.Ok)
        {
            error = d.Error;
            return "";
        }

        error = null;
        var span = memory.Span[d.Preamble..];
        try
        {
            return d.Encoding!.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            error = $"invalid {d.Encoding!.WebName} byte sequences";
            return "";
        }
    }

    /// <summary>The charset a document declares in its first bytes: HTML meta charset or the XML declaration.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        int at = IndexOfIgnoreCase(head, "charset"u8);
        int length = 7;
        if (at < 0 && head.StartsWith("<?xml"u8))
        {
            int end = head.IndexOf("?>"u8);
            var decl = end > 0 ? head[..end] : head;
            at = IndexOfIgnoreCase(decl, "encoding"u8);
            length = 8;
        }

        if (at < 0)
        {
            return null;
        }

        var rest = head[(at + length)..];
        int i = 0;
        while (i < rest.Length && rest[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        if (i >= rest.Length || rest[i] != (byte)'=')
        {
            return null;
        }

        i++;
        while (i < rest.Length && rest[i] is (byte)' ' or (byte)'"' or (byte)'\'')
        {
            i++;
        }

        int start = i;
        while (i < rest.Length && (char.IsAsciiLetterOrDigit((char)rest[i]) || rest[i] is (byte)'-' or (byte)'_' or (byte)'.' or (byte)':'))
        {
            i++;
        }

        return i > start ? Encoding.ASCII.GetString(rest[start..i]) : null;
    }

    /// <summary>An encoding for a charset label, preferring the supersets sites actually use (CP949 for EUC-KR, GB18030 for GB2312/GBK, CP932 for Shift_JIS).</summary>
    public static Encoding? Resolve(string charset)
    {
        var label = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        label = label switch
        {
            "euc-kr" or "ks_c_5601-1987" or "ks_c_5601" or "korean" or "x-windows-949" or "cp949" or "uhc" => "ks_c_5601-1987",
            "gb2312" or "gbk" or "gb_2312-80" or "x-gbk" or "cp936" or "euc-cn" or "hz-gb-2312" => "gb18030",
            "shift_jis" or "shift-jis" or "sjis" or "x-sjis" or "ms_kanji" or "cp932" or "windows-31j" => "shift_jis",
            "big5-hkscs" or "x-x-big5" or "cp950" => "big5",
            "utf8" => "utf-8",
            "latin1" or "iso-8859-1" or "us-ascii" or "ascii" => "windows-1252",
            _ => label,
        };

        try
        {
            var encoding = Encoding.GetEncoding(label);
            // .NET maps ks_c_5601-1987 to code page 949 and shift_jis to 932, the supersets browsers use.
            return encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Share of C0 control bytes in the first 64 KB.</summary>
    public static double ControlRatio(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        int count = 0;
        int i;
        var rest = sample;
        while ((i = rest.IndexOfAny(Controls)) >= 0)
        {
            count++;
            rest = rest[(i + 1)..];
        }

        return sample.Length == 0 ? 0 : (double)count / sample.Length;
    }

    /// <summary>Share of control characters and U+FFFD in decoded text (a sample).</summary>
    public static double ControlRatio(ReadOnlySpan<char> text)
    {
        var sample = text[..Math.Min(text.Length, SampleBytes)];
        int count = 0;
        int i;
        var rest = sample;
        while ((i = rest.IndexOfAny(ControlChars)) >= 0)
        {
            count++;
            rest = rest[(i + 1)..];
        }

        return sample.Length == 0 ? 0 : (double)count / sample.Length;
    }

    private static Decoding Checked(ReadOnlyMemory<byte> memory, Encoding strict, int preamble)
    {
        var span = memory.Span[preamble..];
        try
        {
            int chars = strict.GetCharCount(span);
            if (chars == 0)
            {
                return Decoding.Fail("empty file");
            }

            // Decoded text full of controls is binary in disguise (for example zero-heavy data read as UTF-16).
            var sample = span[..Math.Min(span.Length, SampleBytes)];
            var text = strict.GetString(sample.Length < span.Length ? TrimPartial(sample, strict) : sample);
            if (ControlRatio(text) > 0.05)
            {
                return Decoding.Fail($"binary data (control characters when read as {strict.WebName}), not text");
            }

            return new Decoding(strict, preamble, null);
        }
        catch (DecoderFallbackException)
        {
            return Decoding.Fail($"invalid {strict.WebName} byte sequences");
        }
    }

    /// <summary>
    /// What <see cref="Checked"/> says of UTF-8 after a byte order mark, read from the bytes instead of a decoded copy
    /// (for text of at most one sample, which the sample then is whole): valid UTF-8; not empty; control characters
    /// and U+FFFD under 5% of the UTF-16 characters. In valid UTF-8 a byte below 0x80 is a character of its own and
    /// EF BF BD can only be U+FFFD, so the counts are those of the decoded text.
    /// </summary>
    private static Decoding CheckedUtf8(ReadOnlySpan<byte> span)
    {
        if (!Utf8.IsValid(span))
        {
            return Decoding.Fail($"invalid {StrictUtf8.WebName} byte sequences");
        }

        if (span.IsEmpty)
        {
            return Decoding.Fail("empty file");
        }

        int count = 0;
        int i;
        var rest = span;
        while ((i = rest.IndexOfAny(Controls)) >= 0)
        {
            count++;
            rest = rest[(i + 1)..];
        }

        count += span.Count((ReadOnlySpan<byte>)[0xEF, 0xBF, 0xBD]);
        if ((double)count / Encoding.UTF8.GetCharCount(span) > 0.05)
        {
            return Decoding.Fail($"binary data (control characters when read as {StrictUtf8.WebName}), not text");
        }

        return new Decoding(StrictUtf8, 3, null);
    }

    private static ReadOnlySpan<byte> TrimPartial(ReadOnlySpan<byte> sample, Encoding encoding)
    {
        // A sample cut mid-character would fail strict decoding; cut back to a line break when there is one.
        int nl = sample.LastIndexOf((byte)'\n');
        if (encoding is UnicodeEncoding or UTF32Encoding)
        {
            int unit = encoding is UTF32Encoding ? 4 : 2;
            int len = sample.Length - (sample.Length % unit);
            // Back off a trailing high surrogate.
            return sample[..Math.Max(0, len - (unit * 2))];
        }

        return nl > 0 ? sample[..(nl + 1)] : sample;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return false;
        }

        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        int evenZeros = 0, oddZeros = 0, pairs = sample.Length / 2;
        for (int i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0)
            {
                evenZeros++;
            }

            if (sample[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.05)
        {
            return true;
        }

        if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    private static Decoding Detect(ReadOnlyMemory<byte> memory)
    {
        byte[] array;
        int offset, count;
        if (MemoryMarshal.TryGetArray(memory, out var segment) && segment.Array is not null)
        {
            (array, offset, count) = (segment.Array, segment.Offset, segment.Count);
        }
        else
        {
            (array, offset, count) = (memory.ToArray(), 0, memory.Length);
        }

        var result = CharsetDetector.DetectFromBytes(array, offset, Math.Min(count, 256 * 1024));
        var detected = result.Detected;
        if (detected?.EncodingName is not { } name || detected.Confidence < 0.5)
        {
            return Fallback(memory.Span, "invalid byte sequences: not UTF-8, and no known encoding explains them");
        }

        if (Resolve(name) is not { } encoding || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return Fallback(memory.Span, $"invalid byte sequences: not UTF-8 (detector guessed {name})");
        }

        var checkedResult = Checked(memory, Strict(encoding), 0);
        return checkedResult.Ok
            ? checkedResult
            : Fallback(memory.Span, $"invalid byte sequences: not UTF-8, and not valid {encoding.WebName} either");
    }

    /// <summary>
    /// What browsers do with undeclared legacy bytes (WHATWG Encoding, the fallback for Latin-script locales):
    /// windows-1252. Taken when the text is mostly ASCII with scattered high bytes (accented letters, curly quotes of
    /// an old page); bytes that are high almost everywhere are no Latin text and stay refused with <paramref name="error"/>.
    /// </summary>
    private static Decoding Fallback(ReadOnlySpan<byte> bytes, string error)
    {
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        int high = 0;
        foreach (var b in sample)
        {
            high += b >= 0x80 ? 1 : 0;
        }

        return sample.Length > 0 && high <= sample.Length * 0.3
            ? new Decoding(Encoding.GetEncoding(1252), 0, null)
            : Decoding.Fail(error);
    }

    private static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (int i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < lowerNeedle.Length && (haystack[i + j] | 0x20) == lowerNeedle[j])
            {
                j++;
            }

            if (j == lowerNeedle.Length)
            {
                return i;
            }
        }

        return -1;
    }
}
