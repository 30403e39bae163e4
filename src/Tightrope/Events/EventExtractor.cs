using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Events;

/// <summary>One predicate of the lexicon: its PLOVER type, CAMEO root code and mode.</summary>
internal sealed record Predicate(string Type, string Cameo, string? Mode);

/// <summary>
/// The predicate lexicon (<c>events-predicates</c>) with the inflections of each phrase's first word, and the
/// modality words (<c>events-modality</c>). Built once, shared.
/// </summary>
internal sealed class EventLexicon
{
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the" };

    public Dictionary<string, List<(string[] Tail, Predicate Entry)>> ByFirst { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Participles { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, List<(string[] Tail, Modality Modality)>> Modal { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static EventLexicon English { get; } = new(LanguageData.English["events-predicates"], LanguageData.English["events-irregular-verbs"], LanguageData.English["events-modality"]);

    public EventLexicon(WordList predicates, WordList irregular, WordList modality)
    {
        foreach (var (phrase, value) in predicates.Values)
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var entry = new Predicate(parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var form in Forms(words[0], irregular, Participles))
            {
                if (!ByFirst.TryGetValue(form, out var list))
                {
                    ByFirst[form] = list = [];
                }

                list.Add((words[1..], entry));
            }
        }

        foreach (var list in ByFirst.Values)
        {
            list.Sort((a, b) => b.Tail.Length.CompareTo(a.Tail.Length));
        }

        foreach (var (phrase, value) in modality.Values)
        {
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!Modal.TryGetValue(words[0], out var list))
            {
                Modal[words[0]] = list = [];
            }

            list.Add((words[1..], Enum.Parse<Modality>(value, ignoreCase: true)));
        }
    }

    public static bool IsDeterminer(string w) => Determiners.Contains(w);

    /// <summary>The lemma, third person, past, participle and -ing forms of an English verb (nouns get their plural).</summary>
    internal static IEnumerable<string> Forms(string lemma, WordList irregular, HashSet<string> participles)
    {
        yield return lemma;
        bool consonantY = lemma.Length > 1 && lemma[^1] == 'y' && !"aeiou".Contains(lemma[^2], StringComparison.Ordinal);
        yield return consonantY ? lemma[..^1] + "ies"
            : lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('x') || lemma.EndsWith('z') || lemma.EndsWith('o') ? lemma + "es"
            : lemma + "s";
        string past, participle;
        if (irregular.Values.TryGetValue(lemma, out var irr))
        {
            var p = irr.Split(' ');
            past = p[0];
            participle = p.Length > 1 ? p[1] : p[0];
        }
        else
        {
            past = participle = lemma.EndsWith('e') ? lemma + "d" : consonantY ? lemma[..^1] + "ied" : lemma + "ed";
        }

        participles.Add(participle);
        participles.Add(past);
        yield return past;
        if (participle != past)
        {
            yield return participle;
        }

        yield return lemma.EndsWith('e') && !lemma.EndsWith("ee", StringComparison.Ordinal) ? lemma[..^1] + "ing"
            : irregular.Values.TryGetValue(lemma, out var d) && d.StartsWith(lemma, StringComparison.Ordinal) && d.Length > lemma.Length + 2 && d[lemma.Length] == d[lemma.Length - 1] ? lemma + lemma[^1] + "ing"
            : lemma + "ing";
    }
}

/// <summary>
/// Finds events sentence by sentence: predicates from the lexicon (longest phrase first), the source as the nearest
/// resolved actor before the predicate in its clause (coordinated subjects: the second becomes the target of
/// reciprocal types; a passive's "by" phrase is the source), the target as the first actor after it, pronouns and
/// "the two leaders" back to the last actors, and the modality from the words before the predicate in its clause and
/// from a governing predicate ("urged X to", "threatened to").
/// </summary>
internal sealed class EventExtractor(KnowledgeBase knowledge, IEventDater dater, EventLexicon? lexicon = null)
{
    private readonly EventLexicon _lex = lexicon ?? EventLexicon.English;

    private static readonly HashSet<string> ClauseStops = new(StringComparer.OrdinalIgnoreCase)
    {
        ";", ":", "that", "which", "who", "whom", "while", "but", "because", "although", "though", "when", "whereas", "since", "where", "—", "“", "\"",
    };

    private static readonly HashSet<string> Be = new(StringComparer.OrdinalIgnoreCase) { "was", "were", "is", "are", "been", "being", "be", "got", "get" };

    private static readonly HashSet<string> Reciprocal = new(StringComparer.Ordinal) { "CONSULT", "AGREE", "COOPERATE" };

    private static readonly HashSet<string> Locative = new(StringComparer.OrdinalIgnoreCase) { "in", "at" };

    private static readonly WordList Months = LanguageData.English["figures-months"];

    private readonly record struct Tok(int Index, TextSpan Span, string Lower, bool Word, bool Upper);

    private sealed record Found(int TokenStart, int TokenEnd, Predicate Entry);

    public List<Event> Extract(Article article) => Candidates(article, requireActor: true);

    /// <summary>Every event found, also those with no actor (the PLOVER gold-record scorer reads those).</summary>
    public List<Event> Candidates(Article article, bool requireActor)
    {
        var result = new List<Event>();
        var mentions = article.Mentions;
        var text = article.Text;
        int tokenCursor = 0;
        for (int si = 0; si < article.Sentences.Count; si++)
        {
            var sentence = article.Sentences[si].Span;
            var toks = new List<Tok>();
            while (tokenCursor < article.Tokens.Count && article.Tokens[tokenCursor].Span.Start < sentence.Start)
            {
                tokenCursor++;
            }

            for (int t = tokenCursor; t < article.Tokens.Count && article.Tokens[t].Span.End <= sentence.End; t++)
            {
                var tk = article.Tokens[t];
                var s = tk.Span.Slice(text).ToString().Replace('’', '\'');
                toks.Add(new Tok(toks.Count, tk.Span, s.ToLowerInvariant(), tk.Kind == TokenKind.Word, s.Length > 0 && char.IsUpper(s[0])));
            }

            var inSentence = mentions.Where(m => m.ActorId is not null && m.Span.Start >= sentence.Start && m.Span.End <= sentence.End).ToList();
            var found = FindPredicates(toks, inSentence);
            bool question = sentence.End > 0 && text[Math.Max(sentence.Start, sentence.End - 1)] == '?';
            var emitted = new HashSet<(string, string?, string?)>();
            for (int fi = 0; fi < found.Count; fi++)
            {
                foreach (var e in Build(article, si, sentence, toks, found, fi, inSentence, question))
                {
                    if ((!requireActor || e.SourceId is not null) && (e.SourceId is null || e.SourceId != e.TargetId) && emitted.Add((e.Type, e.SourceId, e.TargetId)))
                    {
                        result.Add(e);
                    }
                }
            }
        }

        return result;
    }

    private List<Found> FindPredicates(List<Tok> toks, List<Mention> mentions)
    {
        var found = new List<Found>();
        for (int i = 0; i < toks.Count; i++)
        {
            var tk = toks[i];
            if (!tk.Word || !_lex.ByFirst.TryGetValue(tk.Lower, out var options) || mentions.Any(m => m.Span.Overlaps(tk.Span)))
            {
                continue;
            }

            // A capitalised month name ("March", "May") is a date, not a predicate.
            if (tk.Upper && i > 0 && Months.Contains(tk.Lower))
            {
                continue;
            }

            foreach (var (rest, entry) in options)
            {
                int j = i + 1;
                bool ok = true;
                foreach (var w in rest)
                {
                    while (j < toks.Count && EventLexicon.IsDeterminer(toks[j].Lower) && !EventLexicon.IsDeterminer(w))
                    {
                        j++;
                    }

                    if (j >= toks.Count || !toks[j].Lower.Equals(w, StringComparison.OrdinalIgnoreCase))
                    {
                        ok = false;
                        break;
                    }

                    j++;
                }

                if (ok)
                {
                    found.Add(new Found(i, j, entry));
                    i = j - 1;
                    break;
                }
            }
        }

        return found;
    }

    private IEnumerable<Event> Build(Article article, int si, TextSpan sentence, List<Tok> toks, List<Found> found, int fi, List<Mention> mentions, bool question)
    {
        var f = found[fi];
        var predSpan = new TextSpan(toks[f.TokenStart].Span.Start, toks[f.TokenEnd - 1].Span.End);

        // The clause before the predicate: back to a clause stop or the previous predicate.
        int clauseStart = 0;
        for (int k = f.TokenStart - 1; k >= 0; k--)
        {
            if (ClauseStops.Contains(toks[k].Lower))
            {
                clauseStart = k + 1;
                break;
            }
        }

        int clauseEnd = toks.Count;
        for (int k = f.TokenEnd; k < toks.Count; k++)
        {
            if (ClauseStops.Contains(toks[k].Lower) || (fi + 1 < found.Count && k >= found[fi + 1].TokenStart))
            {
                clauseEnd = k;
                break;
            }
        }

        int clauseStartOffset = toks.Count > 0 && clauseStart < toks.Count ? toks[clauseStart].Span.Start : sentence.Start;
        int clauseEndOffset = clauseEnd < toks.Count ? toks[clauseEnd].Span.Start : sentence.End;

        var modality = ModalityOf(toks, clauseStart, f.TokenStart, question);
        Found? governor = null;
        if (fi > 0 && f.TokenStart > 0 && toks[f.TokenStart - 1].Lower == "to")
        {
            governor = found[fi - 1];
            if (modality == Modality.Asserted)
            {
                modality = governor.Entry.Type switch
                {
                    "REQUEST" => Modality.Proposed,
                    "THREATEN" => Modality.Threatened,
                    "REJECT" => Modality.Negated,
                    "AGREE" => Modality.Planned,
                    _ => Modality.Asserted,
                };
            }
        }

        bool passive = f.TokenStart > 0 && _lex.Participles.Contains(toks[f.TokenStart].Lower)
            && (Be.Contains(toks[f.TokenStart - 1].Lower) || (f.TokenStart > 1 && Be.Contains(toks[f.TokenStart - 2].Lower)));

        var before = mentions.Where(m => m.Span.End <= predSpan.Start && m.Span.Start >= clauseStartOffset).ToList();
        var after = mentions.Where(m => m.Span.Start >= predSpan.End && m.Span.End <= clauseEndOffset).ToList();

        string? location = null;
        var objects = new List<Mention>();
        foreach (var m in after)
        {
            var prev = PrevWord(toks, m.Span.Start);
            if (prev is not null && Locative.Contains(prev) && IsPlace(m))
            {
                location ??= m.Text;
                continue;
            }

            // "North Korean leader Kim Jong-un": the head is the later mention.
            if (objects.Count > 0 && m.Span.Start - objects[^1].Span.End <= 30 && !IsCoordinated(article.Text, objects[^1].Span.End, m.Span.Start)
                && (objects[^1].Kind == MentionKind.Demonym || knowledge.Find(objects[^1].ActorId!)?.Kind == ActorKind.Country))
            {
                objects[^1] = m;
                continue;
            }

            if (objects.Count == 0 || IsCoordinated(article.Text, objects[^1].Span.End, m.Span.Start))
            {
                objects.Add(m);
            }
        }

        var subjects = new List<string>();
        if (before.Count > 0)
        {
            var head = before[^1];
            subjects.Add(head.ActorId!);
            for (int k = before.Count - 2; k >= 0; k--)
            {
                if (IsCoordinated(article.Text, before[k].Span.End, before[k + 1].Span.Start) && before[k + 1].Kind != MentionKind.Demonym)
                {
                    subjects.Insert(0, before[k].ActorId!);
                }
                else if (before[k].Kind == MentionKind.Demonym && before[k + 1].Span.Start - before[k].Span.End <= 30)
                {
                    continue;
                }
                else
                {
                    break;
                }
            }
        }
        else
        {
            subjects.AddRange(Pronoun(article, toks, clauseStart, f.TokenStart, predSpan.Start));
        }

        if (governor is not null && governor.Entry.Type == "REQUEST" && objects.Count == 0 && before.Count > 0)
        {
            // "urged X to …": X, the governor's object, is the one asked to act.
            subjects = [before[^1].ActorId!];
        }

        string? source = subjects.Count > 0 ? subjects[0] : null;
        var targets = objects.Select(o => (string?)Country(o)).ToList();
        if (passive)
        {
            var agent = after.FirstOrDefault(m => PrevWord(toks, m.Span.Start) == "by");
            if (agent is not null)
            {
                targets = source is null ? [] : [source];
                source = Country(agent);
            }
        }

        if (targets.Count == 0)
        {
            targets.Add(subjects.Count > 1 && Reciprocal.Contains(f.Entry.Type) ? subjects[1] : null);
        }

        source = source is null ? null : MapPlace(source);
        var (date, from) = dater.Date(article, si, predSpan);
        foreach (var target in targets)
        {
            yield return new Event
            {
                Span = predSpan,
                Text = article[predSpan],
                Type = f.Entry.Type,
                Mode = f.Entry.Mode,
                Cameo = f.Entry.Cameo,
                SourceId = source,
                SourceCode = CameoCodes.Of(knowledge, source),
                TargetId = target,
                TargetCode = CameoCodes.Of(knowledge, target),
                Modality = modality,
                Date = date,
                DateFrom = from,
                Location = location,
                Sentence = sentence,
            };
        }
    }

    private Modality ModalityOf(List<Tok> toks, int clauseStart, int pred, bool question)
    {
        var best = question ? Modality.Hypothetical : Modality.Asserted;
        for (int k = 0; k < pred; k++)
        {
            var w = toks[k].Lower;
            if (!_lex.Modal.TryGetValue(w, out var options) || (k < clauseStart && w is not ("if" or "unless" or "whether")))
            {
                continue;
            }

            // A capitalised "May" mid-sentence is the month.
            if (toks[k].Upper && k > 0 && Months.Contains(w))
            {
                continue;
            }

            foreach (var (rest, m) in options)
            {
                bool ok = true;
                for (int r = 0; r < rest.Length; r++)
                {
                    if (k + 1 + r >= pred || toks[k + 1 + r].Lower != rest[r])
                    {
                        ok = false;
                        break;
                    }
                }

                if (ok)
                {
                    best = Stronger(best, m);
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>Negation wins, then speculation, then a proposal, then a plan.</summary>
    private static Modality Stronger(Modality a, Modality b)
    {
        static int Rank(Modality m) => m switch
        {
            Modality.Negated => 5,
            Modality.Hypothetical => 4,
            Modality.Proposed => 3,
            Modality.Threatened => 2,
            Modality.Planned => 1,
            _ => 0,
        };
        return Rank(b) > Rank(a) ? b : a;
    }

    private IEnumerable<string> Pronoun(Article article, List<Tok> toks, int clauseStart, int pred, int predOffset)
    {
        for (int k = pred - 1; k >= clauseStart && k >= pred - 4; k--)
        {
            var w = toks[k].Lower;
            bool pair = (w is "leaders" or "sides" or "countries" or "nations" or "governments" or "allies") && k > 0 && toks[k - 1].Lower is "two" or "both";
            if (w is "he" or "she")
            {
                return Last(article, predOffset, 1, person: true);
            }

            if (pair || w == "they")
            {
                var two = Last(article, predOffset, 2, person: w == "leaders" ? true : w == "they" ? null : (bool?)false);
                return two.Count == 2 ? two : [];
            }
        }

        return [];
    }

    /// <summary>The last <paramref name="count"/> distinct actors mentioned before <paramref name="offset"/>, oldest first.</summary>
    private List<string> Last(Article article, int offset, int count, bool? person)
    {
        var ids = new List<string>();
        for (int i = article.Mentions.Count - 1; i >= 0 && ids.Count < count; i--)
        {
            var m = article.Mentions[i];
            if (m.Span.End > offset || m.ActorId is null || ids.Contains(m.ActorId))
            {
                continue;
            }

            var kind = knowledge.Find(m.ActorId)?.Kind;
            if (kind == ActorKind.Place || (person is { } p && (kind == ActorKind.Person) != p))
            {
                continue;
            }

            ids.Insert(0, m.ActorId);
        }

        return ids;
    }

    private static string? PrevWord(List<Tok> toks, int offset)
    {
        for (int k = toks.Count - 1; k >= 0; k--)
        {
            if (toks[k].Span.End <= offset && toks[k].Word && !EventLexicon.IsDeterminer(toks[k].Lower))
            {
                return toks[k].Lower;
            }
        }

        return null;
    }

    private static bool IsCoordinated(string text, int end, int start)
    {
        if (start < end || start - end > 12)
        {
            return false;
        }

        var gap = text.AsSpan(end, start - end).Trim();
        return gap is "and" or "," or "and the" or ", and" or "or" || gap.Equals("and the", StringComparison.OrdinalIgnoreCase);
    }

    private bool IsPlace(Mention m) => knowledge.Find(m.ActorId!)?.Kind == ActorKind.Place;

    /// <summary>A place that stands as source or target is its country's government (PLOVER codes capitals so).</summary>
    private string Country(Mention m) => MapPlace(m.ActorId!);

    private string MapPlace(string id)
    {
        var a = knowledge.Find(id);
        if (a is { Kind: ActorKind.Place, Country: { } code })
        {
            return CameoCodes.CountryActor(knowledge, code) ?? id;
        }

        return id;
    }
}

/// <summary>CAMEO-style actor codes from the knowledge base: country (ISO alpha-3) plus sector (USAGOV, KORMIL, PRKGOV).</summary>
public static class CameoCodes
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeBase, Dictionary<string, string>> Countries = [];

    public static string? CountryActor(KnowledgeBase knowledge, string code)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var map = Countries.GetValue(knowledge, static kb =>
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var a in kb.Actors)
            {
                if (a is { Kind: ActorKind.Country, Country: { } c })
                {
                    d.TryAdd(c, a.Id);
                }
            }

            return d;
        });
        return map.GetValueOrDefault(code);
    }

    public static string? Of(KnowledgeBase knowledge, string? id)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (id is null || knowledge.Find(id) is not { } a)
        {
            return null;
        }

        var country = a.Country ?? a.Roles.Select(r => r.Org).FirstOrDefault(o => o is { Length: 3 } && o.All(char.IsUpper));
        var sector = a.Sector ?? a.Kind switch
        {
            ActorKind.Country => null,
            ActorKind.Government => "GOV",
            ActorKind.Military => "MIL",
            ActorKind.Party => "PTY",
            ActorKind.Company => "BUS",
            ActorKind.Media => "MED",
            ActorKind.Person => a.Roles.Any(r => r.Title.Contains("General", StringComparison.OrdinalIgnoreCase) || r.Title.Contains("Commander", StringComparison.OrdinalIgnoreCase)) ? "MIL"
                : a.Roles.Count > 0 ? "GOV" : null,
            _ => null,
        };
        return country is null ? null : country + sector;
    }
}
