using System.Buffers;
using Tightrope.Model;

namespace Tightrope.Clean;

internal enum White : byte
{
    None,
    Space,
    Line,
    Paragraph,
}

internal struct LineInfo
{
    public int Start;
    public int End;
    public int KeepStart;
    public int KeepEnd;
    public int Words;
    public readonly bool Removed => KeepStart >= KeepEnd;
}

internal readonly record struct Edit(int Start, int End, string? Replacement, White White, int Segment);

internal struct Segment
{
    public RemovalKind Kind;
    public int Start;
    public int End;
    public string Reason;
    public int CleanStart;
    public int CleanEnd;
}

internal readonly record struct Probe(int Raw, int Segment, bool IsStart);

internal sealed class CleanPlan
{
    public CleanPlan(string raw)
    {
        Raw = raw;
        SplitLines(raw, Lines);
    }

    /// <summary>The raw text being cleaned.</summary>
    public string Raw { get; }

    public readonly List<LineInfo> Lines = [];
    public readonly List<Edit> Edits = [];
    public readonly List<Segment> Segments = [];
    public readonly List<Probe> Probes = [];

    public int AddSegment(RemovalKind kind, int start, int end, string reason)
    {
        Segments.Add(new Segment { Kind = kind, Start = start, End = end, Reason = reason });
        return Segments.Count - 1;
    }

    public void Remove(RemovalKind kind, int start, int end, string reason) =>
        Edits.Add(new Edit(start, end, null, White.None, AddSegment(kind, start, end, reason)));

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u2028\u2029\u0085");

    private static void SplitLines(string raw, List<LineInfo> lines)
    {
        int i = 0;
        var span = raw.AsSpan();
        while (i <= raw.Length)
        {
            int k = span[i..].IndexOfAny(LineBreaks);
            int end = k < 0 ? raw.Length : i + k;
            int s = i, e = end;
            while (s < e && IsBlank(raw[s]))
            {
                s++;
            }

            while (e > s && IsBlank(raw[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                lines.Add(new LineInfo { Start = s, End = e, KeepStart = s, KeepEnd = e });
            }

            if (k < 0)
            {
                break;
            }

            i = end + 1;
        }
    }

    internal static bool IsBlank(char c) => Typography.IsWhite(c) || c is '\u200B' or '\u200E' or '\u200F' or '\u2060' or '\u00AD';

    internal static int TrimEndIndex(ReadOnlySpan<char> text, int end)
    {
        while (end > 0 && IsBlank(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
