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
        YearBlockers = language[Prefix + "year-blockers"];
        CommonWordMonths = language[Prefix + "capitalised-only"];
        MonthLeadWords = language[Prefix + "month-lead-words"];
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
        var sb = new StringBuilder(@"(?<!\w)(?:");
        for (int i = 0; i < rules.Count; i++)
        {
            sb.Append(i == 0 ? "" : "|").Append("(?<r").Append(i).Append('>').Append(Expand(rules[i].Template, 0)).Append(')');
        }

        sb.Append(@")(?!(?<=[A-Za-z])[A-Za-z])(?!(?<=[0-9])[0-9])");
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled;
        Pattern = new Regex(sb.ToString(), options);
        _anchored = new Regex(@"\G" + sb, options);
        RuleGroups = [.. Enumerable.Range(0, rules.Count).Select(i => _anchored.GroupNumberFromName("r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        foreach (var (_, template) in rules)
        {
            AddLiteralWords(template);
        }

        foreach (var fragment in fragments.Values)
        {
            AddLiteralWords(fragment);
        }

        _firstWordLookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();

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
                foreach (var w in list.Words)
                {
                    AddFirstWord(w);
                }

                var words = list.Words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)
                    .Select(w => Word(w, capitalOnly.Contains(w)));
                return "(?<" + group + ">" + string.Join('|', words) + ")";
            });
        }
    }

    /// <summary>The one expression: at each position the first rule (in file order) that matches wins.</summary>
    public Regex Pattern { get; }

    // The same expression anchored at a position (\G), tried only where an expression can start.
    private readonly Regex _anchored;

    // Every word an expression can start with (the first word of each lexicon entry and each literal word of the
    // templates, a superset); any digit and the characters in _firstMarks start one too.
    private readonly HashSet<string> _firstWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;
    private readonly HashSet<char> _firstMarks = ['\'', '\u2019'];

    /// <summary>
    /// The expressions of <paramref name="text"/>, leftmost first and not overlapping, as <see cref="Pattern"/>'s
    /// matches are, but the expression is only tried at the start of a digit run or of a word that can begin one:
    /// most words cannot, and trying the whole grammar at each of them is what makes a plain scan slow.
    /// </summary>
    public IEnumerable<Match> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            bool wordStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            if (!wordStart || !(char.IsLetterOrDigit(c) || _firstMarks.Contains(c)))
            {
                i++;
                continue;
            }

            if (char.IsLetter(c))
            {
                int end = i + 1;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                if (!_firstWordLookup.Contains(text.AsSpan(i, end - i)))
                {
                    i = end;
                    continue;
                }
            }

            var m = _anchored.Match(text, i);
            if (m.Success && m.Length > 0)
            {
                yield return m;
                i += m.Length;
            }
            else
            {
                i++;
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
            // A letter class such as [ap] may start a word with any one of its letters.
            foreach (char ch in w.Value)
            {
                _firstWords.Add(ch.ToString());
            }
        }
    }

    public IReadOnlyList<string> RuleNames { get; }

    /// <summary>The group number of each rule, in rule order.</summary>
    public IReadOnlyList<int> RuleGroups { get; }

    public WordList FutureMarkers { get; }

    /// <summary>Words that put a sentence in the future only before "to" ("plans to").</summary>
    public WordList FutureMarkersBeforeTo { get; }

    /// <summary>Words of a future seen from the past ("would"): the direction of a weekday, but no evidence of the year.</summary>
    public WordList HedgedFutureMarkers { get; }

    public WordList YearBlockers { get; }

    /// <summary>Month and weekday words that are also common words ("May", "March").</summary>
    public WordList CommonWordMonths { get; }

    /// <summary>Words before a month standing alone ("in", "since", "early").</summary>
    public WordList MonthLeadWords { get; }

    /// <summary>The lexicon value of what group <paramref name="group"/> matched ("Sept" → "9"), or null.</summary>
    public string? Lookup(string group, string matched)
    {
        if (!_lexicons.TryGetValue(group, out var values))
        {
            return null;
        }

        var key = Regex.Replace(matched.TrimEnd('.'), @"\s+", " ");
        return values.TryGetValue(key, out var v) ? v : null;
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
