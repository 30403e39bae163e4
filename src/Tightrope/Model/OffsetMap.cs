namespace Tightrope.Model;

/// <summary>
/// Maps offsets in the cleaned text back to offsets in the raw (extracted) text. Cleaning keeps runs of
/// characters and drops or rewrites others; each kept run is recorded as (cleanStart, rawStart, length).
/// Offsets inside a rewritten region map to the region's start.
/// </summary>
public sealed class OffsetMap
{
    private readonly List<(int Clean, int Raw, int Length)> _runs = [];

    public static OffsetMap Identity(int length)
    {
        var map = new OffsetMap();
        map.Add(0, 0, length);
        return map;
    }

    public void Add(int cleanStart, int rawStart, int length)
    {
        if (length <= 0)
        {
            return;
        }

        if (_runs.Count > 0)
        {
            var last = _runs[^1];
            if (last.Clean + last.Length == cleanStart && last.Raw + last.Length == rawStart)
            {
                _runs[^1] = (last.Clean, last.Raw, last.Length + length);
                return;
            }
        }

        _runs.Add((cleanStart, rawStart, length));
    }

    public int Count => _runs.Count;

    /// <summary>The kept runs, in order (for storing the map).</summary>
    public IReadOnlyList<(int Clean, int Raw, int Length)> Runs => _runs;

    public int ToRaw(int cleanOffset)
    {
        if (_runs.Count == 0)
        {
            return cleanOffset;
        }

        int lo = 0, hi = _runs.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_runs[mid].Clean <= cleanOffset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var run = _runs[lo];
        int delta = cleanOffset - run.Clean;
        return delta < 0 ? run.Raw : run.Raw + Math.Min(delta, run.Length);
    }

    public TextSpan ToRaw(TextSpan clean) => new(ToRaw(clean.Start), ToRaw(clean.End));
}
