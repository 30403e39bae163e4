using System.Globalization;
using System.Text;

namespace Tightrope.Batch;

/// <summary>One generated article: a file name and its text.</summary>
public readonly record struct SyntheticArticle(string Name, string Text, SyntheticKind Kind);

public enum SyntheticKind
{
    Original,
    /// <summary>The same story re-posted with other boilerplate, byline and related links, and small edits.</summary>
    NearDuplicate,
    /// <summary>The same text with other spacing, casing and punctuation.</summary>
    ExactDuplicate,
}

/// <summary>
/// A deterministic stream of synthetic news articles about the US–South Korea alliance, written from templates and a
/// vocabulary of its own (no sentence from any real article): varied topics, actors, figures in several currencies
/// and dates, with re-posts and copies mixed in. Memory stays flat: only a small window of recent stories is kept
/// to make duplicates from.
/// </summary>
public static class SyntheticCorpus
{
    private static readonly string[] Actors =
    [
        "President Yoon Suk Yeol", "President Lee Jae-myung", "President Moon Jae-in", "President Joe Biden",
        "President Donald Trump", "Defense Minister Ahn Gyu-back", "Foreign Minister Cho Hyun", "Secretary of State Marco Rubio",
        "Defense Secretary Pete Hegseth", "General Xavier Brunson", "Unification Minister Chung Dong-young",
        "the Joint Chiefs of Staff", "U.S. Forces Korea", "the National Assembly", "the Pentagon", "the Blue House",
        "the Ministry of National Defense", "Pyongyang", "Beijing", "Tokyo", "the State Department", "Kim Jong-un",
        "Chinese Foreign Ministry spokesperson", "Japanese Prime Minister", "a senior administration official",
    ];

    private static readonly string[] Topics =
    [
        "defense cost sharing", "the Special Measures Agreement", "wartime operational control", "the troop presence",
        "the Freedom Shield exercise", "the Ulchi Freedom Shield drills", "sanctions on North Korea", "semiconductor export controls",
        "the THAAD battery in Seongju", "the nuclear consultative group", "shipbuilding cooperation", "tariffs on Korean cars",
        "rare earth supply chains", "the end-of-war declaration", "missile launches", "extended deterrence",
    ];

    private static readonly string[] Verbs =
    [
        "agreed to review", "called for progress on", "rejected demands over", "proposed talks on", "warned against delays in",
        "praised the outcome of", "raised concerns about", "pledged support for", "criticised the handling of", "announced a plan for",
        "sought clarity on", "defended the approach to", "discussed", "postponed a decision on", "welcomed the deal on",
    ];

    private static readonly string[] Places = ["Seoul", "Washington", "Pyeongtaek", "Busan", "Camp Humphreys", "Panmunjom", "Tokyo", "Beijing", "Singapore", "Jeju"];

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Connectives =
    [
        "Meanwhile,", "In a statement,", "Officials said", "According to the ministry,", "Analysts noted that", "Separately,",
        "Earlier this year,", "Critics argued that", "The move comes as", "Speaking to reporters,",
    ];

    private static readonly string[] Outlets = ["Alliance Daily", "Peninsula Times", "Harbor Wire", "East Sea Monitor", "Capital Ledger"];

    /// <summary>Articles until about <paramref name="targetChars"/> characters of text have been produced.</summary>
    /// <param name="small">Short articles of one paragraph (for tests that need many files quickly).</param>
    public static IEnumerable<SyntheticArticle> Generate(long targetChars, int seed = 20260101, bool small = false)
    {
        var random = new Random(seed);
        var recent = new Queue<string>();
        long produced = 0;
        for (int n = 0; produced < targetChars; n++)
        {
            SyntheticArticle article;
            int roll = random.Next(100);
            if (recent.Count > 4 && roll < 6)
            {
                var original = recent.ElementAt(random.Next(recent.Count));
                article = new SyntheticArticle(Name(n), Repost(original, random), SyntheticKind.NearDuplicate);
            }
            else if (recent.Count > 4 && roll < 8)
            {
                var original = recent.ElementAt(random.Next(recent.Count));
                article = new SyntheticArticle(Name(n), Respace(original, random), SyntheticKind.ExactDuplicate);
            }
            else
            {
                var story = Story(random, small);
                recent.Enqueue(story);
                if (recent.Count > 64)
                {
                    recent.Dequeue();
                }

                article = new SyntheticArticle(Name(n), Dress(story, random), SyntheticKind.Original);
            }

            produced += article.Text.Length;
            yield return article;
        }
    }

    /// <summary>Writes the corpus as text files (1,000 a folder) and returns how many files and characters.</summary>
    public static (int Files, long Chars) WriteTo(string folder, long targetChars, int seed = 20260101, bool small = false)
    {
        int files = 0;
        long chars = 0;
        foreach (var article in Generate(targetChars, seed, small))
        {
            var dir = Path.Combine(folder, (files / 1000).ToString("D4", CultureInfo.InvariantCulture));
            if (files % 1000 == 0)
            {
                Directory.CreateDirectory(dir);
            }

            File.WriteAllText(Path.Combine(dir, article.Name), article.Text, Encoding.UTF8);
            files++;
            chars += article.Text.Length;
        }

        return (files, chars);
    }

    private static string Name(int n) => $"article-{n:D7}.txt";

    private static string Pick(string[] words, Random random) => words[random.Next(words.Length)];

    /// <summary>The body of a story: a headline and paragraphs of varied sentences.</summary>
    private static string Story(Random random, bool small)
    {
        var sb = new StringBuilder(4096);
        var topic = Pick(Topics, random);
        var actor = Pick(Actors, random);
        sb.Append(Capitalise(Strip(actor))).Append(' ').Append(Pick(Verbs, random)).Append(' ').Append(topic).Append("\n\n");
        int paragraphs = small ? 1 : 3 + random.Next(6);
        for (int p = 0; p < paragraphs; p++)
        {
            int sentences = 2 + random.Next(4);
            for (int s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    sb.Append(' ');
                }

                Sentence(sb, random, topic);
            }

            sb.Append("\n\n");
        }

        return sb.ToString().TrimEnd();
    }

    private static void Sentence(StringBuilder sb, Random random, string topic)
    {
        var ci = CultureInfo.InvariantCulture;
        var a = Pick(Actors, random);
        var b = Pick(Actors, random);
        switch (random.Next(7))
        {
            case 0:
                sb.Append(ci, $"{Capitalise(a)} {Pick(Verbs, random)} {topic} during a meeting with {b} in {Pick(Places, random)} on {Pick(Months, random)} {1 + random.Next(28)}, {1995 + random.Next(31)}.");
                break;
            case 1:
                sb.Append(ci, $"Under the proposal, Seoul would pay {1 + random.Next(9)}.{random.Next(10000):D4} trillion won (about ${random.Next(300, 1600)} million) a year, up {random.Next(1, 15)}.{random.Next(10)}% from the previous round.");
                break;
            case 2:
                sb.Append(ci, $"{Pick(Connectives, random)} about {random.Next(20, 30)},{random.Next(1000):D3} American troops remain stationed at {random.Next(8, 80)} sites across the peninsula.");
                break;
            case 3:
                sb.Append(ci, $"\"We will not accept {topic} on these terms,\" {a} told reporters after talks with {b}.");
                break;
            case 4:
                sb.Append(ci, $"{Pick(Connectives, random)} {a} said the two sides would meet again in {Pick(Months, random)} to discuss {Pick(Topics, random)}.");
                break;
            case 5:
                sb.Append(ci, $"The plan covers roughly 1/{random.Next(3, 12)} of the ${random.Next(1, 90)}.{random.Next(10)} billion budget, nearly {random.Next(10, 90)}% of which goes to {Pick(Topics, random)}.");
                break;
            default:
                sb.Append(ci, $"{Capitalise(b)} {Pick(Verbs, random)} {Pick(Topics, random)}, while {a} {Pick(Verbs, random)} {topic} ahead of a visit to {Pick(Places, random)}.");
                break;
        }
    }

    /// <summary>A story as an outlet posts it: byline, body, copyright line, related links.</summary>
    private static string Dress(string story, Random random)
    {
        var outlet = Pick(Outlets, random);
        var sb = new StringBuilder(story.Length + 400);
        sb.Append(CultureInfo.InvariantCulture, $"By staff reporter {(char)('A' + random.Next(26))}. {Pick(["Kim", "Park", "Lee", "Choi", "Jung"], random)}, {outlet}\n\n");
        sb.Append(story);
        sb.Append(CultureInfo.InvariantCulture, $"\n\nCopyright © {2000 + random.Next(27)} {outlet}. All rights reserved. Reproduction prohibited.\n\nRelated articles\n");
        int links = 2 + random.Next(3);
        for (int i = 0; i < links; i++)
        {
            sb.Append("- ").Append(Capitalise(Pick(Topics, random))).Append(": what comes next\n");
        }

        return sb.ToString();
    }

    /// <summary>The story re-posted by another outlet with a few words changed.</summary>
    private static string Repost(string story, Random random)
    {
        var words = story.Split(' ');
        int edits = Math.Max(1, words.Length / 100);
        for (int i = 0; i < edits; i++)
        {
            int at = random.Next(words.Length);
            words[at] = random.Next(2) == 0 ? "reportedly" : words[at].ToUpperInvariant();
        }

        return Dress(string.Join(' ', words), random);
    }

    /// <summary>The same words with other spacing, casing and punctuation (an exact duplicate once normalised).</summary>
    private static string Respace(string story, Random random) =>
        story.Replace(". ", random.Next(2) == 0 ? ".  " : "; ", StringComparison.Ordinal).Replace(",", " ,", StringComparison.Ordinal).ToUpperInvariant();

    private static string Strip(string actor) => actor.StartsWith("the ", StringComparison.Ordinal) ? actor[4..] : actor;

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
