using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tightrope.Batch;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Cli;

/// <summary>What a new user meets: --json everywhere, output to files and pipes, the help's placeholders, stats.</summary>
public sealed partial class CliOutputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));

    public CliOutputTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(null, args);

    private string Ingested(int chars)
    {
        var corpus = Path.Combine(_folder, "corpus");
        SyntheticCorpus.WriteTo(corpus, chars);
        var db = Path.Combine(_folder, "store.db");
        var ingest = Run("ingest", corpus, "--db", db);
        Assert.True(ingest.Exit == 0, ingest.Err);
        return db;
    }

    [Fact]
    public void VersionWritesJsonWhenAskedTo()
    {
        var (exit, output, _) = Run("version", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("tightrope", json.RootElement.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("version").GetString()));
        Assert.Contains(".NET", json.RootElement.GetProperty("runtime").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExportFiguresSaysInJsonWhatItWrote()
    {
        var db = Ingested(60_000);
        var file = Path.Combine(_folder, "figures.json");

        var (exit, output, err) = Run("export", "figures", "--db", db, "--format", "json", "--out", file, "--json");

        Assert.True(exit == 0, err);
        using var json = JsonDocument.Parse(output);
        using var written = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(Path.GetFullPath(file), json.RootElement.GetProperty("file").GetString());
        Assert.Equal("json", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(written.RootElement.GetArrayLength(), json.RootElement.GetProperty("rows").GetInt32());
        Assert.True(written.RootElement.GetArrayLength() > 0);
    }

    [Fact]
    public void RedirectedOutputHasNoProgressLinesAndLinesAreNotCutAtEightyColumns()
    {
        var text = Path.Combine(_folder, "envoys.txt");
        File.WriteAllText(text, "Envoys meet in Geneva\n\n"
            + "Envoys of the two allies met in Geneva on Monday to discuss the number of troops stationed on the peninsula, the cost of "
            + "keeping them there and the exercises planned for the spring, officials of both governments said after the meeting.\n");
        var db = Path.Combine(_folder, "piped.db");

        var ingest = Run("ingest", text, "--db", db);
        var search = Run("search", "exercises", "--db", db);

        Assert.True(ingest.Exit == 0, ingest.Err);
        Assert.DoesNotContain(ingest.Out.Split('\n'), l => l.StartsWith("read ", StringComparison.Ordinal));
        Assert.StartsWith("Ingest", ingest.Out.TrimStart(), StringComparison.Ordinal);
        Assert.True(search.Exit == 0, search.Err);
        Assert.Contains(search.Out.Split('\n'), l => l.Length > 80 && l.Contains("[[exercises]]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 4096)]
    [InlineData("", 4096)]
    [InlineData("abc", 4096)]
    [InlineData("0", 4096)]
    [InlineData("132", 132)]
    public void TheWidthOfRedirectedOutputIsWideUnlessColumnsSaysOtherwise(string? columns, int expected) =>
        Assert.Equal(expected, Tightrope.Cli.Terminal.Width(columns));

    [Fact]
    public void StatsSummarisesTheStoreInTextAndJson()
    {
        var db = Ingested(40_000);
        int articles;
        using (var store = Tightrope.Storage.ArticleStore.Open(db))
        {
            articles = store.Stats().Articles;
        }

        var json = Run("stats", "--db", db, "--json");
        var text = Run("stats", "--db", db);

        Assert.Equal(0, json.Exit);
        using var stats = JsonDocument.Parse(json.Out);
        Assert.Equal(articles, stats.RootElement.GetProperty("articles").GetInt32());
        foreach (var key in new[] { "duplicates", "sources", "from", "to", "mentions", "resolvedMentions", "figures", "contradictions", "stageFailures" })
        {
            Assert.True(stats.RootElement.TryGetProperty(key, out _), key);
        }

        Assert.Equal(0, text.Exit);
        Assert.Matches($@"articles\s+│\s+{articles:N0}\s", text.Out);
        Assert.Equal(2, Run("stats", "--db", Path.Combine(_folder, "absent.db")).Exit);
    }

    [Fact]
    public void EvalOnAFolderWithoutGoldFilesSaysSoAndIsAUsageError()
    {
        var empty = Path.Combine(_folder, "gold");
        Directory.CreateDirectory(empty);

        var (exit, _, err) = Run("eval", "--gold", empty);

        Assert.Equal(2, exit);
        Assert.Contains("no gold file", err, StringComparison.Ordinal);
        Assert.Contains(empty, err, StringComparison.Ordinal);
    }

    /// <summary>Commands whose placeholders are not named yet (none).</summary>
    private static readonly HashSet<string> NotYetNamed = [];

    /// <summary>Options whose one name means different things in different commands, each with its own placeholder.</summary>
    private static readonly HashSet<string> DifferentMeanings =
    [
        // articles --source NAME filters by outlet; kb add --source URL cites where an entry's facts come from.
        "source",
        // export figures --format csv|json|parquet and export events --format csv|json|plover: each lists what it writes.
        "format",
    ];

    [Fact]
    public void EveryOptionHasAMeaningfulPlaceholderAndTheSameOptionTheSameOneEverywhere()
    {
        var placeholders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var bare = new List<string>();
        foreach (var (path, help) in Helps(Tightrope.Cli.Cli.BuildRoot(), []))
        {
            foreach (Match m in OptionPlaceholder().Matches(help))
            {
                var (option, placeholder) = (m.Groups["option"].Value, m.Groups["placeholder"].Value);
                bool named = placeholder.Contains('|', StringComparison.Ordinal) || placeholder == placeholder.ToUpperInvariant();
                if (!named && !NotYetNamed.Contains(path[0]))
                {
                    bare.Add($"{string.Join(' ', path)} --{option} <{placeholder}>");
                }

                if (named)
                {
                    placeholders.TryAdd(option, []);
                    placeholders[option].Add(placeholder);
                }
            }
        }

        Assert.Empty(bare);
        Assert.Empty(placeholders.Where(p => p.Value.Count > 1 && !DifferentMeanings.Contains(p.Key)).Select(p => $"--{p.Key}: {string.Join(", ", p.Value)}"));
        Assert.Equal(["N"], placeholders["threads"]);
        Assert.Equal(["YYYY-MM-DD"], placeholders["date"]);
    }

    private static IEnumerable<(string[] Path, string Help)> Helps(Command command, string[] path)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] subPath = [.. path, sub.Name];
            var output = new StringWriter();
            Tightrope.Cli.Cli.BuildRoot().Parse([.. subPath, "--help"]).Invoke(new InvocationConfiguration { Output = output });
            yield return (subPath, output.ToString());
            foreach (var nested in Helps(sub, subPath))
            {
                yield return nested;
            }
        }
    }

    [GeneratedRegex(@"^\s+(?:-\w, )*--(?<option>[\w-]+) <(?<placeholder>[^>]+)>", RegexOptions.Multiline)]
    private static partial Regex OptionPlaceholder();
}
