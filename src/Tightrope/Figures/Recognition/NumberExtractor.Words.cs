using Tightrope.Model;

namespace Tightrope.Figures.Recognition;

/// <summary>Spelled-out numbers: "twenty-eight thousand five hundred", "one and a half", "two-thirds", "dozens of".</summary>
internal static partial class NumberExtractor
{
    /// <summary>The state of a spelled-out number while its words are read one by one.</summary>
    private struct WordsState
    {
        public double Total;
        public double Current;
        public double DecimalScale;
        public int End;
        public WordClass? Last;
        /// <summary>A number word (not only "a", "an", "and") has been read.</summary>
        public bool Any;
        public bool IsFraction;
        public bool Vague;
        public bool Negative;
        public bool Multiplier;
        /// <summary>"and" was read and wants a number word after it.</summary>
        public bool PendingAnd;
        /// <summary>"a"/"an" was read and wants hundred, dozen, half, a denominator or a scale after it.</summary>
        public bool PendingArticle;
        public bool AfterPoint;
    }

    /// <summary>What one word did to the number being read.</summary>
    private enum WordStep : byte
    {
        /// <summary>The word is not part of the number: stop before it.</summary>
        Reject,
        /// <summary>The word joins the number.</summary>
        Accept,
        /// <summary>The word and the ones it took along joined the number; the scan goes on at the position given.</summary>
        Consumed,
    }

    private static int ParseWords(string text, int start, List<NumberMatch> output)
    {
        var s = text.AsSpan();
        var st = new WordsState { End = start, DecimalScale = 0.1 };
        int i = start;
        while (true)
        {
            int w = WordEnd(s, i);
            if (w == i)
            {
                break;
            }

            var word = s[i..w];
            if (!NumberWords.MayBeWord(word))
            {
                break;
            }

            // "minus five", "negative one".
            if (!st.Any && NumberWords.Signs.Contains(word))
            {
                st.Negative = true;
                i = NextWordStart(s, w);
                if (i < 0)
                {
                    break;
                }

                continue;
            }

            if (!NumberWords.Lookup.TryGetValue(word, out var nw))
            {
                break;
            }

            var step = Read(s, ref st, nw, ref w);
            if (step == WordStep.Reject)
            {
                break;
            }

            if (step == WordStep.Consumed)
            {
                // w is where the scan goes on (-1: the number ends here).
                if (w < 0)
                {
                    break;
                }

                i = w;
                continue;
            }

            Accepted(ref st, nw, w);
            if (st.Multiplier || st.Vague)
            {
                break;
            }

            int next = NextWordStart(s, w);
            if (next < 0)
            {
                break;
            }

            i = next;
        }

        return Emit(s, start, in st, output);
    }

    /// <summary>After a word joined: what the next word may be.</summary>
    private static void Accepted(ref WordsState st, NumberWord nw, int w)
    {
        if (nw.Class is WordClass.And or WordClass.Article)
        {
            return;
        }

        st.Any = true;
        st.PendingAnd = false;
        if (nw.Class != WordClass.Point)
        {
            st.End = w;
        }

        if (!st.AfterPoint || nw.Class == WordClass.Point)
        {
            st.Last = nw.Class;
        }
    }

    /// <summary>One number word (ending at <paramref name="w"/>, which a word may move past what it takes along).</summary>
    private static WordStep Read(ReadOnlySpan<char> s, ref WordsState st, NumberWord nw, ref int w)
    {
        if (st.AfterPoint && nw.Class is WordClass.Unit or WordClass.Teen or WordClass.Tens)
        {
            return DecimalDigit(s, ref st, nw, ref w);
        }

        bool ok = nw.Class switch
        {
            WordClass.Article => ReadArticle(ref st),
            WordClass.And => ReadAnd(ref st),
            WordClass.Point => ReadPoint(ref st),
            WordClass.Unit => ReadUnit(ref st, nw),
            WordClass.Teen or WordClass.Tens => ReadTeenOrTens(ref st, nw),
            WordClass.Hundred => ReadHundred(ref st),
            WordClass.Scale => ReadScale(ref st, nw),
            WordClass.Dozen => ReadDozen(s, ref st, nw, w),
            WordClass.Plural => ReadPlural(s, ref st, nw, w),
            WordClass.Half => ReadHalf(s, ref st, ref w),
            WordClass.Denominator => ReadDenominator(ref st, nw),
            WordClass.Multiplier => ReadMultiplier(ref st, nw),
            _ => true,
        };
        return ok ? WordStep.Accept : WordStep.Reject;
    }

    private static bool ReadArticle(ref WordsState st)
    {
        if (st.PendingArticle || (st.Any && !st.PendingAnd))
        {
            return false;
        }

        st.PendingArticle = true;
        return true;
    }

    private static bool ReadAnd(ref WordsState st)
    {
        if (!st.Any || st.PendingAnd)
        {
            return false;
        }

        st.PendingAnd = true;
        return true;
    }

    private static bool ReadPoint(ref WordsState st)
    {
        if (!st.Any || st.AfterPoint || st.PendingAnd || st.IsFraction)
        {
            return false;
        }

        st.AfterPoint = true;
        st.Last = WordClass.Point;
        return true;
    }

    /// <summary>A digit word after "point": "point five", "point seventy-one" (two decimal digits).</summary>
    private static WordStep DecimalDigit(ReadOnlySpan<char> s, ref WordsState st, NumberWord nw, ref int w)
    {
        if (nw.Class == WordClass.Tens && w + 1 < s.Length && (s[w] == '-' || s[w] == ' ') && NextIsUnit(s, w))
        {
            int u = NextWordStart(s, w);
            int uw = WordEnd(s, u);
            NumberWords.Lookup.TryGetValue(s[u..uw], out var unit);
            double two = nw.Value + unit.Value;
            st.Total += two * st.DecimalScale * 0.1;
            st.DecimalScale *= 0.01;
            st.End = uw;
            st.Any = true;
            w = NextWordStart(s, uw);
            return WordStep.Consumed;
        }

        double dv = nw.Value;
        st.Total += dv < 10 ? dv * st.DecimalScale : dv * st.DecimalScale * 0.1;
        st.DecimalScale *= dv < 10 ? 0.1 : 0.01;
        return WordStep.Accept;
    }

    private static bool ReadUnit(ref WordsState st, NumberWord nw)
    {
        if (st.PendingArticle || st.Last is WordClass.Unit or WordClass.Teen || (st.Last == WordClass.Tens && st.Current % 10 != 0) || st.IsFraction)
        {
            return false;
        }

        if (st.PendingAnd && st.Last is WordClass.Unit or WordClass.Teen or WordClass.Tens && st.Current < 100 && st.Total == 0)
        {
            return false;
        }

        st.Current += nw.Value;
        return true;
    }

    private static bool ReadTeenOrTens(ref WordsState st, NumberWord nw)
    {
        if (st.PendingArticle || st.Last is WordClass.Unit or WordClass.Teen or WordClass.Tens || st.IsFraction)
        {
            return false;
        }

        st.Current += nw.Value;
        return true;
    }

    private static bool ReadHundred(ref WordsState st)
    {
        if (st.IsFraction || st.Last == WordClass.Hundred)
        {
            return false;
        }

        st.Current = (st.Current == 0 ? 1 : st.Current) * 100;
        st.PendingArticle = false;
        return true;
    }

    private static bool ReadScale(ref WordsState st, NumberWord nw)
    {
        if ((st.IsFraction && st.Last != WordClass.Half && st.Last != WordClass.Denominator) || (st.Last == WordClass.Scale && st.Current == 0))
        {
            return false;
        }

        if (!st.Any && !st.PendingArticle)
        {
            return false;
        }

        st.Total += (st.Current == 0 ? 1 : st.Current) * nw.Value;
        st.Current = 0;
        st.PendingArticle = false;
        st.IsFraction = false;
        return true;
    }

    private static bool ReadDozen(ReadOnlySpan<char> s, ref WordsState st, NumberWord nw, int w)
    {
        if (nw.PluralForm && !st.Any)
        {
            // "dozens of": vague.
            if (!FollowedByOf(s, w))
            {
                return false;
            }

            st.Current = 12;
            st.Vague = true;
            return true;
        }

        if (!st.Any && !st.PendingArticle)
        {
            return false;
        }

        st.Current = (st.Current == 0 ? 1 : st.Current) * 12;
        st.PendingArticle = false;
        return true;
    }

    /// <summary>"hundreds of", "thousands of": approximate.</summary>
    private static bool ReadPlural(ReadOnlySpan<char> s, ref WordsState st, NumberWord nw, int w)
    {
        if (st.Any || st.PendingArticle || !FollowedByOf(s, w))
        {
            return false;
        }

        st.Current = nw.Value;
        st.Vague = true;
        return true;
    }

    private static bool ReadHalf(ReadOnlySpan<char> s, ref WordsState st, ref int w)
    {
        if (st.PendingAnd)
        {
            st.Current += 0.5;
            st.IsFraction = true;
            st.PendingArticle = false;
            return true;
        }

        if (st.Any && !st.PendingArticle)
        {
            // "one half" = 0.5 ("half a dozen" is read below).
            if (st.Current == 1 && st.Total == 0)
            {
                st.Current = 0.5;
                st.IsFraction = true;
                return true;
            }

            return false;
        }

        st.Current = 0.5;
        st.IsFraction = true;
        st.PendingArticle = false;
        // "half a dozen"
        if (w + 9 <= s.Length && s[w..].StartsWith(" a dozen", StringComparison.OrdinalIgnoreCase))
        {
            st.Current = 6;
            st.IsFraction = false;
            w += 8;
        }

        return true;
    }

    private static bool ReadDenominator(ref WordsState st, NumberWord nw)
    {
        if (st.PendingArticle && !st.PendingAnd && !st.Any)
        {
            // "a third", "a quarter", "a fifth"
            st.Current = 1 / nw.Value;
            st.PendingArticle = false;
            st.IsFraction = true;
            return true;
        }

        if (st.PendingAnd && st.PendingArticle)
        {
            // "one and a quarter"
            st.Current += 1 / nw.Value;
            st.PendingArticle = false;
            st.IsFraction = true;
            return true;
        }

        if (!st.Any || st.IsFraction || st.Last is not (WordClass.Unit or WordClass.Teen or WordClass.Tens) || (st.Current == 0 && st.Total == 0))
        {
            return false;
        }

        // A singular ordinal after "one" is a fraction ("one third"); after others it wants the plural.
        if (!nw.PluralForm && st.Current != 1)
        {
            return false;
        }

        // Only the trailing small part is the numerator ("one hundred and three quarters" = 100.75).
        double numerator = st.Current % 100;
        double wholeHundreds = st.Current - numerator;
        st.Current = st.PendingAnd || (wholeHundreds == 0 && st.Total == 0)
            ? wholeHundreds + (numerator / nw.Value)
            : st.Current / nw.Value;
        st.IsFraction = true;
        return true;
    }

    private static bool ReadMultiplier(ref WordsState st, NumberWord nw)
    {
        if (st.Any)
        {
            return false;
        }

        st.Current = nw.Value;
        st.Multiplier = true;
        return true;
    }

    /// <summary>Adds the number read (if any) to the output; returns where the scan goes on.</summary>
    private static int Emit(ReadOnlySpan<char> s, int start, in WordsState st, List<NumberMatch> output)
    {
        int end = st.End;
        if (!st.Any || end <= start)
        {
            return start;
        }

        double value = st.Total + st.Current;
        var flags = NumberFlags.Words;
        if (st.IsFraction)
        {
            flags |= NumberFlags.Fraction;
        }

        if (st.Vague)
        {
            flags |= NumberFlags.Vague;
        }

        if (st.Multiplier)
        {
            flags |= NumberFlags.Multiplier;
        }

        if (st.Negative)
        {
            value = -value;
            flags |= NumberFlags.Negative;
        }

        if (st.Total > 0 && st.Current == 0 && !st.IsFraction)
        {
            flags |= NumberFlags.Scaled;
        }

        // "the one you mentioned", "which one": a pronoun, not a number.
        if (end - start == 3 && value == 1 && !st.IsFraction && IsPronounOne(s, start))
        {
            return end;
        }

        output.Add(new NumberMatch(new TextSpan(start, end), value, flags));
        return end;
    }

    private static bool IsPronounOne(ReadOnlySpan<char> s, int start)
    {
        int e = start;
        while (e > 0 && s[e - 1] == ' ')
        {
            e--;
        }

        int b = e;
        while (b > 0 && char.IsLetter(s[b - 1]))
        {
            b--;
        }

        return PronounOneBefore.Contains(s[b..e]);
    }

    private static bool NextIsUnit(ReadOnlySpan<char> s, int w)
    {
        int u = NextWordStart(s, w);
        if (u < 0)
        {
            return false;
        }

        int uw = WordEnd(s, u);
        return NumberWords.Lookup.TryGetValue(s[u..uw], out var nw) && nw.Class == WordClass.Unit && nw.Value > 0;
    }

    private static bool FollowedByOf(ReadOnlySpan<char> s, int w) =>
        w + 3 < s.Length && s[w] == ' ' && s.Slice(w + 1, 2).Equals("of", StringComparison.OrdinalIgnoreCase) && !char.IsLetter(s[w + 3]);
}
