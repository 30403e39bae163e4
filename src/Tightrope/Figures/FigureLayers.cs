using System.Globalization;
using Tightrope.Model;

namespace Tightrope.Figures;

/// <summary>How figures and contradictions are stored, exported and shown as JSON.</summary>
public static class FigureLayers
{
    /// <summary>Index key of a figure's indicator: series and contradictions are read by it.</summary>
    public const string IndicatorKey = "indicator";

    public static readonly ListLayer<Figure> Figures = new(new FigureCodec(), a => a.Figures,
        keys: (f, keys) =>
        {
            if (f.IndicatorId is { } id)
            {
                keys.Add(new IndexKey(IndicatorKey, id));
            }
        });

    /// <summary>The contradictions codec, for an article's own (role conflicts) and for those across articles.</summary>
    public static readonly RecordCodec<Contradiction> ContradictionCodec = new ContradictionRows();

    private static readonly string[] FigureKindNames = [.. Enum.GetValues<FigureKind>().Select(k => k.ToString())];

    /// <summary>Qualifier flags as snake_case names joined by commas ("approximate", "at_least"; "none").</summary>
    private static readonly string[] QualifierNames = [.. Enumerable.Range(0, 32).Select(i => Name((FigureQualifier)i))];

    private static string Name(FigureQualifier q) => q == FigureQualifier.None
        ? "none"
        : string.Join(',', Enum.GetValues<FigureQualifier>().Where(f => f != FigureQualifier.None && q.HasFlag(f)).Select(f => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(f.ToString())));

    private static string QualifierName(FigureQualifier q) => (int)q < QualifierNames.Length ? QualifierNames[(int)q] : Name(q);

    private static FigureQualifier ParseQualifier(string name)
    {
        int i = Array.IndexOf(QualifierNames, name);
        return i >= 0 ? (FigureQualifier)i : FigureQualifier.None;
    }

    private sealed class FigureCodec() : RecordCodec<Figure>("figures", 1,
        new("start", ColumnType.Integer), new("end", ColumnType.Integer), new("text", ColumnType.SpanText),
        new("value", ColumnType.Real), new("value_high", ColumnType.Real, Nullable: true), new("unit", ColumnType.Text),
        new("kind", ColumnType.Text), new("qualifier", ColumnType.Text), new("measure", ColumnType.Text, Nullable: true),
        new("indicator_id", ColumnType.Text, Nullable: true), new("actor_id", ColumnType.Text, Nullable: true),
        new("period", ColumnType.Text, Nullable: true), new("usd_value", ColumnType.Real, Nullable: true),
        new("conversion", ColumnType.Text, Nullable: true), new("equivalent_of", ColumnType.Integer, Nullable: true),
        new("sentence", ColumnType.Integer))
    {
        public override void Write(Figure f, IRowWriter row)
        {
            row.Integer(f.Span.Start);
            row.Integer(f.Span.End);
            row.SpanText(f.Text, f.Span.Start, f.Span.End);
            row.Real(f.Value);
            row.Real(f.ValueHigh);
            row.Text(f.Unit);
            row.Text((int)f.Kind < FigureKindNames.Length ? FigureKindNames[(int)f.Kind] : f.Kind.ToString());
            row.Text(QualifierName(f.Qualifier));
            row.Text(f.Measure);
            row.Text(f.IndicatorId);
            row.Text(f.ActorId);
            row.Text(f.Period);
            row.Real(f.UsdValue);
            row.Text(f.Conversion);
            row.Integer(f.EquivalentOf);
            row.Integer(f.Sentence);
        }

        public override Figure Read(IRowReader row)
        {
            int start = (int)row.Integer()!, end = (int)row.Integer()!;
            return new Figure
            {
                Span = new TextSpan(start, end),
                Text = row.SpanText(start, end),
                Value = row.Real() ?? 0,
                ValueHigh = row.Real(),
                Unit = row.Text()!,
                Kind = Enum.Parse<FigureKind>(row.Text()!),
                Qualifier = ParseQualifier(row.Text()!),
                Measure = row.Text(),
                IndicatorId = row.Text(),
                ActorId = row.Text(),
                Period = row.Text(),
                UsdValue = row.Real(),
                Conversion = row.Text(),
                EquivalentOf = (int?)row.Integer(),
                Sentence = (int)row.Integer()!,
            };
        }
    }

    private sealed class ContradictionRows() : RecordCodec<Contradiction>("contradictions", 1, SideColumns())
    {
        private static Column[] SideColumns()
        {
            var columns = new List<Column> { new("kind", ColumnType.Text), new("subject", ColumnType.Text), new("period", ColumnType.Text, true), new("description", ColumnType.Text) };
            foreach (var side in new[] { "a", "b" })
            {
                columns.AddRange([
                    new($"{side}_article", ColumnType.Text), new($"{side}_start", ColumnType.Integer), new($"{side}_end", ColumnType.Integer),
                    new($"{side}_text", ColumnType.Text), new($"{side}_value", ColumnType.Real, true), new($"{side}_unit", ColumnType.Text, true),
                    new($"{side}_actor", ColumnType.Text, true), new($"{side}_figure", ColumnType.Text, true), new($"{side}_orig_value", ColumnType.Real, true),
                    new($"{side}_orig_unit", ColumnType.Text, true), new($"{side}_conversion", ColumnType.Text, true), new($"{side}_period", ColumnType.Text, true),
                    new($"{side}_date", ColumnType.Text, true)]);
            }

            return [.. columns];
        }

        public override void Write(Contradiction c, IRowWriter row)
        {
            row.Text(c.Kind.ToString());
            row.Text(c.Subject);
            row.Text(c.Period);
            row.Text(c.Description);
            WriteSide(c.A, row);
            WriteSide(c.B, row);
        }

        private static void WriteSide(ContradictionSide s, IRowWriter row)
        {
            row.Text(s.ArticleId);
            row.Integer(s.Span.Start);
            row.Integer(s.Span.End);
            row.Text(s.Text);
            row.Real(s.Value);
            row.Text(s.Unit);
            row.Text(s.ActorId);
            row.Text(s.Figure);
            row.Real(s.OriginalValue);
            row.Text(s.OriginalUnit);
            row.Text(s.Conversion);
            row.Text(s.Period);
            row.Text(s.ArticleDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        public override Contradiction Read(IRowReader row)
        {
            var kind = Enum.Parse<ContradictionKind>(row.Text()!);
            string subject = row.Text()!;
            string? period = row.Text();
            string description = row.Text()!;
            var a = ReadSide(row);
            var b = ReadSide(row);
            return new Contradiction(kind, subject, period, a, b, description);
        }

        private static ContradictionSide ReadSide(IRowReader row)
        {
            string article = row.Text()!;
            var span = new TextSpan((int)row.Integer()!, (int)row.Integer()!);
            string text = row.Text()!;
            double? value = row.Real();
            string? unit = row.Text(), actor = row.Text();
            return new ContradictionSide(article, span, text, value, unit, actor)
            {
                Figure = row.Text(),
                OriginalValue = row.Real(),
                OriginalUnit = row.Text(),
                Conversion = row.Text(),
                Period = row.Text(),
                ArticleDate = row.Text() is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            };
        }
    }
}
