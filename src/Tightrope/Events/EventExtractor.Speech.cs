using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Events;

/// <summary>
/// Speech acts: a reporting verb ("said", "told", "stressed") is an event only by what it reports. The reported clause
/// (after the verb, or the quotation before it) is read for an act its speaker's side states as intended ("said it
/// would impose tariffs": THREATEN; "said Seoul would drop its complaint": AGREE), a request passed on ("told Japan
/// to withdraw": REQUEST), else the first content cue (<c>events-speech-content</c>: "strengthen" SUPPORT, "unaware"
/// REJECT, "must" REQUEST, …); a statement with none of them ("he said") is dropped.
/// </summary>
internal sealed partial class EventExtractor
{
    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "not", "no", "never", "n't", "nor", "hardly" };

    /// <summary>Gives each reporting-verb event of one sentence (<paramref name="first"/> on) its type from what is said, or removes it.</summary>
    private void ResolveSpeech(Article article, List<Mention> sorted, int si, List<Tok> toks, List<Found> found, List<Mention> mentions, List<Event> result, int first, HashSet<(string, string?, string?)> emitted)
    {
        for (int k = first; k < result.Count; k++)
        {
            var e = result[k];
            if (e.Type != EventLexicon.Speech)
            {
                continue;
            }

            int fi = -1;
            for (int p = 0; p < found.Count && fi < 0; p++)
            {
                fi = toks[found[p].TokenStart].Span.Start == e.Span.Start ? p : -1;
            }

            var typed = fi < 0 ? null : Typed(article, sorted, si, toks, found[fi], mentions, result, first, e);
            if (typed is null || typed.SourceId == typed.TargetId && typed.SourceId is not null || !emitted.Add((typed.Type, typed.SourceId, typed.TargetId)))
            {
                result.RemoveAt(k--);
                continue;
            }

            result[k] = typed;
        }
    }

    private Event? Typed(Article article, List<Mention> sorted, int si, List<Tok> toks, Found verb, List<Mention> mentions, List<Event> result, int first, Event speech)
    {
        // The reported clause: after the verb, or, after a quotation ("'…,' the minister said."), the words before it.
        int from = verb.TokenEnd, to = toks.Count;
        int wordsAfter = 0;
        for (int t = verb.TokenEnd; t < toks.Count; t++)
        {
            wordsAfter += toks[t].Word && char.IsLetter(toks[t].Lower[0]) ? 1 : 0;
        }

        if (wordsAfter < 3)
        {
            (from, to) = (0, verb.TokenStart);
        }
        else if (verb.TokenEnd < toks.Count && toks[verb.TokenEnd].Lower == "by")
        {
            // "the order emphasized by Trump": a participle of the verb, no statement.
            return null;
        }

        // What is said ends where a relative or contrasting clause begins ("…, which may be …", "; but …").
        for (int t = from + 1; t < to; t++)
        {
            if (toks[t].Lower is ";" or "which" or "but" or "while" or "whereas" or "although")
            {
                to = t;
                break;
            }
        }

        if (from >= to)
        {
            return null;
        }

        var content = new TextSpan(toks[from].Span.Start, toks[to - 1].Span.End);
        string? speaker = speech.SourceId;

        // An act of the speaker's side reported as intended or asked for.
        for (int r = first; r < result.Count; r++)
        {
            var inner = result[r];
            if (inner.Type == EventLexicon.Speech || !Within(content, inner.Span) || inner.Modality is not (Modality.Planned or Modality.Proposed))
            {
                continue;
            }

            if (inner.Modality == Modality.Proposed && verb.TokenEnd < toks.Count && Governs(toks, verb, inner.Span.Start))
            {
                // "told Japan to withdraw": a request to the one told.
                return speech with { Type = "REQUEST", Cameo = "10", TargetId = inner.SourceId ?? speech.TargetId, TargetCode = CameoCodes.Of(knowledge, inner.SourceId ?? speech.TargetId) };
            }

            if (inner.Modality != Modality.Planned || (inner.SourceId is not null && speaker is not null && !SameSide(inner.SourceId, speaker)))
            {
                continue;
            }

            var (type, cameo) = IntentType(inner);
            var target = Other(speech.TargetId, speaker) ?? Other(inner.TargetId, speaker) ?? ContentTarget(mentions, speech.Span.End, content.End, speaker);
            return speech with { Type = type, Cameo = cameo, TargetId = target, TargetCode = CameoCodes.Of(knowledge, target) };
        }

        if (Cue(toks, from, to) is not { } cue)
        {
            return null;
        }

        var other = Other(speech.TargetId, speaker) ?? ContentTarget(mentions, from == 0 ? content.Start : speech.Span.End, content.End, speaker)
            ?? (AnyWithin(mentions, content) ? null : PreviousParty(article, sorted, si, speaker));
        return speech with { Type = cue.Type, Cameo = cue.Cameo, TargetId = other, TargetCode = CameoCodes.Of(knowledge, other) };
    }

    /// <summary>Whether the sentence starts with an opening quotation mark.</summary>
    private static bool OpensQuote(string text, TextSpan sentence)
    {
        int i = sentence.Start;
        while (i < sentence.End && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < sentence.End && text[i] is '“' or '"' or '‘';
    }

    /// <summary>Whether the sentence holds a quotation closed by a comma ("…," she said) or ends with one ("… firm.").</summary>
    private static bool ClosesQuote(string text, TextSpan sentence)
    {
        var span = text.AsSpan(sentence.Start, sentence.Length).TrimEnd();
        return span.Contains(",\"", StringComparison.Ordinal) || span.Contains(",”", StringComparison.Ordinal)
            || span.EndsWith(".\"", StringComparison.Ordinal) || span.EndsWith(".”", StringComparison.Ordinal);
    }

    /// <summary>
    /// "…,” Cho continued.", "…," said the minister.": the actor named right after a quotation closed by a comma at the
    /// end of the sentence speaks it, whatever the verb; null when the sentence does not end so.
    /// </summary>
    private static string? QuoteAttribution(string text, TextSpan sentence, List<Tok> toks, List<Mention> mentions)
    {
        for (int t = toks.Count - 2; t >= 1 && t >= toks.Count - 6; t--)
        {
            if (toks[t].Lower is "”" or "\"" && toks[t - 1].Lower == ",")
            {
                int from = toks[t].Span.End;
                for (int k = mentions.Count - 1; k >= 0; k--)
                {
                    if (mentions[k].Span.Start >= from)
                    {
                        return mentions[k].ActorId;
                    }
                }

                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// A sentence that goes on with the quotation of the one before: a statement of that speaker, typed by its first
    /// content cue (as a reported clause is), aimed at the first actor it names not of the speaker's side; null when it
    /// holds no cue.
    /// </summary>
    private Event? QuotedStatement(Article article, List<Mention> sorted, int si, TextSpan sentence, List<Tok> toks, List<Mention> mentions, string speaker)
    {
        // A question in the quotation states nothing.
        var said = article.Text.AsSpan(sentence.Start, sentence.Length).TrimEnd().TrimEnd("\"”’'");
        if (toks.Count == 0 || said.EndsWith("?", StringComparison.Ordinal) || Cue(toks, 0, toks.Count, out var span) is not { } cue)
        {
            return null;
        }

        var target = ContentTarget(mentions, sentence.Start, sentence.End, speaker) ?? (mentions.Count > 0 ? null : PreviousParty(article, sorted, si, speaker));
        var (date, from) = dater.Date(article, si, span);
        return new Event
        {
            Span = span,
            Text = article[span],
            Type = cue.Type,
            Cameo = cue.Cameo,
            SourceId = speaker,
            SourceCode = CameoCodes.Of(knowledge, speaker),
            TargetId = target,
            TargetCode = CameoCodes.Of(knowledge, target),
            Modality = Modality.Asserted,
            Date = date,
            DateFrom = from,
            Sentence = sentence,
        };
    }

    /// <summary>Whether the infinitive at <paramref name="offset"/> is the verb's own ("told X to …": only an object between).</summary>
    private static bool Governs(List<Tok> toks, Found verb, int offset)
    {
        int words = 0;
        for (int t = verb.TokenEnd; t < toks.Count && toks[t].Span.Start < offset; t++)
        {
            words += toks[t].Word ? 1 : 0;
            if (toks[t].Lower is "that" or "," || words > 6)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What a stated intention is: to do something cooperative is AGREE (03), to use force or pressure or cut ties THREATEN (13); a refusal, demand or accusation stays itself.</summary>
    private static (string Type, string Cameo) IntentType(Event inner) => inner.Type switch
    {
        "RETREAT" when inner.Cameo == "16" => ("THREATEN", "13"),
        "AGREE" or "CONSULT" or "SUPPORT" or "COOPERATE" or "AID" or "CONCEDE" or "RETREAT" => ("AGREE", "03"),
        "PROTEST" or "SANCTION" or "MOBILIZE" or "COERCE" or "ASSAULT" or "THREATEN" => ("THREATEN", "13"),
        _ => (inner.Type, inner.Cameo),
    };

    /// <summary>The first content cue in tokens [from, to) (longest at a position); a negation right before a SUPPORT cue makes it REJECT, before another cue voids it.</summary>
    private Predicate? Cue(List<Tok> toks, int from, int to) => Cue(toks, from, to, out _);

    private Predicate? Cue(List<Tok> toks, int from, int to, out TextSpan at)
    {
        at = default;
        for (int i = from; i < to; i++)
        {
            if (!toks[i].Word || toks[i].Info.Cues is not { } options)
            {
                continue;
            }

            foreach (var (rest, entry) in options)
            {
                bool ok = i + rest.Length < to;
                for (int r = 0; ok && r < rest.Length; r++)
                {
                    ok = toks[i + 1 + r].Lower.Equals(rest[r], StringComparison.OrdinalIgnoreCase);
                }

                if (!ok)
                {
                    continue;
                }

                bool negated = false;
                for (int b = i - 1; b >= from && b >= i - 4; b--)
                {
                    negated |= toks[b].Is(WordClass.Negation) || toks[b].Lower.EndsWith("n't", StringComparison.Ordinal);
                }

                // "not in line with": a rejection; "no need to", "not unfair": no cue.
                if (!negated || entry.Type == "SUPPORT")
                {
                    at = new TextSpan(toks[i].Span.Start, toks[i + rest.Length].Span.End);
                    return negated ? new Predicate("REJECT", "12", null) : entry;
                }

                break;
            }
        }

        return null;
    }

    /// <summary>The first actor from <paramref name="offset"/> to <paramref name="end"/> that is not the speaker's side (places stand for their country).</summary>
    private string? ContentTarget(List<Mention> mentions, int offset, int end, string? speaker)
    {
        foreach (var m in mentions)
        {
            if (m.Span.Start >= offset && m.Span.End <= end && Other(MapPlace(m.ActorId!), speaker) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The types of acts done to someone: with no target in their clause they are aimed at the other party named just before.</summary>
    private static readonly HashSet<string> Directed = new(StringComparer.Ordinal)
    {
        "REQUEST", "SUPPORT", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "CONCEDE", "AID", "COERCE", "ASSAULT",
    };

    /// <summary>
    /// "Park sent congratulations." after a sentence on Trump, "The US proposed that …" after one on Seoul: an act done to
    /// someone whose clause names no target takes the other party of the sentence before (not the source's side).
    /// </summary>
    private void TargetsFromContext(Article article, List<Mention> sorted, List<Mention> inSentence, int si, List<Event> result, int first)
    {
        for (int k = first; k < result.Count; k++)
        {
            var e = result[k];
            if (e.TargetId is null && e.SourceId is not null && Directed.Contains(e.Type)
                && (EarlierParty(inSentence, e.Span.Start, e.SourceId) ?? PreviousParty(article, sorted, si, e.SourceId)) is { } other
                && !HasEvent(result, first, e.Type, e.SourceId, other))
            {
                result[k] = e with { TargetId = other, TargetCode = CameoCodes.Of(knowledge, other) };
            }
        }
    }

    /// <summary>"Seoul proposed a truce, which was not accepted by the US": an actor earlier in the sentence, outside the act's clause, not of the source's side.</summary>
    private string? EarlierParty(List<Mention> inSentence, int before, string source)
    {
        foreach (var m in inSentence)
        {
            if (m.ActorId is not null && m.Span.End <= before && Other(MapPlace(m.ActorId), source) is { } id
                && knowledge.Find(id)?.Kind != ActorKind.Place)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>
    /// The other party of a statement that names none ("Lee said it was premature"): the last actor of the
    /// sentence before that is not the speaker's side (a place with no country, "the Korean Peninsula", is none).
    /// </summary>
    private string? PreviousParty(Article article, List<Mention> sorted, int si, string? speaker)
    {
        if (si == 0 || speaker is null)
        {
            return null;
        }

        var span = article.Sentences[si - 1].Span;
        string? last = null;

        // The mentions are in text order: start at the first one of the sentence.
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            (lo, hi) = sorted[mid].Span.Start < span.Start ? (mid + 1, hi) : (lo, mid);
        }

        for (int i = lo; i < sorted.Count && sorted[i].Span.Start < span.End; i++)
        {
            var m = sorted[i];
            if (m.ActorId is not null && Within(span, m.Span) && Other(MapPlace(m.ActorId), speaker) is { } id && knowledge.Find(id)?.Kind != ActorKind.Place)
            {
                last = id;
            }
        }

        return last;
    }

    /// <summary>Whether a mention lies within the span.</summary>
    private static bool AnyWithin(List<Mention> mentions, TextSpan span)
    {
        foreach (var m in mentions)
        {
            if (Within(span, m.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the events from <paramref name="first"/> hold one of this type, source and target.</summary>
    private static bool HasEvent(List<Event> result, int first, string type, string? source, string? target)
    {
        for (int k = first; k < result.Count; k++)
        {
            var o = result[k];
            if (o.Type == type && o.SourceId == source && o.TargetId == target)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Within(TextSpan outer, TextSpan inner) => inner.Start >= outer.Start && inner.End <= outer.End;

    private string? Other(string? id, string? speaker) => id is null || (speaker is not null && SameSide(id, speaker)) ? null : id;

    /// <summary>The same actor, or two actors of one country (a minister and the country's government).</summary>
    private bool SameSide(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var ca = CameoCodes.Of(knowledge, a);
        var cb = CameoCodes.Of(knowledge, b);
        return ca is { Length: >= 3 } && cb is { Length: >= 3 } && ca.AsSpan(0, 3).SequenceEqual(cb.AsSpan(0, 3));
    }
}
