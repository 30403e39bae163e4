using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Tightrope.Knowledge;

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

    public static Command CreateAdd()
    {
        var id = new Option<string>("--id") { Description = "Id (lower-case words joined by hyphens)", Required = true };
        var name = new Option<string>("--name") { Description = "Canonical English name", Required = true };
        var kind = new Option<string>("--kind") { Description = "person, organization, government, military, party, country, agreement, exercise, weapon_system, place, company, media", Required = true };
        var aliases = new Option<string[]>("--alias") { Description = "An alias (repeatable)", AllowMultipleArgumentsPerToken = false };
        var country = new Option<string?>("--country") { Description = "ISO 3166 alpha-3 country code" };
        var sector = new Option<string?>("--sector") { Description = "CAMEO-style sector code (GOV, MIL, …)" };
        var hangul = new Option<string?>("--hangul") { Description = "Name in hangul" };
        var hanja = new Option<string?>("--hanja") { Description = "Name in hanja" };
        var zh = new Option<string?>("--zh") { Description = "Name in simplified Chinese" };
        var source = new Option<string?>("--source") { Description = "Where the facts come from (URL)" };
        var file = new Option<string?>("--file") { Description = "Knowledge file to append to (default: actors/added.yaml)" };
        var command = new Command("add", "Append a new entry to a knowledge-base file") { id, name, kind, aliases, country, sector, hangul, hanja, zh, source, file };
        command.SetAction(parse =>
        {
            var folder = KbCommand.ResolveFolder(parse);
            if (folder is null)
            {
                return ExitCodes.Usage;
            }

            var kb = KnowledgeLoader.Load(folder);
            var newId = parse.GetValue(id)!;
            if (kb.Find(newId) is { } existing)
            {
                Console.Error.WriteLine($"tightrope kb add: id '{newId}' is already used ({existing.Origin})");
                return ExitCodes.Usage;
            }

            var kindText = parse.GetValue(kind)!;
            if (!KnowledgeLoader.TryParseKind(kindText, out _))
            {
                Console.Error.WriteLine($"tightrope kb add: unknown kind '{kindText}'");
                return ExitCodes.Usage;
            }

            var target = parse.GetValue(file) is { } f ? (Path.IsPathRooted(f) ? f : Path.Combine(folder, f)) : Path.Combine(folder, "actors", "added.yaml");
            var sb = new StringBuilder();
            sb.Append('\n').Append("- id: ").Append(Yaml(newId)).Append('\n');
            sb.Append("  name: ").Append(Yaml(parse.GetValue(name)!)).Append('\n');
            sb.Append("  kind: ").Append(kindText.ToLowerInvariant()).Append('\n');
            var native = new List<string>();
            if (parse.GetValue(hangul) is { } h)
            {
                native.Add("hangul: " + Yaml(h));
            }

            if (parse.GetValue(hanja) is { } hj)
            {
                native.Add("hanja: " + Yaml(hj));
            }

            if (parse.GetValue(zh) is { } z)
            {
                native.Add("zh: " + Yaml(z));
            }

            if (native.Count > 0)
            {
                sb.Append("  native: {").Append(string.Join(", ", native)).Append("}\n");
            }

            if (parse.GetValue(aliases) is { Length: > 0 } al)
            {
                sb.Append("  aliases: [").Append(string.Join(", ", al.Select(Yaml))).Append("]\n");
            }

            if (parse.GetValue(country) is { } c)
            {
                sb.Append("  country: ").Append(c.ToUpperInvariant()).Append('\n');
            }

            if (parse.GetValue(sector) is { } s)
            {
                sb.Append("  sector: ").Append(s.ToUpperInvariant()).Append('\n');
            }

            if (parse.GetValue(source) is { } src)
            {
                sb.Append("  sources: [").Append(Yaml(src)).Append("]\n");
            }

            var before = File.Exists(target) ? File.ReadAllText(target) : null;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, (before ?? "# Entries added with 'tightrope kb add'.\n") + sb);
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
        });
        return command;
    }

    public static Command CreateCandidates()
    {
        var limit = new Option<int>("--limit") { Description = "How many groups to list", DefaultValueFactory = _ => 50 };
        var command = new Command("candidates", "List unresolved names from the store, grouped by normalised form, with counts and example sentences") { limit };
        command.SetAction(parse =>
        {
            using var store = StoreCommandSupport.OpenExisting(parse);
            if (store is null)
            {
                return ExitCodes.Usage;
            }

            var groups = store.UnresolvedCandidates(parse.GetValue(limit));
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(groups);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("name", "forms", "mentions", "articles", "example");
            foreach (var g in groups)
            {
                table.AddRow(
                    Markup.Escape(g.Normalized),
                    Markup.Escape(string.Join(", ", g.Forms.Take(4))),
                    g.Count.ToString(CultureInfo.InvariantCulture),
                    g.Articles.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(g.ExampleSentences.FirstOrDefault() is { } s ? Short(s) : ""));
            }

            AnsiConsole.Write(table);
            Console.WriteLine("Add one with: tightrope kb add-alias ID ALIAS   or   tightrope kb add --id ID --name NAME --kind KIND");
            return ExitCodes.Ok;
        });
        return command;
    }

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
