using System.Globalization;
using System.Text;
using Tightrope.Figures.Recognition;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>What a figure measures: the noun phrase it quantifies or the words of its clause before it.</summary>
internal sealed partial class FigureAnnotator
{
    private static readonly WordList Trailing = LanguageData.English["figures-measure-trailing"];
    private static readonly WordList Leading = LanguageData.English["figures-measure-leading"];
    private static readonly WordList StopAfter = LanguageData.English["figures-measure-stops"];
    private static readonly WordList ChangeWords = LanguageData.English["figures-measure-change-words"];

    /// <summary>
    /// The words of a stretch of text as spans into it (no strings cut): runs of letters and digits (with inner
    /// apostrophes, hyphens and dots) and the punctuation , ; ( ) : — as one-character words.
    /// </summary>
    private sealed class Words(StringBuilder builder)
    {
        private TextSpan[] _items = new TextSpan[16];

        public int Count { get; private set; }

        public TextSpan this[int i] => _items[i];

        public void Clear() => Count = 0;

        public void Add(TextSpan span)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = span;
        }

        /// <summary>Keeps only the words [start, end), moved to the front.</summary>
        public void Keep(int start, int end)
        {
            _items.AsSpan(start, end - start).CopyTo(_items);
            Count = end - start;
        }

        public ReadOnlySpan<char> Text(string text, int i) => text.AsSpan(_items[i].Start, _items[i].Length);

        public bool Is(string text, int i, string word) => Text(text, i).Equals(word, StringComparison.OrdinalIgnoreCase);

        public bool IsPunctuation(string text, int i) => _items[i].Length == 1 && text[_items[i].Start] is ',' or ';' or '(' or ')' or ':' or '—';

        /// <summary>The words [from, to) joined by single spaces.</summary>
        public string Join(string text, int from, int to)
        {
            if (to <= from)
            {
                return string.Empty;
            }

            if (to - from == 1)
            {
                return text.Substring(_items[from].Start, _items[from].Length);
            }

            builder.Clear();
            AppendTo(builder, text, from, to);
            return builder.ToString();
        }

        public void AppendTo(StringBuilder sb, string text, int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                if (k > from)
                {
                    sb.Append(' ');
                }

                sb.Append(text, _items[k].Start, _items[k].Length);
            }
        }
    }

    private static string Measure(Run run, RecognizedFigure f, TextSpan sentence, TextSpan clause, string? previousMeasure, bool previousInSentence)
    {
        var text = run.Text;
        // "50% of South Korea's rare earth supply", "one-third of …", "1/9 of Trump's asking price".
        int after = f.UnitPhrase?.End ?? f.Span.End;
        var tail = run.Tail;
        ReadWords(text, after, sentence.End, 10, stopAtPunctuation: true, tail);
        if (f.UnitPhrase is null && tail.Count > 1 && tail.Is(text, 0, "of"))
        {
            return NounPhrase(text, tail, 1);
        }

        // "28,500 US troops are stationed in South Korea", "720 military bases".
        if (f.UnitPhrase is { } up && f.Kind == FigureKind.Count)
        {
            return CountMeasure(text, up, sentence, run.More);
        }

        // "a 15-day visa exemption for …": the noun the hyphenated figure modifies.
        if (f.Span.End > f.Span.Start && text.AsSpan(f.Span.Start, f.Span.Length).Contains('-') && f.Kind == FigureKind.Duration && tail.Count > 0)
        {
            return NounPhrase(text, tail, 0);
        }

        var head = run.Head;
        int headCount = MeasureHead(text, clause.Start, FirstQualifierStart(text, f.Span.Start), run.Before, head);
        string suffix = MeasureSuffix(text, f, tail);
        var measure = (head.Join(text, 0, head.Count) + suffix).Trim();
        bool changeWord = false;
        for (int k = 0; k < head.Count && !changeWord; k++)
        {
            changeWord = ChangeWords.Contains(head.Text(text, k));
        }

        if (headCount <= 2 && changeWord && previousInSentence && previousMeasure is not null && f.Kind is FigureKind.Change or FigureKind.Percent)
        {
            measure = (measure + " of " + previousMeasure).Trim();
        }
        else if (headCount == 0 && suffix.Length == 0 && previousInSentence && previousMeasure is not null)
        {
            // "…, about $300 billion": an apposition restating the figure before.
            measure = previousMeasure;
        }

        if (measure.Length == 0 && f.UnitPhrase is { } p2)
        {
            measure = text[p2.Start..p2.End];
        }

        return measure.Trim('“', '”', '"', '\'', ' ');
    }

    /// <summary>A count's unit phrase and what follows it up to a stop word: "US troops are stationed in South Korea".</summary>
    private static string CountMeasure(string text, TextSpan up, TextSpan sentence, Words more)
    {
        ReadWords(text, up.End, sentence.End, 6, stopAtPunctuation: true, more);
        var np = text[up.Start..up.End];
        bool goesOn = more.Count > 0 && !StopAfter.Contains(more.Text(text, 0))
                      || more.Count > 1 && more.Text(text, 0) is "are" or "were" or "is" or "was";
        return goesOn ? np + " " + more.Join(text, 0, more.Count) : np;
    }

    /// <summary>
    /// The words of the clause before the figure that name what it measures, into <paramref name="head"/>: the last
    /// clause (after the last comma, semicolon or parenthesis), without leading and trailing function words or years,
    /// at most ten words. Returns their count.
    /// </summary>
    private static int MeasureHead(string text, int from, int to, Words before, Words head)
    {
        ReadWords(text, from, to, 40, stopAtPunctuation: false, before);
        head.Clear();
        int cut = -1;
        for (int i = before.Count - 1; i >= 0; i--)
        {
            if (before.IsPunctuation(text, i) && before.Count - i - 1 >= 2)
            {
                cut = i;
                break;
            }
        }

        for (int i = cut + 1; i < before.Count; i++)
        {
            if (!before.IsPunctuation(text, i))
            {
                head.Add(before[i]);
            }
        }

        int end = head.Count;
        while (end > 0 && (Trailing.Contains(head.Text(text, end - 1)) || IsYearWord(head.Text(text, end - 1))))
        {
            end--;
        }

        int start = 0;
        while (start < end && Leading.Contains(head.Text(text, start)))
        {
            start++;
        }

        start = Math.Max(start, end - 10);
        head.Keep(start, end);
        return head.Count;
    }

    /// <summary>"$6.4 billion in subsidies" adds " in subsidies"; "5 percent a year" adds " per year".</summary>
    private static string MeasureSuffix(string text, RecognizedFigure f, Words tail)
    {
        if (tail.Count > 1 && tail.Is(text, 0, "in") && f.Kind == FigureKind.Money && !IsYearWord(tail.Text(text, 1)))
        {
            return " in " + NounPhrase(text, tail, 1);
        }

        if (tail.Count > 1 && tail.Is(text, 0, "a") && tail.Text(text, 1) is "year" or "month" or "day")
        {
            return " per " + tail.Text(text, 1).ToString();
        }

        return "";
    }

    /// <summary>The words from <paramref name="from"/> up to a stop word or punctuation, joined.</summary>
    private static string NounPhrase(string text, Words words, int from)
    {
        int end = from;
        while (end < words.Count && !StopAfter.Contains(words.Text(text, end)) && !words.IsPunctuation(text, end))
        {
            end++;
        }

        return words.Join(text, from, end);
    }

    private static int FirstQualifierStart(string text, int start)
    {
        int i = start;
        while (i > 0 && text[i - 1] is ' ' or '(')
        {
            i--;
        }

        return i;
    }

    private static bool IsYearWord(ReadOnlySpan<char> w) => w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1800 and <= 2100;

    /// <summary>Words (and , ; ( ) : — as words) in [from, to) into <paramref name="words"/>; punctuation ends the list when <paramref name="stopAtPunctuation"/>.</summary>
    private static void ReadWords(string text, int from, int to, int max, bool stopAtPunctuation, Words words)
    {
        words.Clear();
        int i = from;
        while (i < to && words.Count < max)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                while (i < to && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’' or '-' or '.' && i + 1 < to && char.IsLetterOrDigit(text[i + 1])))
                {
                    i++;
                }

                words.Add(new TextSpan(s, i));
                continue;
            }

            if (c is ',' or ';' or '(' or ')' or ':' or '—' or '.' or '!' or '?')
            {
                if (stopAtPunctuation)
                {
                    break;
                }

                if (c is not ('.' or '!' or '?'))
                {
                    words.Add(new TextSpan(i, i + 1));
                }
            }

            i++;
        }
    }
}
