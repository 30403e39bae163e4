using System.Globalization;
using System.Text.Json;
using Tightrope.Dates;
using Tightrope.Model;

namespace Tightrope.Eval;

/// <summary>
/// Scores the date-expression grammar (<see cref="DateRecognizer"/>) against the English DateTime spec of Microsoft
/// Recognizers-Text (<c>DateTime_English_DateTimeModel.json</c>, read in place, never copied), on the subset a news
/// reader meets: the days, months, years and seasons a report is dated by and tells of ("Jan 1, 2019", "last
/// Tuesday", "next month", "in 2018", "this summer", "the 1990s"), each resolved against the case's reference day.
/// Left out, each counted with its reason: clock times, time ranges, date-and-time expressions, durations and sets
/// ("for three hours", "every Monday" — TempEval-3 scores the clock times a report holds); cases without a reference
/// day (nothing to resolve against); cases the Recognizers-Text .NET port itself does not support (its
/// <c>NotSupported</c> names dotnet); ranges between two dates ("from March 3 to March 9", "the week of …": the
/// grammar resolves them as two dates, not one period). A result counts when an expression of ours overlaps the
/// expected text and its value is the expected TIMEX3 value (or, for a value without a year, one of the days the
/// spec lists as its past and future readings; for a length of time ahead, "in two weeks", the day it ends on, as
/// the gold files' scorer reads an end value); an expression of ours that matches nothing expected is a false
/// positive (cases that expect nothing included).
/// </summary>
public static class RecognizersDateScoring
{
    public const string Model = "DateTime (dates)";

    public const string File = "DateTime_English_DateTimeModel.json";

    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "datetimeV2.date", "datetimeV2.daterange" };

    public static RecognizersModelScore Score(string folder)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(folder, File)));
        var leftOut = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        int tp = 0, fp = 0, fn = 0, cases = 0, scored = 0;
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            cases++;
            string input = c.GetProperty("Input").GetString() ?? "";
            var expected = Expected(c);
            if (LeaveOut(c, expected) is { } reason)
            {
                leftOut[reason] = leftOut.GetValueOrDefault(reason) + 1;
                continue;
            }

            scored++;
            var anchor = DateOnly.FromDateTime(DateTime.Parse(c.GetProperty("Context").GetProperty("ReferenceDateTime").GetString()!, CultureInfo.InvariantCulture));
            var mine = DateRecognizer.English.Find(input, [], anchor).Select(f => f.Expression).Where(e => e.Kind != DateKind.Fuzzy).ToList();
            var used = new bool[mine.Count];
            foreach (var e in expected)
            {
                int hit = mine.FindIndex(m => m.Span.Start <= e.End && e.Start < m.Span.End && (e.Values.Contains(m.Value) || (m.EndValue is { } end && e.Values.Contains(end))));
                if (hit >= 0)
                {
                    used[hit] = true;
                    tp++;
                }
                else
                {
                    fn++;
                    errors.Add($"missed '{input}' @{anchor:yyyy-MM-dd}: '{input[e.Start..Math.Min(input.Length, e.End + 1)]}' = {string.Join(" | ", e.Values)}; found {string.Join(", ", mine.Select(m => $"'{m.Text}' = {m.Value}"))}");
                }
            }

            for (int i = 0; i < mine.Count; i++)
            {
                if (!used[i] && !expected.Exists(e => mine[i].Span.Start <= e.End && e.Start < mine[i].Span.End))
                {
                    fp++;
                    errors.Add($"extra '{input}' @{anchor:yyyy-MM-dd}: '{mine[i].Text}' = {mine[i].Value}");
                }
            }
        }

        return new RecognizersModelScore(Model, new PrfCount(tp, fp, fn), cases, scored, leftOut, errors);
    }

    private sealed record Result(string Type, int Start, int End, string Timex, HashSet<string> Values);

    /// <summary>The expected results: span, type and the values that count as right (the TIMEX3 value, or the spec's readings of a value without a year).</summary>
    private static List<Result> Expected(JsonElement c)
    {
        var list = new List<Result>();
        if (!c.TryGetProperty("Results", out var results))
        {
            return list;
        }

        foreach (var r in results.EnumerateArray())
        {
            string type = r.TryGetProperty("TypeName", out var t) ? t.GetString() ?? "" : "";
            string timex = "";
            var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (r.TryGetProperty("Resolution", out var res) && res.ValueKind == JsonValueKind.Object && res.TryGetProperty("values", out var vs))
            {
                foreach (var v in vs.EnumerateArray())
                {
                    timex = v.TryGetProperty("timex", out var tx) ? tx.GetString() ?? "" : timex;
                    if (!timex.Contains('X', StringComparison.Ordinal))
                    {
                        values.Add(timex);
                    }
                    else if (v.TryGetProperty("value", out var day) && day.GetString() is { } d)
                    {
                        values.Add(d); // "Jan 1" without a year: the past or the future reading
                    }
                    else if (v.TryGetProperty("start", out var start) && start.GetString() is { Length: >= 7 } s && timex.StartsWith("XXXX-", StringComparison.Ordinal) && timex.Length == 7)
                    {
                        values.Add(s[..7]); // "in March": the month of the reading
                    }
                }
            }

            list.Add(new Result(type, r.GetProperty("Start").GetInt32(), r.GetProperty("End").GetInt32(), timex, values));
        }

        return list;
    }

    private static string? LeaveOut(JsonElement c, List<Result> expected)
    {
        string notSupported = c.TryGetProperty("NotSupported", out var ns) ? ns.GetString() ?? "" : "";
        if (notSupported.Contains("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return "not supported by the Recognizers-Text .NET port itself";
        }

        if (!c.TryGetProperty("Context", out var ctx) || !ctx.TryGetProperty("ReferenceDateTime", out _))
        {
            return "no reference day to resolve against";
        }

        if (expected.Exists(e => !Kept.Contains(e.Type)))
        {
            return "clock times, date-times, durations or sets (not dates)";
        }

        if (expected.Exists(e => e.Timex.StartsWith('(') || e.Timex.Contains('W', StringComparison.Ordinal) || e.Values.Count == 0))
        {
            return "a range between two dates or a week (resolved as two dates or a day)";
        }

        return null;
    }
}
