using System.Text.Json;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Cli;

/// <summary>The real `tightrope annotate`, run as a child process: it reads any input the way ingest reads it.</summary>
public sealed class AnnotateCommandTests : IDisposable
{
    private const string Paragraphs =
        "<p>Negotiators from both capitals met for a third day to settle how the cost of stationing troops should be divided.</p>"
        + "<p>Officials said the gap between the two offers had narrowed but that no figure had been agreed yet.</p>"
        + "<p>The defense ministry said the joint drills planned for the spring would go ahead at a reduced scale.</p>";

    private const string Page =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Cost talks enter third day</title>"
        + "<meta property=\"article:published_time\" content=\"2021-02-03T09:00:00Z\"><script>var tracker = 1;</script></head>"
        + "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Cost talks enter third day</h1>"
        + Paragraphs + "</article><footer>Site footer text</footer></body></html>";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));

    public AnnotateCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Out, string Err) Run(string? stdin, params string[] args) => CliProcess.Run(stdin ?? "", args);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static void AssertArticleFromPage(JsonElement a)
    {
        Assert.Equal("Cost talks enter third day", a.GetProperty("title").GetString());
        Assert.Equal("2021-02-03", a.GetProperty("date").GetString());
        var text = a.GetProperty("text").GetString()!;
        Assert.Contains("Negotiators from both capitals", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Site footer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnHtmlFileIsExtractedAsIngestWouldExtractIt()
    {
        var (exit, output, error) = Run(null, "annotate", Write("page.html", Page), "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        AssertArticleFromPage(json.RootElement);
    }

    [Fact]
    public void HtmlOnStandardInputIsRecognisedByItsContent()
    {
        var (exit, output, error) = Run(Page, "annotate", "-", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        AssertArticleFromPage(json.RootElement);
        Assert.Equal("stdin", json.RootElement.GetProperty("origin").GetString());
    }

    [Fact]
    public void MarkdownFrontMatterGivesTheTitleAndDateAndIsNotInTheText()
    {
        var md = "---\ntitle: \"Drills scaled back\"\ndate: 2019-03-04\n---\n\n"
            + "The defense ministry said the joint drills planned for the spring would go ahead at a reduced scale this year.\n";
        var (exit, output, error) = Run(null, "annotate", Write("drills.md", md), "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Drills scaled back", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("2019-03-04", json.RootElement.GetProperty("date").GetString());
        Assert.StartsWith("The defense ministry", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RemovedSegmentKindsAreSnakeCase()
    {
        var text = "Cost talks enter third day\n\nNegotiators from both capitals met for a third day to settle how the cost of stationing troops should be divided. "
            + "Officials said the gap between the two offers had narrowed but that no figure had been agreed yet. "
            + "The defense ministry said the joint drills planned for the spring would go ahead at a reduced scale.\n- Navy chief visits port city ahead of drills\n- Chipmaker expands plant in Texas\n"
            + "- Lawmakers debate troop cap amendment\n- Exchange rate hits two-year low\n";
        var (exit, output, error) = Run(text, "annotate", "-", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var kinds = json.RootElement.GetProperty("removed").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Distinct().ToList();
        Assert.Equal(["related_links"], kinds);
    }

    [Fact]
    public void JsonLinesWithSeveralArticlesGiveAnArray()
    {
        var lines = "{\"title\": \"One\", \"text\": \"Officials said the gap between the two offers had narrowed.\"}\n"
            + "{\"title\": \"Two\", \"text\": \"The ministry said the drills would go ahead at a reduced scale.\", \"published\": \"2020-05-06\"}\n";
        var (exit, output, error) = Run(null, "annotate", Write("two.jsonl", lines), "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(["One", "Two"], json.RootElement.EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.Equal("2020-05-06", json.RootElement[1].GetProperty("date").GetString());
    }

    [Fact]
    public void EmptyInputAndAMissingFileFailWithTheirNames()
    {
        var empty = Run("  \n", "annotate", "-");
        Assert.Equal(1, empty.Exit);
        Assert.Contains("stdin", empty.Err, StringComparison.Ordinal);

        var missing = Path.Combine(_folder, "absent.txt");
        var (exit, _, error) = Run(null, "annotate", missing);
        Assert.Equal(1, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }
}
