namespace Tightrope.Model;

/// <summary>The layers every article has from the foundation stages: removed segments, sentences, stage failures.</summary>
public static class FoundationLayers
{
    public static readonly ListLayer<RemovedSegment> Removed = new(new RemovedSegmentCodec(), a => a.Removed, keptForDuplicates: true);

    public static readonly ListLayer<Sentence> Sentences = new(new SentenceCodec(), a => a.Sentences);

    public static readonly ListLayer<StageFailure> Failures = new(new StageFailureCodec(), a => a.Failures, keptForDuplicates: true,
        keys: (f, keys) => keys.Add(new IndexKey("failed-stage", f.Stage)));

    public static IReadOnlyList<ILayerCodec> All { get; } = [Removed, Sentences, Failures];

    private sealed class RemovedSegmentCodec() : RecordCodec<RemovedSegment>("removed", 1,
        new("kind", ColumnType.Text), new("raw_start", ColumnType.Integer), new("raw_end", ColumnType.Integer),
        new("clean_offset", ColumnType.Integer), new("text", ColumnType.Text), new("reason", ColumnType.Text, Nullable: true))
    {
        public override void Write(RemovedSegment r, IRowWriter row)
        {
            row.Text(RemovalKindNames.Name(r.Kind));
            row.Integer(r.RawSpan.Start);
            row.Integer(r.RawSpan.End);
            row.Integer(r.CleanOffset);
            row.Text(r.Text);
            row.Text(r.Reason);
        }

        public override RemovedSegment Read(IRowReader row)
        {
            var kind = RemovalKindNames.Parse(row.Text()!);
            var span = new TextSpan((int)row.Integer()!, (int)row.Integer()!);
            int offset = (int)row.Integer()!;
            return new RemovedSegment(kind, span, offset, row.Text()!, row.Text());
        }
    }

    private sealed class SentenceCodec() : RecordCodec<Sentence>("sentences", 1,
        new("start", ColumnType.Integer), new("end", ColumnType.Integer), new("truncated", ColumnType.Integer))
    {
        public override void Write(Sentence s, IRowWriter row)
        {
            row.Integer(s.Span.Start);
            row.Integer(s.Span.End);
            row.Integer(s.Truncated ? 1 : 0);
        }

        public override Sentence Read(IRowReader row) => new(new TextSpan((int)row.Integer()!, (int)row.Integer()!), row.Integer() == 1);
    }

    private sealed class StageFailureCodec() : RecordCodec<StageFailure>("failures", 1,
        new("stage", ColumnType.Text), new("message", ColumnType.Text), new("exception_type", ColumnType.Text, Nullable: true))
    {
        public override void Write(StageFailure f, IRowWriter row)
        {
            row.Text(f.Stage);
            row.Text(f.Message);
            row.Text(f.ExceptionType);
        }

        public override StageFailure Read(IRowReader row) => new(row.Text()!, row.Text()!, row.Text());
    }
}
