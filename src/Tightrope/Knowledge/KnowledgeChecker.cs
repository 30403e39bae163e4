using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tightrope.Knowledge;

/// <summary>What <see cref="KnowledgeChecker"/> found: the problems, and the entries counted by kind.</summary>
public sealed record KnowledgeCheckReport(IReadOnlyList<KnowledgeProblem> Problems, IReadOnlyDictionary<ActorKind, int> EntriesByKind)
{
    public int Errors => Problems.Count(p => p.Severity == KnowledgeSeverity.Error);

    public int Warnings => Problems.Count(p => p.Severity == KnowledgeSeverity.Warning);

    public int Entries => EntriesByKind.Values.Sum();

    public bool Ok => Errors == 0;
}

/// <summary>
/// Validates the knowledge base's files (<c>knowledge/titles.yaml</c> and <c>knowledge/actors/*.yaml</c>) and reports
/// every problem with its file and line: YAML syntax, the schema (required fields, kinds, ids, country and sector
/// codes, dates), duplicate ids and names, role titles and organisations, overlapping roles, native scripts, sources.
/// The rules are documented in <c>docs/knowledge.md</c>.
/// </summary>
public static partial class KnowledgeChecker
{
    private static readonly FrozenSet<string> KnownFields = FrozenSet.ToFrozenSet(
        ["id", "name", "kind", "native", "aliases", "demonyms", "metonyms", "descriptions", "country", "sector", "roles", "from", "to", "signed", "sources"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> TitleFields = FrozenSet.ToFrozenSet(["title", "function", "single", "cues"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> RoleFields = FrozenSet.ToFrozenSet(["title", "org", "from", "to"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> KindNames = FrozenSet.ToFrozenSet(
        Enum.GetValues<ActorKind>().Select(KnowledgeLoader.KindName), StringComparer.Ordinal);

    /// <summary>CAMEO-style sector codes (docs/knowledge.md lists their meanings).</summary>
    public static readonly FrozenSet<string> Sectors = FrozenSet.ToFrozenSet(
    [
        "GOV", "MIL", "LEG", "JUD", "PTY", "SPY", "COP", "BUS", "MED", "NGO", "IGO", "ELI", "CVL", "EDU", "REL", "LAB",
        "OPP", "REB", "AGR", "ENV", "HLH", "CRM", "REF", "MNC", "ETH", "SET", "UAF",
    ], StringComparer.Ordinal);

    /// <summary>ISO 3166-1 alpha-3 codes, plus SUN (the Soviet Union, ISO 3166-3).</summary>
    public static readonly FrozenSet<string> CountryCodes = FrozenSet.ToFrozenSet(
        """
        ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM
        BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR
        CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB
        GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA
        JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA
        MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR
        NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS
        SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON
        TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE SUN
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>Checks the knowledge folder (the one holding <c>actors/</c> and <c>titles.yaml</c>).</summary>
    public static KnowledgeCheckReport Check(string folder)
    {
        var problems = new List<KnowledgeProblem>();
        var titles = LoadTitles(folder, problems);
        var entries = new List<Entry>();
        var actorsDir = Path.Combine(folder, "actors");
        if (!Directory.Exists(actorsDir))
        {
            problems.Add(new KnowledgeProblem(actorsDir, 0, "folder not found"));
        }
        else
        {
            foreach (var file in Directory.EnumerateFiles(actorsDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                ReadFile(file, entries, problems);
            }
        }

        CheckAcross(entries, titles, problems);
        problems.AddRange(LanguageData.CheckFolder(folder));

        var byKind = new SortedDictionary<ActorKind, int>();
        foreach (var e in entries)
        {
            if (e.Kind is { } k)
            {
                byKind[k] = byKind.GetValueOrDefault(k) + 1;
            }
        }

        var ordered = problems
            .OrderBy(p => p.File, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .ToList();
        return new KnowledgeCheckReport(ordered, byKind);
    }

    // ---- reading, with the rules that need one entry only ----

    /// <summary>A name-like value (name, alias, demonym, metonym) and where it is.</summary>
    private readonly record struct Located(string Value, int Line);

    private sealed record RoleEntry(string Title, int TitleLine, string? Org, int OrgLine, Period Dates, int Line);

    /// <summary>The certain bounds of a role's period: from its latest possible start to its earliest possible end.</summary>
    private readonly record struct Period(DateOnly EarliestFrom, DateOnly LatestFrom, DateOnly EarliestTo, DateOnly LatestTo)
    {
        public bool CertainlyOverlaps(Period other) => LatestFrom < other.EarliestTo && other.LatestFrom < EarliestTo;
    }

    private sealed class Entry(string file, int line)
    {
        public string File { get; } = file;
        public int Line { get; } = line;
        public string? Id { get; set; }
        public int IdLine { get; set; }
        public ActorKind? Kind { get; set; }
        public List<Located> Names { get; } = [];
        public List<RoleEntry> Roles { get; } = [];
    }

    private static void ReadFile(string file, List<Entry> entries, List<KnowledgeProblem> problems)
    {
        var root = LoadYaml(file, problems);
        if (root is null)
        {
            return;
        }

        if (root is not YamlSequenceNode seq)
        {
            Error(problems, file, root, "expected a list of entries");
            return;
        }

        foreach (var node in seq)
        {
            if (node is not YamlMappingNode map)
            {
                Error(problems, file, node, "expected an entry (a mapping with id, name, kind…)");
                continue;
            }

            entries.Add(ReadEntry(file, map, problems));
        }
    }

    private static YamlNode? LoadYaml(string file, List<KnowledgeProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            problems.Add(new KnowledgeProblem(file, (int)ex.Start.Line, $"YAML syntax: {Inner(ex).Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (e.g. an unclosed flow sequence): no mark.
            problems.Add(new KnowledgeProblem(file, LastParsedLine(file) + 1, "YAML syntax: the parser stopped after this point (an unclosed bracket or quote?)"));
            return null;
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;

        static Exception Inner(Exception ex) => ex.InnerException is YamlDotNet.Core.YamlException inner ? inner : ex;
    }

    /// <summary>The line where the last YAML event that parsed cleanly ends.</summary>
    private static int LastParsedLine(string file)
    {
        int line = 0;
        try
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            var parser = new YamlDotNet.Core.Parser(reader);
            while (parser.MoveNext())
            {
                line = (int)parser.Current!.End.Line;
            }
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            // Stopped where it broke: the line reached so far is the answer.
        }

        return line;
    }

    private static Entry ReadEntry(string file, YamlMappingNode map, List<KnowledgeProblem> problems)
    {
        var entry = new Entry(file, Line(map));
        foreach (var key in map.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } k } && !KnownFields.Contains(k))
            {
                Warning(problems, file, key, $"unknown field '{k}'");
            }
        }

        // id
        if (Required(map, "id", file, entry.Line, problems) is { } idNode)
        {
            entry.Id = idNode.Value;
            entry.IdLine = Line(idNode);
            if (!IdPattern().IsMatch(idNode.Value!))
            {
                Error(problems, file, idNode, $"id '{idNode.Value}' must be lower-case letters and digits joined by hyphens");
            }
        }

        string label = entry.Id ?? "entry";

        // name
        if (Required(map, "name", file, entry.Line, problems) is { } nameNode)
        {
            entry.Names.Add(new Located(nameNode.Value!, Line(nameNode)));
            if (Scripts.Of(nameNode.Value!) is var s && (s & (Script.Hangul | Script.Han | Script.Kana | Script.Cyrillic)) != 0)
            {
                Error(problems, file, nameNode, $"{label}: name '{nameNode.Value}' must be in Latin script (native names go under 'native')");
            }
        }

        // kind
        if (Required(map, "kind", file, entry.Line, problems) is { } kindNode)
        {
            if (KindNames.Contains(kindNode.Value!) && KnowledgeLoader.TryParseKind(kindNode.Value!, out var kind))
            {
                entry.Kind = kind;
            }
            else
            {
                Error(problems, file, kindNode, $"{label}: unknown kind '{kindNode.Value}' (known: {string.Join(", ", KindNames.Order(StringComparer.Ordinal))})");
            }
        }

        CheckNative(map, file, label, problems);
        if (entry.Kind == ActorKind.Person && Child(map, "native") is YamlMappingNode nativeNames
            && Child(nativeNames, "hangul") is YamlScalarNode { Value: { } hangul }
            && Child(nativeNames, "hanja") is YamlScalarNode { Value: { } hanja }
            && CountOf(hangul, Script.Hangul) != CountOf(hanja, Script.Han))
        {
            Warning(problems, file, nativeNames, $"{label}: hangul '{hangul}' and hanja '{hanja}' differ in length (a Korean name has one character per syllable)");
        }

        var aliasSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (entry.Names.Count > 0)
        {
            aliasSeen.Add(entry.Names[0].Value);
        }

        foreach (var (value, line) in Strings(map, "aliases", file, label, problems))
        {
            if (!aliasSeen.Add(value))
            {
                problems.Add(new KnowledgeProblem(file, line, $"{label}: alias '{value}' repeats the name or another alias") { Severity = KnowledgeSeverity.Warning });
                continue;
            }

            entry.Names.Add(new Located(value, line));
        }

        _ = Strings(map, "demonyms", file, label, problems);
        _ = Strings(map, "metonyms", file, label, problems);
        _ = Strings(map, "descriptions", file, label, problems);

        if (Optional(map, "country", file, label, problems) is { } countryNode && !CountryCodes.Contains(countryNode.Value!))
        {
            Error(problems, file, countryNode, $"{label}: country '{countryNode.Value}' is not an ISO 3166-1 alpha-3 code");
        }

        if (Optional(map, "sector", file, label, problems) is { } sectorNode && !Sectors.Contains(sectorNode.Value!))
        {
            Error(problems, file, sectorNode, $"{label}: unknown sector code '{sectorNode.Value}'");
        }

        ReadRoles(map, file, label, entry, problems);

        var existsFrom = DateField(map, "from", file, label, problems);
        var existsTo = DateField(map, "to", file, label, problems);
        _ = DateField(map, "signed", file, label, problems);
        if (existsFrom is { } ef && existsTo is { } et && ef.First > et.Last)
        {
            Error(problems, file, map, $"{label}: 'from' ({ef.Text}) is after 'to' ({et.Text})");
        }

        var sources = Strings(map, "sources", file, label, problems);
        if (sources.Count == 0)
        {
            problems.Add(new KnowledgeProblem(file, entry.Line, $"{label}: no source (every entry needs at least one under 'sources')"));
        }

        foreach (var (value, line) in sources)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add(new KnowledgeProblem(file, line, $"{label}: source '{value}' is not an http(s) URL") { Severity = KnowledgeSeverity.Warning });
            }
        }

        return entry;
    }

    private static void CheckNative(YamlMappingNode map, string file, string label, List<KnowledgeProblem> problems)
    {
        var node = Child(map, "native");
        if (node is null || node is YamlScalarNode { Value: null or "" or "~" })
        {
            return;
        }

        if (node is not YamlMappingNode native)
        {
            Error(problems, file, node, $"{label}: 'native' must be a mapping such as {{hangul: 윤석열, hanja: 尹錫悅}}");
            return;
        }

        foreach (var (keyNode, valueNode) in native.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (valueNode is not YamlScalarNode { Value: { Length: > 0 } value })
            {
                Error(problems, file, valueNode, $"{label}: native '{key}' must be a single name");
                continue;
            }

            var found = Scripts.Of(value);
            (Script required, Script forbidden, string what)? rule = key switch
            {
                "hangul" => (Script.Hangul, Script.Han | Script.Kana | Script.Cyrillic, "Hangul"),
                "hanja" => (Script.Han, Script.Hangul | Script.Kana | Script.Cyrillic | Script.Latin, "Chinese characters (hanja)"),
                "zh" or "zh_hant" => (Script.Han, Script.Hangul | Script.Kana | Script.Cyrillic, "Chinese characters"),
                "kanji" => (Script.Han, Script.Hangul | Script.Cyrillic, "kanji"),
                "kana" => (Script.Kana, Script.Han | Script.Hangul | Script.Cyrillic, "kana"),
                "cyrillic" => (Script.Cyrillic, Script.Han | Script.Hangul | Script.Kana | Script.Latin, "Cyrillic"),
                _ => null,
            };
            if (rule is null)
            {
                Error(problems, file, keyNode, $"{label}: unknown native script '{key}' (known: hangul, hanja, zh, zh_hant, kanji, kana, cyrillic)");
                continue;
            }

            var (required, forbidden, what) = rule.Value;
            if ((found & required) == 0 || (found & forbidden) != 0)
            {
                Error(problems, file, valueNode, $"{label}: native {key} '{value}' is not in {what}");
            }
        }
    }

    private static void ReadRoles(YamlMappingNode map, string file, string label, Entry entry, List<KnowledgeProblem> problems)
    {
        var node = Child(map, "roles");
        if (node is null || node is YamlScalarNode { Value: null or "" or "~" })
        {
            return;
        }

        if (node is not YamlSequenceNode roles)
        {
            Error(problems, file, node, $"{label}: 'roles' must be a list");
            return;
        }

        foreach (var r in roles)
        {
            if (r is not YamlMappingNode role)
            {
                Error(problems, file, r, $"{label}: a role must be a mapping {{title, org, from, to}}");
                continue;
            }

            foreach (var key in role.Children.Keys)
            {
                if (key is YamlScalarNode { Value: { } k } && !RoleFields.Contains(k))
                {
                    Warning(problems, file, key, $"{label}: unknown role field '{k}'");
                }
            }

            var title = Required(role, "title", file, Line(role), problems, label);
            var org = Optional(role, "org", file, label, problems);
            var from = DateField(role, "from", file, label, problems);
            var to = DateField(role, "to", file, label, problems);
            var period = new Period(
                from?.First ?? DateOnly.MinValue,
                from?.Last ?? DateOnly.MinValue,
                to?.First ?? DateOnly.MaxValue,
                to?.Last ?? DateOnly.MaxValue);
            if (from is { } f && to is { } t && f.First > t.Last)
            {
                Error(problems, file, role, $"{label}: role '{title?.Value}' starts ({f.Text}) after it ends ({t.Text})");
            }

            if (title is not null)
            {
                entry.Roles.Add(new RoleEntry(title.Value!, Line(title), org?.Value, org is null ? Line(role) : Line(org), period, Line(role)));
            }
        }
    }

    private static (DateOnly First, DateOnly Last, string Text)? DateField(YamlMappingNode map, string key, string file, string label, List<KnowledgeProblem> problems)
    {
        if (Optional(map, key, file, label, problems) is not { } node)
        {
            return null;
        }

        if (KnowledgeLoader.TryParsePeriod(node.Value!, out var first, out var last))
        {
            return (first, last, node.Value!);
        }

        Error(problems, file, node, $"{label}: '{key}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY): '{node.Value}'");
        return null;
    }

    // ---- rules across entries ----

    private static void CheckAcross(List<Entry> entries, FrozenDictionary<string, RoleTitle> titles, List<KnowledgeProblem> problems)
    {
        var byId = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var unique = new List<Entry>(entries.Count);
        foreach (var e in entries)
        {
            if (e.Id is null)
            {
                unique.Add(e);
                continue;
            }

            if (byId.TryGetValue(e.Id, out var first))
            {
                // Reported once; its names and roles would only repeat the problem, so the later entry is left out.
                problems.Add(new KnowledgeProblem(e.File, e.IdLine, $"duplicate id '{e.Id}' (first at {first.File}:{first.IdLine})"));
            }
            else
            {
                byId[e.Id] = e;
                unique.Add(e);
            }
        }

        entries = unique;

        // The same name or alias on two actors of the same kind: a warning, since some are shared in real use.
        var names = new Dictionary<(ActorKind, string), Entry>();
        foreach (var e in entries)
        {
            if (e.Kind is not { } kind)
            {
                continue;
            }

            foreach (var (value, line) in e.Names)
            {
                var key = (kind, value.Trim().ToUpperInvariant());
                if (names.TryGetValue(key, out var other) && !ReferenceEquals(other, e))
                {
                    problems.Add(new KnowledgeProblem(e.File, line, $"{e.Id}: name or alias '{value}' is also on {KnowledgeLoader.KindName(kind)} '{other.Id}' ({other.File}:{other.Line})")
                    {
                        Severity = KnowledgeSeverity.Warning,
                    });
                }
                else
                {
                    names.TryAdd(key, e);
                }
            }
        }

        var holders = new Dictionary<(string Title, string Org), List<(Entry Entry, RoleEntry Role)>>();
        foreach (var e in entries)
        {
            foreach (var role in e.Roles)
            {
                if (titles.Count > 0 && !titles.ContainsKey(role.Title))
                {
                    problems.Add(new KnowledgeProblem(e.File, role.TitleLine, $"{e.Id}: role title '{role.Title}' is not in {KnowledgeLoader.TitlesFile}"));
                }

                if (role.Org is null)
                {
                    problems.Add(new KnowledgeProblem(e.File, role.Line, $"{e.Id}: role '{role.Title}' has no 'org' (a country code or an actor id)"));
                }
                else if (!CountryCodes.Contains(role.Org) && !byId.ContainsKey(role.Org))
                {
                    problems.Add(new KnowledgeProblem(e.File, role.OrgLine, $"{e.Id}: role org '{role.Org}' is neither a country code nor a known id"));
                }

                var key = (role.Title, role.Org ?? "");
                if (!holders.TryGetValue(key, out var list))
                {
                    holders[key] = list = [];
                }

                list.Add((e, role));
            }
        }

        foreach (var ((title, org), list) in holders)
        {
            bool single = titles.TryGetValue(title, out var t) && t.Single;
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    var (a, ra) = list[j];
                    var (b, rb) = list[i];
                    bool samePerson = ReferenceEquals(a, b);
                    if ((single || samePerson) && ra.Dates.CertainlyOverlaps(rb.Dates))
                    {
                        var message = samePerson
                            ? $"{b.Id}: role '{title}' of '{org}' is listed twice over overlapping dates (other at line {ra.Line})"
                            : $"{b.Id}: role '{title}' of '{org}' overlaps the same role held by '{a.Id}' ({a.File}:{ra.Line})";
                        problems.Add(new KnowledgeProblem(b.File, rb.Line, message));
                    }
                }
            }
        }
    }

    private static FrozenDictionary<string, RoleTitle> LoadTitles(string folder, List<KnowledgeProblem> problems)
    {
        var file = Path.Combine(folder, KnowledgeLoader.TitlesFile);
        if (!File.Exists(file))
        {
            problems.Add(new KnowledgeProblem(file, 0, "the title vocabulary is missing: role titles are not checked") { Severity = KnowledgeSeverity.Warning });
            return FrozenDictionary<string, RoleTitle>.Empty;
        }

        var before = problems.Count;
        var loaded = KnowledgeLoader.LoadTitles(folder, problems);
        if (problems.Count == before && LoadYaml(file, problems) is YamlSequenceNode entries)
        {
            foreach (var map in entries.OfType<YamlMappingNode>())
            {
                foreach (var key in map.Children.Keys)
                {
                    if (key is YamlScalarNode { Value: { } k } && !TitleFields.Contains(k))
                    {
                        Error(problems, file, key, $"unknown title field '{k}' (an unquoted comma in a title?)");
                    }
                }
            }
        }

        var result = new Dictionary<string, RoleTitle>(StringComparer.Ordinal);
        foreach (var t in loaded)
        {
            if (!result.TryAdd(t.Title, t))
            {
                problems.Add(new KnowledgeProblem(file, OriginLine(t.Origin), $"duplicate title '{t.Title}'"));
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);

        static int OriginLine(string? origin) =>
            origin is not null && int.TryParse(origin.AsSpan(origin.LastIndexOf(':') + 1), out var line) ? line : 0;
    }

    // ---- helpers ----

    private static int CountOf(string text, Script script)
    {
        int n = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Scripts.Of(rune.ToString()) == script)
            {
                n++;
            }
        }

        return n;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static YamlScalarNode? Required(YamlMappingNode map, string key, string file, int line, List<KnowledgeProblem> problems, string? label = null)
    {
        var node = Child(map, key);
        if (node is YamlScalarNode { Value: { } v } s && !string.IsNullOrWhiteSpace(v) && v != "~")
        {
            return s;
        }

        var owner = label is null ? "" : $"{label}: ";
        problems.Add(new KnowledgeProblem(file, node is null ? line : Line(node), node is null or YamlScalarNode
            ? $"{owner}missing '{key}'"
            : $"{owner}'{key}' must be a single value"));
        return null;
    }

    private static YamlScalarNode? Optional(YamlMappingNode map, string key, string file, string label, List<KnowledgeProblem> problems)
    {
        var node = Child(map, key);
        switch (node)
        {
            case null:
            case YamlScalarNode { Value: null or "" or "~" }:
                return null;
            case YamlScalarNode s:
                return s;
            default:
                Error(problems, file, node, $"{label}: '{key}' must be a single value");
                return null;
        }
    }

    private static List<Located> Strings(YamlMappingNode map, string key, string file, string label, List<KnowledgeProblem> problems)
    {
        var result = new List<Located>();
        switch (Child(map, key))
        {
            case null:
            case YamlScalarNode { Value: null or "" or "~" }:
                break;
            case YamlScalarNode s:
                result.Add(new Located(s.Value!, Line(s)));
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq)
                {
                    if (item is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v))
                    {
                        result.Add(new Located(v, Line(item)));
                    }
                    else
                    {
                        Error(problems, file, item, $"{label}: each of '{key}' must be a non-empty string");
                    }
                }

                break;
            case var other:
                Error(problems, file, other, $"{label}: '{key}' must be a list of strings");
                break;
        }

        return result;
    }

    private static void Error(List<KnowledgeProblem> problems, string file, YamlNode node, string message) =>
        problems.Add(new KnowledgeProblem(file, Line(node), message));

    private static void Warning(List<KnowledgeProblem> problems, string file, YamlNode node, string message) =>
        problems.Add(new KnowledgeProblem(file, Line(node), message) { Severity = KnowledgeSeverity.Warning });
}

/// <summary>Scripts a native name can be written in.</summary>
[Flags]
internal enum Script
{
    None = 0,
    Latin = 1,
    Hangul = 2,
    Han = 4,
    Kana = 8,
    Cyrillic = 16,
}

internal static class Scripts
{
    /// <summary>The scripts of the letters in <paramref name="text"/> (digits, spaces and punctuation have none).</summary>
    public static Script Of(string text)
    {
        var found = Script.None;
        foreach (var rune in text.EnumerateRunes())
        {
            found |= Of(rune.Value);
        }

        return found;
    }

    private static Script Of(int c) => c switch
    {
        >= 'A' and <= 'Z' or >= 'a' and <= 'z' => Script.Latin,
        >= 0x00C0 and <= 0x024F and not 0xD7 and not 0xF7 => Script.Latin,
        >= 0x1E00 and <= 0x1EFF => Script.Latin,
        >= 0x0400 and <= 0x052F => Script.Cyrillic,
        >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F or >= 0xA960 and <= 0xA97F
            or >= 0xAC00 and <= 0xD7A3 or >= 0xD7B0 and <= 0xD7FF => Script.Hangul,
        >= 0x3040 and <= 0x30FF and not 0x30FB and not 0x30FC or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9D => Script.Kana,
        >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F or 0x3005 or 0x3007 => Script.Han,
        _ => Script.None,
    };
}
