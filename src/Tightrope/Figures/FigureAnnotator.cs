using System.Globalization;
using System.Text;
using Tightrope.Actors;
using Tightrope.Figures.Recognition;
using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>
/// Gives each recognised figure its meaning: what it measures (the noun phrase it quantifies or the clause it
/// completes), the indicator it belongs to, its actor (from the article's mentions), its period and its USD value.
/// Bare numbers survive only when an indicator claims them.
/// </summary>
internal sealed class FigureAnnotator(IndicatorCatalog indicators, ExchangeRates rates)
{
    private static readonly HashSet<string> Trailing = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "at", "of", "by", "for", "from", "in", "on", "about", "approximately", "around", "roughly", "nearly", "almost",
        "some", "over", "more", "than", "less", "up", "least", "most", "is", "are", "was", "were", "be", "been", "has", "have",
        "had", "will", "would", "the", "a", "an", "and", "or", "with", "as", "estimated", "just", "only", "reached", "totaled",
        "totalled", "stood", "amounted", "dropped", "fell", "rose", "increased", "decreased", "grew", "equivalent", "it's", "it’s",
        "its", "it", "which", "that", "under", "below", "above", "exceeding", "close",
    };

    private static readonly HashSet<string> Leading = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "or", "then", "so", "while", "although", "though", "the", "a", "an", "in", "addition", "however", "moreover",
        "currently", "meanwhile", "also", "that", "which", "who", "with", "of", "to", "it", "its",
    };

    private static readonly HashSet<string> StopAfter = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "will", "would", "has", "have", "had", "originates", "comes", "goes", "making", "which", "that",
        "who", "and", "but", "to", "as", "since", "because", "while", "if", "than", "could", "may", "might", "should",
    };

    public List<Figure> Annotate(Article article)
    {
        var text = article.Text;
        var recognized = FigureRecognizer.Recognize(text);
        var sentences = SentenceBounds.Of(article);
        DateOnly? date = article.Date?.Date ?? article.Metadata.Published;
        var figures = new List<Figure>(recognized.Count);
        var indexMap = new int[recognized.Count];
        var measures = new string?[recognized.Count];
        var cueCache = new Dictionary<int, bool[]>();
        for (int r = 0; r < recognized.Count; r++)
        {
            indexMap[r] = -1;
            var f = recognized[r];
            int si = SentenceOf(sentences, f.Span.Start);
            var sentence = si >= 0 ? sentences[si] : new TextSpan(0, text.Length);
            var clause = Clause(recognized, r, sentence);
            if (r > 0 && recognized[r - 1].Span.End > sentence.Start && IsApposition(text, clause.Start, f.Span.Start))
            {
                // An apposition ("pull out about a third of its forces, 12,500 troops"): it restates the figure
                // before, so that figure's clause is its clause too.
                clause = new TextSpan(Clause(recognized, r - 1, sentence).Start, clause.End);
            }
            string? unit = f.Unit;
            var kind = f.Kind;
            Indicator? indicator = null;
            int? restates = null;

            if (f.EquivalentOf is int eq && indexMap[eq] >= 0)
            {
                var a = figures[indexMap[eq]];
                indicator = a.IndicatorId is null ? null : indicators.Find(a.IndicatorId);
                measures[r] = a.Measure;
            }
            else if (unit is not null && kind == FigureKind.Money && IsConversion(text, f, clause) && PreviousAmount(indexMap, figures, r, unit) is int prev)
            {
                // "The 2026 figure is roughly equal to $1.13 billion at current exchange rates": the amount of an
                // earlier sentence in another currency, a restatement rather than a claim of its own.
                var a = figures[prev];
                indicator = a.IndicatorId is null ? null : indicators.Find(a.IndicatorId);
                measures[r] = a.Measure;
                restates = prev;
            }
            else if (unit is not null)
            {
                indicator = Attach(text, sentences, si, sentence, clause, unit, kind, null, cueCache);
                if (indicator is not null && ElsewhereAfter(text, f, clause, indicator))
                {
                    indicator = null;
                }
            }
            else if (!f.NameLike && f.ValueHigh is null)
            {
                indicator = Attach(text, sentences, si, sentence, clause, null, kind, f.Value, cueCache);
                if (indicator is not null && ElsewhereAfter(text, f, clause, indicator))
                {
                    indicator = null;
                }

                if (indicator is not null)
                {
                    unit = indicator.Unit;
                    kind = FigureKind.Count;
                }
            }

            if (unit is null)
            {
                continue;
            }

            string measure = measures[r] ?? Measure(text, f, sentence, clause, r > 0 ? measures[r - 1] : null, r > 0 && SentenceOf(sentences, recognized[r - 1].Span.Start) == si);
            measures[r] = measure;
            string? period = restates is int rp ? figures[rp].Period : Period(text, sentence, f.Span, date);
            string? actor = indicator?.Actor ?? ActorOf(article, sentence, f.Span);
            double value = Round(f.Value);
            double? usd = null;
            string? conversion = null;
            if (kind == FigureKind.Money)
            {
                int year = PeriodYear(period) ?? date?.Year ?? DateTime.UtcNow.Year;
                if (rates.ToUsd(value, unit, year) is { } c)
                {
                    usd = Round(c.Usd);
                    conversion = c.Note;
                }
            }

            indexMap[r] = figures.Count;
            figures.Add(new Figure
            {
                Span = f.Span,
                Text = text[f.Span.Start..f.Span.End],
                Value = value,
                ValueHigh = f.ValueHigh is { } h ? Round(h) : null,
                Unit = unit,
                Kind = kind,
                Qualifier = f.Qualifier,
                Measure = measure,
                IndicatorId = indicator?.Id,
                ActorId = actor,
                Period = period,
                UsdValue = usd,
                Conversion = conversion,
                EquivalentOf = f.EquivalentOf is int e2 && indexMap[e2] >= 0 ? indexMap[e2] : restates,
                Sentence = si,
            });
        }

        return figures;
    }

    private static readonly string[] ConversionBefore = ["equal to", "equivalent to", "equivalent of", "worth", "the same as", "converts to", "or about", "or roughly", "or some"];

    private static readonly string[] ConversionAfter = ["at current exchange rates", "at current exchange rate", "at today's exchange rate", "at today’s exchange rate", "at the current rate", "at current rates", "at the current exchange rate", "at the exchange rate"];

    /// <summary>Whether a money figure is worded as a conversion: "equal to $1.13 billion", "$1.13 billion at current exchange rates".</summary>
    private static bool IsConversion(string text, RecognizedFigure f, TextSpan clause)
    {
        var before = text.AsSpan(clause.Start, Math.Max(0, f.Span.Start - clause.Start)).TrimEnd();
        foreach (var q in new[] { "roughly", "about", "approximately", "around", "some", "nearly", "almost" })
        {
            if (before.EndsWith(q, StringComparison.OrdinalIgnoreCase))
            {
                before = before[..^q.Length].TrimEnd();
            }
        }

        foreach (var c in ConversionBefore)
        {
            if (before.EndsWith(c, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var after = text.AsSpan(f.Span.End, Math.Max(0, clause.End - f.Span.End)).TrimStart();
        foreach (var c in ConversionAfter)
        {
            if (after.StartsWith(c, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The closest earlier money figure in another currency (a conversion restates an amount already given), not itself a restatement.</summary>
    private static int? PreviousAmount(int[] indexMap, List<Figure> figures, int r, string unit)
    {
        for (int k = r - 1; k >= 0; k--)
        {
            if (indexMap[k] < 0)
            {
                continue;
            }

            var f = figures[indexMap[k]];
            if (f.Kind == FigureKind.Money && f.EquivalentOf is null && !string.Equals(f.Unit, unit, StringComparison.OrdinalIgnoreCase))
            {
                return indexMap[k];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the words right after the figure place it somewhere the indicator is not about: "… in South Korea and
    /// about 54,000 in Japan", "12,500 troops in Iraq" (a capitalised place after "in" that names none of the
    /// indicator's context).
    /// </summary>
    private static bool ElsewhereAfter(string text, RecognizedFigure f, TextSpan clause, Indicator indicator)
    {
        if (indicator.Context.Count == 0)
        {
            return false;
        }

        int from = f.UnitPhrase is { } up && up.End > f.Span.End ? up.End : f.Span.End;
        var words = Words(text, from, clause.End, 6, stopAtPunctuation: true);
        int i = 0;
        // "troops", "American troops", "stationed", "based", "deployed" may come between the figure and "in".
        while (i < words.Count && i < 3 && !words[i].Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            i++;
        }

        if (i >= words.Count - 1 || !words[i].Equals("in", StringComparison.OrdinalIgnoreCase) || !char.IsUpper(words[i + 1][0]))
        {
            return false;
        }

        var place = new List<string>();
        for (int k = i + 1; k < words.Count && place.Count < 3 && char.IsUpper(words[k][0]); k++)
        {
            place.Add(words[k]);
        }

        var phrase = string.Join(' ', place);
        foreach (var c in indicator.Context)
        {
            if (ContainsPhrase(phrase, c) || ContainsPhrase(c, phrase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the words between the figure before and this one end in a comma or dash with no verb-like word: "… of its forces, 12,500".</summary>
    private static bool IsApposition(string text, int from, int to)
    {
        var between = text.AsSpan(from, Math.Max(0, to - from)).TrimEnd();
        if (between.Length == 0 || between[^1] is not (',' or '—' or '–'))
        {
            return false;
        }

        var words = Words(text, from, to, 8, stopAtPunctuation: false);
        return words.Count <= 5 && !words.Exists(w => StopAfter.Contains(w) || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase));
    }

    private static double Round(double v) => v == 0 ? 0 : Math.Round(v, Math.Max(0, 10 - (int)Math.Floor(Math.Log10(Math.Abs(v))) - 1));

    private static int SentenceOf(List<TextSpan> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (offset < sentences[mid].Start)
            {
                hi = mid - 1;
            }
            else if (offset >= sentences[mid].End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>The part of the sentence between the neighbouring figures.</summary>
    private static TextSpan Clause(List<RecognizedFigure> figs, int r, TextSpan sentence)
    {
        int start = sentence.Start, end = sentence.End;
        if (r > 0 && figs[r - 1].Span.End > start && figs[r - 1].Span.End <= figs[r].Span.Start)
        {
            start = figs[r - 1].Span.End;
        }

        if (r + 1 < figs.Count && figs[r + 1].Span.Start < end && figs[r + 1].Span.Start >= figs[r].Span.End)
        {
            end = figs[r + 1].Span.Start;
        }

        return new TextSpan(start, end);
    }

    private Indicator? Attach(string text, List<TextSpan> sentences, int si, TextSpan sentence, TextSpan clause, string? unit, FigureKind kind, double? bare, Dictionary<int, bool[]> cueCache)
    {
        Indicator? best = null;
        int bestScore = 0;
        var sent = text.AsSpan(sentence.Start, sentence.Length);
        var cl = text.AsSpan(clause.Start, clause.Length);
        // Which indicators have a cue anywhere in the sentence: computed once per sentence, not per figure.
        if (!cueCache.TryGetValue(si, out var inSentence))
        {
            inSentence = new bool[indicators.Indicators.Count];
            for (int k = 0; k < inSentence.Length; k++)
            {
                foreach (var cue in indicators.Indicators[k].Cues)
                {
                    if (ContainsPhrase(sent, cue))
                    {
                        inSentence[k] = true;
                        break;
                    }
                }
            }

            cueCache[si] = inSentence;
        }

        for (int k = 0; k < inSentence.Length; k++)
        {
            if (!inSentence[k])
            {
                continue;
            }

            var ind = indicators.Indicators[k];
            if (bare is { } v)
            {
                if (ind.Bare is not { } range || v < range.Min || v > range.Max)
                {
                    continue;
                }
            }
            else if (!ind.Accepts(unit!, kind))
            {
                continue;
            }

            int score = 0;
            foreach (var cue in ind.Cues)
            {
                if (ContainsPhrase(cl, cue))
                {
                    score = Math.Max(score, 3);
                }
                else if (ContainsPhrase(sent, cue))
                {
                    score = Math.Max(score, 1);
                }
            }

            if (score == 0)
            {
                continue;
            }

            bool vetoed = false;
            foreach (var ex in ind.Exclude)
            {
                vetoed |= ContainsPhrase(cl, ex);
            }

            if (vetoed)
            {
                continue;
            }

            if (ind.Context.Count > 0)
            {
                int from = si >= 2 ? sentences[si - 2].Start : si == 1 ? sentences[0].Start : sentence.Start;
                var window = text.AsSpan(from, sentence.End - from);
                bool ctx = false;
                foreach (var c in ind.Context)
                {
                    ctx |= ContainsPhrase(window, c);
                }

                if (!ctx)
                {
                    continue;
                }
            }

            if (score > bestScore)
            {
                best = ind;
                bestScore = score;
            }
        }

        return best;
    }

    internal static bool ContainsPhrase(ReadOnlySpan<char> hay, string phrase)
    {
        int offset = 0;
        while (offset < hay.Length)
        {
            int i = hay[offset..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                return false;
            }

            int a = offset + i, b = a + phrase.Length;
            bool left = a == 0 || !char.IsLetterOrDigit(hay[a - 1]);
            bool right = b >= hay.Length || !char.IsLetterOrDigit(hay[b]);
            if (left && right)
            {
                return true;
            }

            offset = a + 1;
        }

        return false;
    }

    private static string Measure(string text, RecognizedFigure f, TextSpan sentence, TextSpan clause, string? previousMeasure, bool previousInSentence)
    {
        // "50% of South Korea's rare earth supply", "one-third of …", "1/9 of Trump's asking price".
        int after = f.UnitPhrase?.End ?? f.Span.End;
        var tail = Words(text, after, sentence.End, 10, stopAtPunctuation: true);
        if (f.UnitPhrase is null && tail.Count > 1 && tail[0].Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            return Join(TrimNp(tail.Skip(1)));
        }

        // "28,500 US troops are stationed in South Korea", "720 military bases".
        if (f.UnitPhrase is { } up && f.Kind == FigureKind.Count)
        {
            var more = Words(text, up.End, sentence.End, 6, stopAtPunctuation: true);
            var np = text[up.Start..up.End];
            return more.Count > 0 && !StopAfter.Contains(more[0]) || more.Count > 1 && more[0] is "are" or "were" or "is" or "was"
                ? np + " " + Join(more)
                : np;
        }

        // "a 15-day visa exemption for …": the noun the hyphenated figure modifies.
        if (f.Span.End > f.Span.Start && text.AsSpan(f.Span.Start, f.Span.Length).Contains('-') && f.Kind == FigureKind.Duration && tail.Count > 0)
        {
            return Join(TrimNp(tail));
        }

        var before = Words(text, clause.Start, FirstQualifierStart(text, f.Span.Start), 40, stopAtPunctuation: false);
        // Keep the last clause: cut at the last comma, semicolon or parenthesis.
        var head = LastClause(before);
        while (head.Count > 0 && (Trailing.Contains(head[^1]) || IsYearWord(head[^1])))
        {
            head.RemoveAt(head.Count - 1);
        }

        while (head.Count > 0 && Leading.Contains(head[0]))
        {
            head.RemoveAt(0);
        }

        if (head.Count > 10)
        {
            head = head[^10..];
        }

        // "$6.4 billion in subsidies".
        string suffix = "";
        if (tail.Count > 1 && tail[0].Equals("in", StringComparison.OrdinalIgnoreCase) && f.Kind == FigureKind.Money && !IsYearWord(tail[1]))
        {
            suffix = " in " + Join(TrimNp(tail.Skip(1)));
        }
        else if (tail.Count > 1 && tail[0].Equals("a", StringComparison.OrdinalIgnoreCase) && tail[1] is "year" or "month" or "day")
        {
            suffix = " per " + tail[1];
        }

        var measure = (Join(head) + suffix).Trim();
        bool changeWord = head.Exists(w => w is "increase" or "rise" or "decrease" or "decline" or "drop" or "growth" or "hike" or "cut" or "jump" or "fall");
        if (head.Count <= 2 && changeWord && previousInSentence && previousMeasure is not null && f.Kind is FigureKind.Change or FigureKind.Percent)
        {
            measure = (measure + " of " + previousMeasure).Trim();
        }
        else if (head.Count == 0 && suffix.Length == 0 && previousInSentence && previousMeasure is not null)
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

    private static int FirstQualifierStart(string text, int start)
    {
        int i = start;
        while (i > 0 && text[i - 1] is ' ' or '(')
        {
            i--;
        }

        return i;
    }

    private static List<string> LastClause(List<string> words)
    {
        int cut = -1;
        for (int i = words.Count - 1; i >= 0; i--)
        {
            if (words[i] is "," or ";" or "(" or ":" or "—" or ")")
            {
                if (words.Count - i - 1 >= 2)
                {
                    cut = i;
                    break;
                }
            }
        }

        var result = new List<string>();
        for (int i = cut + 1; i < words.Count; i++)
        {
            if (words[i] is not ("," or ";" or "(" or ":" or "—" or ")"))
            {
                result.Add(words[i]);
            }
        }

        return result;
    }

    private static IEnumerable<string> TrimNp(IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            if (StopAfter.Contains(w) || w is "," or ";" or "(" or ")" or ":")
            {
                yield break;
            }

            yield return w;
        }
    }

    private static bool IsYearWord(string w) => w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1800 and <= 2100;

    private static string Join(IEnumerable<string> words) => string.Join(' ', words).Trim('“', '”', '"', ' ');

    /// <summary>Words (and , ; ( ) : as words) in [from, to); punctuation ends the list when <paramref name="stopAtPunctuation"/>.</summary>
    private static List<string> Words(string text, int from, int to, int max, bool stopAtPunctuation)
    {
        var result = new List<string>(Math.Min(max, Math.Max(0, to - from) / 4 + 1));
        int i = from;
        while (i < to && result.Count < max)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                while (i < to && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’' or '-' or '.' && i + 1 < to && char.IsLetterOrDigit(text[i + 1])))
                {
                    i++;
                }

                result.Add(text[s..i]);
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
                    result.Add(c.ToString());
                }
            }

            i++;
        }

        return result;
    }

    private static readonly (string Phrase, int Offset)[] RelativeYears =
    [
        ("this year", 0), ("this year's", 0), ("this year’s", 0), ("current year", 0),
        ("last year", -1), ("last year's", -1), ("last year’s", -1), ("a year earlier", -1), ("previous year", -1), ("a year ago", -1),
        ("next year", 1), ("next year's", 1), ("next year’s", 1), ("coming year", 1),
    ];

    /// <summary>
    /// The period a figure refers to: the nearest year written in its sentence — "2026", or "this/last/next year"
    /// against the article's date — that is not a baseline ("from 2025", "since 2018", "than last year's"); else the
    /// article's year; null when there is neither.
    /// </summary>
    private static string? Period(string text, TextSpan sentence, TextSpan figure, DateOnly? date)
    {
        var s = text.AsSpan(sentence.Start, sentence.Length);
        int best = -1, bestDist = int.MaxValue;
        void Consider(ReadOnlySpan<char> sent, int i, int length, int year)
        {
            int abs = sentence.Start + i;
            if (abs < figure.End && abs + length > figure.Start)
            {
                return;
            }

            // A baseline is not the period: "from 2025", "since 2018", "than 2019", "from last year's" — unless it
            // is the figure's own ("from last year's 960.2 billion won" is the period of 960.2 billion).
            int gap = abs < figure.Start ? figure.Start - (abs + length) : abs - figure.End;
            var before = sent[..i].TrimEnd();
            if (gap > 2 && before.EndsWith("from", StringComparison.OrdinalIgnoreCase) || before.EndsWith("since", StringComparison.OrdinalIgnoreCase)
                || before.EndsWith("than", StringComparison.OrdinalIgnoreCase) || before.EndsWith("over", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            int dist = abs < figure.Start ? figure.Start - (abs + length) : abs - figure.End;
            if (dist < bestDist)
            {
                best = year;
                bestDist = dist;
            }
        }

        for (int i = 0; i + 4 <= s.Length; i++)
        {
            if (!char.IsDigit(s[i]) || (i > 0 && char.IsLetterOrDigit(s[i - 1])) || (i + 4 < s.Length && char.IsLetterOrDigit(s[i + 4])))
            {
                continue;
            }

            if (int.TryParse(s.Slice(i, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2100)
            {
                Consider(s, i, 4, y);
            }
        }

        if (date is { } d)
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
                        Consider(s, i, phrase.Length, d.Year + offset);
                    }

                    from = i + phrase.Length;
                }
            }
        }

        if (best > 0)
        {
            return best.ToString(CultureInfo.InvariantCulture);
        }

        return date?.Year.ToString(CultureInfo.InvariantCulture);
    }

    private static int? PeriodYear(string? period) =>
        period is { Length: >= 4 } && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y) ? y : null;

    private static string? ActorOf(Article article, TextSpan sentence, TextSpan figure)
    {
        string? before = null, after = null;
        int beforeDist = int.MaxValue, afterDist = int.MaxValue;
        foreach (var m in article.Mentions)
        {
            if (m.ActorId is null || !m.Span.Overlaps(sentence))
            {
                continue;
            }

            if (m.Span.End <= figure.Start && figure.Start - m.Span.End < beforeDist)
            {
                before = m.ActorId;
                beforeDist = figure.Start - m.Span.End;
            }
            else if (m.Span.Start >= figure.End && m.Span.Start - figure.End < afterDist)
            {
                after = m.ActorId;
                afterDist = m.Span.Start - figure.End;
            }
        }

        return before ?? after;
    }

    /// <summary>Short description for logs and tests.</summary>
    public static string Describe(Figure f)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{f.Text} = {f.Value} {f.Unit}");
        if (f.IndicatorId is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" [{f.IndicatorId}]");
        }

        sb.Append(CultureInfo.InvariantCulture, $" «{f.Measure}» {f.Period}");
        return sb.ToString();
    }
}
