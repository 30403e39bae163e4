using Tightrope.Model;

namespace Tightrope.Dates;

/// <summary>How date expressions are stored, exported and shown as JSON (<c>annotate --json</c>'s <c>dates</c>).</summary>
public static class DateLayer
{
    public static readonly ListLayer<DateExpression> Expressions = new(new DateExpressionCodec(), a => a.DateExpressions);

    private static readonly string[] KindNames = [.. Enum.GetValues<DateKind>().Select(k => k.ToString().ToLowerInvariant())];

    internal static string KindName(DateKind kind) => KindNames[(int)kind];

    private sealed class DateExpressionCodec() : RecordCodec<DateExpression>("dates", 1,
        new("start", ColumnType.Integer), new("end", ColumnType.Integer), new("text", ColumnType.SpanText),
        new("value", ColumnType.Text), new("end_value", ColumnType.Text, Nullable: true), new("kind", ColumnType.Text),
        new("mod", ColumnType.Text, Nullable: true), new("sentence", ColumnType.Integer))
    {
        public override void Write(DateExpression d, IRowWriter row)
        {
            row.Integer(d.Span.Start);
            row.Integer(d.Span.End);
            row.SpanText(d.Text, d.Span.Start, d.Span.End);
            row.Text(d.Value);
            row.Text(d.EndValue);
            row.Text(KindName(d.Kind));
            row.Text(d.Mod);
            row.Integer(d.Sentence);
        }

        public override DateExpression Read(IRowReader row)
        {
            int start = (int)row.Integer()!, end = (int)row.Integer()!;
            var text = row.SpanText(start, end);
            var value = row.Text()!;
            var endValue = row.Text();
            var kindName = row.Text()!;
            int kind = Array.IndexOf(KindNames, kindName);
            return new DateExpression
            {
                Span = new TextSpan(start, end),
                Text = text,
                Value = value,
                EndValue = endValue,
                Kind = kind >= 0 ? (DateKind)kind : throw new InvalidDataException($"unknown date kind '{kindName}'"),
                Mod = row.Text(),
                Sentence = (int)row.Integer()!,
            };
        }
    }
}
