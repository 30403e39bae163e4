using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Storage;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope kb add-alias ID ALIAS</c>, <c>kb add</c> and <c>kb candidates</c>: extending the knowledge base from
/// the unresolved names the pipeline kept. Edits are textual (the files keep their layout and comments) and the edited
/// file is re-read; an edit that does not load back is undone.
/// </summary>
internal static class KbEditCommands
{
    public static Command CreateAddAlias()
    {
        var id = new Argument<string>("id") { Description = "Id of the knowledge-base entry" };
        var alias = new Argument<string>("alias") { Description = "The alias to add, as written in text" };
        var command = new Command("add-alias", "Add an alias to an entry of the knowledge base") { id, alias };
        command.SetAction(parse =>
        {
            var folder = KbCommand.ResolveFolder(parse);
            if (folder is null)
            {
                return ExitCodes.Usage;
            }

            var problems = new List<KnowledgeProblem>();
            var kb = KnowledgeLoader.Load(folder, problems);
            var actorId = parse.GetValue(id)!;
            var text = parse.GetValue(alias)!.Trim();
            if (kb.Find(actorId) is not { } actor)
            {
                Console.Error.WriteLine($"tightrope kb add-alias: no entry with id '{actorId}'");
                return ExitCodes.Usage;
            }

            if (text.Length == 0 || text.Contains('\n', StringComparison.Ordinal))
            {
                Console.Error.WriteLine("tightrope kb add-alias: the alias must be one non-empty line");
                return ExitCodes.Usage;
            }

            if (actor.Name.Equals(text, StringComparison.OrdinalIgnoreCase) || actor.Aliases.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                Console.WriteLine($"'{text}' is already a name of {actorId}; nothing changed");
                return ExitCodes.Ok;
            }

            foreach (var other in kb.Actors.Where(a => a.Id != actorId && (a.Name.Equals(text, StringComparison.OrdinalIgnoreCase) || a.Aliases.Contains(text, StringComparer.OrdinalIgnoreCase))))
            {
                Console.Error.WriteLine($"tightrope kb add-alias: warning: '{text}' also names {other.Id} ({other.Origin}); the resolver will weigh them by context");
            }

            var (file, line) = ParseOrigin(actor.Origin);
            if (file is null)
            {
                Console.Error.WriteLine($"tightrope kb add-alias: entry '{actorId}' has no file of origin");
                return ExitCodes.SomeFailed;
            }

            var result = KnowledgeFileEditor.AddAlias(file, line, actorId, text);
            if (result is not null)
            {
                Console.Error.WriteLine($"tightrope kb add-alias: {file}: {result}");
                return ExitCodes.SomeFailed;
            }

            Console.WriteLine($"added alias '{text}' to {actorId} in {file}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The options of <c>kb add</c>.</summary>
    private sealed record AddOptions(
        Option<string> Id, Option<string> Name, Option<string> Kind, Option<string[]> Aliases, Option<string?> Country, Option<string?> Sector,
        Option<string?> Hangul, Option<string?> Hanja, Option<string?> Zh, Option<string[]> Sources, Option<string?> File);

    public static Command CreateAdd()
    {
        var o = new AddOptions(
            new Option<string>("--id") { Description = "Id (lower-case letters and digits joined by hyphens)", Required = true, HelpName = "ID" },
            new Option<string>("--name") { Description = "Canonical English name", Required = true, HelpName = "NAME" },
            new Option<string>("--kind") { Description = "person, organization, government, military, party, country, agreement, exercise, weapon_system, place, company, media", Required = true, HelpName = "KIND" },
            new Option<string[]>("--alias") { Description = "An alias (repeatable)", AllowMultipleArgumentsPerToken = false, HelpName = "ALIAS" },
            new Option<string?>("--country") { Description = "ISO 3166 alpha-3 country code", HelpName = "CODE" },
            new Option<string?>("--sector") { Description = "CAMEO-style sector code (GOV, MIL, …)", HelpName = "CODE" },
            new Option<string?>("--hangul") { Description = "Name in hangul", HelpName = "NAME" },
            new Option<string?>("--hanja") { Description = "Name in hanja", HelpName = "NAME" },
            new Option<string?>("--zh") { Description = "Name in simplified Chinese", HelpName = "NAME" },
            new Option<string[]>("--source") { Description = "Where the facts come from, an http(s) URL (repeatable; kb check needs at least one)", AllowMultipleArgumentsPerToken = false, HelpName = "URL" },
            new Option<string?>("--file") { Description = "Knowledge file to append to (default: actors/added.yaml)", HelpName = "FILE" });
        var command = new Command("add", """
            Append a new entry to a knowledge-base file. The entry is checked with the rules of 'kb check' first; one that
            would not pass is refused (exit 2) and nothing is written.
            """)
        {
            o.Id, o.Name, o.Kind, o.Aliases, o.Country, o.Sector, o.Hangul, o.Hanja, o.Zh, o.Sources, o.File,
        };
        command.SetAction(parse => RunAdd(parse, o));
        return command;
    }

    private static int RunAdd(ParseResult parse, AddOptions o)
    {
        var folder = KbCommand.ResolveFolder(parse);
        if (folder is null)
        {
            return ExitCodes.Usage;
        }

        var kb = KnowledgeLoader.Load(folder);
        var newId = parse.GetValue(o.Id)!;
        if (kb.Find(newId) is { } existing)
        {
            Console.Error.WriteLine($"tightrope kb add: id '{newId}' is already used ({existing.Origin})");
            return ExitCodes.Usage;
        }

        var kindText = parse.GetValue(o.Kind)!;
        if (!KnowledgeLoader.TryParseKind(kindText, out _))
        {
            Console.Error.WriteLine($"tightrope kb add: unknown kind '{kindText}'");
            return ExitCodes.Usage;
        }

        var target = parse.GetValue(o.File) is { } f ? (Path.IsPathRooted(f) ? f : Path.Combine(folder, f)) : Path.Combine(folder, "actors", "added.yaml");
        var before = File.Exists(target) ? File.ReadAllText(target) : null;
        var prefix = before ?? "# Entries added with 'tightrope kb add'.\n";
        var entry = EntryYaml(parse, o);
        var problems = NewEntryProblems(folder, target, prefix, entry);
        foreach (var p in problems.Where(p => p.Severity == KnowledgeSeverity.Warning))
        {
            Console.Error.WriteLine($"tightrope kb add: warning: {p.Message}");
        }

        if (problems.Any(p => p.Severity == KnowledgeSeverity.Error))
        {
            foreach (var p in problems.Where(p => p.Severity == KnowledgeSeverity.Error))
            {
                Console.Error.WriteLine($"tightrope kb add: {p.Message}");
            }

            Console.Error.WriteLine($"tightrope kb add: the entry would not pass 'kb check'; nothing was written to {target}");
            return ExitCodes.Usage;
        }

        return Append(target, before, prefix + entry, newId);
    }

    /// <summary>The new entry as YAML, starting with a blank line.</summary>
    private static string EntryYaml(ParseResult parse, AddOptions o)
    {
        var sb = new StringBuilder();
        sb.Append('\n').Append("- id: ").Append(Yaml(parse.GetValue(o.Id)!)).Append('\n');
        sb.Append("  name: ").Append(Yaml(parse.GetValue(o.Name)!)).Append('\n');
        sb.Append("  kind: ").Append(parse.GetValue(o.Kind)!.ToLowerInvariant()).Append('\n');
        var native = new List<string>();
        foreach (var (key, option) in new[] { ("hangul", o.Hangul), ("hanja", o.Hanja), ("zh", o.Zh) })
        {
            if (parse.GetValue(option) is { } value)
            {
                native.Add(key + ": " + Yaml(value));
            }
        }

        if (native.Count > 0)
        {
            sb.Append("  native: {").Append(string.Join(", ", native)).Append("}\n");
        }

        if (parse.GetValue(o.Aliases) is { Length: > 0 } al)
        {
            sb.Append("  aliases: [").Append(string.Join(", ", al.Select(Yaml))).Append("]\n");
        }

        if (parse.GetValue(o.Country) is { } c)
        {
            sb.Append("  country: ").Append(Yaml(c.ToUpperInvariant())).Append('\n');
        }

        if (parse.GetValue(o.Sector) is { } s)
        {
            sb.Append("  sector: ").Append(Yaml(s.ToUpperInvariant())).Append('\n');
        }

        if (parse.GetValue(o.Sources) is { Length: > 0 } sources)
        {
            sb.Append("  sources: [").Append(string.Join(", ", sources.Select(Yaml))).Append("]\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// What <see cref="KnowledgeChecker"/> says about the new entry: the knowledge folder is copied to a scratch folder
    /// (titles and actor files), the entry appended to its copy of the target file, and the copy checked; the problems
    /// on the entry's own lines are returned (problems elsewhere were there before and are not the entry's).
    /// </summary>
    internal static IReadOnlyList<KnowledgeProblem> NewEntryProblems(string folder, string target, string prefix, string entry)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "tightrope-kb-add-" + Guid.NewGuid().ToString("N"));
        try
        {
            var actors = Path.Combine(folder, "actors");
            var scratchActors = Path.Combine(scratch, "actors");
            Directory.CreateDirectory(scratchActors);
            if (File.Exists(Path.Combine(folder, KnowledgeLoader.TitlesFile)))
            {
                File.Copy(Path.Combine(folder, KnowledgeLoader.TitlesFile), Path.Combine(scratch, KnowledgeLoader.TitlesFile));
            }

            if (Directory.Exists(actors))
            {
                foreach (var file in Directory.EnumerateFiles(actors, "*.yaml", SearchOption.AllDirectories))
                {
                    var copy = Path.Combine(scratchActors, Path.GetRelativePath(actors, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.Copy(file, copy);
                }
            }

            // The target as the checker will see it: at its place under actors/, or (a file elsewhere) as one more file there.
            var relative = Path.GetRelativePath(Path.GetFullPath(actors), Path.GetFullPath(target));
            var checkedFile = Path.GetFullPath(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || !target.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                ? Path.Combine(scratchActors, "~kb-add-" + Path.GetFileNameWithoutExtension(target) + ".yaml")
                : Path.Combine(scratchActors, relative));
            Directory.CreateDirectory(Path.GetDirectoryName(checkedFile)!);
            File.WriteAllText(checkedFile, prefix + entry);
            int firstLine = prefix.Count(c => c == '\n') + 2;
            return [.. KnowledgeChecker.Check(scratch).Problems.Where(p => p.Line >= firstLine && Path.GetFullPath(p.File) == checkedFile)];
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A leftover scratch folder is harmless.
            }
        }
    }

    /// <summary>Writes the file, loads it back and undoes the write when the new entry does not load.</summary>
    private static int Append(string target, string? before, string content, string newId)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, content);
        var problems = new List<KnowledgeProblem>();
        var loaded = KnowledgeLoader.LoadFile(target, problems);
        if (problems.Count > 0 || !loaded.Exists(a => a.Id == newId))
        {
            if (before is null)
            {
                File.Delete(target);
            }
            else
            {
                File.WriteAllText(target, before);
            }

            foreach (var p in problems)
            {
                Console.Error.WriteLine($"tightrope kb add: {p}");
            }

            Console.Error.WriteLine($"tightrope kb add: the new entry did not load back; {target} is unchanged");
            return ExitCodes.SomeFailed;
        }

        Console.WriteLine($"added {newId} to {target}");
        return ExitCodes.Ok;
    }

    public static Command CreateCandidates()
    {
        var limit = new Option<int>("--limit") { Description = "How many groups to list", DefaultValueFactory = _ => 50, HelpName = "N" };
        var command = new Command("candidates", "List unresolved names from the store, grouped by normalised form, with counts and example sentences; people the text names in a person's context are marked kind person, with the id and the kb add line to promote them") { limit };
        command.SetAction(parse => StoreCommandSupport.Query(parse, "kb candidates", queries =>
        {
            var groups = queries.Unresolved(parse.GetValue(limit));
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(groups.Select(g => new
                {
                    name = CandidateName(g),
                    kind = IsPerson(g) ? "person" : null,
                    id = IsPerson(g) ? Mention.ProvisionalIdOf(g.Normalized.AsSpan(Mention.PersonPrefix.Length)) : null,
                    normalized = g.Normalized,
                    forms = g.Forms,
                    count = g.Count,
                    articles = g.Articles,
                    examples = g.ExampleSentences,
                }).ToList());
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("name", "kind", "forms", "mentions", "articles", "example");
            foreach (var g in groups)
            {
                table.AddRow(
                    Markup.Escape(CandidateName(g)),
                    IsPerson(g) ? "person" : "",
                    Markup.Escape(string.Join(", ", g.Forms.Take(4))),
                    g.Count.ToString(CultureInfo.InvariantCulture),
                    g.Articles.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(g.ExampleSentences.FirstOrDefault() is { } s ? Short(s) : ""));
            }

            AnsiConsole.Write(table);
            if (groups.FirstOrDefault(IsPerson) is { } person)
            {
                var id = Mention.ProvisionalIdOf(person.Normalized.AsSpan(Mention.PersonPrefix.Length));
                Console.WriteLine($"Promote a person with: tightrope kb add --id {id} --name \"{CandidateName(person).Replace("\"", "\\\"", StringComparison.Ordinal)}\" --kind person --source URL");
            }

            Console.WriteLine("Add one with: tightrope kb add-alias ID ALIAS   or   tightrope kb add --id ID --name NAME --kind KIND");
            return ExitCodes.Ok;
        }, knowledge: false));
        return command;
    }

    private static bool IsPerson(CandidateGroup g) => g.Normalized.StartsWith(Mention.PersonPrefix, StringComparison.Ordinal);

    /// <summary>A person's name as written in full (its longest form); other groups by their normalised form.</summary>
    private static string CandidateName(CandidateGroup g) =>
        IsPerson(g) ? g.Forms.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault() ?? g.Normalized[Mention.PersonPrefix.Length..] : g.Normalized;

    private static string Short(string s) => s.Length <= 90 ? s : s[..87] + "...";

    internal static (string? File, int Line) ParseOrigin(string? origin)
    {
        if (origin is null)
        {
            return (null, 0);
        }

        int colon = origin.LastIndexOf(':');
        return colon > 0 && int.TryParse(origin.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int line)
            ? (origin[..colon], line)
            : (origin, 0);
    }

    /// <summary>A YAML scalar for flow context: plain when safe, double-quoted otherwise.</summary>
    internal static string Yaml(string value)
    {
        bool plain = value.Length > 0 && !value.Any(c => ",[]{}:#'\"&*!|>%@`".Contains(c)) && value == value.Trim()
            && !value.StartsWith('-') && !value.StartsWith('?') && !(value is "~" or "null" or "true" or "false" or "yes" or "no");
        return plain ? value : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}

/// <summary>Textual edits of knowledge files that keep their layout; every edit is checked by loading the file back.</summary>
internal static class KnowledgeFileEditor
{
    /// <summary>Adds an alias to the entry that starts at <paramref name="line"/>; returns an error message or null.</summary>
    public static string? AddAlias(string file, int line, string id, string alias)
    {
        var original = File.ReadAllText(file);
        var lines = original.Split('\n').ToList();
        int start = Math.Max(0, line - 1);
        // The entry runs from its "- " line to the next line with the same or less indentation that starts an item.
        int indent = lines[start].Length - lines[start].TrimStart().Length;
        int end = start + 1;
        while (end < lines.Count && !(lines[end].TrimStart().StartsWith("- ", StringComparison.Ordinal) && lines[end].Length - lines[end].TrimStart().Length <= indent)
               && !(lines[end].Length > 0 && !char.IsWhiteSpace(lines[end][0]) && lines[end][0] != '#'))
        {
            end++;
        }

        var value = KbEditCommands.Yaml(alias);
        int aliasLine = lines.FindIndex(start, end - start, l => l.TrimStart().StartsWith("aliases:", StringComparison.Ordinal) || l.TrimStart().StartsWith("- aliases:", StringComparison.Ordinal));
        if (aliasLine >= 0)
        {
            var l = lines[aliasLine];
            int close = l.LastIndexOf(']');
            if (close > 0)
            {
                bool empty = l[..close].TrimEnd().EndsWith('[');
                lines[aliasLine] = l[..close].TrimEnd() + (empty ? "" : ", ") + value + l[close..];
            }
            else
            {
                // Block list: add an item after the last one.
                int last = aliasLine;
                while (last + 1 < end && lines[last + 1].TrimStart().StartsWith("- ", StringComparison.Ordinal)
                       && lines[last + 1].Length - lines[last + 1].TrimStart().Length > indent)
                {
                    last++;
                }

                string itemIndent = last > aliasLine ? new string(' ', lines[last].Length - lines[last].TrimStart().Length) : new string(' ', indent + 4);
                lines.Insert(last + 1, itemIndent + "- " + value);
            }
        }
        else
        {
            int nameLine = lines.FindIndex(start, end - start, l => l.TrimStart().StartsWith("name:", StringComparison.Ordinal));
            int at = nameLine >= 0 ? nameLine + 1 : start + 1;
            lines.Insert(at, new string(' ', indent + 2) + "aliases: [" + value + "]");
        }

        File.WriteAllText(file, string.Join('\n', lines));
        var problems = new List<KnowledgeProblem>();
        var loaded = KnowledgeLoader.LoadFile(file, problems);
        if (problems.Count > 0 || !loaded.Exists(a => a.Id == id && a.Aliases.Contains(alias, StringComparer.Ordinal)))
        {
            File.WriteAllText(file, original);
            return "the edited file did not load back with the new alias; it is unchanged" + (problems.Count > 0 ? $" ({problems[0]})" : "");
        }

        return null;
    }
}
