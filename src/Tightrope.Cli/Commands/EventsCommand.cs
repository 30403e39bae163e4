using System.CommandLine;
using Spectre.Console;
using Tightrope.Knowledge;
using Tightrope.Queries;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope events [--actor ID] [--type TYPE] [--modality M] [--from DATE] [--to DATE] [--limit N] [--merged [--days N]] [--json]</c>:
/// the stored events (PLOVER type and mode, source and target, date, modality) with their article and sentence; with
/// <c>--merged</c>, one row per event however many articles report it.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var actor = new Option<string?>("--actor") { Description = "Only events with this actor (knowledge-base id) as source or target", HelpName = "ID" };
        var type = new Option<string?>("--type") { Description = "Only events of this PLOVER type (AGREE, CONSULT, REQUEST, ACCUSE, THREATEN, ASSAULT, …)", HelpName = "TYPE" };
        var modality = new Option<string?>("--modality") { Description = "Only events of this modality: " + string.Join(", ", EventNames.Modalities), HelpName = "M" };
        var from = new Option<string?>("--from") { Description = "Only events dated wholly on or after (YYYY-MM-DD)", HelpName = "YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Only events dated wholly on or before (YYYY-MM-DD)", HelpName = "YYYY-MM-DD" };
        var limit = new Option<int>("--limit") { Description = "Most events listed (default 100)", DefaultValueFactory = _ => 100, HelpName = "N" };
        var offset = new Option<int>("--offset") { Description = "Skip this many events first", DefaultValueFactory = _ => 0, HelpName = "N" };
        var merged = new Option<bool>("--merged") { Description = "One row per event however many articles report it: same type, actors and modality within a few days (--days), with every report" };
        var days = new Option<int>("--days") { Description = "With --merged: the most days between two reports of one event (default 3)", DefaultValueFactory = _ => 3, HelpName = "N" };
        var command = new Command("events", "List stored events: who did what to whom, when, and how it was reported") { actor, type, modality, from, to, limit, offset, merged, days };
        command.SetAction(parse =>
        {
            if (!StoreCommandSupport.TryParseDate(parse.GetValue(from), "--from", out var fromDate)
                || !StoreCommandSupport.TryParseDate(parse.GetValue(to), "--to", out var toDate))
            {
                return ExitCodes.Usage;
            }

            return StoreCommandSupport.Query(parse, "events", queries =>
            {
                var events = queries.Events(new EventQuery
                {
                    Actor = parse.GetValue(actor),
                    Type = parse.GetValue(type),
                    Modality = parse.GetValue(modality),
                    From = fromDate,
                    To = toDate,
                    Limit = parse.GetValue(merged) ? int.MaxValue : parse.GetValue(limit),
                    Offset = parse.GetValue(merged) ? 0 : parse.GetValue(offset),
                });
                if (parse.GetValue(merged))
                {
                    return WriteMerged(EventMerge.Merge(events, parse.GetValue(days)).Skip(parse.GetValue(offset)).Take(parse.GetValue(limit)).ToList(), parse.GetValue(CommonOptions.Json), queries.Knowledge);
                }

                if (parse.GetValue(CommonOptions.Json))
                {
                    StoreCommandSupport.WritePage(events, e => ToJson(e, queries.Knowledge));
                    return ExitCodes.Ok;
                }

                if (events.Total == 0)
                {
                    Console.Error.WriteLine("tightrope: no events match");
                    return ExitCodes.Ok;
                }

                var table = new Table().AddColumn("date").AddColumn("type").AddColumn("mode").AddColumn("source").AddColumn("target")
                    .AddColumn("modality").AddColumn("article").AddColumn("sentence");
                foreach (var r in events)
                {
                    var e = r.Event;
                    table.AddRow(
                        Markup.Escape(r.Date ?? "?"),
                        Markup.Escape(e.Type),
                        Markup.Escape(e.Mode ?? ""),
                        Markup.Escape(e.SourceId ?? ""),
                        Markup.Escape(e.TargetId ?? ""),
                        Markup.Escape(EventNames.Modalities[(int)e.Modality]),
                        StoreCommandSupport.Short(r.ArticleId),
                        Markup.Escape(Snippet(r.SentenceText, 90)));
                }

                AnsiConsole.Write(table);
                StoreCommandSupport.WriteCount(events, "events");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>The merged events: a table row each (date, type, actors, modality, articles, reports, first sentence), or JSON with every report.</summary>
    private static int WriteMerged(List<MergedEvent> merged, bool json, KnowledgeBase knowledge)
    {
        if (json)
        {
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(merged.Select(m => new
            {
                type = m.Type,
                source_id = m.SourceId,
                target_id = m.TargetId,
                modality = EventNames.Modalities[(int)m.Modality],
                date = m.Date,
                articles = m.Articles,
                reports = m.Reports.Select(r => ToJson(r, knowledge)).ToList(),
            }), new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Ok;
        }

        if (merged.Count == 0)
        {
            Console.Error.WriteLine("tightrope: no events match");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumn("date").AddColumn("type").AddColumn("source").AddColumn("target").AddColumn("modality")
            .AddColumn("articles").AddColumn("reports").AddColumn("sentence");
        foreach (var m in merged)
        {
            table.AddRow(Markup.Escape(m.Date ?? "?"), Markup.Escape(m.Type), Markup.Escape(m.SourceId ?? ""), Markup.Escape(m.TargetId ?? ""),
                Markup.Escape(EventNames.Modalities[(int)m.Modality]), m.Articles.ToString(System.Globalization.CultureInfo.InvariantCulture),
                m.Reports.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(Snippet(m.Reports[0].SentenceText, 80)));
        }

        AnsiConsole.Write(table);
        Console.Error.WriteLine($"{merged.Count} merged events");
        return ExitCodes.Ok;
    }

    internal static string Snippet(string? sentence, int length)
    {
        var s = (sentence ?? "").ReplaceLineEndings(" ");
        return s.Length <= length ? s : s[..(length - 1)] + "…";
    }

    /// <summary>One event as a flat object (the events layer's column names, with the actors' names and the sentence).</summary>
    internal static object ToJson(EventRecord r, KnowledgeBase knowledge)
    {
        var e = r.Event;
        return new
        {
            article = r.ArticleId,
            article_title = r.ArticleTitle,
            article_date = r.ArticleDate,
            type = e.Type,
            mode = e.Mode,
            cameo = e.Cameo,
            source_id = e.SourceId,
            source_name = e.SourceId is null ? null : knowledge.Find(e.SourceId)?.Name,
            source_code = e.SourceCode,
            target_id = e.TargetId,
            target_name = e.TargetId is null ? null : knowledge.Find(e.TargetId)?.Name,
            target_code = e.TargetCode,
            source_text = r.SourceText,
            target_text = r.TargetText,
            modality = EventNames.Modalities[(int)e.Modality],
            date = r.Date,
            date_from = r.DateFrom,
            location = e.Location,
            start = e.Span.Start,
            end = e.Span.End,
            text = e.Text,
            sentence_start = e.Sentence.Start,
            sentence_end = e.Sentence.End,
            sentence = r.SentenceText,
        };
    }
}
