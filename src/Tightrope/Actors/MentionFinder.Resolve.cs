using System.Text;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>
/// Resolution in the article's time: each detected span to an actor (coreference with the people already named, the
/// title before it, the roles held at the date, the countries the article names), role-only mentions to the holder.
/// </summary>
internal sealed partial class MentionFinder
{
    /// <summary>
    /// The countries the article's aliases name, with counts and the most named count, and the words of their names
    /// (for descriptions of actors without a country): a few countries of a few words each, looked through rather
    /// than gathered into a set per article.
    /// </summary>
    private sealed class NamedCountries(Dictionary<string, int> counts, List<string[]> nameWords)
    {
        public readonly Dictionary<string, int> Counts = counts;
        public readonly int Max = counts.Count == 0 ? 0 : counts.Values.Max();

        /// <summary>Whether a word of the name of a country the article names is one of <paramref name="words"/>.</summary>
        public bool NamesAny(string[] words)
        {
            foreach (var w in words)
            {
                foreach (var name in nameWords)
                {
                    if (Array.IndexOf(name, w) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>What resolution keeps across the spans of one article.</summary>
    private sealed class Context(Article article, List<Word> words, List<Raw> raws, DateOnly? date, List<DateBound>? bounds)
    {
        public readonly Article Article = article;
        /// <summary>Where dated roles of titled names go when the article has no date yet (null: not wanted).</summary>
        public readonly List<DateBound>? Bounds = bounds;

        /// <summary>The sentences each role bound was met in (a titled name repeated weighs a little more).</summary>
        public readonly Dictionary<string, HashSet<int>> BoundSentences = new(StringComparer.Ordinal);
        public readonly List<Word> Words = words;
        public readonly List<Raw> Raws = raws;
        public readonly DateOnly? Date = date;
        public readonly List<Mention> Result = new(raws.Count);

        /// <summary>Persons in order of mention, most recent last.</summary>
        public readonly List<string> People = [];

        /// <summary>Persons named in full, through the bridge or after a title (not by a bare surname alone).</summary>
        public readonly HashSet<string> Anchored = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> CountryCounts = new(StringComparer.Ordinal);
        public readonly List<(Raw Raw, int Index)> RoleOnly = [];
        /// <summary>Provisional people named in full in the article (normalised name → its short forms).</summary>
        public readonly Dictionary<string, string[]> Provisional = new(StringComparer.Ordinal);
        public NamedCountries? Named;

        /// <summary>Titles written before names that resolved to no known person ("Ambassador Pankun"): who holds them here.</summary>
        public readonly List<(RoleCue Cue, string? Country)> UnknownTitled = [];

        private DateOnly? _today;

        /// <summary>Today (open roles last to it), read from the clock once an article: the clock is slow on some machines.</summary>
        public DateOnly Today => _today ??= DateOnly.FromDateTime(DateTime.UtcNow);
    }

    private List<Mention> Resolve(Article article, List<Word> words, List<Raw> raws, DateOnly? date, List<DateBound>? bounds)
    {
        var cx = new Context(article, words, raws, date, bounds);
        for (int index = 0; index < raws.Count; index++)
        {
            ResolveOne(cx, raws[index], index);
        }

        ResolveRoleOnly(cx);
        AddTermBounds(cx);
        return cx.Result;
    }

    private void ResolveOne(Context cx, Raw raw, int index)
    {
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
                (id, conf, kind) = ResolveAlias(raw, index, cx);
                break;
            case Pending.Candidate:
                (id, conf, kind) = ResolveCandidate(raw, cx);
                break;
            case Pending.Fixed:
                (id, conf, kind) = (raw.FixedId, 0.85, raw.FixedKind);
                break;
            case Pending.Description:
                (id, conf) = ResolveDescription(raw.Described!, cx.Named ??= CountriesNamed(cx.Raws), cx.Date);
                kind = MentionKind.Description;
                if (id is null)
                {
                    return;
                }

                break;
            case Pending.RoleOnly:
                cx.RoleOnly.Add((raw, cx.Result.Count));
                cx.Result.Add(new Mention { Span = SpanOf(cx.Words, raw), Text = SurfaceOf(cx, raw), Kind = MentionKind.Role, Normalized = NormOf(cx.Words, raw) });
                return;
        }

        // A person the knowledge base does not know: named in full in a person's context, or a short form of one.
        string? provisional = null;
        if (id is not null && id[0] == ProvisionalMark)
        {
            (provisional, id) = (id[1..], null);
            Touch(cx.People, ProvisionalMark + provisional);
        }
        else if (raw.How == Pending.Candidate && !raw.LowerCase && raw.Last - raw.First >= 2 && id is null)
        {
            var norm = NormOf(cx.Words, raw);
            if (IsUnknownPerson(cx, raw, norm))
            {
                (provisional, conf, kind) = (norm, 0.7, MentionKind.Name);
                AddProvisional(cx, raw, norm);
            }
        }

        if (conf < _options.Threshold)
        {
            id = null;
        }

        if (id is null && (raw.LowerCase || raw.OnlyCoreference) && raw.How == Pending.Candidate)
        {
            return;
        }

        // A lower-case word that is a person's name ("glass", "esper") is a common word after a determiner ("the
        // glass") or right after a capitalised name, as its verb ("the Camp triples"), unless a title cues it or the
        // person is already named.
        if (id is not null && raw.LowerCase && raw.How == Pending.Alias && kind == MentionKind.Partial && raw.Cue is null
            && !cx.People.Contains(id) && LowerCaseNameIsAWord(cx.Words, raw.First))
        {
            return;
        }

        // An initial before a surname that is not an initial of the person's given names is someone else ("A. Choi", a
        // reporter, is not Choi Sang-mok).
        if (id is not null && raw.How == Pending.Alias && kind == MentionKind.Partial && raw.Last - raw.First == 1
            && InitialBefore(cx.Words, cx.Article.Text, raw.First) is { } initial && _kb.Find(id) is { } named && !HasGivenInitial(named, initial, cx.Words[raw.First].Norm))
        {
            return;
        }

        // So is a capitalised surname alone after an article ("the Moon rose", "a Park"), unless a title cues it or
        // the person is already named ("the Moon government" after "Moon Jae-in").
        if (id is not null && !raw.LowerCase && raw.How == Pending.Alias && kind == MentionKind.Partial && raw.Cue is null
            && raw.Last - raw.First == 1 && !cx.People.Contains(id) && AfterArticle(cx.Words, raw.First))
        {
            return;
        }

        if (id is not null && _kb.Find(id) is { } actor)
        {
            if (actor.Kind == ActorKind.Person)
            {
                Touch(cx.People, id);
                if (kind != MentionKind.Partial || raw.Cue is not null)
                {
                    cx.Anchored.Add(id);
                }
            }
            else if (actor.Kind == ActorKind.Country && actor.Country is { } cc)
            {
                cx.CountryCounts[cc] = cx.CountryCounts.GetValueOrDefault(cc) + 1;
            }
        }

        var span = SpanOf(cx.Words, raw);
        if (id is not null && cx.Bounds is not null && _kb.Find(id) is { } titled)
        {
            AddRoleBound(cx, raw, titled, span);
        }
        else if (id is null && provisional is null)
        {
            AddSharedRoleBound(cx, raw, span);
        }

        if (id is null && raw.Cue is not null)
        {
            cx.UnknownTitled.Add((raw.Cue, raw.CountryHint));
        }

        cx.Result.Add(new Mention
        {
            Span = span,
            Text = SurfaceOf(cx, raw),
            ActorId = id,
            Kind = kind,
            Confidence = Math.Round(conf, 3),
            Normalized = provisional is null ? NormOf(cx.Words, raw) : Mention.PersonPrefix + provisional,
            Sentence = cx.Article.Sentences.Count > 0 ? cx.Article.SentenceAt(span.Start) : -1,
        });
    }

    private static TextSpan SpanOf(List<Word> words, Raw raw) => new(words[raw.First].Start, words[raw.Last - 1].End);

    private static string SurfaceOf(Context cx, Raw raw) =>
        cx.Article.Text.Substring(cx.Words[raw.First].Start, cx.Words[raw.Last - 1].End - cx.Words[raw.First].Start);

    [ThreadStatic]
    private static StringBuilder? t_norm;

    /// <summary>
    /// Moves <paramref name="id"/> to the end of the people named so far (the most recent last), adding it if new.
    /// The search runs from the end, where a person named again usually is, and nothing moves when it is last already.
    /// </summary>
    private static void Touch(List<string> people, string id)
    {
        int at = people.LastIndexOf(id);
        if (at >= 0 && at == people.Count - 1)
        {
            return;
        }

        if (at >= 0)
        {
            people.RemoveAt(at);
        }

        people.Add(id);
    }

    /// <summary>The normalised words of the span joined by spaces (a single word's own string).</summary>
    private static string NormOf(List<Word> words, Raw raw)
    {
        if (raw.Last - raw.First == 1)
        {
            return words[raw.First].Norm;
        }

        var sb = t_norm ??= new StringBuilder(64);
        sb.Clear();
        for (int k = raw.First; k < raw.Last; k++)
        {
            if (k > raw.First)
            {
                sb.Append(' ');
            }

            sb.Append(words[k].Norm);
        }

        return sb.ToString();
    }

    /// <summary>Role-only mentions resolve to the holder at the date, in the country named before them or the article's main one.</summary>
    private void ResolveRoleOnly(Context cx)
    {
        if (cx.RoleOnly.Count == 0)
        {
            return;
        }

        var result = cx.Result;
        string? main = cx.CountryCounts.Count == 0 ? null : cx.CountryCounts.MaxBy(kv => kv.Value).Key;
        var drop = new List<int>();
        foreach (var (raw, index) in cx.RoleOnly)
        {
            var country = raw.CountryHint ?? main;
            Actor? holder = null;
            int holders = 0;
            if (cx.Date is { } date && country is not null)
            {
                foreach (var a in HoldersEver(raw.Cue!))
                {
                    if (raw.Cue!.HeldBy(a, date, country, _kb, countryOfficeOnly: true) && holders++ == 0)
                    {
                        holder = a;
                    }
                }
            }

            // The article's own names first: when it gives the title to someone the knowledge base does not know
            // ("Ambassador Pankun"), the title alone is that person, not the holder of record.
            if (holders == 1 && TitledUnknown(cx, holder!, date: cx.Date!.Value))
            {
                holders = 0;
            }

            if (holders == 1)
            {
                var m = result[index];
                double conf = raw.CountryHint is not null ? 0.85 : 0.7;
                result[index] = m with
                {
                    ActorId = holder!.Id,
                    Confidence = conf,
                    Text = m.Text,
                    Sentence = cx.Article.Sentences.Count > 0 ? cx.Article.SentenceAt(m.Span.Start) : -1,
                };
            }
            else
            {
                drop.Add(index);
            }
        }

        if (drop.Count == 0)
        {
            return;
        }

        // One pass that keeps the rest in order (RemoveAt per mention shifted the list each time).
        drop.Sort();
        int kept = 0, next = 0;
        for (int k = 0; k < result.Count; k++)
        {
            if (next < drop.Count && drop[next] == k)
            {
                while (next < drop.Count && drop[next] == k)
                {
                    next++;
                }

                continue;
            }

            result[kept++] = result[k];
        }

        result.RemoveRange(kept, result.Count - kept);
    }

    /// <summary>Whether the article writes a title that the holder's office answers to before a name that resolved to nobody.</summary>
    private bool TitledUnknown(Context cx, Actor holder, DateOnly date)
    {
        foreach (var (cue, country) in cx.UnknownTitled)
        {
            if (cue.HeldBy(holder, date, country, _kb))
            {
                return true;
            }
        }

        return false;
    }

    private (string? Id, double Conf, MentionKind Kind) ResolveAlias(Raw raw, int index, Context cx)
    {
        var entries = raw.Entries!;
        // Metonyms stand for the government only in governmental context; otherwise the place of that name.
        if (entries.FirstMetonymId is { } metonym)
        {
            bool government = GovernmentContext(raw, index, cx.Words, cx.Raws);
            if (government || entries.NonMetonyms is null)
            {
                return government ? (metonym, 0.8, MentionKind.Metonym) : (null, 0.3, MentionKind.Metonym);
            }

            entries = entries.NonMetonyms;
        }

        if (entries.AllPartial && CountryAbbreviation(raw, index, cx, entries) is { } abbreviated)
        {
            return (abbreviated, 0.75, MentionKind.Acronym);
        }

        if (entries.AllPartial)
        {
            return ResolveSurname(entries.HasId, entries.Actors, raw, cx, MentionKind.Partial);
        }

        var full = entries.NonPartial!;
        var ids = full.Ids;
        var kind = full.FirstKind;
        if (ids.Length == 1)
        {
            return (ids[0], kind == MentionKind.Acronym ? 0.9 : 0.95, kind);
        }

        // Several actors share the name: prefer the one the cue, the date or the article's countries point to.
        var named = cx.Named ??= CountriesNamed(cx.Raws);
        string? best = null;
        double bestScore = double.NegativeInfinity;
        bool tie = false;
        foreach (var id in ids)
        {
            double score = Prior(id, raw, cx.People, named, cx.Date);
            if (best is null || score > bestScore)
            {
                (best, bestScore, tie) = (id, score, false);
            }
            else if (score == bestScore)
            {
                tie = true;
            }
        }

        return (best, tie ? 0.4 : 0.7, kind);
    }

    private double Prior(string id, Raw raw, List<string> people, NamedCountries countries, DateOnly? date)
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

        if (raw.Cue is not null && CueHeld(raw, a, date))
        {
            s += 3;
        }

        if (date is { } d && HeldAnyOn(a, d))
        {
            s += 1;
        }

        if (raw.CountryHint is { } hint && string.Equals(a.Country, hint, StringComparison.OrdinalIgnoreCase))
        {
            s += 2;
        }

        // The countries the whole article names, relative to the most named one.
        if (a.Country is { } c && countries.Counts.TryGetValue(c, out var n))
        {
            s += 0.5 * n / countries.Max;
        }

        return s;
    }

    private static bool HeldAnyOn(Actor a, DateOnly d)
    {
        foreach (var r in a.Roles)
        {
            if (r.HeldOn(d))
            {
                return true;
            }
        }

        return false;
    }

    private (string? Id, double Conf, MentionKind Kind) ResolveSurname(Func<string, bool> hasId, Actor[] actors, Raw raw, Context cx, MentionKind kind)
    {
        var people = cx.People;
        var date = cx.Date;
        // Coreference: the most recent person of that surname already mentioned, known or provisional ("Roe" after "Jane Roe").
        bool single = raw.Last - raw.First == 1;
        for (int k = people.Count - 1; k >= 0; k--)
        {
            if (hasId(people[k]) || (single && IsProvisionalShortForm(cx, people[k], raw.Surface)))
            {
                return (people[k], 0.9, kind);
            }
        }

        // Coreference across renderings: "Li" after "Lee Soo-hyuck" (the bridge knows the surname's spellings).
        if (raw.Last - raw.First == 1 && !raw.LowerCase && raw.Surface is { } word)
        {
            for (int k = people.Count - 1; k >= 0; k--)
            {
                if (_bridge.IsSurnameOf(word, people[k]))
                {
                    return (people[k], 0.85, kind);
                }
            }
        }

        double lower = raw.LowerCase ? 0.1 : 0; // "esper": lower-case, a little less sure
        if (raw.Cue is not null && OnlyHolder(actors, raw, date) is { } holder)
        {
            return (holder.Id, 0.85, kind);
        }

        if (actors.Length == 1)
        {
            return (actors[0].Id, 0.7 - lower, kind);
        }

        // Several people share the surname: a bare surname names the most prominent at the date (a president
        // rather than the president's spouse, who is named in full).
        Actor? top = null;
        double topScore = 0;
        bool tie = false;
        foreach (var a in actors)
        {
            double p = Prominence(a, date);
            if (top is null || p > topScore)
            {
                (top, topScore, tie) = (a, p, false);
            }
            else if (p == topScore)
            {
                tie = true;
            }
        }

        if (actors.Length >= 2 && !tie && topScore >= 3)
        {
            return (top!.Id, 0.65 - lower, kind);
        }

        return (actors.Length > 0 ? actors[0].Id : null, 0.3, kind);
    }

    /// <summary>Whether the actor held the role of the span's cue when the cue says: at the date, before it and not on it ("former"), at any time ("then-").</summary>
    private bool CueHeld(Raw raw, Actor a, DateOnly? date)
    {
        var cue = raw.Cue!;
        return raw.CueTime switch
        {
            CueTime.Ended => cue.HeldBy(a, null, raw.CountryHint, _kb) && (date is not { } d || (!cue.HeldBy(a, d, raw.CountryHint, _kb) && HeldBefore(cue, a, d))),
            CueTime.Then => cue.HeldBy(a, null, raw.CountryHint, _kb),
            _ => cue.HeldBy(a, date, raw.CountryHint, _kb),
        };
    }

    /// <summary>Whether the actor began a role the cue denotes before the date.</summary>
    private bool HeldBefore(RoleCue cue, Actor a, DateOnly date)
    {
        foreach (var r in a.Roles)
        {
            if (r.From is { } from && from < date && cue.HeldBy(a, from, null, _kb))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one actor among these who held the role the span's cue denotes at the date (null when none or several).</summary>
    private Actor? OnlyHolder(Actor[] actors, Raw raw, DateOnly? date)
    {
        Actor? holder = null;
        foreach (var a in actors)
        {
            if (CueHeld(raw, a, date))
            {
                if (holder is not null)
                {
                    return null;
                }

                holder = a;
            }
        }

        return holder;
    }

    /// <summary>How prominent the person is at the date: the weight of the highest office held, more if held then.</summary>
    private double Prominence(Actor a, DateOnly? date)
    {
        var weights = _roleWeights.TryGetValue(a, out var known) ? known : RoleWeights(a, _kb);
        double best = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            double w = weights[k];
            if (date is { } d && a.Roles[k].HeldOn(d))
            {
                w += 3; // in office at the date: a cabinet rank outweighs a former head of state
            }

            best = Math.Max(best, w);
        }

        return best;
    }

    /// <summary>The weight of each of the actor's roles by its office's function (heads of state and government first).</summary>
    private static double[] RoleWeights(Actor a, KnowledgeBase kb)
    {
        var weights = new double[a.Roles.Count];
        for (int k = 0; k < weights.Length; k++)
        {
            var function = kb.FindTitle(a.Roles[k].Title)?.Function ?? "";
            weights[k] = function switch
            {
                "head-of-state" or "supreme-leader" or "head-of-government" => 5,
                "head-of-state-elect" => 4,
                "foreign-minister" or "defense-minister" or "party-leader" => 3,
                _ when function.StartsWith("spouse", StringComparison.Ordinal) => 0.5,
                _ => 2,
            };
        }

        return weights;
    }

    private (string? Id, double Conf, MentionKind Kind) ResolveCandidate(Raw raw, Context cx)
    {
        var (words, people, date) = (cx.Words, cx.People, cx.Date);
        if (raw.Last - raw.First != 1)
        {
            return (null, 0, MentionKind.Name);
        }

        // A single word may be the surname of someone already mentioned, in any rendering the bridge knows ("Yin",
        // "Li"), or a short form of a provisional person of the article ("Roe" after "Jane Roe").
        var word = words[raw.First].Norm;
        for (int k = people.Count - 1; k >= 0; k--)
        {
            if (_bridge.IsSurnameOf(word, people[k]))
            {
                return (people[k], 0.8, MentionKind.Partial);
            }

            if (IsProvisionalShortForm(cx, people[k], word))
            {
                return (people[k], 0.8, MentionKind.Partial);
            }
        }

        // A misspelt surname of someone already named ("Tilerson" after "Tillerson"): one edit, long words only.
        if (word.Length >= 5)
        {
            for (int k = people.Count - 1; k >= 0; k--)
            {
                if (NearSurnameOf(word, people[k], 5))
                {
                    return (people[k], 0.7, MentionKind.Partial);
                }
            }
        }

        // A Western name read back from its Chinese transcription as one word ("Zelian" for 泽连斯基).
        if (!raw.LowerCase && _bridge.Match(SurfaceOf(cx, raw)) is { SurnameOnly: false } bm && _bridge.IsTranscription(bm.ActorId))
        {
            return (bm.ActorId, bm.Score, MentionKind.Transliterated);
        }

        if (raw.Cue is null)
        {
            return (null, 0, MentionKind.Name);
        }

        // After a title, a surname one edit from the title holder's at the date ("Secretary of State Tilerson").
        Actor? near = null;
        int count = 0;
        foreach (var a in HoldersEver(raw.Cue))
        {
            if (CueHeld(raw, a, date) && NearSurnameOf(word, a.Id, 4) && count++ == 0)
            {
                near = a;
            }
        }

        if (count == 1)
        {
            return (near!.Id, 0.8, MentionKind.Partial);
        }

        var ids = _bridge.PeopleWithSurname(word).Distinct(StringComparer.Ordinal).ToList();
        var idSet = new HashSet<string>(ids, StringComparer.Ordinal);
        var actors = ids.Select(_kb.Find).OfType<Actor>().ToArray();
        return ResolveSurname(idSet.Contains, actors, raw, cx, MentionKind.Partial) is { Conf: >= 0.8 } r ? r : (null, 0, MentionKind.Name);
    }

    /// <summary>Whether the word is at most one edit from one of the person's surnames of at least <paramref name="minLength"/> letters.</summary>
    private bool NearSurnameOf(string word, string personId, int minLength)
    {
        foreach (var sn in _aliases.LowerSurnames(personId))
        {
            if (sn.Length >= minLength && Tightrope.Knowledge.Transliteration.TransliterationIndex.EditDistanceAtMostOne(word, sn))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A definite description: among the actors it describes that exist at the date, those whose country the article
    /// names (for an actor without a country, one whose name contains a word naming a country the article names); the
    /// most-named country wins, a tie stays unresolved.
    /// </summary>
    private (string? Id, double Conf) ResolveDescription(Actor[] actors, NamedCountries countries, DateOnly? date)
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
                if (countries.Counts.TryGetValue(c, out var n))
                {
                    fits.Add((a, n));
                }
            }
            else if (countries.NamesAny(_descriptions.NameWords(a)))
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
    private NamedCountries CountriesNamed(List<Raw> raws)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var words = new List<string[]>();
        foreach (var r in raws)
        {
            if (r.How != Pending.Alias || r.Entries!.Country is not { Country: { } c } country)
            {
                continue;
            }

            if (counts.TryAdd(c, 1))
            {
                words.Add(_countryWords.TryGetValue(country.Id, out var w) ? w : NameWordsOf(country));
            }
            else
            {
                counts[c]++;
            }
        }

        return new NamedCountries(counts, words);
    }
}
