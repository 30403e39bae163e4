namespace Tightrope.Dates;

/// <summary>
/// The periods of <see cref="ContentDater"/>'s evidence: lists made per piece (a period a year, a month, a week),
/// given back to a per-thread pool when the article is dated, and the sweep that reads the stretches of days of one
/// total weight off them.
/// </summary>
internal static partial class ContentDater
{
    private static OwnPeriods EachYear(int first, int last, Func<int, (int From, int To)> period)
    {
        int y0 = DateOnly.FromDayNumber(first).Year, y1 = DateOnly.FromDayNumber(last).Year;
        var periods = OwnPeriods.Rent(y1 - y0 + 1);
        for (int y = y0; y <= y1; y++)
        {
            periods.Add(period(y));
        }

        return periods;
    }

    /// <summary>Days <paramref name="from"/> to <paramref name="to"/> after day <paramref name="day"/> of every month that has it.</summary>
    private static OwnPeriods EachMonth(int first, int last, int day, int from, int to)
    {
        var start = DateOnly.FromDayNumber(first);
        var periods = OwnPeriods.Rent(((DateOnly.FromDayNumber(last).Year - start.Year + 1) * 12) + 1);
        for (var month = new DateOnly(start.Year, start.Month, 1); month.DayNumber <= last; month = month.AddMonths(1))
        {
            if (day <= DateTime.DaysInMonth(month.Year, month.Month))
            {
                int at = month.DayNumber + day - 1;
                periods.Add((at + from, at + to));
            }
        }

        return periods;
    }

    /// <summary>One period, in a list of the evidence's own.</summary>
    private static OwnPeriods One(int from, int to)
    {
        var periods = OwnPeriods.Rent(1);
        periods.Add((from, to));
        return periods;
    }

    /// <summary>Periods made for one piece of evidence alone: clipped in place when it is added, not copied.</summary>
    private sealed class OwnPeriods(int capacity) : List<(int From, int To)>(capacity)
    {
        // The lists of this thread's last articles, given back when their evidence is weighed: a day and month
        // holds one period a year (some 80), and most articles have several.
        [ThreadStatic]
        private static Stack<OwnPeriods>? t_pool;

        public static OwnPeriods Rent(int capacity)
        {
            if (t_pool is { } pool && pool.TryPop(out var periods))
            {
                periods.Clear();
                return periods;
            }

            return new OwnPeriods(capacity);
        }

        public static void Return(OwnPeriods periods)
        {
            var pool = t_pool ??= new Stack<OwnPeriods>();
            if (pool.Count < 256)
            {
                pool.Push(periods);
            }
        }
    }

    // The total weight of each day as a difference array over [first, last + 1] (one slot a day) with a bitset of
    // the days where some period starts or ends: the stretches are read off the set bits in order, with no sort of
    // the edges (a bare weekday alone gives some 8,000 of them). Per thread, reused: cleared as it is read.
    [ThreadStatic]
    private static double[]? t_delta;

    [ThreadStatic]
    private static ulong[]? t_edges;

    // The stretches of the last call of Segments on this thread (read by Best before the next call).
    [ThreadStatic]
    private static List<(int From, int To, double Score)>? t_segments;

    /// <summary>
    /// The stretches of days of one total weight above zero, in order of their first day: a new stretch begins at
    /// every day where a period (merged per evidence) starts or ends, even when the total does not change there. The
    /// list is the thread's own, reused by the next call.
    /// </summary>
    private static List<(int From, int To, double Score)> Segments(List<Evidence> list, int first, int last)
    {
        int size = last + 2 - first;
        var delta = t_delta is { } d && d.Length >= size ? d : (t_delta = new double[Math.Max(size, 32 * 1024)]);
        var bits = t_edges is { } b && b.Length >= (size + 63) / 64 ? b : (t_edges = new ulong[(Math.Max(size, 32 * 1024) + 63) / 64]);
        foreach (var e in list)
        {
            var periods = e.Periods;
            if (!IsSorted(periods))
            {
                var sorted = periods.ToList();
                sorted.Sort();
                periods = sorted;
            }

            // Merged on the fly: overlapping or adjacent periods of one evidence count once.
            int i = 0;
            while (i < periods.Count)
            {
                var (f, t) = periods[i++];
                while (i < periods.Count && periods[i].From <= t + 1)
                {
                    t = Math.Max(t, periods[i++].To);
                }

                Mark(f - first, e.Weight);
                Mark(t + 1 - first, -e.Weight);
            }
        }

        var segments = t_segments ??= new List<(int From, int To, double Score)>(1024);
        segments.Clear();
        double score = 0;
        int open = -1; // the day of the stretch begun at the last edge day, when its total is above zero
        double openScore = 0;
        for (int w = 0; w < (size + 63) / 64; w++)
        {
            ulong word = bits[w];
            if (word == 0)
            {
                continue;
            }

            bits[w] = 0;
            while (word != 0)
            {
                int idx = (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                int day = idx + first;
                if (open >= 0)
                {
                    segments.Add((open, Math.Min(last, day - 1), openScore));
                    open = -1;
                }

                score += delta[idx];
                delta[idx] = 0;
                if (score > 1e-9 && day <= last)
                {
                    open = day;
                    openScore = score;
                }
            }
        }

        if (open >= 0)
        {
            segments.Add((open, last, openScore));
        }

        return segments;

        void Mark(int idx, double weight)
        {
            delta[idx] += weight;
            bits[idx >> 6] |= 1UL << (idx & 63);
        }
    }

    private static bool IsSorted(IReadOnlyList<(int From, int To)> periods)
    {
        for (int i = 1; i < periods.Count; i++)
        {
            if (periods[i].CompareTo(periods[i - 1]) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Covers(IReadOnlyList<(int From, int To)> periods, int day)
    {
        if (periods is WeeklyPeriods weekly)
        {
            return weekly.Covers(day);
        }

        for (int i = 0; i < periods.Count; i++)
        {
            if (periods[i].From <= day && day <= periods[i].To)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The same days of every week from <paramref name="firstAt"/> to <paramref name="last"/> (a bare weekday's:
    /// days <paramref name="from"/> to <paramref name="to"/> after each such day, cut at <paramref name="last"/>),
    /// computed when read: a weekday holds some 4,000 of them.
    /// </summary>
    private sealed class WeeklyPeriods(int firstAt, int last, int from, int to) : IReadOnlyList<(int From, int To)>
    {
        public int Count { get; } = firstAt + from <= last ? ((last - firstAt - from) / 7) + 1 : 0;

        public (int From, int To) this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                int at = firstAt + (7 * index);
                return (at + from, Math.Min(at + to, last));
            }
        }

        public IEnumerator<(int From, int To)> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Whether one of the periods holds <paramref name="day"/> (the week's day found by arithmetic).</summary>
        public bool Covers(int day)
        {
            int offset = day - firstAt - from;
            if (offset < 0)
            {
                return false;
            }

            int index = offset / 7;
            return index < Count && this[index].From <= day && day <= this[index].To;
        }
    }
}
