using System.Buffers;
using Tightrope.Model;

namespace Tightrope.Clean;

/// <summary>Writes the cleaned text in one pass from a <see cref="CleanPlan"/>: typographic normalisation, white-space folding, the offset map and the removed segments.</summary>
internal static class CleanWriter
{
    public static CleanResult Emit(string raw, CleanPlan plan)
    {
        var edits = plan.Edits;
        edits.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var probes = plan.Probes;
        probes.Sort(static (a, b) => a.Raw.CompareTo(b.Raw));
        var segments = plan.Segments;

        var writer = new Writer(raw, raw.Length + 16);
        int i = 0, ei = 0, pi = 0, n = raw.Length;
        int covered = 0;
        try
        {
            while (i < n || pi < probes.Count)
            {
                while (ei < edits.Count && edits[ei].Start < covered)
                {
                    // Overlaps an edit already applied: the larger decision wins.
                    ei++;
                }

                int nextEdit = ei < edits.Count ? edits[ei].Start : n;
                int nextProbe = pi < probes.Count ? probes[pi].Raw : int.MaxValue;
                if (nextProbe <= i || (nextProbe <= nextEdit && nextProbe == i))
                {
                    var probe = probes[pi++];
                    var seg = segments[probe.Segment];
                    if (probe.IsStart)
                    {
                        seg.CleanStart = writer.Length + writer.PendingLength;
                    }
                    else
                    {
                        seg.CleanEnd = writer.Length;
                    }

                    segments[probe.Segment] = seg;
                    continue;
                }

                if (i >= n)
                {
                    break;
                }

                if (i == nextEdit)
                {
                    var edit = edits[ei++];
                    if (edit.Segment >= 0)
                    {
                        var seg = segments[edit.Segment];
                        seg.CleanStart = seg.CleanEnd = writer.Length;
                        segments[edit.Segment] = seg;
                    }

                    if (edit.White != White.None)
                    {
                        writer.Pend(edit.White, edit.Start);
                    }
                    else if (edit.Replacement is { } replacement)
                    {
                        writer.WriteReplacement(replacement, edit.Start, edit.End);
                    }

                    i = covered = edit.End;
                    continue;
                }

                int limit = Math.Min(nextEdit, Math.Min(nextProbe, n));
                int run = PlainRun(raw, i, limit);
                if (run > 0)
                {
                    writer.Copy(raw, i, run);
                    i += run;
                    continue;
                }

                writer.WriteSpecial(raw, i);
                i++;
            }

            var removed = new List<RemovedSegment>(segments.Count);
            foreach (var seg in segments)
            {
                string text = seg.Kind == RemovalKind.Truncated
                    ? writer.Slice(seg.CleanStart, seg.CleanEnd)
                    : raw.Substring(seg.Start, seg.End - seg.Start);
                removed.Add(new RemovedSegment(seg.Kind, new TextSpan(seg.Start, seg.End), seg.CleanStart, text, seg.Reason));
            }

            removed.Sort(static (a, b) => a.RawSpan.Start.CompareTo(b.RawSpan.Start));
            string cleaned = writer.ToString();
            return new CleanResult(cleaned, writer.Map, removed, writer.Written(cleaned));
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>
    /// The length of the run from <paramref name="i"/> that is copied as it is: printable ASCII with single spaces
    /// between words (found with vectorised searches), or non-ASCII characters that need no normalisation.
    /// </summary>
    private static int PlainRun(string raw, int i, int limit)
    {
        char first = raw[i];
        if (first == ' ')
        {
            // White space at the start of a run goes through the folding logic.
            return 0;
        }

        if (first is > ' ' and < '\u007F')
        {
            var span = raw.AsSpan(i, limit - i);
            int k = span.IndexOfAnyExceptInRange(' ', '~');
            int end = k < 0 ? span.Length : k;
            int d = span[..end].IndexOf("  ", StringComparison.Ordinal);
            if (d >= 0)
            {
                end = d;
            }

            // A space that ends the run may come before a line break or a removal: leave it to the folding logic.
            while (end > 0 && span[end - 1] == ' ')
            {
                end--;
            }

            return end;
        }

        if (first < '\u0080')
        {
            return 0;
        }

        int m = raw.AsSpan(i, limit - i).IndexOfAny(Typography.Special);
        return m < 0 ? limit - i : m;
    }

    /// <summary>Appends cleaned characters to a pooled buffer and keeps the offset map in step.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly string _raw;
        private char[] _buf;
        private int _length;
        private int _lastNewline = -1;
        private White _pending;
        private int _pendRaw1;
        private int _pendRaw2;

        // Where a character was folded (clean offset, the page's character): the written text puts it back.
        private List<(int At, char Original)>? _folded;

        public Writer(string raw, int capacity)
        {
            _raw = raw;
            _buf = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
        }

        public OffsetMap Map { get; } = new();

        public int Length => _length;

        public int PendingLength => _length == 0 ? 0 : _pending switch { White.Space or White.Line => 1, White.Paragraph => 2, _ => 0 };

        public void Pend(White white, int raw)
        {
            if (white <= _pending)
            {
                // Two line breaks make a paragraph break only when nothing but white space (no removed text) is between them.
                if (white == White.Line && _pending == White.Line && _lastNewline >= 0 && raw > _lastNewline
                    && _raw.AsSpan(_lastNewline + 1, raw - _lastNewline - 1).IsWhiteSpace())
                {
                    _pending = White.Paragraph;
                    _pendRaw2 = raw;
                }

                if (white == White.Line)
                {
                    _lastNewline = raw;
                }

                return;
            }

            if (white == White.Line)
            {
                _lastNewline = raw;
            }

            _pending = white;
            _pendRaw1 = raw;
            _pendRaw2 = raw;
        }

        private void Flush()
        {
            if (_pending == White.None)
            {
                return;
            }

            if (_length > 0)
            {
                Ensure(2);
                switch (_pending)
                {
                    case White.Space:
                        Put(' ', _pendRaw1);
                        break;
                    case White.Line:
                        Put('\n', _pendRaw1);
                        break;
                    default:
                        Put('\n', _pendRaw1);
                        Put('\n', _pendRaw2);
                        break;
                }
            }

            _pending = White.None;
        }

        private void Put(char c, int raw)
        {
            _buf[_length] = c;
            Map.Add(_length, raw, 1);
            _length++;
        }

        public void Copy(string raw, int start, int count)
        {
            Flush();
            Ensure(count);
            raw.AsSpan(start, count).CopyTo(_buf.AsSpan(_length));
            Map.Add(_length, start, count);
            _length += count;
        }

        public void WriteSpecial(string raw, int i)
        {
            char c = raw[i];
            switch (Typography.Classify(c, out char r))
            {
                case CharAction.Keep:
                    Flush();
                    Ensure(1);
                    Put(c, i);
                    break;
                case CharAction.Replace:
                    Flush();
                    Ensure(1);
                    (_folded ??= []).Add((_length, c));
                    Put(r, i);
                    break;
                case CharAction.Space:
                    Pend(White.Space, i);
                    break;
                case CharAction.LineBreak:
                    if (c == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
                    {
                        break;
                    }

                    Pend(White.Line, i);
                    break;
                case CharAction.ParagraphBreak:
                    Pend(White.Paragraph, i);
                    break;
                default:
                    break;
            }
        }

        public void WriteReplacement(string replacement, int start, int end)
        {
            for (int k = 0; k < replacement.Length; k++)
            {
                char c = replacement[k];
                int rawPos = Math.Min(start + k, end - 1);
                switch (Typography.Classify(c, out char r))
                {
                    case CharAction.Space:
                        Pend(White.Space, start);
                        break;
                    case CharAction.LineBreak:
                        Pend(White.Line, start);
                        break;
                    case CharAction.ParagraphBreak:
                        Pend(White.Paragraph, start);
                        break;
                    case CharAction.Drop:
                        break;
                    case CharAction.Replace:
                        Flush();
                        Ensure(1);
                        (_folded ??= []).Add((_length, c));
                        Put(r, rawPos);
                        break;
                    default:
                        Flush();
                        Ensure(1);
                        Put(c, rawPos);
                        break;
                }
            }
        }

        private void Ensure(int extra)
        {
            if (_length + extra <= _buf.Length)
            {
                return;
            }

            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buf.Length * 2, _length + extra));
            _buf.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buf);
            _buf = bigger;
        }

        public string Slice(int start, int end) => end > start ? new string(_buf, start, end - start) : "";

        public override string ToString() => new(_buf, 0, _length);

        /// <summary>The cleaned text with each folded character back as the page wrote it.</summary>
        public string Written(string text)
        {
            if (_folded is null)
            {
                return text;
            }

            return string.Create(text.Length, (Text: text, Folded: _folded), static (span, state) =>
            {
                state.Text.AsSpan().CopyTo(span);
                foreach (var (at, original) in state.Folded)
                {
                    span[at] = original;
                }
            });
        }

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(_buf);
            _buf = [];
        }
    }
}
