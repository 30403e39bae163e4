using System.Text;
using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class LegacyEncodingTests
{
    static LegacyEncodingTests() => TextDecoder.EnsureCodePages();

    private const string Story = """
        <html><head><title>Café talks</title></head><body><article>
        <p>The envoys met at a café near the harbour on Monday and spoke of “shared costs” for the garrison — a topic both capitals had avoided since the spring.</p>
        <p>Neither side gave a figure, but the minister’s aide said the talks would resume after the holidays in a smaller, more discreet format.</p>
        </article></body></html>
        """;

    [Fact]
    public void AWindows1252PageWithoutACharsetIsDecodedAsBrowsersDo()
    {
        using var dir = new TempFolder();
        var bytes = Encoding.GetEncoding(1252).GetBytes(Story);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));
        var text = Read.Article(dir.Write("old.html", bytes)).RawText;
        Assert.Contains("met at a café near the harbour", text, StringComparison.Ordinal);
        Assert.Contains("“shared costs”", text, StringComparison.Ordinal);
        Assert.Contains("minister’s aide", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MostlyAsciiTextWithStrayHighBytesFallsBackToWindows1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("Plain words with one accented letter: résumé, and a pound sign £ at the end.");
        var text = TextDecoder.Decode(bytes, null, out var error);
        Assert.Null(error);
        Assert.Contains("résumé", text, StringComparison.Ordinal);
        Assert.Contains("£", text, StringComparison.Ordinal);
    }
}
