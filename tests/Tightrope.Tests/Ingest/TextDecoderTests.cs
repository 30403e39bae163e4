using System.Text;
using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class TextDecoderTests
{
    private const string Korean = "한미동맹은 1953년 상호방위조약으로 시작되었다. 주한미군 방위비 분담금 협상이 다시 열렸고, 양국 국방장관은 전시작전통제권 전환 일정을 논의했다. 서울과 워싱턴은 연합훈련을 계속하기로 합의했다.";
    private const string Chinese = "韩美同盟始于一九五三年的共同防御条约。驻韩美军防卫费分担谈判再次开始，两国国防部长讨论了战时作战指挥权移交的日程。首尔和华盛顿同意继续举行联合军演。";
    private const string Japanese = "米韓同盟は一九五三年の相互防衛条約から始まった。在韓米軍の防衛費分担交渉が再び始まり、両国の国防相は戦時作戦統制権の移管日程を協議した。ソウルとワシントンは合同演習の継続で合意した。";
    private const string Traditional = "韓美同盟始於一九五三年的共同防禦條約。駐韓美軍防衛費分擔談判再次開始，兩國國防部長討論了戰時作戰指揮權移交的日程。首爾和華盛頓同意繼續舉行聯合軍演。";

    static TextDecoderTests() => TextDecoder.EnsureCodePages();

    private static string Decode(byte[] bytes, string? declared = null)
    {
        var text = TextDecoder.Decode(bytes, declared, out var error);
        Assert.Null(error);
        return text;
    }

    [Fact]
    public void AUtf8ByteOrderMarkIsDroppedFromTheText()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Seoul " + Korean)).ToArray();
        Assert.Equal("Seoul " + Korean, Decode(bytes));
    }

    /// <summary>A UTF-8 byte order mark and <paramref name="body"/>, repeated to over one 64 kB sample when <paramref name="long"/>.</summary>
    private static byte[] WithBom(string body, bool @long)
    {
        var text = @long ? string.Concat(Enumerable.Repeat(body + "\n", (70_000 / (body.Length + 1)) + 1)) : body;
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf8AfterAByteOrderMarkWithFewControlCharactersIsText(bool @long)
    {
        // A control character and a replacement character in 42 (4.8%, under 5%): still text, short or over one sample.
        var body = "Talks on the cost of the troops\u0007 resumed\uFFFD.";
        var bytes = WithBom(body, @long);
        Assert.Equal(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), Decode(bytes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf8AfterAByteOrderMarkFullOfControlsOrReplacementsIsBinary(bool @long)
    {
        foreach (var body in new[] { "ab\u0001cd\u0002ef\u0003gh\u0004", "a\uFFFDb\uFFFDc\uFFFDd\uFFFD" })
        {
            var d = TextDecoder.Inspect(WithBom(body, @long), null);
            Assert.False(d.Ok);
            Assert.Contains("control characters when read as utf-8", d.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InvalidUtf8AfterAByteOrderMarkIsRejected(bool @long)
    {
        var bytes = WithBom("Seoul and Washington", @long);
        bytes[10] = 0xC3; // a lead byte followed by an ASCII letter
        var d = TextDecoder.Inspect(bytes, null);
        Assert.False(d.Ok);
        Assert.Equal("invalid utf-8 byte sequences", d.Error);
    }

    [Fact]
    public void AByteOrderMarkAloneIsAnEmptyFile()
    {
        var d = TextDecoder.Inspect(Encoding.UTF8.GetPreamble(), null);
        Assert.Equal("empty file", d.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithAByteOrderMarkIsDecodedInEitherByteOrder(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Alliance " + Korean)).ToArray();
        Assert.Equal("Alliance " + Korean, Decode(bytes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithoutAByteOrderMarkIsRecognisedFromItsZeroBytes(bool bigEndian)
    {
        var text = "The allies agreed on a new cost-sharing deal for US troops in Korea.\nTalks resume in March.";
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(text);
        Assert.Equal(text, Decode(bytes));
    }

    [Theory]
    [InlineData("euc-kr", Korean)]
    [InlineData("gb18030", Chinese)]
    [InlineData("shift_jis", Japanese)]
    [InlineData("big5", Traditional)]
    public void LegacyCjkEncodingsAreDetectedWithoutADeclaration(string charset, string sample)
    {
        var text = string.Join("\n\n", Enumerable.Repeat(sample, 3));
        var bytes = Encoding.GetEncoding(charset).GetBytes(text);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));
        Assert.Equal(text, Decode(bytes));
    }

    [Theory]
    [InlineData("euc-kr", Korean)]
    [InlineData("gb2312", Chinese)]
    [InlineData("shift_jis", Japanese)]
    [InlineData("big5", Traditional)]
    public void ADeclaredCharsetIsUsedWhenItExplainsTheBytes(string charset, string sample)
    {
        var bytes = Encoding.GetEncoding(charset == "gb2312" ? "gb18030" : charset).GetBytes(sample[..20]);
        Assert.Equal(sample[..20], Decode(bytes, charset));
    }

    [Fact]
    public void TheHtmlMetaCharsetIsFound()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-KR\"></head><body></body></html>"u8;
        Assert.Equal("EUC-KR", TextDecoder.DeclaredCharset(html));
        Assert.Equal("shift_jis", TextDecoder.DeclaredCharset("<!doctype html><meta charset='shift_jis'>"u8));
        Assert.Equal("GB2312", TextDecoder.DeclaredCharset("<?xml version=\"1.0\" encoding=\"GB2312\"?><rss/>"u8));
        Assert.Null(TextDecoder.DeclaredCharset("<html><body>no declaration</body></html>"u8));
    }

    [Fact]
    public void AWrongDeclarationLosesToValidUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Korean);
        Assert.Equal(Korean, Decode(bytes, "shift_jis"));
    }

    [Fact]
    public void BytesNoEncodingExplainsAreRejected()
    {
        // High bytes with no structure: not UTF-8, and no code page the detector trusts.
        var random = new Random(7);
        var bytes = new byte[4000];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i % 9 == 0 ? ' ' : random.Next(0x80, 0x100));
        }

        TextDecoder.Decode(bytes, null, out var error);
        Assert.NotNull(error);
        Assert.Contains("invalid byte sequences", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryDataIsRejected()
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3 };
        TextDecoder.Decode(bytes, null, out var error);
        Assert.Contains("binary", error, StringComparison.Ordinal);
    }
}

public class DeclaredCharsetTests
{
    [Fact]
    public void AUtf8PageThatDeclaresALegacyCharsetIsReadAsUtf8()
    {
        var text = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Café talks in Séoul — 한미 동맹</p></body></html>";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.Equal(text, TextDecoder.Decode(bytes, TextDecoder.DeclaredCharset(bytes), out var error));
        Assert.Null(error);
    }

    [Fact]
    public void AWindows1252PageThatDeclaresItIsReadWithIt()
    {
        TextDecoder.EnsureCodePages();
        var text = "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u00e9 talks \u2014 \u201cquoted\u201d</p></body></html>";
        var bytes = System.Text.Encoding.GetEncoding(1252).GetBytes(text);
        Assert.Equal(text, TextDecoder.Decode(bytes, TextDecoder.DeclaredCharset(bytes), out var error));
        Assert.Null(error);
    }
}
