using System.Text;
using Tightrope.Clean;
using Tightrope.Eval;
using Tightrope.Model;
using Tightrope.Tests.Support;
using Xunit.Abstractions;

namespace Tightrope.Tests.Clean;

/// <summary>
/// Cleaning the seed articles against their gold files: every gold <c>noise:</c> entry must be covered by a removed
/// (or marked) segment of its kind, and the sentences the gold annotates must survive. The seeds are read in place.
/// </summary>
public sealed class SeedCleaningTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Seeds()
    {
        if (SharedData.Root is null)
        {
            yield return ["(shared data absent)"];
            yield break;
        }

        foreach (var gold in Directory.EnumerateFiles(SharedData.Gold, "*.gold.yaml").Order(StringComparer.Ordinal))
        {
            yield return [Path.GetFileName(gold)];
        }
    }

    private static (GoldFile Gold, Article Article) Load(string goldName)
    {
        var gold = GoldFile.Load(Path.Combine(SharedData.Gold, goldName));
        var raw = File.ReadAllText(Path.Combine(SharedData.Seeds, gold.Article.File));
        var article = new Article(goldName, raw, new ArticleMetadata());
        new CleanStage().Process(article);
        return (gold, article);
    }

    internal static RemovalKind ParseKind(string kind) => kind switch
    {
        "boilerplate" => RemovalKind.Boilerplate,
        "html_artifact" => RemovalKind.HtmlArtifact,
        "duplicate" => RemovalKind.Duplicate,
        "related_links" => RemovalKind.RelatedLinks,
        "byline" => RemovalKind.Byline,
        "copyright" => RemovalKind.Copyright,
        "truncated" => RemovalKind.Truncated,
        _ => throw new InvalidDataException($"unknown noise kind '{kind}'"),
    };

    /// <summary>Every place the gold text occurs in the raw text.</summary>
    private static List<TextSpan> Occurrences(string raw, string text)
    {
        var spans = new List<TextSpan>();
        for (int i = raw.IndexOf(text, StringComparison.Ordinal); i >= 0; i = raw.IndexOf(text, i + 1, StringComparison.Ordinal))
        {
            spans.Add(new TextSpan(i, i + text.Length));
        }

        return spans;
    }

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void EveryGoldNoiseEntryIsCoveredByARemovedSegmentOfItsKind(string goldName)
    {
        var (gold, article) = Load(goldName);
        var missed = new List<string>();
        foreach (var noise in gold.Noise)
        {
            var kind = ParseKind(noise.Kind);
            var places = Occurrences(article.RawText, noise.Text);
            Assert.True(places.Count > 0, $"{goldName}: gold noise text not found in the seed: '{noise.Text}'");
            bool covered = places.Exists(p => article.Removed.Exists(r => r.Kind == kind && r.RawSpan.Overlaps(p)));
            output.WriteLine($"{(covered ? "caught" : "MISSED")} {noise.Kind}: {noise.Text}");
            if (!covered)
            {
                missed.Add($"{noise.Kind}: '{noise.Text}'");
            }
        }

        foreach (var r in article.Removed)
        {
            bool inGold = gold.Noise.Exists(n => Occurrences(article.RawText, n.Text).Exists(p => p.Overlaps(r.RawSpan)));
            output.WriteLine($"  removed {r.Kind} {r.RawSpan}{(inGold ? "" : " (not in gold)")}: {Short(r.Text)} [{r.Reason}]");
        }

        Assert.True(missed.Count == 0, $"{goldName}: noise not caught: {string.Join("; ", missed)}");
    }

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void TheSentencesTheGoldAnnotatesSurviveCleaning(string goldName)
    {
        var (gold, article) = Load(goldName);
        var clean = Canonical(article.Text);
        var sentences = GoldSentences(gold);
        var lost = sentences.Where(s => !clean.Contains(Canonical(s), StringComparison.Ordinal)).ToList();
        foreach (var s in lost)
        {
            output.WriteLine($"lost: {s}");
        }

        output.WriteLine($"{sentences.Count - lost.Count}/{sentences.Count} gold sentences kept");
        Assert.NotEmpty(sentences);
        Assert.True(lost.Count * 10 <= sentences.Count, $"{goldName}: {lost.Count} of {sentences.Count} gold sentences were removed: {string.Join(" | ", lost)}");
    }

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void KeptCharactersOfASeedMapBackToTheSameRawCharacters(string goldName)
    {
        var (_, article) = Load(goldName);
        for (int i = 0; i < article.Text.Length; i++)
        {
            char c = article.Text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                Assert.Equal(c, article.RawText[article.Offsets.ToRaw(i)]);
            }
        }
    }

    /// <summary>The sentences the gold quotes for figures and events, except those inside gold noise.</summary>
    internal static List<string> GoldSentences(GoldFile gold) =>
        [.. gold.Figures.Where(f => !f.InNoise).Select(f => f.Sentence)
            .Concat(gold.Events.Select(e => e.Sentence))
            .OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(s => !gold.Noise.Exists(n => Canonical(n.Text).Length > 0 && Canonical(s).StartsWith(Canonical(n.Text), StringComparison.Ordinal)))];

    private static string Short(string s) => s.Length <= 70 ? s.ReplaceLineEndings(" ") : s[..70].ReplaceLineEndings(" ") + "…";

    /// <summary>Lower-cased letters and digits, one space between words: compares text across typography.</summary>
    internal static string Canonical(string text)
    {
        // A space before an apostrophe is an extraction artefact the cleaner removes; ignore it here too.
        text = text.Replace(" ’", "’", StringComparison.Ordinal).Replace(" '", "'", StringComparison.Ordinal);
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is not ('\'' or '’'))
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}
