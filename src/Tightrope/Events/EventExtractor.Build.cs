using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Events;

/// <summary>
/// Building events from a predicate found in a sentence: the subject (a mention, a role noun, a pronoun back to the
/// last actors), the target, the modality, and whether the act names an event noun.
/// </summary>
internal sealed partial class EventExtractor
{
    private static readonly WordList RoleNouns = LanguageData.English["events-role-nouns"];

    /// <summary>
    /// A subject that is a role noun with its determiner right before the predicate ("the senior official said", "the
    /// officials also said"): the actor of the last mention the article put right before that noun (or its singular or
    /// plural) — "a senior Foreign Ministry official" … "the official" — else "" (nobody named); null when the words
    /// before the predicate are no such phrase or the role noun follows its own mention.
    /// </summary>
    private static string? RoleSubject(Article article, List<Tok> toks, int pred, List<Mention> before)
    {
        int k = pred - 1;
        while (k >= 0 && toks[k].Lower is "also" or "further" or "later" or "then" or "had" or "has" or "have")
        {
            k--;
        }

        if (k < 1 || !toks[k].Is(WordClass.RoleNoun))
        {
            return null;
        }

        int noun = k;
        k--;
        while (k >= 0 && toks[k].Word && !toks[k].Upper && !toks[k].Is(WordClass.Determiner) && k > noun - 3)
        {
            k--;
        }

        if (k < 0 || !toks[k].Is(WordClass.Determiner) || toks[k].Lower != "the")
        {
            return null;
        }

        if (before.Count > 0 && before[^1].Span.End > toks[k].Span.Start)
        {
            return null;
        }

        var w = toks[noun].Lower;
        string singular = w.EndsWith('s') ? w[..^1] : w, plural = w.EndsWith('s') ? w : w + "s";
        var text = article.Text;
        var mentions = article.Mentions;
        for (int i = mentions.Count - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.ActorId is null || m.Span.End > toks[k].Span.Start)
            {
                continue;
            }

            var (at, end) = WordAfter(text, m.Span.End);

            var next = text.AsSpan(at, end - at);
            if (at > m.Span.End && at - m.Span.End <= 2 && (next.Equals(singular, StringComparison.OrdinalIgnoreCase) || next.Equals(plural, StringComparison.OrdinalIgnoreCase)))
            {
                return m.ActorId;
            }
        }

        return "";
    }

    /// <summary>The actors of a pronoun subject between the mention and the predicate, if there is one (else null).</summary>
    private List<string>? PronounAfterMention(Article article, List<Tok> toks, Mention last, int pred, int predOffset, List<Mention> objects)
    {
        int from = pred;
        bool any = false;
        while (from > 0 && toks[from - 1].Span.Start >= last.Span.End && from > pred - 4)
        {
            from--;
            any |= toks[from].Lower is "he" or "she" or "they" or "it" or "leaders" or "sides" or "countries" or "nations" or "governments" or "allies";
        }

        return any ? [.. Pronoun(article, toks, from, pred, predOffset, objects)] : null;
    }

    /// <summary>Whether the mention stands right before an earlier event noun of the sentence, as its modifier ("the Hanoi meeting").</summary>
    private bool NamesEventNoun(List<Tok> toks, List<Found> found, int fi, Mention m)
    {
        for (int p = 0; p < fi; p++)
        {
            var g = found[p];
            if (g.TokenStart > 0 && toks[g.TokenStart - 1].Span.End == m.Span.End && toks[g.TokenStart - 1].Upper
                && toks[g.TokenStart - 1].Span.End + 1 >= toks[g.TokenStart].Span.Start && IsNounUse(toks, g))
            {
                return true;
            }
        }

        return false;
    }

    private List<(Event Event, bool Passive)> Build(Article article, int si, TextSpan sentence, List<Tok> toks, List<Found> found, int fi, List<Mention> mentions, bool question, List<string>?[] subjectsOf, bool requireActor)
    {
        var scratch = t_scratch ??= new Scratch();
        var built = scratch.Built;
        built.Clear();
        var f = found[fi];
        var predSpan = new TextSpan(toks[f.TokenStart].Span.Start, toks[f.TokenEnd - 1].Span.End);

        // The clause before the predicate: back to a clause stop or the previous predicate.
        int clauseStart = 0;
        for (int k = f.TokenStart - 1; k >= 0; k--)
        {
            if (toks[k].Is(WordClass.ClauseStop))
            {
                clauseStart = k + 1;
                break;
            }
        }

        int clauseEnd = toks.Count;
        for (int k = f.TokenEnd; k < toks.Count; k++)
        {
            // ", and even the US …": a comma and a conjunction start another clause, whose actors are not this act's.
            bool nextClause = toks[k].Lower == "," && k + 1 < toks.Count && toks[k + 1].Lower is "and" or "but" or "while" or "yet" or "so" or "whereas";
            if (toks[k].Is(WordClass.ClauseStop) || nextClause || (fi + 1 < found.Count && k >= found[fi + 1].TokenStart))
            {
                clauseEnd = k;
                break;
            }
        }

        int clauseStartOffset = toks.Count > 0 && clauseStart < toks.Count ? toks[clauseStart].Span.Start : sentence.Start;
        int clauseEndOffset = clauseEnd < toks.Count ? toks[clauseEnd].Span.Start : sentence.End;

        // After a reporting verb ("said it would impose tariffs") "would" is the reported "will", not speculation.
        bool reported = false;
        for (int p = 0; p < fi && !reported && f.Entry.Type != EventLexicon.Speech; p++)
        {
            reported = found[p].Entry.Type == EventLexicon.Speech;
        }

        var modality = ModalityOf(toks, clauseStart, f.TokenStart, question, reported);
        modality = Stronger(modality, ThatGoverned(toks, found, fi, clauseStart));
        bool governed = fi > 0 && f.TokenStart > 0 && toks[f.TokenStart - 1].Lower == "to";
        var governor = governed ? found[fi - 1] : default;
        if (governed)
        {
            if (modality == Modality.Asserted)
            {
                modality = governor.Entry.Type switch
                {
                    "REQUEST" or EventLexicon.Speech => Modality.Proposed,
                    "THREATEN" => Modality.Threatened,
                    "REJECT" => Modality.Negated,
                    "AGREE" => Modality.Planned,
                    _ => Modality.Asserted,
                };
            }
        }

        bool passive = f.TokenStart > 0 && toks[f.TokenStart].Is(WordClass.Participle)
            && (toks[f.TokenStart - 1].Is(WordClass.Be) || (f.TokenStart > 1 && toks[f.TokenStart - 2].Is(WordClass.Be)));

        // An infinitive after another predicate ("crossed into North Korea to drop leaflets", "went to Pyongyang to meet
        // Kim") has that predicate's subject, not its object; a request's object is the one asked ("urged X to").
        int subjectLimit = predSpan.Start;
        bool asks = governed && governor.Entry.Type is "REQUEST" or EventLexicon.Speech;
        if (governed && !asks)
        {
            subjectLimit = toks[governor.TokenStart].Span.Start;
        }

        // "the Panmunjom meeting ended …", "the Singapore summit": a mention right before an event noun names it, it is no subject.
        // Loops, not Where(lambda).ToList(): a closure, a delegate and an iterator for every predicate otherwise.
        var before = scratch.Before;
        var after = scratch.After;
        before.Clear();
        after.Clear();
        foreach (var m in mentions)
        {
            if (m.Span.End <= subjectLimit && m.Span.Start >= clauseStartOffset && !NamesEventNoun(toks, found, fi, m))
            {
                before.Add(m);
            }

            if (m.Span.Start >= predSpan.End && m.Span.End <= clauseEndOffset)
            {
                after.Add(m);
            }
        }
        bool noun = IsNounUse(toks, f) && !AfterLightVerb(toks, f.TokenStart);
        if (ModifiesHead(toks, f))
        {
            return built;
        }

        string? location = null;
        var objects = scratch.Objects;
        objects.Clear();
        foreach (var m in after)
        {
            var prev = PrevWord(toks, m.Span.Start);
            if (prev is not null && Locative.Contains(prev) && IsPlace(m))
            {
                location ??= m.Text;
                continue;
            }

            // "an agreement on the SMA", "talks about North Korea": the topic, not the target.
            if (prev is not null && TopicPrepositions.Contains(prev))
            {
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

        var subjects = scratch.Subjects;
        subjects.Clear();
        var apposed = noun ? null : Apposed(article.Text, toks, clauseStart, f.TokenStart, before);
        var andThen = noun ? null : SharedSubject(toks, clauseStart, f.TokenStart, fi, found, subjectsOf);
        if (noun)
        {
            subjects.AddRange(NounActors(article.Text, toks, predSpan, mentions, after));
        }
        else if (andThen is not null)
        {
            subjects.AddRange(andThen);
        }
        else if (apposed is not null)
        {
            subjects.Add(apposed.ActorId!);
        }
        else if (!noun && RoleSubject(article, toks, f.TokenStart, before) is { } role)
        {
            // "Regarding the talks with Japan, the senior official said": the role noun is the subject, not Japan.
            if (role.Length > 0)
            {
                subjects.Add(role);
            }
        }
        else if (before.Count > 0 && PronounAfterMention(article, toks, before[^1], f.TokenStart, predSpan.Start, objects) is { Count: > 0 } pronounSubjects)
        {
            // "X praised Y, and a month later he met with Y": a pronoun subject after the clause's last mention is the subject.
            subjects.AddRange(pronounSubjects);
        }
        else if (before.Count > 0)
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

            // "he and the US government restarted the exercise": the pronoun is the first subject.
            int firstSubject = -1;
            for (int b = 0; b < before.Count && firstSubject < 0; b++)
            {
                firstSubject = before[b].ActorId == subjects[0] ? b : -1;
            }

            if (firstSubject >= 0 && PronounBefore(article.Text, before[firstSubject].Span.Start) is { } pronounAt)
            {
                int pk = -1;
                for (int t = 0; t < toks.Count && pk < 0; t++)
                {
                    pk = toks[t].Span.Start == pronounAt ? t : -1;
                }

                if (pk >= 0)
                {
                    subjects.InsertRange(0, Pronoun(article, toks, pk, pk + 1, pronounAt).Take(1));
                }
            }
        }
        else
        {
            subjects.AddRange(Pronoun(article, toks, clauseStart, f.TokenStart, predSpan.Start, objects));
        }

        subjectsOf[fi] = null;
        if (subjects.Count > 0)
        {
            // A copy for the later predicates of the sentence, in the thread's list for this predicate (no new list per predicate).
            while (scratch.SubjectPool.Count <= fi)
            {
                scratch.SubjectPool.Add([]);
            }

            var kept = scratch.SubjectPool[fi];
            kept.Clear();
            kept.AddRange(subjects);
            subjectsOf[fi] = kept;
        }

        if (asks && objects.Count == 0 && before.Count > 0)
        {
            // "urged X to …": X, the governor's object, is the one asked to act.
            var asked = before[^1].ActorId!;
            subjects.Clear();
            subjects.Add(asked);
        }

        string? source = subjects.Count > 0 ? subjects[0] : null;
        var targets = scratch.Targets;
        targets.Clear();
        foreach (var o in objects)
        {
            targets.Add(Country(o));
        }
        if (passive)
        {
            Mention? agent = null;
            foreach (var m in after)
            {
                if (PrevWord(toks, m.Span.Start) == "by")
                {
                    agent = m;
                    break;
                }
            }

            if (agent is not null)
            {
                targets.Clear();
                if (source is not null)
                {
                    targets.Add(source);
                }

                source = Country(agent);
            }
            else if (!noun && source is not null)
            {
                // "Trump was shot": the subject of a passive with no "by" phrase is its target; its source is not named.
                targets.Clear();
                targets.Add(source);
                source = null;
            }
        }

        if (!passive && subjects.Count > 1 && Reciprocal.Contains(f.Entry.Type))
        {
            // "South Korea and the United States reached an agreement (on X)": the second subject is the other party.
            var other = subjects[1];
            targets.Clear();
            targets.Add(other);
        }

        if (targets.Count == 0)
        {
            targets.Add(null);
        }

        if (noun && subjects.Count == 0 && requireActor)
        {
            return built;
        }

        source = source is null ? null : MapPlace(source);
        for (int t = 0; t < targets.Count; t++)
        {
            targets[t] = OtherParty(source, targets[t]);
        }

        // An event with no actor is dropped where actors are required (a passive's named target counts as one): not built at all.
        if (requireActor && source is null && !(passive && targets.Exists(t => t is not null)))
        {
            return built;
        }

        var (date, from) = dater.Date(article, si, predSpan);
        // PLOVER codes a stated intention as its own event: to do something cooperative is AGREE (CAMEO 03), to use
        // force or pressure is THREATEN (CAMEO 13) — "Japan will send aid" is also an AGREE, "X plans to attack" a THREATEN.
        string? intent = modality != Modality.Planned || noun || reported || !StatesIntent(toks, clauseStart, f.TokenStart) ? null : f.Entry.Type switch
        {
            "AGREE" or "CONSULT" or "SUPPORT" or "COOPERATE" or "AID" or "CONCEDE" or "RETREAT" => "AGREE",
            "PROTEST" or "SANCTION" or "MOBILIZE" or "COERCE" or "ASSAULT" => "THREATEN",
            _ => null,
        };

        // "did not accept", "have not been recognized by the US": withholding agreement or support is PLOVER's REJECT (CAMEO 12), asserted.
        if (intent is null && modality == Modality.Negated && !noun && f.Entry.Type is "AGREE" or "SUPPORT" or "CONCEDE")
        {
            intent = "REJECT";
        }

        foreach (var target in targets)
        {
            if (intent is not null && !(intent == "AGREE" && f.Entry.Type == "AGREE"))
            {
                built.Add((new Event
                {
                    Span = predSpan,
                    Text = article[predSpan],
                    Type = intent,
                    Cameo = intent switch { "AGREE" => "03", "REJECT" => "12", _ => "13" },
                    SourceId = source,
                    SourceCode = CameoCodes.Of(knowledge, source),
                    TargetId = target,
                    TargetCode = CameoCodes.Of(knowledge, target),
                    Modality = Modality.Asserted,
                    Date = date,
                    DateFrom = from,
                    Location = location,
                    Sentence = sentence,
                }, passive && source is null));
            }

            built.Add((new Event
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
            }, passive && source is null));
        }

        return built;
    }
}
