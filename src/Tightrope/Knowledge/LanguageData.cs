using System.Collections.Frozen;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace Tightrope.Knowledge;

/// <summary>
/// A named word list of one language, read from <c>knowledge/lang/&lt;language&gt;/&lt;name&gt;.yaml</c> (HeidelTime's
/// resource folders, spaCy's <c>lang/xx</c>): words are data, reviewed like the knowledge base, not C# literals.
/// Lookups take spans, so callers never cut a substring to ask.
/// </summary>
public sealed class WordList
{
    private readonly FrozenSet<string> _set;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _spans;

    internal WordList(string name, string description, bool ignoreCase, IReadOnlyList<string> words, IReadOnlyDictionary<string, string> values)
    {
        Name = name;
        Description = description;
        IgnoreCase = ignoreCase;
        Words = words;
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        _set = words.ToFrozenSet(comparer);
        _spans = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        Values = values.ToFrozenDictionary(comparer);
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Whether lookups ignore case (the file's <c>case: ignore</c>).</summary>
    public bool IgnoreCase { get; }

    /// <summary>The words in file order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The set of words (for callers that need a set).</summary>
    public FrozenSet<string> Set => _set;

    /// <summary>For a list written as a mapping (<c>values:</c>), each word's value; empty otherwise.</summary>
    public FrozenDictionary<string, string> Values { get; }

    public int Count => Words.Count;

    public bool Contains(string word) => _set.Contains(word);

    public bool Contains(ReadOnlySpan<char> word) => _spans.Contains(word);
}

/// <summary>
/// The word lists of a language. They ship inside the library (embedded from <c>knowledge/lang/</c> at build time),
/// so every stage finds them without a knowledge folder; <c>tightrope kb check</c> validates the files in the folder.
/// </summary>
public sealed class LanguageData
{
    private const string ResourcePrefix = "Tightrope.lang.";
    private readonly FrozenDictionary<string, WordList> _lists;

    private LanguageData(string language, FrozenDictionary<string, WordList> lists)
    {
        Language = language;
        _lists = lists;
    }

    private static readonly Lazy<LanguageData> LazyEnglish = new(() => FromResources("en"));

    /// <summary>English, the only language so far.</summary>
    public static LanguageData English => LazyEnglish.Value;

    public string Language { get; }

    public IEnumerable<string> Names => _lists.Keys.Order(StringComparer.Ordinal);

    /// <summary>The list called <paramref name="name"/>; a missing list is a build error, so this throws.</summary>
    public WordList this[string name] =>
        _lists.TryGetValue(name, out var list)
            ? list
            : throw new KeyNotFoundException($"No word list '{name}' for language '{Language}' (knowledge/lang/{Language}/{name}.yaml).");

    /// <summary>The list called <paramref name="name"/>, or null when the language has none.</summary>
    public WordList? Find(string name) => _lists.GetValueOrDefault(name);

    /// <summary>Reads a language's lists from the embedded copies of <c>knowledge/lang/&lt;language&gt;/*.yaml</c>.</summary>
    public static LanguageData FromResources(string language)
    {
        var assembly = typeof(LanguageData).Assembly;
        var prefix = ResourcePrefix + language + ".";
        var lists = new Dictionary<string, WordList>(StringComparer.Ordinal);
        var problems = new List<KnowledgeProblem>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // The build names them Tightrope.lang.<language>/<name>.yaml (the folder separator of the build's OS).
            var normal = resource.Replace('/', '.').Replace('\\', '.');
            if (!normal.StartsWith(prefix, StringComparison.Ordinal) || !normal.EndsWith(".yaml", StringComparison.Ordinal))
            {
                continue;
            }

            var name = normal[prefix.Length..^".yaml".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            if (Read(name, $"knowledge/lang/{language}/{name}.yaml", reader, problems) is { } list)
            {
                lists[name] = list;
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("Invalid language data: " + string.Join("; ", problems));
        }

        return new LanguageData(language, lists.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Checks every <c>lang/*/*.yaml</c> under a knowledge folder; returns the problems (file and line).</summary>
    public static IReadOnlyList<KnowledgeProblem> CheckFolder(string knowledgeFolder)
    {
        var problems = new List<KnowledgeProblem>();
        var root = Path.Combine(knowledgeFolder, "lang");
        if (!Directory.Exists(root))
        {
            return problems;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(file);
            Read(Path.GetFileNameWithoutExtension(file), file, reader, problems);
        }

        return problems;
    }

    /// <summary>
    /// One list file: <c>description:</c> (what the list is for and where its words come from), optional
    /// <c>case: ignore|exact</c> (default exact), and either <c>words:</c> (a sequence) or <c>values:</c> (a mapping
    /// of word to value). Words are unique under the file's case rule and carry no surrounding spaces.
    /// </summary>
    internal static WordList? Read(string name, string file, TextReader reader, List<KnowledgeProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            problems.Add(new KnowledgeProblem(file, (int)ex.Start.Line, ex.Message));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new KnowledgeProblem(file, 1, "expected a mapping with description and words (or values)"));
            return null;
        }

        string? description = null;
        bool ignoreCase = false;
        var words = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool sawList = false;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            int line = (int)keyNode.Start.Line;
            switch (key)
            {
                case "description":
                    description = (valueNode as YamlScalarNode)?.Value;
                    break;
                case "case":
                    var c = (valueNode as YamlScalarNode)?.Value;
                    if (c is not ("ignore" or "exact"))
                    {
                        problems.Add(new KnowledgeProblem(file, line, $"case must be 'ignore' or 'exact', not '{c}'"));
                    }

                    ignoreCase = string.Equals(c, "ignore", StringComparison.Ordinal);
                    break;
                case "words" when valueNode is YamlSequenceNode seq:
                    sawList = true;
                    foreach (var item in seq.Children)
                    {
                        if (item is YamlScalarNode { Value: { } w })
                        {
                            words.Add(w);
                            CheckWord(w, (int)item.Start.Line);
                        }
                        else
                        {
                            problems.Add(new KnowledgeProblem(file, (int)item.Start.Line, "a word must be a plain string"));
                        }
                    }

                    break;
                case "values" when valueNode is YamlMappingNode map:
                    sawList = true;
                    foreach (var (k, v) in map.Children)
                    {
                        if (k is YamlScalarNode { Value: { } w } && v is YamlScalarNode { Value: { } value })
                        {
                            words.Add(w);
                            values[w] = value;
                            CheckWord(w, (int)k.Start.Line);
                        }
                        else
                        {
                            problems.Add(new KnowledgeProblem(file, (int)k.Start.Line, "each value must map a word to a plain string"));
                        }
                    }

                    break;
                default:
                    problems.Add(new KnowledgeProblem(file, line, $"unknown key '{key}' (expected description, case, words or values)"));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            problems.Add(new KnowledgeProblem(file, 1, "description is missing: say what the list is for and where its words come from"));
        }

        if (!sawList || words.Count == 0)
        {
            problems.Add(new KnowledgeProblem(file, 1, "no words: give a non-empty 'words:' sequence or 'values:' mapping"));
        }

        var seen = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (!seen.Add(w))
            {
                problems.Add(new KnowledgeProblem(file, 1, $"'{w}' is listed twice"));
            }
        }

        return new WordList(name, description ?? string.Empty, ignoreCase, words, values);

        void CheckWord(string w, int line)
        {
            if (w.Length == 0 || w.Trim().Length != w.Length)
            {
                problems.Add(new KnowledgeProblem(file, line, $"'{w}': empty, or with spaces around it"));
            }
        }
    }
}
