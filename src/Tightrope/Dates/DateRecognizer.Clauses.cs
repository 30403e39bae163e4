using System.Globalization;
using System.Text.RegularExpressions;
using Tightrope.Model;

namespace Tightrope.Dates;

/// <summary>The tense of a date's sentence and the clause before it: whether the date lies ahead of the writing or says nothing of it.</summary>
internal sealed partial class DateRecognizer
{
    /// <summary>Whether the sentence speaks of the future ("will", "plans to"), and whether only as "would".</summary>
    internal (bool Future, bool Hedged) Tense(string text, TextSpan span)
    {
        var s = span.Slice(text);
        bool hedged = false, beforeTo = false;
        int i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && !char.IsLetter(s[i]) && s[i] != '\'')
            {
                i++;
            }

            int start = i;
            while (i < s.Length && (char.IsLetter(s[i]) || s[i] == '\''))
            {
                i++;
            }

            if (i > start)
            {
                var word = s[start..i];
                if (beforeTo && word.Equals("to", StringComparison.OrdinalIgnoreCase))
                {
                    return (true, false);
                }

                int apostrophe = word.IndexOf('\'');
                byte kind = Grammar.TenseWord(word);
                if (((kind & DateGrammar.FutureWord) != 0 && !NotFuturePhraseAt(s, start))
                    || (apostrophe > 0 && (Grammar.TenseWord(word[apostrophe..]) & DateGrammar.FutureWord) != 0))
                {
                    return (true, false);
                }

                beforeTo = (kind & DateGrammar.FutureBeforeToWord) != 0;
                hedged |= (kind & DateGrammar.HedgedWord) != 0;
            }
        }

        return (hedged, hedged);
    }

    /// <summary>Whether a phrase of <see cref="DateGrammar.NotFuturePhrases"/> ("next to") starts at <paramref name="at"/>, as whole words.</summary>
    private bool NotFuturePhraseAt(ReadOnlySpan<char> s, int at)
    {
        foreach (var phrase in Grammar.NotFuturePhrases.Words)
        {
            int end = at + phrase.Length;
            if (end <= s.Length && s.Slice(at, phrase.Length).Equals(phrase, StringComparison.OrdinalIgnoreCase) && (end == s.Length || !char.IsLetter(s[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that end a clause for <see cref="Target"/>: a target verb before one of them governs another clause.</summary>
    private static readonly string[] ClauseBreaks = [";", ":", " but ", " while ", " which ", " who ", " after ", " before ", " when "];

    /// <summary>
    /// The tense of one expression where its place in the clause overrides the sentence's: a date a target verb moves
    /// the event to ("delayed the transfer to December 2015") lies ahead of the writing (future); one it moves the
    /// event from, one a target noun follows ("the 2015 date") and one after a counterfactual plan ("was to have
    /// taken place on") tell nothing of when the article was written (hedged).
    /// </summary>
    private (bool Future, bool Hedged) Target(string text, int sentenceStart, Match m, bool future, bool hedged, bool? counterfactual)
    {
        if (FollowedByTargetNoun(text, m.Index + m.Length))
        {
            return (true, true);
        }

        var clause = text.AsSpan(sentenceStart, m.Index - sentenceStart);
        if (!MayBeTarget(clause, counterfactual))
        {
            return (future, hedged);
        }

        foreach (var stop in ClauseBreaks)
        {
            int at = clause.LastIndexOf(stop, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                clause = clause[(at + stop.Length)..];
            }
        }

        foreach (var phrase in Grammar.CounterfactualMarkers.Words)
        {
            if (ContainsWords(clause, phrase))
            {
                return (true, true);
            }
        }

        var before = LastWord(clause, out var rest);
        if (before.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            before = LastWord(rest, out rest);
        }

        bool to = Grammar.TargetPrepositions.Contains(before);
        bool from = before.Equals("from", StringComparison.OrdinalIgnoreCase);
        if ((!to && !from) || !HasTargetVerb(rest))
        {
            return (future, hedged);
        }

        return from ? (true, true) : (true, hedged);
    }

    /// <summary>
    /// Whether the text from the sentence's start to the date may make it a target or a counterfactual date: it holds
    /// a counterfactual phrase, or its last word (after "the") is "from" or a target preposition. The clause
    /// <see cref="Target"/> reads is a suffix of it that starts after a clause break (a space, ";" or ":"), so its
    /// phrases are phrases of it and its last word that word or none: when this is false, so is every test there, and
    /// the clause breaks need not be searched.
    /// </summary>
    private bool MayBeTarget(ReadOnlySpan<char> full, bool? counterfactual)
    {
        if (counterfactual ?? HasCounterfactual(full))
        {
            return true;
        }

        var before = LastWord(full, out var rest);
        if (before.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            before = LastWord(rest, out _);
        }

        return before.IsEmpty || Grammar.TargetPrepositions.Contains(before) || before.Equals("from", StringComparison.OrdinalIgnoreCase);
    }

    private bool HasCounterfactual(ReadOnlySpan<char> span)
    {
        foreach (var phrase in Grammar.CounterfactualMarkers.Words)
        {
            if (ContainsWords(span, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the first counterfactual phrase of the sentence ends (the least end of a phrase's first occurrence as
    /// whole words), or <see cref="int.MaxValue"/>. A prefix of the sentence that ends before a date holds a phrase
    /// as whole words exactly when one ends by the date's start: a phrase ends in a letter, and a date does not start
    /// right after one.
    /// </summary>
    private int CounterfactualEnd(string text, TextSpan span)
    {
        var s = text.AsSpan(span.Start, span.Length);
        int least = int.MaxValue;
        foreach (var phrase in Grammar.CounterfactualMarkers.Words)
        {
            if (WordsAt(s, phrase) is int at && span.Start + at + phrase.Length < least)
            {
                least = span.Start + at + phrase.Length;
            }
        }

        return least;
    }

    private bool HasTargetVerb(ReadOnlySpan<char> clause)
    {
        foreach (var range in clause.SplitAny(" ,\n\t\"“”()"))
        {
            var word = clause[range];
            if (word.Length > 0 && Grammar.TargetVerbs.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private bool FollowedByTargetNoun(string text, int end)
    {
        int i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        int start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '-'))
        {
            i++;
        }

        return i > start && Grammar.TargetNouns.Contains(text.AsSpan(start, i - start));
    }

    /// <summary>The last word of <paramref name="span"/> (letters only) and what stands before it.</summary>
    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> span, out ReadOnlySpan<char> rest)
    {
        int end = span.Length;
        while (end > 0 && !char.IsLetter(span[end - 1]))
        {
            end--;
        }

        int start = end;
        while (start > 0 && char.IsLetter(span[start - 1]))
        {
            start--;
        }

        rest = span[..start];
        return span[start..end];
    }

    /// <summary>Whether <paramref name="span"/> holds <paramref name="phrase"/> as whole words, ignoring case.</summary>
    private static bool ContainsWords(ReadOnlySpan<char> span, string phrase) => WordsAt(span, phrase) is not null;

    /// <summary>Where <paramref name="phrase"/> first occurs in <paramref name="span"/> as whole words, ignoring case.</summary>
    private static int? WordsAt(ReadOnlySpan<char> span, string phrase)
    {
        int from = 0;
        while (from < span.Length)
        {
            int at = span[from..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            at += from;
            int end = at + phrase.Length;
            if ((at == 0 || !char.IsLetter(span[at - 1])) && (end == span.Length || !char.IsLetter(span[end])))
            {
                return at;
            }

            from = at + 1;
        }

        return null;
    }
}
