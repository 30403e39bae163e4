using System.Globalization;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>The period of a figure: the nearest year its sentence names.</summary>
internal sealed partial class FigureAnnotator
{
    private static readonly (string Phrase, int Offset)[] RelativeYears = ReadRelativeYears(LanguageData.English["figures-relative-years"]);

    /// <summary>Years as text, so a period costs no allocation.</summary>
    private static readonly string[] YearTexts = [.. Enumerable.Range(0, 401).Select(i => (1800 + i).ToString(CultureInfo.InvariantCulture))];

    private static (string Phrase, int Offset)[] ReadRelativeYears(WordList list) =>
        [.. list.Words.Select(w => (w, int.Parse(list.Values[w], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)))];

    /// <summary>A year written in a sentence ("2026", "last year"): where, how long, which year, and what it follows.</summary>
    private readonly record struct YearMention(int Start, int Length, int Year, bool AfterFrom, bool AfterBaseline);

    /// <summary>The years of one sentence, found once for all its figures.</summary>
    private sealed class YearMentions
    {
        public TextSpan Sentence { get; set; } = new(-1, -1);
        public DateOnly? Date { get; set; }
        public List<YearMention> List { get; } = [];
    }

    /// <summary>
    /// The period a figure refers to: the nearest year written in its sentence — "2026", or "this/last/next year"
    /// against the article's date — that is not a baseline ("from 2025", "since 2018", "than last year's"); else the
    /// article's year; null when there is neither.
    /// </summary>
    private static string? Period(Run run, TextSpan sentence, TextSpan figure)
    {
        var years = YearsOf(run, sentence);
        int best = -1, bestDist = int.MaxValue;
        foreach (var y in years.List)
        {
            int abs = y.Start;
            if (abs < figure.End && abs + y.Length > figure.Start)
            {
                continue;
            }

            // A baseline is not the period: "from 2025", "since 2018", "than 2019", "from last year's" — unless it
            // is the figure's own ("from last year's 960.2 billion won" is the period of 960.2 billion).
            int dist = abs < figure.Start ? figure.Start - (abs + y.Length) : abs - figure.End;
            if (dist > 2 && y.AfterFrom || y.AfterBaseline)
            {
                continue;
            }

            if (dist < bestDist)
            {
                best = y.Year;
                bestDist = dist;
            }
        }

        if (best > 0)
        {
            return YearText(best);
        }

        return run.Date is { } d ? YearText(d.Year) : null;
    }

    private static string YearText(int year) =>
        year is >= 1800 and <= 2200 ? YearTexts[year - 1800] : year.ToString(CultureInfo.InvariantCulture);

    private static YearMentions YearsOf(Run run, TextSpan sentence)
    {
        var years = run.Years;
        if (years.Sentence == sentence)
        {
            return years;
        }

        years.Sentence = sentence;
        years.List.Clear();
        var s = run.Text.AsSpan(sentence.Start, sentence.Length);
        for (int i = 0; i + 4 <= s.Length; i++)
        {
            if (!char.IsDigit(s[i]) || (i > 0 && char.IsLetterOrDigit(s[i - 1])) || (i + 4 < s.Length && char.IsLetterOrDigit(s[i + 4])))
            {
                continue;
            }

            if (int.TryParse(s.Slice(i, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2100)
            {
                years.List.Add(Mention(s, sentence.Start, i, 4, y));
            }
        }

        if (run.Date is { } d)
        {
            foreach (var (phrase, offset) in RelativeYears)
            {
                for (int from = 0; from < s.Length;)
                {
                    int i = s[from..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
                    if (i < 0)
                    {
                        break;
                    }

                    i += from;
                    bool left = i == 0 || !char.IsLetterOrDigit(s[i - 1]);
                    bool right = i + phrase.Length >= s.Length || !char.IsLetterOrDigit(s[i + phrase.Length]);
                    if (left && right)
                    {
                        years.List.Add(Mention(s, sentence.Start, i, phrase.Length, d.Year + offset));
                    }

                    from = i + phrase.Length;
                }
            }
        }

        return years;
    }

    private static YearMention Mention(ReadOnlySpan<char> sent, int sentenceStart, int i, int length, int year)
    {
        var before = sent[..i].TrimEnd();
        bool baseline = before.EndsWith("since", StringComparison.OrdinalIgnoreCase) || before.EndsWith("than", StringComparison.OrdinalIgnoreCase)
                        || before.EndsWith("over", StringComparison.OrdinalIgnoreCase);
        return new YearMention(sentenceStart + i, length, year, before.EndsWith("from", StringComparison.OrdinalIgnoreCase), baseline);
    }

    private static int? PeriodYear(string? period) =>
        period is { Length: >= 4 } && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) ? y : null;
}
