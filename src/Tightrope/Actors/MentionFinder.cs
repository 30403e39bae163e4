using System.Collections.Frozen;
using Tightrope.Knowledge;
using Tightrope.Knowledge.Transliteration;
using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>
/// Detection and resolution of actor mentions in one article. Immutable after construction; per-article state
/// lives in locals, so one instance serves every thread.
/// </summary>
internal sealed class MentionFinder
{
    private static readonly FrozenSet<string> GovernmentVerbs = new[]
    {
        "said", "says", "say", "has", "have", "had", "is", "was", "will", "would", "wants", "wanted", "hopes", "insists", "insisted",
        "agreed", "agrees", "announced", "announces", "urged", "urges", "responded", "should", "must", "can", "cannot", "could",
        "decided", "plans", "planned", "warned", "warns", "demanded", "demands", "asked", "asks", "refused", "rejected", "accepted",
        "believes", "claimed", "claims", "expressed", "stated", "stressed", "sought", "seeks", "made", "did", "does", "needs",
        "may", "might", "expects", "expected", "called", "calls", "protested", "condemned", "welcomed", "confirmed", "denied",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TitleWords = new[]
    {
        "president", "minister", "secretary", "gen", "general", "ambassador", "chairman", "leader", "premier", "director",
        "commander", "adm", "admiral", "lady", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "spokesperson", "spokesman",
        "envoy", "chief", "deputy", "vice", "acting", "former", "prime", "foreign", "defense", "defence", "first", "lt", "col", "maj",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PeopleNouns = new[]
    {
        "americans", "immigrant", "immigrants", "people", "voters", "citizens", "citizen", "community", "communities", "diaspora",
        "descent", "residents", "language", "culture", "cuisine", "food", "nationals", "tourists", "students", "workers", "expats",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly KnowledgeBase _kb;
    private readonly ActorOptions _options;
    private readonly AliasIndex _aliases;
    private readonly TransliterationIndex _bridge;
    private readonly CueTrie _cues;
    private readonly DescriptionIndex _descriptions;
    private readonly Actor[] _countries;

    public MentionFinder(KnowledgeBase kb, ActorOptions options)
    {
        _kb = kb;
        _options = options;
        _aliases = new AliasIndex(kb);
        _bridge = new TransliterationIndex(kb);
        _descriptions = new DescriptionIndex(kb);
        _countries = [.. kb.Actors.Where(a => a.Kind == ActorKind.Country)];
        var cues = RoleCues.From(kb);
        _cues = new CueTrie(cues);
        // Who ever held an office each cue denotes: role-only mentions look only among them.
        _holders = cues.ToDictionary(c => c, c => kb.Actors.Where(a => a.Kind == ActorKind.Person && c.HeldBy(a, null, null, kb)).ToArray());
    }

    private readonly Dictionary<RoleCue, Actor[]> _holders;

    private Actor[] HoldersEver(RoleCue cue) => _holders.TryGetValue(cue, out var list) ? list : [];

    public TransliterationIndex Bridge => _bridge;

    private enum Pending : byte
    {
        Alias,
        Bridge,
        Candidate,
        RoleOnly,
        Fixed,
        Description,
    }

    private sealed class Raw
    {
        public int First;
        public int Last; // exclusive word index
        public Pending How;
        public List<AliasEntry>? Entries;
        public BridgeMatch? Bridge;
        public string? FixedId;
        public MentionKind FixedKind;
        public Actor[]? Described;
        public RoleCue? Cue;
        public string? CountryHint;

        public bool LowerCase;

        /// <summary>The normalised first word (for coreference across renderings).</summary>
        public string? Surface;
    }

    public IReadOnlyList<Mention> Find(Article article, DateOnly? date)
    {
        var text = article.Text;
        var words = WordTokens.Split(text);
        var raws = Detect(words, text, date);
        return Resolve(article, words, raws, date);
    }

    private List<Raw> Detect(List<Word> words, string text, DateOnly? date)
    {
        var raws = new List<Raw>();
        RoleCue? cue = null;
        int cueEnd = -1;
        string? cueCountry = null;
        int i = 0;
        while (i < words.Count)
        {
            var w = words[i];
            if (cue is not null && i != cueEnd)
            {
                cue = null;
            }

            var (len, entries) = _aliases.Longest(words, i);
            if (len > 1 && OverlappedByLonger(words, i, len))
            {
                // "The North Korean": a longer alias starts inside this one ("North Korean"); take that instead.
                (len, entries) = (0, null);
            }

            // A title: before a name it is a cue; alone it is a role-only mention. A longer alias wins ("General Security of ...").
            if (cue is null && _cues.Longest(words, i) is { Length: > 0 } c && c.Length >= len)
            {
                int j = i + c.Length;
                string? country = CountryBefore(raws, words, i);
                // "chief of the National Security Office": the organisation inside a title is a mention of its own.
                var (orgAt, orgEnd) = OrganisationInside(words, i, j);
                bool lowerName = j < words.Count && words[j].Shape == WordShape.Lower && !CommonWords.Contains(words[j].Norm)
                    && (_aliases.NearSurname(words[j].Norm) || _aliases.Longest(words, j).Length > 0);
                if (orgEnd <= j && j < words.Count && (words[j].Capitalized || lowerName) && !words[j].SentenceStart && !words[j - 1].Possessive && Gap(text, words[j - 1], words[j]) && _cues.Longest(words, j).Length == 0)
                {
                    if (orgAt >= 0)
                    {
                        raws.Add(new Raw { First = orgAt, Last = orgEnd, How = Pending.Alias, Entries = _aliases.Longest(words, orgAt).Entries, Surface = words[orgAt].Norm });
                    }

                    cue = c.Cue;
                    cueEnd = j;
                    cueCountry = country;
                    i = j;
                    continue;
                }

                // Alone, only a specific office is a mention: one named after a country ("South Korean president"),
                // a head of state or government, or a title of several words ("Minister of Defense").
                if (_options.RoleOnlyMentions && (PrecededByThe(words, i) || country is not null || w.Capitalized)
                    && (country is not null || c.Length >= 2 || c.Cue!.HeadOfState))
                {
                    raws.Add(new Raw { First = i, Last = j, How = Pending.RoleOnly, Cue = c.Cue, CountryHint = country });
                }

                if (orgAt >= 0)
                {
                    raws.Add(new Raw { First = orgAt, Last = orgEnd, How = Pending.Alias, Entries = _aliases.Longest(words, orgAt).Entries, Surface = words[orgAt].Norm });
                    j = Math.Max(j, orgEnd);
                }

                i = j;
                continue;
            }

            int capLen = w.Capitalized && !CommonWords.Contains(w.Norm) && !TitleWords.Contains(w.Norm) ? CapitalisedRun(words, i, text) : 0;
            bool onlyPartial = entries is not null && entries.TrueForAll(e => e.Kind == MentionKind.Partial);
            if (capLen >= 2 && (len == 0 || (len < capLen && onlyPartial) || (len == 1 && onlyPartial)))
            {
                bool done = false;
                for (int k = capLen; k >= 2 && !done; k--)
                {
                    var span = text[w.Start..words[i + k - 1].End];
                    if (_bridge.Match(span) is { } bm)
                    {
                        raws.Add(new Raw { First = i, Last = i + k, How = Pending.Bridge, Bridge = bm, Cue = cue, CountryHint = cueCountry });
                        i += k;
                        done = true;
                    }
                }

                if (done)
                {
                    continue;
                }
            }

            // A surname followed by lower-case syllables ("Park geun hye"): the bridge may still read it as one name.
            if (capLen == 1 && (len == 0 || onlyPartial) && _bridge.IsSurname(w.Norm) && TryLowerCaseTail(words, i, text, cue, cueCountry, raws) is { } taken)
            {
                i += taken;
                continue;
            }

            // A surname followed by more capitalised words the bridge cannot read is someone else's full name.
            if (len > 0 && onlyPartial && capLen > len && LooksLikeName(words, i, capLen)
                && !(words[i + len].HyphenBefore && _aliases.Longest(words, i + len).Length > 0))
            {
                raws.Add(new Raw { First = i, Last = i + capLen, How = Pending.Candidate, Cue = cue, CountryHint = cueCountry });
                i += capLen;
                continue;
            }

            // A demonym before a word for people or culture ("Korean immigrants") describes people, not the state.
            if (len > 0 && entries!.TrueForAll(e => e.Kind == MentionKind.Demonym) && i + len < words.Count && PeopleNouns.Contains(words[i + len].Norm))
            {
                i += len + 1;
                continue;
            }

            // "South Korean conservative party", "US intelligence agencies": a country, then a description of one of its actors.
            if (len > 0 && DescribedAfterCountry(words, i, len, entries!, date) is { } described)
            {
                raws.Add(new Raw { First = i, Last = described.End, How = Pending.Fixed, FixedId = described.Id, FixedKind = MentionKind.Description });
                i = described.End;
                continue;
            }

            // "the conservative party", "Yoon's conservative party", "the peninsula": a definite description, resolved
            // against the countries the whole article names.
            if (!_descriptions.IsEmpty && i > 0 && !w.SentenceStart && (words[i - 1].Norm == "the" || words[i - 1].Possessive)
                && _descriptions.Longest(words, i) is { Length: > 0 } bare && bare.Length >= len)
            {
                raws.Add(new Raw { First = i, Last = i + bare.Length, How = Pending.Description, Described = bare.Actors });
                i += bare.Length;
                continue;
            }

            // "US troops stationed in South Korea": the forces of one country in another, when the knowledge base
            // has them under a name "<A> Forces <B>" (United States Forces Korea, US Forces Japan).
            if (len > 0 && ForcesIn(words, i, len, entries!) is { } forces)
            {
                // The two countries inside it are mentions of their own ("U.S." and "South Korea" in "U.S. troops in South Korea").
                raws.Add(new Raw { First = i, Last = forces.End, How = Pending.Fixed, FixedId = forces.Id });
                raws.Add(new Raw { First = i, Last = forces.AEnd, How = Pending.Fixed, FixedId = forces.AId, FixedKind = words[i].Shape == WordShape.Upper ? MentionKind.Acronym : MentionKind.Name });
                raws.Add(new Raw { First = forces.BStart, Last = forces.End, How = Pending.Fixed, FixedId = forces.BId });
                i = forces.End;
                continue;
            }

            // "troops stationed in South Korea": foreign forces in a country, when the knowledge base has exactly one
            // "<A> Forces <B>" for it.
            if (len == 0 && ForeignForcesIn(words, i, raws) is { } foreign)
            {
                raws.Add(new Raw { First = i, Last = foreign.End, How = Pending.Fixed, FixedId = foreign.Id });
                raws.Add(new Raw { First = foreign.BStart, Last = foreign.End, How = Pending.Fixed, FixedId = foreign.BId });
                i = foreign.End;
                continue;
            }

            // "US Democratic candidate": a country, then the distinctive word of one of its parties ("Democratic Party").
            if (len > 0 && PartyAdjective(words, i, len, entries!) is { } party)
            {
                raws.Add(new Raw { First = i, Last = i + len + 1, How = Pending.Fixed, FixedId = party });
                i += len + 1;
                continue;
            }

            // A place or country inside the name of a policy or slogan ("Indo-Pacific Strategy", "the American dream",
            // "'America First'", "pro-American") does not denote the actor.
            if (len > 0 && InPolicyName(words, i, len, entries!, text))
            {
                i += len;
                continue;
            }

            // A leading article is not part of the name ("the White House" → "White House").
            if (len > 1 && words[i].Norm == "the")
            {
                i++;
                len--;
            }

            // "a few trump cards": a lower-case word after a quantifier or an indefinite article is a common noun, not a surname.
            if (len == 1 && w.Shape == WordShape.Lower && i > 0 && Quantifiers.Contains(words[i - 1].Norm) && !w.SentenceStart
                && entries!.TrueForAll(e => _kb.Find(e.ActorId)?.Kind == ActorKind.Person))
            {
                i++;
                continue;
            }

            // "the South Korea and the United States Missile Guidelines": two countries joined before the name of an
            // agreement or body between them belong to its name.
            if (len > 0 && JoinedCountriesBefore(raws, words, i, entries!) is { } joinedFirst)
            {
                raws.RemoveRange(raws.Count - 2, 2);
                raws.Add(new Raw { First = joinedFirst, Last = i + len, How = Pending.Alias, Entries = entries, Surface = words[joinedFirst].Norm });
                i += len;
                continue;
            }

            if (len > 0)
            {
                // "US Democratic Party": a country named just before picks among same-named actors.
                raws.Add(new Raw { First = i, Last = i + len, How = Pending.Alias, Entries = entries, Cue = cue, CountryHint = cueCountry ?? CountryBefore(raws, words, i) ?? (cue is null ? CountryAfter(words, i + len) : null), LowerCase = w.Shape == WordShape.Lower, Surface = w.Norm });
                i += len;
                continue;
            }

            // A lower-case word one letter from a known surname ("tilerson"): kept only if it corefers or follows a title.
            if (len == 0 && w.Shape == WordShape.Lower && !CommonWords.Contains(w.Norm) && _aliases.NearSurname(w.Norm))
            {
                raws.Add(new Raw { First = i, Last = i + 1, How = Pending.Candidate, LowerCase = true, Surface = w.Norm, Cue = cue, CountryHint = cueCountry });
                i++;
                continue;
            }

            if (capLen > 0 && LooksLikeName(words, i, capLen))
            {
                raws.Add(new Raw { First = i, Last = i + capLen, How = Pending.Candidate, Cue = cue, CountryHint = cueCountry });
                i += capLen;
                continue;
            }

            i++;
        }

        return raws;
    }

    /// <summary>The first capitalised organisation name (not a person, not a country) that starts inside a title cue; it may run past the cue ("… of South Korea").</summary>
    private (int At, int End) OrganisationInside(List<Word> words, int i, int j)
    {
        for (int k = i + 1; k < j; k++)
        {
            if (!words[k].Capitalized || CommonWords.Contains(words[k].Norm) && words[k].Shape == WordShape.Lower)
            {
                continue;
            }

            var (l, entries) = _aliases.Longest(words, k);
            if (l > 0 && entries!.TrueForAll(e => e.Kind is MentionKind.Name or MentionKind.Acronym && _kb.Find(e.ActorId)?.Kind is not (ActorKind.Person or ActorKind.Country or null)))
            {
                return (k, k + l);
            }
        }

        return (-1, -1);
    }

    private (int End, string Id)? DescribedAfterCountry(List<Word> words, int i, int len, List<AliasEntry> entries, DateOnly? date)
    {
        if (_descriptions.IsEmpty || i + len >= words.Count || words[i + len - 1].Possessive || words[i + len].SentenceStart
            || CountryOf(entries) is not { Country: { } country })
        {
            return null;
        }

        var (dl, actors) = _descriptions.Longest(words, i + len);
        if (dl == 0)
        {
            return null;
        }

        var fits = actors!.Where(a => string.Equals(a.Country, country, StringComparison.OrdinalIgnoreCase) && DescriptionIndex.ExistsOn(a, date)).ToList();
        return fits.Count == 1 ? (i + len + dl, fits[0].Id) : null;
    }

    /// <summary>
    /// A definite description: among the actors it describes that exist at the date, those whose country the article
    /// names (for an actor without a country, one whose name contains a word naming a country the article names); the
    /// most-named country wins, a tie stays unresolved.
    /// </summary>
    private (string? Id, double Conf) ResolveDescription(Actor[] actors, Dictionary<string, int> countries, HashSet<string> countryWords, DateOnly? date)
    {
        var fits = new List<(Actor A, int N)>();
        foreach (var a in actors)
        {
            if (!DescriptionIndex.ExistsOn(a, date))
            {
                continue;
            }

            if (a.Country is { } c)
            {
                if (countries.TryGetValue(c, out var n))
                {
                    fits.Add((a, n));
                }
            }
            else if (WordTokens.Normalize(a.Name).Any(countryWords.Contains))
            {
                fits.Add((a, 0));
            }
        }

        if (fits.Count == 0)
        {
            return (null, 0);
        }

        if (fits.Count == 1)
        {
            return (fits[0].A.Id, 0.75);
        }

        fits.Sort((x, y) => y.N.CompareTo(x.N));
        return fits[0].N > fits[1].N ? (fits[0].A.Id, 0.65) : (null, 0);
    }

    /// <summary>The countries the raw mentions name (by name, acronym or demonym) with counts, and the words of their names.</summary>
    private (Dictionary<string, int> Counts, HashSet<string> Words) CountriesNamed(List<Raw> raws)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in raws)
        {
            if (r.How != Pending.Alias || CountryOf(r.Entries!) is not { Country: { } c } country)
            {
                continue;
            }

            if (counts.TryAdd(c, 1))
            {
                foreach (var n in NamesOf(country).Concat(country.Demonyms.Select(WordTokens.Normalize)))
                {
                    words.UnionWith(n.Where(x => !CommonWords.Contains(x)));
                }
            }
            else
            {
                counts[c]++;
            }
        }

        return (counts, words);
    }

    private static readonly FrozenSet<string> ForceNouns = new[] { "troops", "forces", "military", "soldiers", "army", "force" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Quantifiers = new[]
    {
        "a", "an", "few", "many", "several", "some", "any", "no", "every", "each", "two", "three", "four", "five", "more", "most", "fewer",
    }.ToFrozenSet(StringComparer.Ordinal);

    private int? JoinedCountriesBefore(List<Raw> raws, List<Word> words, int i, List<AliasEntry> entries)
    {
        if (raws.Count < 2 || !words[i].Capitalized || !entries.TrueForAll(e => e.Kind == MentionKind.Name && _kb.Find(e.ActorId)?.Kind is ActorKind.Agreement or ActorKind.Organization))
        {
            return null;
        }

        var (a, b) = (raws[^2], raws[^1]);
        if (b.Last != i || a.How != Pending.Alias || b.How != Pending.Alias || CountryOf(a.Entries!) is null || CountryOf(b.Entries!) is null
            || words[i - 1].Possessive || words[a.Last - 1].Possessive)
        {
            return null;
        }

        int gap = b.First - a.Last;
        bool joined = (gap == 0 && words[b.First].HyphenBefore)
            || (gap == 1 && words[a.Last].Norm == "and")
            || (gap == 2 && words[a.Last].Norm == "and" && words[a.Last + 1].Norm == "the");
        return joined ? a.First : null;
    }

    private static readonly FrozenSet<string> PolicyNouns = new[] { "strategy", "doctrine", "dream", "initiative", "vision" }.ToFrozenSet(StringComparer.Ordinal);

    private bool InPolicyName(List<Word> words, int i, int len, List<AliasEntry> entries, string text)
    {
        if (!entries.TrueForAll(e => _kb.Find(e.ActorId)?.Kind is ActorKind.Country or ActorKind.Place))
        {
            return false;
        }

        if (i > 0 && words[i].HyphenBefore && words[i - 1].Norm is "pro" or "anti")
        {
            return true;
        }

        int k = i + len;
        if (k >= words.Count || words[k].SentenceStart || words[k - 1].Possessive)
        {
            return false;
        }

        if (PolicyNouns.Contains(words[k].Norm))
        {
            return true;
        }

        // "America First" as a slogan: quoted.
        int before = words[i].Start - 1;
        return words[k].Norm == "first" && before >= 0 && text[before] is '"' or '“' or '‘' or '\'';
    }

    private string? PartyAdjective(List<Word> words, int i, int len, List<AliasEntry> entries)
    {
        int k = i + len;
        if (k >= words.Count || !words[k].Capitalized || words[k].SentenceStart || words[k - 1].Possessive
            || (k + 1 < words.Count && words[k + 1].Norm == "party") || CountryOf(entries) is not { Country: { } country })
        {
            return null;
        }

        var ids = _aliases.Named([words[k].Norm, "party"]).Distinct(StringComparer.Ordinal)
            .Where(id => _kb.Find(id) is { Kind: ActorKind.Party } p && string.Equals(p.Country, country, StringComparison.OrdinalIgnoreCase)).ToList();
        return ids.Count == 1 ? ids[0] : null;
    }

    private (int End, string Id, int BStart, string BId)? ForeignForcesIn(List<Word> words, int i, List<Raw> raws)
    {
        if (!ForceNouns.Contains(words[i].Norm) || (raws.Count > 0 && raws[^1].Last == i) || i + 3 >= words.Count
            || words[i + 1].Norm is not ("stationed" or "based" or "deployed") || words[i + 2].Norm != "in")
        {
            return null;
        }

        var (len2, entries2) = _aliases.Longest(words, i + 3);
        if (len2 == 0 || CountryOf(entries2!) is not { } b)
        {
            return null;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in _countries)
        {
            if (a.Id == b.Id)
            {
                continue;
            }

            foreach (var an in NamesOf(a))
            {
                foreach (var bn in NamesOf(b))
                {
                    found.UnionWith(_aliases.Named([.. an, "forces", .. bn]));
                }
            }
        }

        return found.Count == 1 ? (i + 3 + len2, found.First(), i + 3, b.Id) : null;
    }

    private (int End, string Id, int AEnd, string AId, int BStart, string BId)? ForcesIn(List<Word> words, int i, int len, List<AliasEntry> entries)
    {
        // The country may be the whole alias ("US") or its head when the alias already took the noun ("US military").
        var a = CountryOf(entries);
        int k = i + len;
        int aEnd = i + len;
        if (a is null)
        {
            for (int l = 1; l < len && a is null; l++)
            {
                if (ForceNouns.Contains(words[i + l].Norm))
                {
                    a = _aliases.Named([.. words.GetRange(i, l).Select(w => w.Norm)]).Select(_kb.Find).FirstOrDefault(x => x?.Kind == ActorKind.Country);
                    if (a is not null)
                    {
                        k = i + l;
                        aEnd = k;
                    }
                }
            }
        }

        if (a is null || k >= words.Count || !ForceNouns.Contains(words[k].Norm))
        {
            return null;
        }

        k++;
        if (k < words.Count && words[k].Norm is "stationed" or "based" or "deployed")
        {
            k++;
        }

        if (k >= words.Count || words[k].Norm != "in" || k + 1 >= words.Count)
        {
            return null;
        }

        var (len2, entries2) = _aliases.Longest(words, k + 1);
        var b = len2 > 0 ? CountryOf(entries2!) : null;
        if (b is null)
        {
            return null;
        }

        foreach (var an in NamesOf(a))
        {
            foreach (var bn in NamesOf(b))
            {
                foreach (var id in _aliases.Named([.. an, "forces", .. bn]))
                {
                    return (k + 1 + len2, id, aEnd, a.Id, k + 1, b.Id);
                }
            }
        }

        return null;
    }

    private Actor? CountryOf(List<AliasEntry> entries)
    {
        foreach (var e in entries)
        {
            if (e.Kind is MentionKind.Name or MentionKind.Acronym or MentionKind.Demonym && _kb.Find(e.ActorId) is { Kind: ActorKind.Country } c)
            {
                return c;
            }
        }

        return null;
    }

    private static IEnumerable<string[]> NamesOf(Actor country)
    {
        yield return WordTokens.Normalize(country.Name);
        foreach (var a in country.Aliases)
        {
            yield return WordTokens.Normalize(a);
        }

        // "Korea" for South Korea: the last word of a two-word name.
        var parts = WordTokens.Normalize(country.Name);
        if (parts.Length == 2)
        {
            yield return [parts[1]];
        }
    }

    private bool OverlappedByLonger(List<Word> words, int i, int len)
    {
        for (int j = i + 1; j < i + len; j++)
        {
            var (l2, _) = _aliases.Longest(words, j);
            if (j + l2 > i + len)
            {
                return true;
            }
        }

        return false;
    }

    private int? TryLowerCaseTail(List<Word> words, int i, string text, RoleCue? cue, string? cueCountry, List<Raw> raws)
    {
        int tail = 0;
        while (tail < 3 && i + tail + 1 < words.Count)
        {
            var next = words[i + tail + 1];
            if (next.Shape != WordShape.Lower || next.SentenceStart || CommonWords.Contains(next.Norm) || next.Norm.Length > 6
                || !OnlySpaceOrHyphen(text, words[i + tail].End, next.Start))
            {
                break;
            }

            tail++;
        }

        for (int k = tail; k >= 1; k--)
        {
            var span = text[words[i].Start..words[i + k].End];
            if (_bridge.Match(span) is { } bm)
            {
                raws.Add(new Raw { First = i, Last = i + k + 1, How = Pending.Bridge, Bridge = bm, Cue = cue, CountryHint = cueCountry });
                return k + 1;
            }
        }

        return null;
    }

    private static bool PrecededByThe(List<Word> words, int i) =>
        i > 0 && !words[i].SentenceStart && words[i - 1].Norm is "the" or "its" or "their";

    private static bool Gap(string text, Word a, Word b)
    {
        for (int k = a.End; k < b.Start; k++)
        {
            if (!char.IsWhiteSpace(text[k]) && text[k] != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Consecutive capitalised words in one sentence, with hyphen-joined lower-case parts ("Dae-jung").</summary>
    private static int CapitalisedRun(List<Word> words, int i, string text)
    {
        int j = i + 1;
        while (j < words.Count && !words[j].SentenceStart && !words[j - 1].Possessive && OnlySpaceOrHyphen(text, words[j - 1].End, words[j].Start)
               && (words[j].Capitalized || (words[j].HyphenBefore && words[j].Shape == WordShape.Lower)) && !TitleWords.Contains(words[j].Norm))
        {
            j++;
        }

        return j - i;
    }

    private static bool OnlySpaceOrHyphen(string text, int from, int to)
    {
        if (to - from > 2)
        {
            return false;
        }

        for (int k = from; k < to; k++)
        {
            if (text[k] is not ' ' and not '-' and not '‐')
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikeName(List<Word> words, int i, int len)
    {
        var w = words[i];
        if (len == 1)
        {
            return w.Norm.Length >= 2 && !CommonWords.Contains(w.Norm) && !TitleWords.Contains(w.Norm) && w.Shape != WordShape.Other;
        }

        // A multi-word run must not be a heading of common words.
        int common = 0;
        for (int k = i; k < i + len; k++)
        {
            if (CommonWords.Contains(words[k].Norm) || TitleWords.Contains(words[k].Norm))
            {
                common++;
            }
        }

        return common * 2 < len;
    }

    /// <summary>"the Democratic Party (government) in the United States": a country named just after, through "in" or "of".</summary>
    private string? CountryAfter(List<Word> words, int k)
    {
        if (k < words.Count && words[k].Shape == WordShape.Lower && words[k].Norm is not ("in" or "of") && !words[k].SentenceStart)
        {
            k++;
        }

        if (k + 1 >= words.Count || words[k].Norm is not ("in" or "of") || words[k].SentenceStart || words[k - 1].Possessive)
        {
            return null;
        }

        k++;
        if (words[k].Norm == "the" && k + 1 < words.Count)
        {
            k++;
        }

        var (len, entries) = _aliases.Longest(words, k);
        return len > 0 && entries!.TrueForAll(e => e.Kind != MentionKind.Demonym) && CountryOf(entries) is { } c ? c.Country ?? c.Id : null;
    }

    private string? CountryBefore(List<Raw> raws, List<Word> words, int i)
    {
        if (raws.Count == 0 || raws[^1].Last != i || raws[^1].How != Pending.Alias)
        {
            return null;
        }

        foreach (var e in raws[^1].Entries!)
        {
            if (e.Kind is MentionKind.Demonym or MentionKind.Name or MentionKind.Acronym && _kb.Find(e.ActorId) is { Kind: ActorKind.Country } a)
            {
                return a.Country ?? a.Id;
            }
        }

        return null;
    }

    private List<Mention> Resolve(Article article, List<Word> words, List<Raw> raws, DateOnly? date)
    {
        var text = article.Text;
        var result = new List<Mention>(raws.Count);
        var people = new List<string>(); // persons in order of mention, most recent last
        var countryCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var roleOnly = new List<(Raw Raw, int Index)>();
        Dictionary<string, int>? named = null;
        HashSet<string>? namedWords = null;

        foreach (var raw in raws)
        {
            var span = new TextSpan(words[raw.First].Start, words[raw.Last - 1].End);
            string surface = text[span.Start..span.End];
            string norm = string.Join(' ', Enumerable.Range(raw.First, raw.Last - raw.First).Select(k => words[k].Norm));
            string? id = null;
            double conf = 0;
            var kind = MentionKind.Name;
            switch (raw.How)
            {
                case Pending.Bridge:
                    id = raw.Bridge!.Value.ActorId;
                    conf = raw.Bridge.Value.Score;
                    kind = MentionKind.Transliterated;
                    break;
                case Pending.Alias:
                    if (named is null)
                    {
                        (named, namedWords) = CountriesNamed(raws);
                    }

                    (id, conf, kind) = ResolveAlias(raw, words, people, named, date, raws);
                    break;
                case Pending.Candidate:
                    (id, conf, kind) = ResolveCandidate(raw, words, norm, people, date);
                    break;
                case Pending.Fixed:
                    (id, conf, kind) = (raw.FixedId, 0.85, raw.FixedKind);
                    break;
                case Pending.Description:
                    if (named is null)
                    {
                        (named, namedWords) = CountriesNamed(raws);
                    }

                    (id, conf) = ResolveDescription(raw.Described!, named, namedWords!, date);
                    kind = MentionKind.Description;
                    if (id is null)
                    {
                        continue;
                    }

                    break;
                case Pending.RoleOnly:
                    roleOnly.Add((raw, result.Count));
                    result.Add(new Mention { Span = span, Text = surface, Kind = MentionKind.Role, Normalized = norm });
                    continue;
            }

            if (conf < _options.Threshold)
            {
                id = null;
            }

            if (id is null && raw.LowerCase && raw.How == Pending.Candidate)
            {
                continue;
            }

            if (id is not null && _kb.Find(id) is { } actor)
            {
                if (actor.Kind == ActorKind.Person)
                {
                    people.Remove(id);
                    people.Add(id);
                }
                else if (actor.Kind == ActorKind.Country && actor.Country is { } cc)
                {
                    countryCounts[cc] = countryCounts.GetValueOrDefault(cc) + 1;
                }
            }

            result.Add(new Mention
            {
                Span = span,
                Text = surface,
                ActorId = id,
                Kind = kind,
                Confidence = Math.Round(conf, 3),
                Normalized = norm,
                Sentence = article.Sentences.Count > 0 ? article.SentenceAt(span.Start) : -1,
            });
        }

        // Role-only mentions resolve to the holder at the date, in the country named before them or the article's main one.
        string? main = countryCounts.Count == 0 ? null : countryCounts.MaxBy(kv => kv.Value).Key;
        var drop = new List<int>();
        foreach (var (raw, index) in roleOnly)
        {
            var country = raw.CountryHint ?? main;
            var holders = date is null || country is null ? [] : HoldersEver(raw.Cue!).Where(a => raw.Cue!.HeldBy(a, date, country, _kb, countryOfficeOnly: true)).ToList();
            if (holders.Count == 1)
            {
                var m = result[index];
                double conf = raw.CountryHint is not null ? 0.85 : 0.7;
                result[index] = m with
                {
                    ActorId = holders[0].Id,
                    Confidence = conf,
                    Text = m.Text,
                    Sentence = article.Sentences.Count > 0 ? article.SentenceAt(m.Span.Start) : -1,
                };
            }
            else
            {
                drop.Add(index);
            }
        }

        for (int k = drop.Count - 1; k >= 0; k--)
        {
            result.RemoveAt(drop[k]);
        }

        return result;
    }

    private (string? Id, double Conf, MentionKind Kind) ResolveAlias(Raw raw, List<Word> words, List<string> people, Dictionary<string, int> countries, DateOnly? date, List<Raw> raws)
    {
        var entries = raw.Entries!;
        var kind = entries[0].Kind;
        // Metonyms stand for the government only in governmental context; otherwise the place of that name.
        var metonyms = entries.Where(e => e.Kind == MentionKind.Metonym).ToList();
        if (metonyms.Count > 0)
        {
            bool government = GovernmentContext(raw, words, raws);
            var others = entries.Where(e => e.Kind != MentionKind.Metonym).ToList();
            if (government || others.Count == 0)
            {
                return government ? (metonyms[0].ActorId, 0.8, MentionKind.Metonym) : (null, 0.3, MentionKind.Metonym);
            }

            entries = others;
            kind = entries[0].Kind;
        }

        var ids = entries.Select(e => e.ActorId).Distinct(StringComparer.Ordinal).ToList();
        if (entries.TrueForAll(e => e.Kind == MentionKind.Partial))
        {
            return ResolveSurname(ids, raw, people, date, MentionKind.Partial);
        }

        var full = entries.Where(e => e.Kind != MentionKind.Partial).ToList();
        ids = full.Select(e => e.ActorId).Distinct(StringComparer.Ordinal).ToList();
        kind = full[0].Kind;
        if (ids.Count == 1)
        {
            return (ids[0], kind == MentionKind.Acronym ? 0.9 : 0.95, kind);
        }

        // Several actors share the name: prefer the one the cue, the date or the article's countries point to.
        var scored = ids.Select(id => (id, score: Prior(id, raw, people, countries, date))).OrderByDescending(x => x.score).ToList();
        if (scored[0].score > scored[1].score)
        {
            return (scored[0].id, 0.7, kind);
        }

        return (scored[0].id, 0.4, kind);
    }

    private double Prior(string id, Raw raw, List<string> people, Dictionary<string, int> countries, DateOnly? date)
    {
        var a = _kb.Find(id);
        if (a is null)
        {
            return 0;
        }

        double s = 0;
        if (people.Contains(id))
        {
            s += 2;
        }

        if (raw.Cue is not null && raw.Cue.HeldBy(a, date, raw.CountryHint, _kb))
        {
            s += 3;
        }

        if (date is { } d && a.Roles.Any(r => r.HeldOn(d)))
        {
            s += 1;
        }

        if (raw.CountryHint is { } hint && string.Equals(a.Country, hint, StringComparison.OrdinalIgnoreCase))
        {
            s += 2;
        }

        // The countries the whole article names, relative to the most named one.
        if (a.Country is { } c && countries.TryGetValue(c, out var n))
        {
            s += 0.5 * n / countries.Values.Max();
        }

        return s;
    }

    private (string? Id, double Conf, MentionKind Kind) ResolveSurname(List<string> ids, Raw raw, List<string> people, DateOnly? date, MentionKind kind)
    {
        // Coreference: the most recent person of that surname already mentioned.
        for (int k = people.Count - 1; k >= 0; k--)
        {
            if (ids.Contains(people[k]))
            {
                return (people[k], 0.9, kind);
            }
        }

        // Coreference across renderings: "Li" after "Lee Soo-hyuck" (the bridge knows the surname's spellings).
        if (raw.Last - raw.First == 1 && !raw.LowerCase)
        {
            var word = raw.Surface;
            for (int k = people.Count - 1; k >= 0; k--)
            {
                if (word is not null && _bridge.IsSurnameOf(word, people[k]))
                {
                    return (people[k], 0.85, kind);
                }
            }
        }

        var actors = ids.Select(_kb.Find).OfType<Actor>().ToList();
        double lower = raw.LowerCase ? 0.1 : 0; // "esper": lower-case, a little less sure

        if (raw.Cue is not null)
        {
            var holders = actors.Where(a => raw.Cue.HeldBy(a, date, raw.CountryHint, _kb)).ToList();
            if (holders.Count == 1)
            {
                return (holders[0].Id, 0.85, kind);
            }
        }

        if (actors.Count == 1)
        {
            return (actors[0].Id, 0.7 - lower, kind);
        }

        // Several people share the surname: a bare surname names the most prominent at the date (a president
        // rather than the president's spouse, who is named in full).
        var ranked = actors.Select(a => (a, p: Prominence(a, date))).OrderByDescending(x => x.p).ToList();
        if (ranked.Count >= 2 && ranked[0].p > ranked[1].p && ranked[0].p >= 3)
        {
            return (ranked[0].a.Id, 0.65 - lower, kind);
        }

        return (actors.Count > 0 ? actors[0].Id : null, 0.3, kind);
    }

    private double Prominence(Actor a, DateOnly? date)
    {
        double best = 0;
        foreach (var r in a.Roles)
        {
            var function = _kb.FindTitle(r.Title)?.Function ?? "";
            double w = function switch
            {
                "head-of-state" or "supreme-leader" or "head-of-government" => 5,
                "head-of-state-elect" => 4,
                "foreign-minister" or "defense-minister" or "party-leader" => 3,
                _ when function.StartsWith("spouse", StringComparison.Ordinal) => 0.5,
                _ => 2,
            };
            if (date is { } d && r.HeldOn(d))
            {
                w += 2;
            }

            best = Math.Max(best, w);
        }

        return best;
    }

    private (string? Id, double Conf, MentionKind Kind) ResolveCandidate(Raw raw, List<Word> words, string norm, List<string> people, DateOnly? date)
    {
        // A single word may be the surname of someone already mentioned, in any rendering the bridge knows ("Yin", "Li").
        if (raw.Last - raw.First == 1)
        {
            var word = words[raw.First].Norm;
            for (int k = people.Count - 1; k >= 0; k--)
            {
                if (_bridge.IsSurnameOf(word, people[k]))
                {
                    return (people[k], 0.8, MentionKind.Partial);
                }
            }

            // A misspelt surname of someone already named ("Tilerson" after "Tillerson"): one edit, long words only.
            if (word.Length >= 5)
            {
                for (int k = people.Count - 1; k >= 0; k--)
                {
                    if (_kb.Find(people[k]) is { } p && AliasIndex.Surnames(p).Any(sn => sn.Length >= 5 && TransliterationIndex.EditDistanceAtMostOne(word, sn.ToLowerInvariant())))
                    {
                        return (people[k], 0.7, MentionKind.Partial);
                    }
                }
            }

            if (raw.Cue is not null)
            {
                // After a title, a surname one edit from the title holder's at the date ("Secretary of State Tilerson").
                var near = HoldersEver(raw.Cue).Where(a => raw.Cue.HeldBy(a, date, raw.CountryHint, _kb)
                    && AliasIndex.Surnames(a).Any(sn => sn.Length >= 4 && TransliterationIndex.EditDistanceAtMostOne(word, sn.ToLowerInvariant()))).ToList();
                if (near.Count == 1)
                {
                    return (near[0].Id, 0.8, MentionKind.Partial);
                }

                var ids = _bridge.PeopleWithSurname(word).Distinct(StringComparer.Ordinal).ToList();
                return ResolveSurname(ids, raw, people, date, MentionKind.Partial) is { Conf: >= 0.8 } r ? r : (null, 0, MentionKind.Name);
            }
        }

        return (null, 0, MentionKind.Name);
    }

    private static readonly FrozenSet<string> Locatives = new[] { "to", "in", "at", "from", "into", "near", "outside", "around", "via", "across" }.ToFrozenSet(StringComparer.Ordinal);

    private bool GovernmentContext(Raw raw, List<Word> words, List<Raw> raws)
    {
        var last = words[raw.Last - 1];
        // The object of a preposition of place is the place ("a visit to Beijing is …"), unless it owns something.
        if (!last.Possessive && raw.First > 0 && !words[raw.First].SentenceStart && Locatives.Contains(words[raw.First - 1].Norm))
        {
            return false;
        }

        if (last.Possessive)
        {
            return true;
        }

        if (raw.Last < words.Count && !words[raw.Last].SentenceStart && GovernmentVerbs.Contains(words[raw.Last].Norm))
        {
            return true;
        }

        // Coordinated with another state: "Seoul and Washington", "between Seoul and Beijing".
        int idx = raws.IndexOf(raw);
        foreach (var other in new[] { idx > 0 ? raws[idx - 1] : null, idx + 1 < raws.Count ? raws[idx + 1] : null })
        {
            if (other is { How: Pending.Alias } o && Math.Abs((o.First - raw.Last) is var gap && gap >= 0 ? gap : raw.First - o.Last) == 1
                && o.Entries!.Exists(e => e.Kind == MentionKind.Metonym || (_kb.Find(e.ActorId)?.Kind == ActorKind.Country)))
            {
                int between = o.First >= raw.Last ? raw.Last : o.Last;
                if (words[between].Norm is "and" or "or" or "to" or "with")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A trie of title cue phrases over normalised words.</summary>
    private sealed class CueTrie
    {
        private readonly Dictionary<string, List<RoleCue>> _byFirst = new(StringComparer.Ordinal);

        public CueTrie(IEnumerable<RoleCue> cues)
        {
            foreach (var c in cues.Where(c => c.Tokens.Length > 0))
            {
                (_byFirst.TryGetValue(c.Tokens[0], out var list) ? list : _byFirst[c.Tokens[0]] = []).Add(c);
            }

            foreach (var list in _byFirst.Values)
            {
                list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
            }
        }

        public (int Length, RoleCue? Cue) Longest(List<Word> words, int i)
        {
            if (!_byFirst.TryGetValue(words[i].Norm, out var list))
            {
                return (0, null);
            }

            foreach (var c in list)
            {
                if (i + c.Tokens.Length > words.Count)
                {
                    continue;
                }

                bool ok = true;
                for (int k = 1; k < c.Tokens.Length && ok; k++)
                {
                    ok = words[i + k].Norm == c.Tokens[k] && !words[i + k].SentenceStart;
                }

                if (ok)
                {
                    return (c.Tokens.Length, c);
                }
            }

            return (0, null);
        }
    }
}
