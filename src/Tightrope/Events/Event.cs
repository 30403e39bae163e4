using Tightrope.Dates;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Events;

/// <summary>How an event is reported: as a fact, or as something proposed, threatened, denied, supposed or planned.</summary>
public enum Modality : byte
{
    Asserted,
    Proposed,
    Threatened,
    Negated,
    Hypothetical,
    Planned,
}

/// <summary>
/// One event of an article: a PLOVER type (and mode) with its closest CAMEO root code, source and target actors (ids
/// from the actors module's mentions, with their CAMEO-style codes), date and where it came from ("sentence" or
/// "article"), location, modality, the predicate's span and the sentence's span.
/// </summary>
public sealed record Event
{
    public required TextSpan Span { get; init; }
    public required string Text { get; init; }
    public required string Type { get; init; }
    public string? Mode { get; init; }
    public required string Cameo { get; init; }
    public string? SourceId { get; init; }
    public string? SourceCode { get; init; }
    public string? TargetId { get; init; }
    public string? TargetCode { get; init; }
    public Modality Modality { get; init; }
    public string? Date { get; init; }
    public string? DateFrom { get; init; }
    public string? Location { get; init; }
    public required TextSpan Sentence { get; init; }

    /// <summary>The other places the article reports this same event (same type, actors, modality and date), in text order; null when none.</summary>
    public IReadOnlyList<EventMention>? Also { get; init; }
}

/// <summary>One more report of an event in its article: the predicate's span and the sentence's span.</summary>
public readonly record struct EventMention(TextSpan Predicate, TextSpan Sentence);

/// <summary>The events capability's records on an article.</summary>
public static class EventAnnotations
{
    public static readonly AnnotationKey<List<Event>> EventsKey = new("events", () => []);

    extension(Article article)
    {
        /// <summary>The article's events (the events stage fills them).</summary>
        public List<Event> Events => article.Get(EventsKey);
    }
}

/// <summary>How events are stored and shown as JSON; stores index an article by event type and by the events' actors.</summary>
public static class EventLayer
{
    public static readonly ListLayer<Event> Layer = new(new EventCodec(), a => a.Events, keys: static (e, k) =>
    {
        k.Add(new IndexKey("event-type", e.Type));
        if (e.SourceId is { } s)
        {
            k.Add(new IndexKey("event-actor", s));
        }

        if (e.TargetId is { } t && t != e.SourceId)
        {
            k.Add(new IndexKey("event-actor", t));
        }
    });

    internal static string ModalityName(Modality m) => m.ToString().ToLowerInvariant();

    /// <summary>"12-20-0-45;90-97-60-120": predicate start, end, sentence start, end of each further report.</summary>
    private static List<EventMention>? ReadAlso(string? packed)
    {
        if (string.IsNullOrEmpty(packed))
        {
            return null;
        }

        var list = new List<EventMention>();
        foreach (var item in packed.Split(';'))
        {
            var n = item.Split('-').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            list.Add(new EventMention(new TextSpan(n[0], n[1]), new TextSpan(n[2], n[3])));
        }

        return list;
    }

    private sealed class EventCodec() : RecordCodec<Event>("events", 2,
        new("start", ColumnType.Integer), new("end", ColumnType.Integer), new("text", ColumnType.SpanText),
        new("type", ColumnType.Text), new("mode", ColumnType.Text, Nullable: true), new("cameo", ColumnType.Text),
        new("source_id", ColumnType.Text, Nullable: true), new("source_code", ColumnType.Text, Nullable: true),
        new("target_id", ColumnType.Text, Nullable: true), new("target_code", ColumnType.Text, Nullable: true),
        new("modality", ColumnType.Text), new("date", ColumnType.Text, Nullable: true), new("date_from", ColumnType.Text, Nullable: true),
        new("location", ColumnType.Text, Nullable: true), new("sentence_start", ColumnType.Integer), new("sentence_end", ColumnType.Integer),
        new("also", ColumnType.Text, Nullable: true))
    {
        public override void Write(Event e, IRowWriter row)
        {
            row.Integer(e.Span.Start);
            row.Integer(e.Span.End);
            row.SpanText(e.Text, e.Span.Start, e.Span.End);
            row.Text(e.Type);
            row.Text(e.Mode);
            row.Text(e.Cameo);
            row.Text(e.SourceId);
            row.Text(e.SourceCode);
            row.Text(e.TargetId);
            row.Text(e.TargetCode);
            row.Text(ModalityName(e.Modality));
            row.Text(e.Date);
            row.Text(e.DateFrom);
            row.Text(e.Location);
            row.Integer(e.Sentence.Start);
            row.Integer(e.Sentence.End);
            row.Text(e.Also is { Count: > 0 } also ? string.Join(';', also.Select(m => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{m.Predicate.Start}-{m.Predicate.End}-{m.Sentence.Start}-{m.Sentence.End}"))) : null);
        }

        public override Event Read(IRowReader row)
        {
            int start = (int)row.Integer()!, end = (int)row.Integer()!;
            return new Event
            {
                Span = new TextSpan(start, end),
                Text = row.SpanText(start, end),
                Type = row.Text()!,
                Mode = row.Text(),
                Cameo = row.Text()!,
                SourceId = row.Text(),
                SourceCode = row.Text(),
                TargetId = row.Text(),
                TargetCode = row.Text(),
                Modality = Enum.Parse<Modality>(row.Text()!, ignoreCase: true),
                Date = row.Text(),
                DateFrom = row.Text(),
                Location = row.Text(),
                Sentence = new TextSpan((int)row.Integer()!, (int)row.Integer()!),
                Also = ReadAlso(row.Text()),
            };
        }
    }
}

/// <summary>
/// Where an event's date comes from. The default reads the article date; the dates module's sentence-level date
/// expressions plug in here (TODO: wire <c>Layer.DateExpressions</c> when that layer lands: return its value and
/// "sentence").
/// </summary>
public interface IEventDater
{
    (string? Date, string? From) Date(Article article, int sentence, TextSpan predicate);
}

/// <summary>The article's date, day precision, <c>date_from</c> "article".</summary>
public sealed class ArticleDater : IEventDater
{
    public static ArticleDater Instance { get; } = new();

    /// <summary>The last date written on this thread, so that the events of one article share one string.</summary>
    [ThreadStatic]
    private static (DateOnly Date, string Text)? t_last;

    public (string? Date, string? From) Date(Article article, int sentence, TextSpan predicate)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Date is not { } d)
        {
            return (null, null);
        }

        if (t_last is not { } last || last.Date != d.Date)
        {
            t_last = last = (d.Date, d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return (last.Text, "article");
    }
}

/// <summary>
/// The date of the sentence's own date expression (the dates module's layer) nearest the predicate, at the precision
/// the text gives ("2024-11-07", "2024-11"), <c>date_from</c> "sentence"; a sentence with none that dates itself by
/// the one before ("On the same day", "the next day", "a day earlier": <c>events-anaphoric-days</c>) takes the latest
/// date expression of the three sentences before it, shifted by the phrase's days, also "sentence"; else the
/// article's date.
/// </summary>
public sealed class SentenceDater : IEventDater
{
    private static readonly (string Phrase, int Days)[] Anaphoric = [.. Knowledge.LanguageData.English["events-anaphoric-days"].Values
        .Select(kv => (kv.Key, int.Parse(kv.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture)))
        .OrderByDescending(p => p.Key.Length)];

    private static readonly string[] Heads = [.. Anaphoric.Select(p => p.Phrase[(p.Phrase.LastIndexOf(' ') + 1)..]).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static SentenceDater Instance { get; } = new();

    [ThreadStatic]
    private static (Article? Article, int Sentence, List<DateExpression>? Expressions, int Count, string? Carried) t_carried;

    public (string? Date, string? From) Date(Article article, int sentence, TextSpan predicate)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (Own(article, sentence, predicate) is { } own)
        {
            return (own, "sentence");
        }

        // The date a sentence carries from the ones before depends on the sentence only: worked out once for all its predicates.
        var cache = t_carried;
        if (!ReferenceEquals(cache.Article, article) || cache.Sentence != sentence || !ReferenceEquals(cache.Expressions, article.DateExpressions) || cache.Count != article.DateExpressions.Count)
        {
            t_carried = cache = (article, sentence, article.DateExpressions, article.DateExpressions.Count, Carried(article, sentence, depth: 0));
        }

        if (cache.Carried is { } carried)
        {
            return (carried, "sentence");
        }

        return ArticleDater.Instance.Date(article, sentence, predicate);
    }

    /// <summary>The sentence's own date expression nearest <paramref name="near"/>; a time of day keeps its day ("2024-11-07T19:59" → "2024-11-07").</summary>
    private static string? Own(Article article, int sentence, TextSpan near)
    {
        DateExpression? best = null;
        int bestDistance = int.MaxValue;
        foreach (var d in article.DateExpressions)
        {
            if (d.Sentence != sentence || d.First is null || d.Value.Length < 4 || !char.IsAsciiDigit(d.Value[0]))
            {
                continue;
            }

            int distance = d.Span.Start >= near.End ? d.Span.Start - near.End : Math.Max(0, near.Start - d.Span.End);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (d, distance);
            }
        }

        if (best is null)
        {
            return null;
        }

        string v = best.Value;
        int t = v.IndexOf('T', StringComparison.Ordinal);
        return t > 0 ? v[..t] : v;
    }

    /// <summary>"On the same day", "the next day": the latest date of the sentences just before, shifted; null when the sentence has no such phrase.</summary>
    private static string? Carried(Article article, int sentence, int depth)
    {
        if (sentence <= 0 || sentence >= article.Sentences.Count || depth > 2 || AnaphoricShift(article, sentence) is not { } days)
        {
            return null;
        }

        for (int back = sentence - 1; back >= 0 && back >= sentence - 3; back--)
        {
            var span = article.Sentences[back].Span;
            var earlier = Own(article, back, new TextSpan(span.End, span.End)) ?? Carried(article, back, depth + 1);
            if (earlier is null)
            {
                continue;
            }

            if (days == 0)
            {
                return earlier;
            }

            // A shift in days needs a day to shift from.
            return earlier.Length == 10 && DateOnly.TryParseExact(earlier, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                ? day.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        return null;
    }

    /// <summary>The day shift of the sentence's anaphoric date phrase (whole words, any case), if it has one.</summary>
    internal static int? AnaphoricShift(Article article, int sentence)
    {
        var text = article.Text.AsSpan(article.Sentences[sentence].Span.Start, article.Sentences[sentence].Span.Length);
        // Most sentences hold none of the phrases' last words ("day", "morning"): one search each rules them all out.
        bool any = false;
        foreach (var w in Heads)
        {
            any |= text.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0;
        }

        if (!any)
        {
            return null;
        }

        foreach (var (phrase, days) in Anaphoric)
        {
            int at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || !char.IsLetter(text[at - 1])) && (at + phrase.Length == text.Length || !char.IsLetter(text[at + phrase.Length])))
            {
                return days;
            }
        }

        return null;
    }
}

/// <summary>The events capability: PLOVER events from the predicate lexicon, with actors from the mentions.</summary>
public sealed class EventsModule : IModule
{
    public static EventsModule Instance { get; } = new();

    public string Name => "events";

    public IReadOnlyList<ILayerCodec> Layers { get; } = [EventLayer.Layer];

    public void Setup(PipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Use(new EventsStage(builder.Options.Knowledge, SentenceDater.Instance)
        {
            DatedEvents = Dates.DatedEvents.Of(builder.Options.KnowledgeFolder ?? Knowledge.KnowledgeLoader.FindDefaultFolder()),
        });
    }
}

/// <summary>Fills <c>article.Events</c> from the sentences, tokens and actor mentions.</summary>
public sealed class EventsStage(Knowledge.KnowledgeBase knowledge, IEventDater? dater = null) : IStage
{
    private readonly EventExtractor _extractor = new(knowledge, dater ?? ArticleDater.Instance);

    public string Name => "events";

    public IReadOnlyList<Layer> Requires { get; } = [Pipeline.Layer.Sentences, Pipeline.Layer.Tokens, Pipeline.Layer.Mentions];

    public IReadOnlyList<Layer> Produces { get; } = [new("events")];

    /// <summary>The dated events of the knowledge base (summits, state visits) that date the meetings an article tells of (<see cref="KnownEvents"/>).</summary>
    internal IReadOnlyList<Dates.DatedEvent> DatedEvents { get; init; } = [];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var events = _extractor.Extract(article);
        if (DatedEvents.Count > 0)
        {
            KnownEvents.Apply(article, events, DatedEvents, knowledge);
        }

        article.Events.AddRange(events);
    }
}
