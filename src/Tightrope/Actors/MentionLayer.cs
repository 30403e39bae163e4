using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>How mentions are stored, exported and shown as JSON; stores index an article by its actors and unresolved names.</summary>
public static class MentionLayer
{
    public const string ActorKey = "actor";

    public const string UnresolvedKey = "unresolved";

    public static readonly ListLayer<Mention> Layer = new(new MentionCodec(), a => a.Mentions, keys: AddKeys);

    private static void AddKeys(Mention m, ICollection<IndexKey> keys)
    {
        if (m.ActorId is { } id)
        {
            keys.Add(new IndexKey(ActorKey, id));
        }
        else if (m.Normalized is { } n)
        {
            keys.Add(new IndexKey(UnresolvedKey, n));
        }
    }

    private static readonly MentionKind[] Kinds = Enum.GetValues<MentionKind>();
    private static readonly string[] KindNames = [.. Kinds.Select(k => k.ToString().ToLowerInvariant())];

    internal static string KindName(MentionKind kind) => (int)kind < KindNames.Length ? KindNames[(int)kind] : kind.ToString().ToLowerInvariant();

    internal static MentionKind ParseKind(string name) => Enum.Parse<MentionKind>(name, ignoreCase: true);

    private sealed class MentionCodec() : RecordCodec<Mention>("mentions", 1,
        new("start", ColumnType.Integer), new("end", ColumnType.Integer), new("text", ColumnType.SpanText),
        new("actor_id", ColumnType.Text, Nullable: true), new("kind", ColumnType.Text), new("confidence", ColumnType.Real),
        new("normalized", ColumnType.Text, Nullable: true), new("sentence", ColumnType.Integer))
    {
        public override void Write(Mention m, IRowWriter row)
        {
            row.Integer(m.Span.Start);
            row.Integer(m.Span.End);
            row.SpanText(m.Text, m.Span.Start, m.Span.End);
            row.Text(m.ActorId);
            row.Text(KindName(m.Kind));
            row.Real(m.Confidence);
            row.Derived(m.Normalized, DefaultNormalized(m.Text));
            row.Integer(m.Sentence);
        }

        public override Mention Read(IRowReader row)
        {
            int start = (int)row.Integer()!, end = (int)row.Integer()!;
            var text = row.SpanText(start, end);
            return new Mention
            {
                Span = new TextSpan(start, end),
                Text = text,
                ActorId = row.Text(),
                Kind = ParseKind(row.Text()!),
                Confidence = row.Real() ?? 0,
                Normalized = row.Derived(DefaultNormalized(text)),
                Sentence = (int)row.Integer()!,
            };
        }

        /// <summary>What a mention's normalised form usually is (lower case, hyphens as spaces): stored as a mark when it is.</summary>
        private static string DefaultNormalized(string text) => string.Create(text.Length, text, static (span, t) =>
        {
            for (int i = 0; i < t.Length; i++)
            {
                char c = t[i];
                span[i] = c == '-' ? ' ' : char.ToLowerInvariant(c);
            }
        });
    }
}
