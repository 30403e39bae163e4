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
        YearBlockers = language[Prefix + "year-blockers"];
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
        Pattern = new Regex(sb.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled);
        RuleGroups = [.. Enumerable.Range(0, rules.Count).Select(i => Pattern.GroupNumberFromName("r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

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
                var words = list.Words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)
                    .Select(w => Word(w, capitalOnly.Contains(w)));
                return "(?<" + group + ">" + string.Join('|', words) + ")";
            });
        }
    }

    /// <summary>The one expression: at each position the first rule (in file order) that matches wins.</summary>
    public Regex Pattern { get; }

    public IReadOnlyList<string> RuleNames { get; }

    /// <summary>The group number of each rule, in rule order.</summary>
    public IReadOnlyList<int> RuleGroups { get; }

    public WordList FutureMarkers { get; }

    public WordList YearBlockers { get; }

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

    [GeneratedRegex(@"\{(?<name>[a-z][a-z0-9-]*)(?::(?<group>[a-z0-9]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
