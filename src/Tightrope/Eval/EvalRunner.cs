using System.Security.Cryptography;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Eval;

/// <summary>The scores of every scorer on every gold article, and their sums.</summary>
public sealed record EvalReport(IReadOnlyList<ArticleScore> Articles, IReadOnlyList<string> Problems)
{
    /// <summary>Sum of one scorer's counts over the articles, per count name.</summary>
    public IReadOnlyDictionary<string, PrfCount> Overall(string scorer)
    {
        var sum = new Dictionary<string, PrfCount>(StringComparer.Ordinal);
        foreach (var a in Articles.Where(a => a.Scorer == scorer))
        {
            foreach (var (k, v) in a.Counts)
            {
                sum[k] = sum.GetValueOrDefault(k, PrfCount.Zero) + v;
            }
        }

        return sum;
    }
}

/// <summary>
/// Runs the pipeline on each gold file's article (read from the corpus folder) with the gold's inferred date as the
/// article date — a partial date ("2020-10") is taken as the middle of its month (<see cref="AnchorOf"/>) — and scores it.
/// </summary>
public static class EvalRunner
{
    public static EvalReport Run(string goldFolder, string corpusFolder, KnowledgeBase knowledge, IEnumerable<IGoldScorer> scorers)
    {
        ArgumentNullException.ThrowIfNull(scorers);
        var list = scorers.ToList();
        var pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = knowledge });
        var scores = new List<ArticleScore>();
        var problems = new List<string>();
        foreach (var path in Directory.EnumerateFiles(goldFolder, "*.gold.yaml").Order(StringComparer.Ordinal))
        {
            GoldFile gold;
            try
            {
                gold = GoldFile.Load(path);
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                problems.Add($"{path}:{ex.Start.Line}: {ex.Message}");
                continue;
            }

            var file = Path.Combine(corpusFolder, gold.Article.File);
            if (!File.Exists(file))
            {
                problems.Add($"{path}: article '{file}' not found");
                continue;
            }

            var article = Read(file);
            if (EvalScorers.ParseGoldDate(gold.Article.InferredDate) is { } date)
            {
                article.Date = new ArticleDate(AnchorOf(gold.Article.InferredDate!, date), DateSource.Given, 1.0, "gold inferred_date");
            }

            pipeline.Process(article);
            foreach (var f in article.Failures)
            {
                problems.Add($"{file}: stage '{f.Stage}' failed: {f.Message}");
            }

            foreach (var scorer in list)
            {
                scores.Add(scorer.Score(gold, article, knowledge));
            }
        }

        return new EvalReport(scores, problems);
    }

    /// <summary>
    /// The day an article of a partial gold date is read at: a month ("2020-10") its 15th, as realnews_check.py does
    /// — its first day made "October 13 to 16" in a past sentence a year early — and a year its first day.
    /// </summary>
    internal static DateOnly AnchorOf(string gold, DateOnly first) => gold.Trim().Length == 7 ? first.AddDays(14) : first;

    /// <summary>An article from a plain-text file (id: SHA-256 of its bytes).</summary>
    public static Article Read(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var id = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new Article(id, text, new ArticleMetadata { Origin = file, Format = "txt" });
    }
}
