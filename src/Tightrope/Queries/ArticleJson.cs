using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tightrope.Actors;
using Tightrope.Figures;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Storage;

namespace Tightrope.Queries;

/// <summary>
/// An article as JSON, the same for <c>annotate --json</c>, <c>show --json</c> and the API: its metadata and date, the
/// cleaned text, then every layer as an array written by the layer's codec (so a new capability appears without
/// touching this), and each mention's actor named from the knowledge base.
/// </summary>
public static class ArticleJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject ToJson(Article article, IReadOnlyList<ILayerCodec> layers, KnowledgeBase? knowledge = null, DateOnly? fallbackDate = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(layers);
        var m = article.Metadata;
        var date = article.Date?.Date ?? fallbackDate;
        var json = new JsonObject
        {
            ["id"] = article.Id,
            ["title"] = m.Title,
            ["source"] = m.Source,
            ["author"] = m.Author,
            ["url"] = m.Url,
            ["origin"] = m.Origin,
            ["format"] = m.Format,
            ["published"] = Iso(m.Published),
            ["date"] = Iso(date),
            ["date_source"] = article.Date is { } d ? d.Source.ToString().ToLowerInvariant() : fallbackDate is null ? null : "given",
            ["date_confidence"] = article.Date?.Confidence,
            ["date_evidence"] = article.Date?.Evidence,
            ["date_window"] = article.Date?.Window is { } w ? new JsonObject { ["from"] = w.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = w.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } : null,
            ["duplicate_of"] = article.DuplicateOf,
            ["text"] = article.WrittenText,
        };

        using (var buffer = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                LayerPack.WriteJson(article, layers, writer);
                writer.WriteEndObject();
            }

            foreach (var (name, value) in JsonNode.Parse(buffer.ToArray())!.AsObject().ToList())
            {
                json[name] = value?.DeepClone();
            }
        }

        if (article.Find(FigureAnnotations.ContradictionsKey) is { } own)
        {
            json["contradictions"] = JsonSerializer.SerializeToNode(own, Options);
        }

        json["events"] ??= new JsonArray();
        if (json["mentions"] is JsonArray mentions)
        {
            var records = article.Mentions;
            int index = 0;
            foreach (var node in mentions.OfType<JsonObject>())
            {
                var id = (string?)node["actor_id"];
                var record = index < records.Count ? records[index] : null;
                index++;
                node["actor"] = id is not null ? new JsonObject { ["id"] = id, ["name"] = knowledge?.Find(id)?.Name }
                    : record is { IsProvisionalPerson: true } ? ProvisionalActor(article, records, record) : null;
            }
        }

        if (json["events"] is JsonArray events)
        {
            // An event dated by its article follows the article's date in force (a date a person set counts), as the
            // events query gives it.
            var articleDate = article.Date?.Date ?? article.Metadata.Published;
            var stored = article.Find(Events.EventAnnotations.EventsKey);
            for (int i = 0; stored is not null && i < stored.Count && i < events.Count; i++)
            {
                if (events[i] is JsonObject e)
                {
                    var (eventDate, eventDateFrom) = EventRecord.DateOf(stored[i], articleDate);
                    e["date"] = eventDate;
                    e["date_from"] = eventDateFrom;
                    if (stored[i].Also is { Count: > 0 } also)
                    {
                        // Every further report of the same event in the article, as predicate and sentence spans.
                        e["also"] = new JsonArray([.. also.Select(m => (JsonNode)new JsonObject
                        {
                            ["predicate"] = new JsonObject { ["start"] = m.Predicate.Start, ["end"] = m.Predicate.End, ["text"] = article.WrittenText[m.Predicate.Start..m.Predicate.End] },
                            ["sentence"] = new JsonObject { ["start"] = m.Sentence.Start, ["end"] = m.Sentence.End },
                        })]);
                    }
                }
            }

            foreach (var node in events.OfType<JsonObject>())
            {
                node["source"] = ActorRef((string?)node["source_id"], knowledge);
                node["target"] = ActorRef((string?)node["target_id"], knowledge);
                node["predicate"] = new JsonObject { ["start"] = (int?)node["start"], ["end"] = (int?)node["end"], ["text"] = (string?)node["text"] };
                node["sentence"] = new JsonObject { ["start"] = (int?)node["sentence_start"], ["end"] = (int?)node["sentence_end"] };
            }
        }

        return json;
    }

    /// <summary>A person the knowledge base does not know: an id from the name, the name as first written in full, the role the text gives.</summary>
    private static JsonObject ProvisionalActor(Article article, IReadOnlyList<Mention> records, Mention mention)
    {
        var full = ProvisionalPeople.FirstFullName(records, mention.Normalized!) ?? mention;
        var actor = new JsonObject
        {
            ["id"] = mention.ProvisionalId,
            ["name"] = full.Text,
            ["kind"] = "person",
            ["provisional"] = true,
        };
        if (ProvisionalPeople.RoleAt(article.Text, full.Span) is { } role)
        {
            actor["role"] = role;
        }

        return actor;
    }

    private static JsonObject? ActorRef(string? id, KnowledgeBase? knowledge) =>
        id is null ? null : new JsonObject { ["id"] = id, ["name"] = knowledge?.Find(id)?.Name };

    public static string Serialize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Options);
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
