using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Tightrope.Knowledge;
using Tightrope.Queries;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope export events --format csv|json|plover --out FILE [--actor ID] [--type TYPE]</c>: every stored event
/// with its article and sentence, as a flat table (csv, json) or as PLOVER event records (plover).
/// </summary>
internal static class ExportEventsCommand
{
    public static Command Create()
    {
        var (format, output) = StoreCommandSupport.ExportOptions("csv, json or plover (PLOVER event records, JSON)", "csv", "json", "plover");
        var actor = new Option<string?>("--actor") { Description = "Only events with this actor as source or target", HelpName = "ID" };
        var type = new Option<string?>("--type") { Description = "Only events of this PLOVER type", HelpName = "TYPE" };
        var command = new Command("events", "Export the stored events (CSV, JSON or PLOVER JSON)") { format, output, actor, type };
        command.SetAction(parse => StoreCommandSupport.Query(parse, "export events", queries =>
        {
            var records = queries.Events(new EventQuery { Actor = parse.GetValue(actor), Type = parse.GetValue(type), Limit = int.MaxValue }).Items;
            var path = parse.GetValue(output)!;
            try
            {
                StoreCommandSupport.CreateFolderOf(path);

                switch (parse.GetValue(format))
                {
                    case "json":
                        File.WriteAllText(path, JsonSerializer.Serialize(records.Select(r => EventsCommand.ToJson(r, queries.Knowledge)), StoreCommandSupport.JsonOptions));
                        break;
                    case "plover":
                        File.WriteAllText(path, new JsonArray([.. records.Select(r => (JsonNode)Plover(r, queries.Knowledge))]).ToJsonString(StoreCommandSupport.JsonOptions));
                        break;
                    default:
                        WriteCsv(path, records, queries.Knowledge);
                        break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"tightrope export events: cannot write {path}: {ex.Message}");
                return ExitCodes.SomeFailed;
            }

            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(new
                {
                    file = Path.GetFullPath(path),
                    format = parse.GetValue(format),
                    rows = records.Count,
                    bytes = new FileInfo(path).Length,
                });
            }
            else
            {
                Console.Error.WriteLine($"tightrope: wrote {records.Count} event(s) to {path}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static readonly string[] CsvColumns =
    [
        "article", "article_date", "title", "type", "mode", "cameo", "source_id", "source_name", "source_code", "target_id", "target_name", "target_code",
        "source_text", "target_text", "modality", "date", "date_from", "location", "start", "end", "text", "sentence",
    ];

    private static void WriteCsv(string path, IReadOnlyList<EventRecord> records, KnowledgeBase knowledge)
    {
        using var writer = new StreamWriter(path);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), false);
        csv.WriteHeader(CsvColumns);
        foreach (var r in records)
        {
            var e = r.Event;
            csv.WriteRecord(
            [
                r.ArticleId, StoreCommandSupport.Iso(r.ArticleDate), r.ArticleTitle ?? "", e.Type, e.Mode ?? "", e.Cameo,
                e.SourceId ?? "", Name(knowledge, e.SourceId) ?? "", e.SourceCode ?? "", e.TargetId ?? "", Name(knowledge, e.TargetId) ?? "", e.TargetCode ?? "",
                r.SourceText ?? "", r.TargetText ?? "",
                EventNames.Modalities[(int)e.Modality], r.Date ?? "", r.DateFrom ?? "", e.Location ?? "",
                e.Span.Start.ToString(CultureInfo.InvariantCulture), e.Span.End.ToString(CultureInfo.InvariantCulture), e.Text, r.SentenceText ?? "",
            ]);
        }
    }

    private static string? Name(KnowledgeBase knowledge, string? id) => id is null ? null : knowledge.Find(id)?.Name;

    /// <summary>
    /// One event as a PLOVER event record: <c>id</c>, <c>date</c>, <c>source</c> and <c>target</c> (lists of
    /// <c>actorText</c>, <c>code</c>, <c>sector</c>), <c>event</c>, <c>mode</c>, <c>eventText</c>, <c>eventLoc</c>,
    /// <c>text</c>, <c>language</c>, <c>publication</c>; only fields with a value, as the PLOVER records do. What
    /// PLOVER has no field for is added under names of its own: <c>modality</c>, <c>cameo</c> (the CAMEO root code),
    /// <c>dateFrom</c>, <c>articleId</c> and <c>offsets</c> (of the predicate and the sentence in the cleaned text).
    /// <c>actorText</c> is how the sentence names the actor (its mention nearest the predicate), else its knowledge-base name.
    /// </summary>
    internal static JsonObject Plover(EventRecord r, KnowledgeBase knowledge)
    {
        var e = r.Event;
        var json = new JsonObject { ["id"] = $"{r.ArticleId}-{e.Span.Start.ToString(CultureInfo.InvariantCulture)}" };
        Add(json, "date", r.Date);
        Add(json, "source", Actors(e.SourceId, r.SourceText, e.SourceCode, knowledge));
        Add(json, "target", Actors(e.TargetId, r.TargetText, e.TargetCode, knowledge));
        json["event"] = e.Type;
        Add(json, "mode", e.Mode);
        json["eventText"] = e.Text;
        Add(json, "eventLoc", e.Location is null ? null : new JsonObject { ["name"] = e.Location });
        Add(json, "text", r.SentenceText);
        json["language"] = "en";
        Add(json, "publication", r.ArticleSource);
        json["modality"] = EventNames.Modalities[(int)e.Modality];
        json["cameo"] = e.Cameo;
        Add(json, "dateFrom", r.DateFrom);
        json["articleId"] = r.ArticleId;
        json["offsets"] = new JsonObject
        {
            ["event"] = new JsonArray(e.Span.Start, e.Span.End),
            ["text"] = new JsonArray(e.Sentence.Start, e.Sentence.End),
        };
        return json;
    }

    private static void Add(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    /// <summary>A PLOVER actor list of one actor: its text, the country code and the sector ("KORGOV" → KOR, GOV).</summary>
    private static JsonArray? Actors(string? id, string? text, string? code, KnowledgeBase knowledge)
    {
        if (id is null)
        {
            return null;
        }

        var actor = new JsonObject { ["actorText"] = text ?? Name(knowledge, id) ?? id };
        if (code is { Length: >= 3 })
        {
            actor["code"] = code[..3];
            if (code.Length > 3)
            {
                actor["sector"] = code[3..];
            }
        }

        actor["actorId"] = id;
        return new JsonArray(actor);
    }
}
