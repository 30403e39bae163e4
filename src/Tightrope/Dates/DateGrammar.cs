using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Tightrope.Knowledge;

namespace Tightrope.Dates;

/// <summary>
/// The date-expression grammar, built once from data (HeidelTime's design: patterns and lexicons as resource files,
/// a small engine): the rules and fragments of <c>dates-patterns.yaml</c> and the word lists <c>dates-*.yaml</c> of
/// <c>knowledge/lang/en/</c>, compiled into one regular expression whose alternatives are the rules in file order.
/// </summary>
internal sealed partial class DateGrammar
{
    private const string Prefix = "dates-";
    private const string RulePrefix = "rule-";

    private static readonly Lazy<DateGrammar> LazyEnglish = new(() => new DateGrammar(LanguageData.English));

    public static DateGrammar English => LazyEnglish.Value;

    private readonly Dictionary<string, FrozenDictionary<string, string>> _lexicons = new(StringComparer.Ordinal);

    public DateGrammar(LanguageData language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var patterns = language[Prefix + "patterns"];
        var capitalOnly = language[Prefix + "capitalised-only"].Set;
        FutureMarkers = language[Prefix + "future-markers"];
        FutureMarkersBeforeTo = language[Prefix + "future-markers-before-to"];
        HedgedFutureMarkers = language[Prefix + "hedged-future-markers"];
        _tenseWords = TenseWords(FutureMarkers, FutureMarkersBeforeTo, HedgedFutureMarkers).GetAlternateLookup<ReadOnlySpan<char>>();
        NotFuturePhrases = language[Prefix + "not-future-phrases"];
        YearBlockers = language[Prefix + "year-blockers"];
        CommonWordMonths = language[Prefix + "capitalised-only"];
        MonthLeadWords = language[Prefix + "month-lead-words"];
        TargetVerbs = language[Prefix + "target-verbs"];
        TargetNouns = language[Prefix + "target-nouns"];
        TargetPrepositions = language[Prefix + "target-prepositions"];
        CounterfactualMarkers = language[Prefix + "counterfactual-markers"];
        var lead = language[Prefix + "lead-words"].Values;
        var fragments = new Dictionary<string, string>(StringComparer.Ordinal);
        var rules = new List<(string Name, string Template)>();
        foreach (var name in patterns.Words)
        {
            if (name.StartsWith(RulePrefix, StringComparison.Ordinal))
            {
                rules.Add((name, patterns.Values[name]));
            }
            else
            {
                fragments[name] = patterns.Values[name];
            }
        }

        RuleNames = [.. rules.Select(r => r.Name)];
        const string Before = @"(?<!\w)", After = @"(?!(?<=[A-Za-z])[A-Za-z])(?!(?<=[0-9])[0-9])";
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled;
        var expanded = rules.Select(r => Expand(r.Template, 0)).ToList();
        _rules = [.. expanded.Select(e => new Regex(@"\G" + Before + "(?:" + e + ")" + After, options))];
        _prefixes = new RulePrefixes(expanded);
        _pattern = new Lazy<Regex>(() => new Regex(Before + "(?:" + string.Join('|', expanded.Select(e => "(?:" + e + ")")) + ")" + After, options));
        foreach (var (_, template) in rules)
        {
            AddLiteralWords(template);
        }

        foreach (var fragment in fragments.Values)
        {
            AddLiteralWords(fragment);
        }

        _coreWords.ExceptWith(lead.Where(kv => kv.Value == "word").Select(kv => kv.Key));
        _monthPrefixes = MonthPrefixes(_lexicons.TryGetValue("month", out var months) ? months.Keys : []);
        _scanWords = _vocabulary.ToFrozenDictionary(w => w, w => (byte)((_coreWords.Contains(w) ? CoreWord : 0) | (_firstWords.Contains(w) ? FirstWord : 0)),
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        string Expand(string template, int depth)
        {
            if (depth > 8)
            {
                throw new InvalidDataException($"knowledge/lang/en/{Prefix}patterns.yaml: fragments nest too deep in '{template}'");
            }

            return Placeholder().Replace(template, m =>
            {
                var name = m.Groups["name"].Value;
                var group = m.Groups["group"].Success ? m.Groups["group"].Value : name;
                if (!m.Groups["group"].Success && fragments.TryGetValue(name, out var fragment))
                {
                    return "(?:" + Expand(fragment, depth + 1) + ")";
                }

                var list = language[Prefix + name];
                if (list.Values.Count == 0)
                {
                    throw new InvalidDataException($"knowledge/lang/en/{Prefix}{name}.yaml: a lexicon of the date grammar needs values");
                }

                _lexicons[group] = list.Values;
                bool leads = lead.TryGetValue(name, out var kind) && kind == "lexicon";
                foreach (var w in list.Words)
                {
                    AddFirstWord(w);
                    AddScanWords(w, core: !leads);
                }

                var words = list.Words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)
                    .Select(w => Word(w, capitalOnly.Contains(w)));
                return "(?<" + group + ">" + string.Join('|', words) + ")";
            });
        }
    }

    /// <summary>
    /// The rules as one expression, tried at every position: at each the first rule (in file order) that matches
    /// wins. <see cref="Scan"/> finds the same matches faster; this is what it is checked against.
    /// </summary>
    public Regex Pattern => _pattern.Value;

    private readonly Lazy<Regex> _pattern;

    // Each rule anchored at a position (\G), in file order. Tried one after the other where an expression can start,
    // they cost a fifth of the rules' alternation tried there as one expression.
    private readonly Regex[] _rules;

    // Which rules can match at a position, by the next few characters: the others are not tried there.
    private readonly RulePrefixes _prefixes;

    // Every word an expression can start with (the first word of each lexicon entry and each literal word of the
    // templates, a superset); any digit and the characters in _firstMarks start one too.
    private readonly HashSet<string> _firstWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<char> _firstMarks = ['\'', '\u2019'];

    // The words an expression is made of (every letter run of a lexicon entry or a template: a match has no other),
    // and of them the ones it cannot consist of alone, without a digit or another such word: _coreWords are the
    // others (dates-lead-words.yaml lists what leads only).
    private readonly HashSet<string> _vocabulary = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _coreWords = new(StringComparer.OrdinalIgnoreCase);

    // The three sets above read by the scan with one look-up a word: each vocabulary word with whether it is a core
    // word and whether it can start an expression.
    private readonly FrozenDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _scanWords;
    private const byte CoreWord = 1, FirstWord = 2;

    /// <summary>
    /// The expressions of <paramref name="text"/>, leftmost first and not overlapping, as <see cref="Pattern"/>'s
    /// matches are. Every expression holds a digit or a core word, and every word of it is a grammar word, so the
    /// expression is tried only when the scan meets a digit or a core word, at each place where one can start in
    /// the unbroken run of grammar words before it (earliest first) and then at the core itself. Most words are
    /// not grammar words and the commonest grammar words ("the", "of", "this") lead only: trying the whole grammar
    /// at each of them is what makes a plain scan slow.
    /// </summary>
    public IEnumerable<Match> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = new List<int>(); // the grammar words since the last break, where an expression could start
        int i = 0, tried = -1;
        while (i < text.Length)
        {
            char c = text[i];
            bool wordStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            if (!wordStart || !(char.IsLetterOrDigit(c) || _firstMarks.Contains(c)))
            {
                i++;
                continue;
            }

            int end = i + 1;
            bool core = char.IsDigit(c), canStart = true;
            if (char.IsLetter(c))
            {
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                var word = text.AsSpan(i, end - i);
                if (!_scanWords.TryGetValue(word, out byte kind))
                {
                    run.Clear();
                    i = end;
                    continue;
                }

                core = word.Length > 1 && (kind & CoreWord) != 0;
                canStart = (kind & FirstWord) != 0;
            }

            if (canStart)
            {
                run.Add(i);
            }

            if (!core)
            {
                i = end;
                continue;
            }

            Match? found = null;
            foreach (int start in run)
            {
                if (start <= tried)
                {
                    continue;
                }

                tried = start;
                if (MatchAt(text, start) is { Length: > 0 } m)
                {
                    found = m;
                    break;
                }
            }

            run.Clear();
            if (found is not null)
            {
                yield return found;
                i = found.Index + found.Length;
            }
            else
            {
                i = end;
            }
        }
    }

    // The first three letters (lower case) of every word of the month lexicon, or null when one is shorter (then
    // MayHoldMonthDay cannot rule a line out).
    private readonly HashSet<string>? _monthPrefixes;

    private static HashSet<string>? MonthPrefixes(IEnumerable<string> months)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in months)
        {
            if (m.Length < MonthPrefix || !IsAsciiLetters(m.AsSpan(0, MonthPrefix)))
            {
                return null;
            }

            set.Add(m[..MonthPrefix].ToLowerInvariant());
        }

        return set.Count == 0 ? null : set;
    }

    private const int MonthPrefix = 3;

    private static bool IsAsciiLetters(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> may hold an expression with a month and a day, a necessary condition checked
    /// before scanning a page line (only such expressions date a page): the month of every such rule is a word of the
    /// month lexicon that begins a letter run (after a space, a dash or a rule's start), or a number after a
    /// four-digit year and "-", ".", "/", "年" or "년" (2023-04-26, 2023.4.26, 2023年4月26日). A line with neither
    /// has none.
    /// </summary>
    public bool MayHoldMonthDay(ReadOnlySpan<char> text)
    {
        if (_monthPrefixes is null)
        {
            return true;
        }

        Span<char> prefix = stackalloc char[MonthPrefix];
        var lookup = _monthPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLetter(c))
            {
                if (i > 0 && char.IsLetter(text[i - 1]))
                {
                    continue;
                }

                int end = i;
                while (end < text.Length && end - i < MonthPrefix && char.IsLetter(text[end]))
                {
                    if (!char.IsAscii(text[end]))
                    {
                        return true; // a letter that matches an ASCII one without case ("ſ" for "s"): not ruled out
                    }

                    end++;
                }

                if (end - i == MonthPrefix)
                {
                    for (int k = 0; k < MonthPrefix; k++)
                    {
                        prefix[k] = char.ToLowerInvariant(text[i + k]);
                    }

                    if (lookup.Contains(prefix))
                    {
                        return true;
                    }
                }
            }
            else if (c is '-' or '.' or '/' or '年' or '년' && YearBefore(text, char.IsWhiteSpace(text[Math.Max(0, i - 1)]) && c is '年' or '년' ? i - 1 : i))
            {
                return true;
            }
        }

        return false;

        static bool YearBefore(ReadOnlySpan<char> text, int end) => end >= 4 && char.IsAsciiDigit(text[end - 1]) && char.IsAsciiDigit(text[end - 2])
            && char.IsAsciiDigit(text[end - 3]) && char.IsAsciiDigit(text[end - 4]);
    }

    /// <summary>The rules, each anchored at a position (for tests).</summary>
    internal IReadOnlyList<Regex> Rules => _rules;

    /// <summary>Which rules can match at a position (for tests).</summary>
    internal RulePrefixes Prefixes => _prefixes;

    /// <summary>What the first rule that matches at <paramref name="start"/> matched (maybe empty), or null.</summary>
    private Match? MatchAt(string text, int start)
    {
        ulong possible = _prefixes.Possible(text, start);
        for (int r = 0; r < _rules.Length; r++)
        {
            if (r < _prefixes.Count && (possible & (1UL << r)) == 0)
            {
                continue;
            }

            var m = _rules[r].Match(text, start);
            if (m.Success)
            {
                return m;
            }
        }

        return null;
    }

    private void AddScanWords(string entry, bool core)
    {
        foreach (Match w in LetterRun().Matches(entry))
        {
            _vocabulary.Add(w.Value);
            if (core)
            {
                _coreWords.Add(w.Value);
            }
        }
    }

    private void AddFirstWord(string entry)
    {
        if (entry.Length == 0)
        {
            return;
        }

        if (!char.IsLetterOrDigit(entry[0]))
        {
            _firstMarks.Add(entry[0]);
            return;
        }

        int end = 1;
        while (end < entry.Length && char.IsLetter(entry[end]) == char.IsLetter(entry[0]) && char.IsLetterOrDigit(entry[end]))
        {
            end++;
        }

        if (char.IsLetter(entry[0]))
        {
            _firstWords.Add(entry[..end]);
        }
    }

    /// <summary>The letter runs of a template outside placeholders, escapes and group names (a superset of its literal words).</summary>
    private void AddLiteralWords(string template)
    {
        var bare = Literal().Replace(template, " ");
        foreach (Match w in LetterRun().Matches(bare))
        {
            _firstWords.Add(w.Value);
            AddScanWords(w.Value, core: true);
            // A letter class such as [ap] may start a word with any one of its letters.
            foreach (char ch in w.Value)
            {
                _firstWords.Add(ch.ToString());
                _vocabulary.Add(ch.ToString());
            }
        }
    }

    public IReadOnlyList<string> RuleNames { get; }

    public WordList FutureMarkers { get; }

    // The three tense lists read with one look-up a word (DateRecognizer.Tense reads every word of a sentence).
    private readonly FrozenDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _tenseWords;

    /// <summary>Flags of <see cref="TenseWord"/>: a word of <see cref="FutureMarkers"/>, <see cref="FutureMarkersBeforeTo"/>, <see cref="HedgedFutureMarkers"/>.</summary>
    internal const byte FutureWord = 1, FutureBeforeToWord = 2, HedgedWord = 4;

    /// <summary>Which of the tense lists hold <paramref name="word"/> (<see cref="FutureWord"/> and the others as flags).</summary>
    internal byte TenseWord(ReadOnlySpan<char> word) => _tenseWords.TryGetValue(word, out byte kind) ? kind : (byte)0;

    private static FrozenDictionary<string, byte> TenseWords(WordList future, WordList beforeTo, WordList hedged)
    {
        var kinds = new Dictionary<string, byte>(StringComparer.OrdinalIgnoreCase);
        foreach (var (list, flag) in new[] { (future, FutureWord), (beforeTo, FutureBeforeToWord), (hedged, HedgedWord) })
        {
            if (!list.IgnoreCase)
            {
                throw new InvalidDataException($"knowledge/lang/en/{list.Name}.yaml: the tense lists are read ignoring case (case: ignore)");
            }

            foreach (var w in list.Words)
            {
                kinds[w] = (byte)(kinds.GetValueOrDefault(w) | flag);
            }
        }

        return kinds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Words that put a sentence in the future only before "to" ("plans to").</summary>
    public WordList FutureMarkersBeforeTo { get; }

    /// <summary>Words of a future seen from the past ("would"): the direction of a weekday, but no evidence of the year.</summary>
    public WordList HedgedFutureMarkers { get; }

    /// <summary>Phrases that begin with a future marker but speak of place, not time ("next to", "next door").</summary>
    public WordList NotFuturePhrases { get; }

    public WordList YearBlockers { get; }

    /// <summary>Month and weekday words that are also common words ("May", "March").</summary>
    public WordList CommonWordMonths { get; }

    /// <summary>Verbs that move or fix when something is to happen ("delay … to December 2015").</summary>
    public WordList TargetVerbs { get; }

    /// <summary>Prepositions before a date a target verb moves the event to ("to", "until", "for").</summary>
    public WordList TargetPrepositions { get; }

    /// <summary>Nouns that make a date before them a target ("the 2015 date").</summary>
    public WordList TargetNouns { get; }

    /// <summary>Phrases of a plan seen from later ("was to have taken place on").</summary>
    public WordList CounterfactualMarkers { get; }

    /// <summary>Words before a month standing alone ("in", "since", "early").</summary>
    public WordList MonthLeadWords { get; }

    /// <summary>The lexicon value of what group <paramref name="group"/> matched ("Sept" → "9"), or null.</summary>
    public string? Lookup(string group, string matched)
    {
        if (!_lexicons.TryGetValue(group, out var values))
        {
            return null;
        }

        var key = CollapseSpaces(matched.TrimEnd('.'));
        return values.TryGetValue(key, out var v) ? v : null;
    }

    /// <summary>
    /// <paramref name="s"/> with every run of white space made one space (as <c>Regex.Replace(s, @"\s+", " ")</c>:
    /// <c>\s</c> is <see cref="char.IsWhiteSpace(char)"/>); the same string when there is nothing to change.
    /// </summary>
    internal static string CollapseSpaces(string s)
    {
        int i = 0;
        while (i < s.Length && !(char.IsWhiteSpace(s[i]) && (s[i] != ' ' || (i + 1 < s.Length && char.IsWhiteSpace(s[i + 1])))))
        {
            i++;
        }

        if (i == s.Length)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, i);
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                sb.Append(' ');
                while (i < s.Length && char.IsWhiteSpace(s[i]))
                {
                    i++;
                }
            }
            else
            {
                sb.Append(s[i++]);
            }
        }

        return sb.ToString();
    }

    /// <summary>A lexicon word as a pattern: spaces match any run of spaces; a capital-only word needs its capital.</summary>
    private static string Word(string word, bool capitalOnly)
    {
        var escaped = Regex.Escape(word).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
        if (capitalOnly && char.IsAsciiLetter(word[0]))
        {
            return "(?-i:" + char.ToUpperInvariant(word[0]) + ")" + escaped[1..];
        }

        return escaped;
    }

    [GeneratedRegex(@"\{[a-z0-9:-]+\}|\\.|\(\?<[a-z0-9]+>|\(\?[a-z-]+:", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    [GeneratedRegex(@"[A-Za-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex LetterRun();

    [GeneratedRegex(@"\{(?<name>[a-z][a-z0-9-]*)(?::(?<group>[a-z0-9]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
