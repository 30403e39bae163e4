using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Dates;

/// <summary>
/// The date lines a web page carries around its article, read from the raw text (cleaning may have removed them):
/// a labelled line ("Posted on : 2019-02-11", "Updated: 2023-11-21 19:20", "date 2023-03-06"), a JSON wrapper's
/// "date" field, a short line that is mostly a full date ("- The X Times - Wednesday, April 26, 2023"), and a wire
/// dateline ("SEOUL, Aug. 22 (Xinhua) --"), whose year comes from the other lines. Lines with widget words (weather,
/// "today", "ago", copyright) are not the article's; unlabelled lines count only near the top of the page.
/// </summary>
internal sealed partial class PageDateLines(DateRecognizer recognizer, LanguageData language)
{
    private static readonly Lazy<PageDateLines> LazyEnglish = new(() => new PageDateLines(DateRecognizer.English, LanguageData.English));

    public static PageDateLines English => LazyEnglish.Value;

    private readonly FrozenDictionary<string, string> _labels = Labels(language);
    private readonly WordList _widgets = language["dates-widget-markers"];

    /// <summary>How far down the page an unlabelled date line may be (share of the raw text, or the first lines).</summary>
    private const double TopShare = 0.35;
    private const int TopLines = 12;
    private const int ShortLine = 110;

    private enum LineKind
    {
        Published,
        Dateline,
        DateLine,
        Updated,
    }

    private readonly record struct LineRange(int Start, int Length);

    private readonly record struct Candidate(LineKind Kind, DateOnly Date, int Start, int End, string Line, int Month, int Day);

    /// <summary>The other languages whose page labels a page in English may carry ("입력", "发布时间", "公開日").</summary>
    private static readonly string[] LabelLanguages = ["ko", "zh", "ja"];

    /// <summary>Slack in days before a date line is contradicted by a later date the content reports as past.</summary>
    private const int Slack = 2;

    private static FrozenDictionary<string, string> Labels(LanguageData language)
    {
        var all = new Dictionary<string, string>(language["dates-page-labels"].Values, StringComparer.OrdinalIgnoreCase);
        foreach (var other in LabelLanguages)
        {
            if (LanguageData.FromResources(other).Find("dates-page-labels") is { } list)
            {
                foreach (var (word, kind) in list.Values)
                {
                    all.TryAdd(word, kind);
                }
            }
        }

        return all.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The page's date from its date lines. <paramref name="contentLatest"/>, asked only when an unlabelled line or
    /// a dateline is met, gives the latest full date the content reports as past: an article cannot report a day
    /// after its own, so such a line is not the article's (a header's date, a photo's).
    /// </summary>
    public ArticleDate? Find(string raw, Func<DateOnly?>? contentLatest = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var found = new List<Candidate>();
        int lineNo = 0;
        foreach (var range in Lines(raw))
        {
            lineNo++;
            var line = raw.AsSpan(range.Start, range.Length);
            if (line.IsWhiteSpace())
            {
                continue;
            }

            bool top = lineNo <= TopLines || range.Start <= raw.Length * TopShare;
            bool labelledZone = range.Start <= raw.Length * 0.6 || lineNo <= TopLines;
            if (!labelledZone)
            {
                break;
            }

            // Only the start of a long line is read (a page line glued to the body: " date 2023-03-06 The ...").
            int readLength = Math.Min(range.Length, 160);
            if (line[..readLength].IndexOfAnyInRange('0', '9') < 0 && line[..readLength].IndexOfAnyInRange('\uFF10', '\uFF19') < 0)
            {
                continue; // a date with a day has a digit (ASCII or full-width); most lines of a story have none
            }

            if (!recognizer.Grammar.MayHoldMonthDay(line[..readLength]))
            {
                continue; // and a month word or a numeric year-month-day: most lines with figures have neither
            }

            var text = raw.Substring(range.Start, readLength);
            if (HasWidgetWord(text))
            {
                continue;
            }

            foreach (var (e, parts) in recognizer.Find(text, [], null))
            {
                if (parts.Month is not { } month || parts.Day is not { } day)
                {
                    continue;
                }

                var label = LabelBefore(text, e.Span.Start);
                int start = range.Start + e.Span.Start, end = range.Start + e.Span.End;
                if (parts.Year is { } year)
                {
                    if (day > DateTime.DaysInMonth(year, month))
                    {
                        continue;
                    }

                    var date = new DateOnly(year, month, day);
                    if (label is { } kind)
                    {
                        found.Add(new(kind, date, start, end, TrimLine(raw, range), month, day));
                    }
                    else if (top && (range.Length <= ShortLine || e.Span.Start <= 2) && Mostly(text.AsSpan(0, Math.Min(text.Length, range.Length)), e.Span))
                    {
                        found.Add(new(LineKind.DateLine, date, start, end, TrimLine(raw, range), month, day));
                    }
                }
                else if (top && e.Span.Start <= 40 && Dateline().IsMatch(text.AsSpan(e.Span.End)) && CityBefore(text.AsSpan(0, e.Span.Start)))
                {
                    found.Add(new(LineKind.Dateline, default, start, end, TrimLine(raw, range), month, day));
                }
            }
        }

        return Choose(found, contentLatest);
    }

    private static ArticleDate? Choose(List<Candidate> found, Func<DateOnly?>? contentLatest)
    {
        if (found.Count == 0)
        {
            return null;
        }

        bool asked = false;
        DateOnly? latest = null;
        bool Contradicted(DateOnly d)
        {
            if (!asked)
            {
                asked = true;
                latest = contentLatest?.Invoke();
            }

            return latest is { } l && l.DayNumber > d.DayNumber + Slack;
        }

        var dated = found.Where(c => c.Kind != LineKind.Dateline).ToList();
        // A dateline gives the day the story was filed; its year is that of the page's own date lines.
        foreach (var c in found)
        {
            if (c.Kind != LineKind.Dateline)
            {
                continue;
            }

            foreach (var d in dated)
            {
                foreach (int y in (ReadOnlySpan<int>)[d.Date.Year, d.Date.Year - 1])
                {
                    if (c.Day <= DateTime.DaysInMonth(y, c.Month))
                    {
                        var when = new DateOnly(y, c.Month, c.Day);
                        int gap = d.Date.DayNumber - when.DayNumber;
                        if (gap is >= 0 and <= 7 && !Contradicted(when))
                        {
                            return Make(c with { Date = when }, 0.9, $"dateline '{c.Line}' (raw {c.Start}-{c.End}), year from '{d.Line}'");
                        }
                    }
                }
            }
        }

        // A labelled line is the article's; of unlabelled ones, those the content does not contradict, and when it
        // reports a dated past, the earliest of them (a header's clock shows a later day than the article's line).
        var best = dated.Where(c => c.Kind != LineKind.DateLine).OrderBy(c => c.Kind).ThenBy(c => c.Start).FirstOrDefault();
        if (best.Line is null || best.Kind == LineKind.Updated)
        {
            var lines = dated.Where(c => c.Kind == LineKind.DateLine && !Contradicted(c.Date)).ToList();
            var line = (latest is null ? lines.OrderBy(c => c.Start) : lines.OrderBy(c => c.Date).ThenBy(c => c.Start)).FirstOrDefault();
            if (line.Line is not null)
            {
                best = line;
            }
        }

        if (best.Line is null)
        {
            return null;
        }

        double confidence = best.Kind switch { LineKind.Published => 0.95, LineKind.DateLine => 0.85, _ => 0.8 };
        string what = best.Kind switch { LineKind.Published => "labelled page line", LineKind.Updated => "updated page line", _ => "page date line" };
        return Make(best, confidence, $"{what} '{best.Line}' (raw {best.Start}-{best.End})");
    }

    private static ArticleDate Make(Candidate c, double confidence, string evidence) => new(c.Date, DateSource.PageLine, confidence, evidence);

    private LineKind? LabelBefore(string text, int start)
    {
        // The label is the last words before the date, ending with an optional colon or "on".
        int end = start;
        while (end > 0 && (text[end - 1] is ' ' or ':' or '：' or '\t' or '"' or '=' or '\'' || text[end - 1] == '\u00a0'))
        {
            end--;
        }

        for (int words = 1, i = end; words <= 3 && i > 0; words++)
        {
            int j = i;
            while (j > 0 && char.IsLetter(text[j - 1]))
            {
                j--;
            }

            if (j == i)
            {
                break;
            }

            var label = DateGrammar.CollapseSpaces(text[j..end]);
            if (Label(label) is { } kind)
            {
                return kind;
            }

            // A JSON wrapper's key: "date", "datePublished", "published_at".
            if (words == 1 && text.AsSpan(0, j).TrimEnd().EndsWith("\"", StringComparison.Ordinal) is var quoted && quoted
                && label.StartsWith("date", StringComparison.OrdinalIgnoreCase))
            {
                return LineKind.Published;
            }

            i = j;
            while (i > 0 && text[i - 1] == ' ')
            {
                i--;
            }
        }

        return null;
    }

    /// <summary>
    /// The kind a label gives; a run of CJK letters also by its end ("本文发布时间": 发布时间), as those scripts put no
    /// space between words.
    /// </summary>
    private LineKind? Label(string label)
    {
        for (int from = 0; from < label.Length; from++)
        {
            if (from > 0 && (label[from - 1] < 0x2E80 || label.Length - from < 2))
            {
                break;
            }

            if (_labels.TryGetValue(from == 0 ? label : label[from..], out var kind))
            {
                return string.Equals(kind, "updated", StringComparison.Ordinal) ? LineKind.Updated : LineKind.Published;
            }
        }

        return null;
    }

    internal bool HasWidgetWord(ReadOnlySpan<char> text)
    {
        // The runs of letters, '°', '©' and '%' (this is asked of every dated sentence).
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            if (i > start && _widgets.Contains(text[start..i]))
            {
                return true;
            }
        }

        return false;

        static bool IsWordChar(char c) => char.IsLetter(c) || c is '°' or '©' or '%';
    }

    /// <summary>
    /// Whether the date is most of the line: what is left is a short name or separator ("- The X Times -"), not a
    /// clause — a photo caption ("Soldiers grab dinner in South Korea, May 13, 1955.") has lower-case words.
    /// </summary>
    private static bool Mostly(ReadOnlySpan<char> line, TextSpan date)
    {
        int letters = 0, lowerWords = 0;
        for (int i = 0; i < line.Length; i++)
        {
            if (!date.Contains(i) && char.IsLetterOrDigit(line[i]))
            {
                letters++;
                if (char.IsLower(line[i]) && (i == 0 || !char.IsLetterOrDigit(line[i - 1])))
                {
                    lowerWords++;
                }
            }
        }

        return letters <= 45 && lowerWords < 2;
    }

    private static bool CityBefore(ReadOnlySpan<char> before)
    {
        var s = before.Trim();
        return s.Length == 0 || (s.Length <= 40 && s[^1] == ',' && char.IsUpper(s[0]));
    }

    private static string TrimLine(string raw, LineRange range)
    {
        var s = raw.Substring(range.Start, range.Length).Trim();
        return s.Length <= 80 ? s : s[..80] + "…";
    }

    private static IEnumerable<LineRange> Lines(string raw)
    {
        int start = 0;
        while (start <= raw.Length)
        {
            int nl = raw.IndexOf('\n', start);
            int end = nl < 0 ? raw.Length : nl;
            yield return new LineRange(start, end - start);
            if (nl < 0)
            {
                yield break;
            }

            start = nl + 1;
        }
    }

    [GeneratedRegex(@"^\s*\([A-Za-z][\w .&/-]{1,40}\)\s*(?:--|—|–|-)", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();
}

