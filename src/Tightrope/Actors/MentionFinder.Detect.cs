using Tightrope.Knowledge;
using Tightrope.Knowledge.Transliteration;

namespace Tightrope.Actors;

/// <summary>Detection: one pass over the words of an article, each position tried against the detectors in order.</summary>
internal sealed partial class MentionFinder
{
    /// <summary>The state of one detection pass: the position, the spans found so far and the title cue in force.</summary>
    private sealed class Scan(List<Word> words, string text, DateOnly? date)
    {
        public readonly List<Word> Words = words;
        public readonly string Text = text;
        public readonly DateOnly? Date = date;
        public readonly List<Raw> Raws = new(words.Count / 8 + 4);
        public int I;

        /// <summary>A title just before a name ("President" in "President Yoon"), in force at word <see cref="CueEnd"/>.</summary>
        public RoleCue? Cue;
        public int CueEnd = -1;
        public string? CueCountry;
        public CueTime CueTime;

        public void Add(int first, int last, Pending how, AliasEntries? entries = null, string? surface = null) =>
            Raws.Add(new Raw { First = first, Last = last, How = how, Entries = entries, Surface = surface });

        public void AddFixed(int first, int last, string id, MentionKind kind = MentionKind.Name) =>
            Raws.Add(new Raw { First = first, Last = last, How = Pending.Fixed, FixedId = id, FixedKind = kind });

        /// <summary>A span that the cue before it, if any, applies to.</summary>
        public void AddCued(int first, int last, Pending how, BridgeMatch? bridge = null, bool lowerCase = false, string? surface = null) =>
            Raws.Add(new Raw { First = first, Last = last, How = how, Bridge = bridge, Cue = Cue, CueTime = CueTime, CountryHint = CueCountry, LowerCase = lowerCase, Surface = surface });
    }

    /// <summary>What is known at the current word: the longest alias there, the capitalised run and the word itself.</summary>
    private readonly record struct Here(int Len, AliasEntries? Entries, Word W, int CapLen)
    {
        public bool OnlyPartial => Entries is { AllPartial: true };
    }

    private List<Raw> Detect(List<Word> words, string text, DateOnly? date)
    {
        var s = new Scan(words, text, date);
        while (s.I < words.Count)
        {
            int i = s.I;
            if (s.Cue is not null && i != s.CueEnd)
            {
                s.Cue = null;
            }

            // A contraction ("I'm", "we'll") is no name nor title, whatever its letters spell ("Im").
            if (words[i].Contraction)
            {
                s.I++;
                continue;
            }

            var (len, entries) = _aliases.Longest(words, i);
            if (len > 1 && (OverlappedByLonger(words, i, len) || EndsInsideGivenName(words, i, len, entries!)))
            {
                // "The North Korean": a longer alias starts inside this one ("North Korean"); take that instead.
                (len, entries) = (0, null);
            }

            // A title: before a name it is a cue; alone it is a role-only mention. A longer alias wins ("General Security of ...").
            if (s.Cue is null && TryTitle(s, len))
            {
                continue;
            }

            var w = words[i];
            int capLen = w.Capitalized && !w.Info.Title && (!w.Info.Common || SurnameBeforeGivenName(words, i, text)) ? CapitalisedRun(words, i, text) : 0;
            var here = new Here(len, entries, w, capLen);
            if (TryNameRun(s, here) || TryCountryPhrase(s, here) || TryAlias(s, here) || TryCandidate(s, here))
            {
                continue;
            }

            s.I++;
        }

        return s.Raws;
    }

    /// <summary>A run of capitalised words the bridge reads as a person's name, or a surname followed by someone else's given names.</summary>
    private bool TryNameRun(Scan s, in Here h)
    {
        var words = s.Words;
        int i = s.I;
        if (h.CapLen >= 2 && (h.Len == 0 || (h.Len < h.CapLen && h.OnlyPartial) || (h.Len == 1 && h.OnlyPartial)) && TryBridgeRun(s, h.CapLen))
        {
            return true;
        }

        // A surname followed by lower-case syllables ("Park geun hye"): the bridge may still read it as one name.
        if (h.CapLen == 1 && (h.Len == 0 || h.OnlyPartial) && h.W.Info.BridgeSurname && TryLowerCaseTail(s) is { } taken)
        {
            s.I += taken;
            return true;
        }

        // A surname followed by more capitalised words the bridge cannot read is someone else's full name, when the
        // surname is written first (East Asian order) and a given name of one or two words follows ("Park Chan-wook";
        // not "Biden Visits", nor a headline "Yoon Vows Stronger Alliance As …").
        if (h.Len > 0 && h.OnlyPartial && h.CapLen > h.Len && h.CapLen - h.Len <= 2 + HyphenJoined(words, i + h.Len, i + h.CapLen)
            && SurnameFirst(h.Entries!) && LooksLikeName(words, i, h.CapLen)
            && !(words[i + h.Len].HyphenBefore && _aliases.Longest(words, i + h.Len).Length > 0))
        {
            s.AddCued(i, i + h.CapLen, Pending.Candidate);
            s.I += h.CapLen;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The words of the capitalised run before the first later word that starts a known name (not one joined by a
    /// hyphen); a known surname ends the run only when the words before it cannot be a given name ("Matthew Miller" is
    /// one name, "Vows Stronger Alliance As Biden" is not).
    /// </summary>
    private int RunBeforeAlias(List<Word> words, int i, int capLen)
    {
        for (int k = i + 1; k < i + capLen; k++)
        {
            if (words[k].HyphenBefore || words[k].Info.AliasRoot is null || _aliases.Longest(words, k) is not { Length: > 0 } alias)
            {
                continue;
            }

            if (!alias.Entries!.AllPartial || k - i > 2 || AnyCommonOrTitle(words, i, k))
            {
                return k - i;
            }
        }

        return capLen;
    }

    private static bool AnyCommonOrTitle(List<Word> words, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (words[k].Info.Common || words[k].Info.Title)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether someone of this surname writes it first (a Korean Kim, beside an American one).</summary>
    private static bool SurnameFirst(AliasEntries entries)
    {
        foreach (var a in entries.Actors)
        {
            if (a.Country is { } c && ActorLists.SurnameFirstCountries.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many of the words from <paramref name="from"/> to <paramref name="to"/> are joined to the word before by a hyphen.</summary>
    private static int HyphenJoined(List<Word> words, int from, int to)
    {
        int n = 0;
        for (int k = from; k < to; k++)
        {
            n += words[k].HyphenBefore ? 1 : 0;
        }

        return n;
    }

    /// <summary>An alias (name, acronym, demonym, metonym, surname): the leading article dropped, common nouns and joined countries sorted out.</summary>
    private bool TryAlias(Scan s, in Here h)
    {
        var words = s.Words;
        int i = s.I, len = h.Len;
        var w = h.W;
        if (len == 0)
        {
            return false;
        }

        var entries = h.Entries!;
        // A leading article is not part of the name ("the White House" → "White House").
        if (len > 1 && words[i].Norm == "the")
        {
            i++;
            len--;
        }

        // "a few trump cards": a lower-case word after a quantifier or an indefinite article is a common noun, not a surname.
        if (len == 1 && w.Shape == WordShape.Lower && i > 0 && ActorLists.Quantifiers.Contains(words[i - 1].Norm) && !w.SentenceStart && entries.AllPersons)
        {
            s.I = i + 1;
            return true;
        }

        // "the South Korea and the United States Missile Guidelines": two countries joined before the name of an
        // agreement or body between them belong to its name.
        if (JoinedCountriesBefore(s.Raws, words, i, entries) is { } joinedFirst)
        {
            s.Raws.RemoveRange(s.Raws.Count - 2, 2);
            s.Add(joinedFirst, i + len, Pending.Alias, entries, words[joinedFirst].Norm);
            s.I = i + len;
            return true;
        }

        // "US Democratic Party": a country named just before picks among same-named actors.
        s.Raws.Add(new Raw
        {
            First = i, Last = i + len, How = Pending.Alias, Entries = entries, Cue = s.Cue, CueTime = s.CueTime,
            CountryHint = s.CueCountry ?? CountryBefore(s.Raws, words, i) ?? (s.Cue is null ? CountryAfter(words, i + len) : null),
            LowerCase = w.Shape == WordShape.Lower, Surface = w.Norm,
        });
        s.I = i + len;
        return true;
    }

    /// <summary>An unknown name: a lower-case near-miss of a known surname, or a capitalised run that looks like a name.</summary>
    private bool TryCandidate(Scan s, in Here h)
    {
        var w = h.W;
        // A lower-case word one letter from a known surname ("tilerson"): kept only if it corefers or follows a title.
        if (h.Len == 0 && w.Shape == WordShape.Lower && !w.Info.Common && _lexicon.NearSurname(w.Info))
        {
            s.AddCued(s.I, s.I + 1, Pending.Candidate, lowerCase: true, surface: w.Norm);
            s.I++;
            return true;
        }

        // An unknown run ends before a known name inside it ("Vows Stronger Alliance As | Biden Visits | Seoul").
        int run = RunBeforeAlias(s.Words, s.I, h.CapLen);
        if (run > 0 && LooksLikeName(s.Words, s.I, run))
        {
            s.AddCued(s.I, s.I + run, Pending.Candidate);
            s.I += run;
            return true;
        }

        if (h.Len == 0 && h.CapLen == 0 && SurnameBesideSpeechVerb(s.Words, s.I))
        {
            s.Raws.Add(new Raw { First = s.I, Last = s.I + 1, How = Pending.Candidate, Cue = s.Cue, CueTime = s.CueTime, CountryHint = s.CueCountry, OnlyCoreference = true, Surface = w.Norm });
            s.I++;
            return true;
        }

        return false;
    }

    /// <summary>
    /// An English word that is also a romanised surname ("No", "So") is a surname only before a capitalised given name
    /// that is not a common word, in the middle of a sentence ("Minister No Kwang Chol", not "No Korean official") or
    /// at its start before a hyphen-joined given name ("So Jin-hee said").
    /// </summary>
    private static bool SurnameBeforeGivenName(List<Word> words, int i, string text)
    {
        var w = words[i];
        if (!w.Info.BridgeSurname || w.Shape != WordShape.Capitalized || i + 1 >= words.Count)
        {
            return false;
        }

        // At the start of a sentence only before the shape of an East Asian given name ("So Jin-hee said"), not
        // before any capitalised word ("So Seoul waited").
        var next = words[i + 1];
        if (w.SentenceStart && !(i + 2 < words.Count && words[i + 2].HyphenBefore && words[i + 2].Shape == WordShape.Lower))
        {
            return false;
        }

        return next.Shape == WordShape.Capitalized && !next.SentenceStart && !next.Info.Common && !next.Info.Title && OnlySpaceOrHyphen(text, w.End, next.Start);
    }

    /// <summary>
    /// A capitalised English word that is also a romanised surname, beside a reporting verb ("No said", "said So"): a
    /// candidate that only a person of that surname already named in the article resolves.
    /// </summary>
    private static bool SurnameBesideSpeechVerb(List<Word> words, int i)
    {
        var w = words[i];
        if (!w.Info.BridgeSurname || !w.Info.Common || w.Shape != WordShape.Capitalized)
        {
            return false;
        }

        bool after = i + 1 < words.Count && !words[i + 1].SentenceStart && words[i + 1].Shape == WordShape.Lower && ActorLists.SpeechVerbs.Contains(words[i + 1].Norm);
        bool before = i > 0 && !w.SentenceStart && words[i - 1].Shape == WordShape.Lower && ActorLists.SpeechVerbs.Contains(words[i - 1].Norm);
        return after || before;
    }

    /// <summary>
    /// A known person's name that ends where a hyphen-joined given name goes on ("Park Jin" of "Park Jin-young"):
    /// someone else, whose name the run as a whole is; a compound adjective after the hyphen ("Park Jin-led") is not a
    /// given name, nor is another name ("Joe Biden-Kim Jong Un summit").
    /// </summary>
    private bool EndsInsideGivenName(List<Word> words, int i, int len, AliasEntries entries)
    {
        int end = i + len;
        if (!entries.AllPersons || entries.AllPartial || end >= words.Count || words[end - 1].HyphenBefore || !words[end].HyphenBefore)
        {
            return false;
        }

        var next = words[end];
        return next.Shape is WordShape.Lower or WordShape.Capitalized && !ActorLists.CompoundSuffixes.Contains(next.Norm)
            && _aliases.Longest(words, end).Length == 0;
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
    private int CapitalisedRun(List<Word> words, int i, string text)
    {
        int j = i + 1;
        while (j < words.Count && !words[j].SentenceStart && !words[j - 1].Possessive && OnlySpaceOrHyphen(text, words[j - 1].End, words[j].Start)
               && (words[j].Capitalized || (words[j].HyphenBefore && words[j].Shape == WordShape.Lower)) && !words[j].Info.Title)
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

    private bool LooksLikeName(List<Word> words, int i, int len)
    {
        var w = words[i];
        if (len == 1)
        {
            return w.Norm.Length >= 2 && !w.Info.Common && !w.Info.Title && w.Shape != WordShape.Other;
        }

        // A multi-word run must not be a heading of common words.
        int common = 0;
        for (int k = i; k < i + len; k++)
        {
            if (words[k].Info.Common || words[k].Info.Title)
            {
                common++;
            }
        }

        return common * 2 < len;
    }
}
