using System.Text.Json;
using Tightrope.Events;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Eval;

/// <summary>The PLOVER gold-standard records scored: how many, how many with an event found, how many of the right type.</summary>
public sealed record PloverScore(int Records, int Found, int TypeCorrect, int ModeRecords, int ModeCorrect, IReadOnlyDictionary<string, (int Records, int Correct)> PerType, IReadOnlyList<string> Misses)
{
    /// <summary>Correct types over all records (a record with no event found counts as wrong).</summary>
    public double TypeAccuracy => Records == 0 ? 0 : (double)TypeCorrect / Records;

    /// <summary>Correct types over the records where an event was found.</summary>
    public double TypeAccuracyFound => Found == 0 ? 0 : (double)TypeCorrect / Found;
}

/// <summary>
/// Scores event types against the PLOVER gold-standard records (<c>shared/external/plover-gsr/PLOVER_GSR_CAMEO.txt</c>,
/// read in place, never copied): each record is one sentence with its hand-coded event. The sentence is run through
/// the pipeline as an article; the event scored is the one whose predicate overlaps the record's first event phrase
/// (<c>(EVT: …)</c> in its markup), else the first event of the sentence; every event is considered, with or without an
/// actor of our knowledge base (the records' actors are mostly not in it). The records predate the current names: DEMAND
/// is scored as REQUEST, DISAPPROVE and INVESTIGATE as ACCUSE, FIGHT as ASSAULT; DOCUMENT records are skipped.
/// </summary>
public static class PloverScoring
{
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["DEMAND"] = "REQUEST",
        ["DISAPPROVE"] = "ACCUSE",
        ["INVESTIGATE"] = "ACCUSE",
        ["FIGHT"] = "ASSAULT",
    };

    /// <summary>A PLOVER record: its id, sentence, type (current name), mode, and the text of its first event phrase.</summary>
    public sealed record Record(string Id, string Text, string Type, string? Mode, string? EventPhrase);

    public static IReadOnlyList<Record> Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var list = new List<Record>();
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            string type = Str(r, "event") ?? "";
            string? text = Str(r, "text");
            if (type is "" or "DOCUMENT" || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string? phrase = null;
            if (r.TryGetProperty("textInfo", out var info) && info.ValueKind == JsonValueKind.Object && Str(info, "markup") is { } markup)
            {
                int i = markup.IndexOf("(EVT:", StringComparison.Ordinal);
                int j = i < 0 ? -1 : markup.IndexOf(')', i);
                phrase = j > i ? markup[(i + 5)..j].Trim() : null;
            }

            string? mode = Str(r, "mode");
            list.Add(new Record(Str(r, "id") ?? "", text, Renamed.GetValueOrDefault(type, type), string.IsNullOrWhiteSpace(mode) ? null : mode, phrase));
        }

        return list;
    }

    public static PloverScore Score(string file, KnowledgeBase knowledge)
    {
        var records = Load(file);
        var pipeline = TightropePipeline.Create(new PipelineOptions { Knowledge = knowledge });
        var extractor = new EventExtractor(knowledge, ArticleDater.Instance);
        int found = 0, correct = 0, modeRecords = 0, modeCorrect = 0;
        var perType = new SortedDictionary<string, (int, int)>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var rec in records)
        {
            var article = new Article(rec.Id, rec.Text, new ArticleMetadata { Origin = rec.Id, Format = "txt" })
            {
                Date = new ArticleDate(new DateOnly(2000, 1, 1), DateSource.Given, 1.0, "PLOVER record"),
            };
            pipeline.Process(article);
            var events = extractor.Candidates(article, requireActor: false);
            var e = Pick(article.Text, events, rec.EventPhrase);
            var (n, c) = perType.GetValueOrDefault(rec.Type);
            bool ok = e is not null && e.Type == rec.Type;
            perType[rec.Type] = (n + 1, c + (ok ? 1 : 0));
            if (e is not null)
            {
                found++;
            }

            if (ok)
            {
                correct++;
            }
            else
            {
                misses.Add($"{rec.Id}: want {rec.Type}, got {(e is null ? "nothing" : $"{e.Type} \"{e.Text}\"")} (EVT: {rec.EventPhrase})");
            }

            if (rec.Mode is not null)
            {
                modeRecords++;
                if (ok && e!.Mode == rec.Mode)
                {
                    modeCorrect++;
                }
            }
        }

        return new PloverScore(records.Count, found, correct, modeRecords, modeCorrect, perType, misses);
    }

    /// <summary>The event whose predicate overlaps the record's first event phrase (its first word), else the first one.</summary>
    private static Event? Pick(string text, List<Event> events, string? phrase)
    {
        if (events.Count == 0)
        {
            return null;
        }

        if (phrase is not null)
        {
            var first = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            int at = first is null ? -1 : text.IndexOf(first, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var span = new TextSpan(at, at + first!.Length);
                foreach (var e in events)
                {
                    if (e.Span.Overlaps(span))
                    {
                        return e;
                    }
                }
            }
        }

        return events[0];
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
