using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Events;

/// <summary>The clause helpers of the extractor: noun uses, appositions, shared subjects, pronouns, modality, coordination.</summary>
internal sealed partial class EventExtractor
{
    /// <summary>
    /// Whether the subject states an intention of its own before the predicate ("will", "plans to", "offered to"), not a
    /// forecast; a marker used as a noun after a determiner or possessive ("the DPRK's plan to hold talks", "its offer
    /// to mediate") is what someone else is said to intend, no statement of the subject.
    /// </summary>
    private static bool StatesIntent(List<Tok> toks, int clauseStart, int pred)
    {
        for (int k = pred - 1; k >= clauseStart; k--)
        {
            if (toks[k].Is(WordClass.IntentMarker) && !(k > 0 && (toks[k - 1].Is(WordClass.Determiner) || toks[k - 1].Lower.EndsWith("'s", StringComparison.Ordinal)
                || toks[k - 1].Lower is "its" or "their" or "his" or "her" or "our" or "s'")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A predicate used as a noun: after a determiner, possessive or attribute ("the meeting", "Seoul's visit"), or a noun by its ending (-tion, -sion, -ment, -ity).</summary>
    private bool IsNounUse(List<Tok> toks, Found f)
    {
        var w = toks[f.TokenStart].Lower;
        if (f.TokenStart > 0 && toks[f.TokenStart - 1].Is(WordClass.NounMarker))
        {
            // "the official said", "the official criticized": a marker that is also a role noun, before a past form, is the subject.
            if (toks[f.TokenStart - 1].Is(WordClass.RoleNoun) && toks[f.TokenStart].Is(WordClass.Participle))
            {
                return false;
            }

            // "to further strengthen", "will first visit": an adverb between "to" or an auxiliary and the verb.
            return !(toks[f.TokenStart - 1].Is(WordClass.AdverbMarker) && f.TokenStart > 1 && toks[f.TokenStart - 2].Is(WordClass.VerbBefore));
        }

        if (f.TokenStart > 0 && toks[f.TokenStart - 1].Lower.EndsWith("'s", StringComparison.Ordinal))
        {
            return true;
        }

        // An -ing form with no auxiliary, preposition or conjunction before it is a noun ("the Hanoi meeting", "security meeting").
        if (w.EndsWith("ing", StringComparison.Ordinal) && f.TokenStart > 0 && !toks[f.TokenStart - 1].Is(WordClass.GerundBefore))
        {
            return true;
        }

        return w.EndsWith("tion", StringComparison.Ordinal) || w.EndsWith("sion", StringComparison.Ordinal) || w.EndsWith("ment", StringComparison.Ordinal)
            || w.EndsWith("tions", StringComparison.Ordinal) || w.EndsWith("ments", StringComparison.Ordinal) || w.EndsWith("ity", StringComparison.Ordinal)
            || w.EndsWith("ities", StringComparison.Ordinal) || w == "summit" || w == "summits";
    }

    private static readonly WordList LightVerbs = LanguageData.English["events-light-verbs"];

    /// <summary>Noun markers that are also adverbs: before a verb after "to" or an auxiliary they do not make it a noun.</summary>
    private static readonly HashSet<string> AdverbMarkers = new(StringComparer.OrdinalIgnoreCase) { "further", "first", "jointly" };

    private static readonly HashSet<string> VerbBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll", "did", "does", "do", "and",
    };

    private static readonly WordList NounHeads = LanguageData.English["events-noun-heads"];

    /// <summary>"the military cooperation mechanism", "the summit venue": an event noun before a head noun of <c>events-noun-heads</c> only names a kind.</summary>
    private static bool ModifiesHead(List<Tok> toks, Found f)
        => f.TokenEnd < toks.Count && toks[f.TokenEnd].Word && !toks[f.TokenEnd].Upper && toks[f.TokenEnd].Is(WordClass.NounHead);

    /// <summary>"had a phone call", "paid a visit", "made a proposal": an event noun as a light verb's object is that verb's act (at most three lower-case words between).</summary>
    private static bool AfterLightVerb(List<Tok> toks, int noun)
    {
        for (int k = noun - 1; k >= 0 && k >= noun - 4; k--)
        {
            if (toks[k].Is(WordClass.LightVerb))
            {
                return true;
            }

            if (!toks[k].Word || toks[k].Upper || !char.IsLetter(toks[k].Lower[0]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The actors of an event noun: a possessive right before it ("Yoon's recent visit"), else "between X and Y", "by X" or "from X" after it.</summary>
    private static List<string> NounActors(string text, List<Tok> toks, TextSpan pred, List<Mention> mentions, List<Mention> after)
    {
        foreach (var m in mentions)
        {
            if (m.Span.End <= pred.Start && pred.Start - m.Span.End <= 24)
            {
                var gap = text.AsSpan(m.Span.End, pred.Start - m.Span.End);
                if ((gap.StartsWith("'s") || gap.StartsWith("’s") || gap.StartsWith("s'")) && gap.Count(' ') <= 3)
                {
                    return [m.ActorId!];
                }
            }
        }

        for (int i = 0; i < after.Count; i++)
        {
            var prev = PrevWord(toks, after[i].Span.Start);
            if (prev == "between" && i + 1 < after.Count)
            {
                return [after[i].ActorId!, after[i + 1].ActorId!];
            }

            if (prev is "by" or "from")
            {
                return [after[i].ActorId!];
            }
        }

        return [];
    }

    /// <summary>
    /// The subject before an apposition: "Han, the leader of the party, criticized …", "Xu, head of the security
    /// office, visited …" — a mention, a comma, the apposition, a comma, at most two words, the predicate.
    /// </summary>
    private static Mention? Apposed(string text, List<Tok> toks, int clauseStart, int pred, List<Mention> before)
    {
        if (before.Count == 0)
        {
            return null;
        }

        int c2 = -1;
        for (int k = pred - 1; k >= clauseStart && k >= pred - 3; k--)
        {
            if (toks[k].Lower == ",")
            {
                c2 = k;
                break;
            }

            if (!toks[k].Word || toks[k].Upper)
            {
                return null;
            }
        }

        if (c2 < 0)
        {
            return null;
        }

        for (int k = c2 - 1; k >= clauseStart; k--)
        {
            if (toks[k].Lower != ",")
            {
                continue;
            }

            int commaAt = toks[k].Span.Start;
            Mention? head = null;
            for (int b = before.Count - 1; b >= 0 && head is null; b--)
            {
                var m = before[b];
                head = m.Span.End <= commaAt && commaAt - m.Span.End <= 3 && text.AsSpan(m.Span.End, commaAt - m.Span.End).Trim().Length == 0 ? m : null;
            }

            var next = k + 1 < c2 ? toks[k + 1] : default;
            return head is not null && next.Span.End > 0 ? head : null;
        }

        return null;
    }

    /// <summary>"X met Y and then visited Z", "X rejected Y, calling it …": a predicate after "and", or a participle after a comma, shares the previous predicate's subject.</summary>
    private static List<string>? SharedSubject(List<Tok> toks, int clauseStart, int pred, int fi, List<Found> found, List<string>?[] subjectsOf)
    {
        // "dismissed the offer, branding it a trick": a participle after a comma has the subject of the last act before it.
        if (fi > 0 && toks[pred - 1].Lower == "," && toks[pred].Lower.EndsWith("ing", StringComparison.Ordinal))
        {
            for (int p = fi - 1; p >= 0; p--)
            {
                if (subjectsOf[p] is { } before)
                {
                    return before;
                }
            }
        }

        if (fi == 0 || subjectsOf[fi - 1] is not { } previous)
        {
            return null;
        }

        for (int k = pred - 1; k >= clauseStart && k >= pred - 3; k--)
        {
            var w = toks[k].Lower;
            if (w == "and")
            {
                return k > found[fi - 1].TokenEnd ? previous : null;
            }

            if (!toks[k].Word || toks[k].Upper || w is "to")
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Where "he and", "she and", "they and" starts right before a coordinated subject, if it does.</summary>
    private static int? PronounBefore(string text, int start)
    {
        var left = text.AsSpan(0, start).TrimEnd();
        if (!left.EndsWith(" and", StringComparison.Ordinal) && !left.EndsWith(" and the", StringComparison.Ordinal))
        {
            return null;
        }

        left = left.EndsWith(" the", StringComparison.Ordinal) ? left[..^4] : left;
        left = left[..^4].TrimEnd();
        int sp = left.LastIndexOfAny(' ', ',', '\n');
        var word = left[(sp + 1)..];
        return word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase) || word.Equals("they", StringComparison.OrdinalIgnoreCase)
            ? sp + 1 : null;
    }

    private Modality ModalityOf(List<Tok> toks, int clauseStart, int pred, bool question, bool reported)
    {
        var best = question ? Modality.Hypothetical : Modality.Asserted;
        for (int k = 0; k < pred; k++)
        {
            var w = toks[k].Lower;
            if (reported && k >= clauseStart && w is "would" or "'d")
            {
                best = Stronger(best, Modality.Planned);
                continue;
            }

            if (toks[k].Info.Modal is not { } options || (k < clauseStart && w is not ("if" or "unless" or "whether" or "in" or "provided")))
            {
                continue;
            }

            // A capitalised "May" mid-sentence is the month.
            if (toks[k].Upper && k > 0 && toks[k].Is(WordClass.Month))
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

        best = Stronger(best, Complement(toks, clauseStart));
        return Stronger(best, Inverted(toks, pred, question));
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

    /// <summary>
    /// The actors a pronoun subject before the predicate stands for: "he"/"she" the last person, "they" and "the two
    /// leaders" the last two actors, "it" (with only auxiliaries and adverbs before the predicate: "it will withdraw",
    /// not "it is important to meet") the last actor that is no person. The predicate's own objects are never its
    /// subject ("he met Kim": not Kim), so they are passed over.
    /// </summary>
    private IEnumerable<string> Pronoun(Article article, List<Tok> toks, int clauseStart, int pred, int predOffset, List<Mention>? objects = null)
    {
        for (int k = pred - 1; k >= clauseStart && k >= pred - 4; k--)
        {
            var w = toks[k].Lower;
            bool pair = (w is "leaders" or "sides" or "countries" or "nations" or "governments" or "allies") && k > 0 && toks[k - 1].Lower is "two" or "both";
            if (w is "he" or "she")
            {
                return Last(article, predOffset, 1, person: true, objects);
            }

            if (pair || w == "they")
            {
                var two = Last(article, predOffset, 2, person: w == "leaders" ? true : w == "they" ? null : (bool?)false, objects);
                return two.Count == 2 ? two : [];
            }

            if (w == "it" && OnlyAuxiliaries(toks, k + 1, pred))
            {
                return Last(article, predOffset, 1, person: false, objects);
            }
        }

        return [];
    }

    private static readonly WordList SubjectAuxiliaries = LanguageData.English["events-subject-auxiliaries"];

    /// <summary>Whether tokens [from, to) are all auxiliaries or adverbs of <c>events-subject-auxiliaries</c>.</summary>
    private static bool OnlyAuxiliaries(List<Tok> toks, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (!SubjectAuxiliaries.Contains(toks[k].Lower))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The last <paramref name="count"/> distinct actors mentioned before <paramref name="offset"/>, oldest first.</summary>
    private List<string> Last(Article article, int offset, int count, bool? person, List<Mention>? exclude = null)
    {
        var ids = new List<string>();
        for (int i = article.Mentions.Count - 1; i >= 0 && ids.Count < count; i--)
        {
            var m = article.Mentions[i];
            if (m.Span.End > offset || m.ActorId is null || ids.Contains(m.ActorId) || Excluded(exclude, m.ActorId))
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

    private static bool Excluded(List<Mention>? exclude, string id)
    {
        foreach (var m in exclude ?? [])
        {
            if (m.ActorId == id)
            {
                return true;
            }
        }

        return false;
    }

    private static string? PrevWord(List<Tok> toks, int offset)
    {
        // The tokens are in text order: start at the last one that ends by the offset.
        int lo = 0, hi = toks.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (toks[mid].Span.End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (int k = hi; k >= 0; k--)
        {
            if (toks[k].Span.End <= offset && toks[k].Word && !toks[k].Is(WordClass.Determiner))
            {
                return toks[k].Lower;
            }
        }

        return null;
    }

    private static bool IsCoordinated(string text, int end, int start)
    {
        if (start < end || start - end > 28)
        {
            return false;
        }

        var gap = text.AsSpan(end, start - end).Trim();

        // "the Moon administration and the Trump administration": a lower-case head noun may follow the first name.
        int sp = gap.IndexOf(' ');
        if (sp > 0 && IsLowerWord(gap[..sp]) && !gap[..sp].SequenceEqual("and") && !gap[..sp].SequenceEqual("or"))
        {
            gap = gap[(sp + 1)..];
        }

        return gap is "and" or "," or "and the" or ", and" or "or" || gap.Equals("and the", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLowerWord(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return w.Length > 0;
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
