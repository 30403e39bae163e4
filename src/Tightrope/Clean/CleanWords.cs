using Tightrope.Knowledge;

namespace Tightrope.Clean;

/// <summary>The clean stage's word lists (knowledge/lang/en/clean-*.yaml), read once into the shapes the rules search.</summary>
internal static class CleanWords
{
    /// <summary>The list's words in file order, for prefix and phrase searches.</summary>
    public static string[] Phrases(string name) => [.. LanguageData.English[name].Words];

    /// <summary>
    /// For a list whose values say how each word is matched: the words in file order, with a space written after
    /// those whose value is <paramref name="after"/> and before those whose value is <paramref name="before"/>, so the
    /// searches see "follow " and " app" as they always did; words valued <paramref name="plain"/> stay as written.
    /// Any other value is an error in the file.
    /// </summary>
    public static string[] Spaced(string name, string plain, string? after = null, string? before = null)
    {
        var list = LanguageData.English[name];
        var result = new string[list.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var word = list.Words[i];
            var how = list.Values[word];
            result[i] = string.Equals(how, after, StringComparison.Ordinal) ? word + " "
                : string.Equals(how, before, StringComparison.Ordinal) ? " " + word
                : string.Equals(how, plain, StringComparison.Ordinal) ? word
                : throw new InvalidDataException($"knowledge/lang/en/{name}.yaml: '{word}' has '{how}'; expected '{plain}', '{after ?? before}'");
        }

        return result;
    }
}
