using Tightrope.Knowledge;

namespace Tightrope.Events;

/// <summary>
/// Modality that reaches into a clause from outside it: a "that" complement under a negation or a speculation ("there
/// is no sign that X attacked", "denied that it attacked", "it is possible that …"), a "that" complement of a request
/// or a threat ("proposed that Seoul hold talks": proposed), and a conditional opened by inversion ("Had Japan
/// sanctioned the North, …"). None of them is a fact.
/// </summary>
internal sealed partial class EventExtractor
{
    private static readonly WordList CertaintyWords = LanguageData.English["events-certainty-words"];

    private static readonly WordList InvertedConditionals = LanguageData.English["events-inverted-conditionals"];

    private static readonly WordList AttitudeWords = LanguageData.English["events-attitude-words"];

    /// <summary>
    /// The negation or speculation of the clause that governs a "that" complement, for a predicate of the complement
    /// (<paramref name="clauseStart"/> right after "that"); a negation of a certainty noun ("no doubt that") asserts, and
    /// a belief ("believe that", <c>events-attitude-words</c>) is reported like speech.
    /// Only negation and speculation carry: "said that", "announced that" leave the complement as it is.
    /// </summary>
    private static Modality Complement(List<Tok> toks, int clauseStart)
    {
        if (clauseStart < 2 || toks[clauseStart - 1].Lower != "that")
        {
            return Modality.Asserted;
        }

        int end = clauseStart - 1, start = 0;
        for (int k = end - 1; k >= 0; k--)
        {
            if (toks[k].Is(WordClass.ClauseStop))
            {
                start = k + 1;
                break;
            }
        }

        var best = Modality.Asserted;
        for (int k = start; k < end; k++)
        {
            if (toks[k].Info.Modal is not { } options || (toks[k].Upper && k > 0 && toks[k].Is(WordClass.Month)))
            {
                continue;
            }

            foreach (var (rest, m) in options)
            {
                if (m is not (Modality.Negated or Modality.Hypothetical) || !Follows(toks, k + 1, end, rest) || (m == Modality.Hypothetical && AttitudeWords.Contains(toks[k].Lower)))
                {
                    continue;
                }

                if (m == Modality.Negated && k + 1 + rest.Length < end && CertaintyWords.Contains(toks[k + 1 + rest.Length].Lower))
                {
                    break;
                }

                best = Stronger(best, m);
                break;
            }
        }

        return best;
    }

    /// <summary>Whether the words of <paramref name="rest"/> follow from token <paramref name="from"/>, before <paramref name="end"/>.</summary>
    private static bool Follows(List<Tok> toks, int from, int end, string[] rest)
    {
        for (int r = 0; r < rest.Length; r++)
        {
            if (from + r >= end || toks[from + r].Lower != rest[r])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Had Japan sanctioned North Korea, the talks would have collapsed": a predicate of the first clause of a sentence opened by an inverted auxiliary is hypothetical.</summary>
    private static Modality Inverted(List<Tok> toks, int pred, bool question)
    {
        if (question || toks.Count < 3 || !toks[0].Word || !InvertedConditionals.Contains(toks[0].Lower) || !toks[1].Upper)
        {
            return Modality.Asserted;
        }

        for (int k = 1; k < pred; k++)
        {
            if (toks[k].Lower == "," || toks[k].Is(WordClass.ClauseStop))
            {
                return Modality.Asserted;
            }
        }

        // The clause must end in a comma: "Had talks with Seoul." is no condition.
        for (int k = pred; k < toks.Count; k++)
        {
            if (toks[k].Lower == ",")
            {
                return Modality.Hypothetical;
            }
        }

        return Modality.Asserted;
    }

    /// <summary>
    /// "Japan proposed that Seoul hold talks", "threatened that it would strike": a predicate of the "that" complement
    /// right after a request or a threat is what is asked or threatened.
    /// </summary>
    private static Modality ThatGoverned(List<Tok> toks, List<Found> found, int fi, int clauseStart)
    {
        if (fi == 0 || clauseStart < 1 || toks[clauseStart - 1].Lower != "that" || found[fi - 1].TokenEnd != clauseStart - 1)
        {
            return Modality.Asserted;
        }

        return found[fi - 1].Entry.Type switch
        {
            "REQUEST" => Modality.Proposed,
            "THREATEN" => Modality.Threatened,
            _ => Modality.Asserted,
        };
    }
}
