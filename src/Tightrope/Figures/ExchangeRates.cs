using System.Globalization;

namespace Tightrope.Figures;

/// <summary>A conversion to US dollars: the value and how it was reached.</summary>
public readonly record struct UsdConversion(double Usd, string Currency, int Year, double Rate, string Note);

/// <summary>
/// Annual average exchange rates (units per US dollar) from <c>knowledge/rates/usd-annual.csv</c>. A year past the
/// table uses its latest full year, a year before it the earliest; the conversion says which year and rate it used.
/// </summary>
public sealed class ExchangeRates
{
    private readonly Dictionary<string, SortedDictionary<int, double>> _rates;

    /// <summary>Rate, year used and note per currency and figure year, computed once (a note is the same for every figure).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Currency, int Year), (int Used, double Rate, string Note)> _notes = new();

    public ExchangeRates(Dictionary<string, SortedDictionary<int, double>> rates, string? source = null)
    {
        _rates = rates;
        Source = source;
    }

    public static ExchangeRates Empty { get; } = new([]);

    public string? Source { get; }

    public IEnumerable<string> Currencies => _rates.Keys;

    public static ExchangeRates LoadFolder(string knowledgeFolder, List<Knowledge.KnowledgeProblem>? problems = null)
    {
        var file = Path.Combine(knowledgeFolder, "rates", "usd-annual.csv");
        return File.Exists(file) ? Load(file, problems) : Empty;
    }

    /// <summary>Reads the CSV: '#' comment lines, a header "year,KRW,…", then one row per year; empty cells are unknown.</summary>
    public static ExchangeRates Load(string file, List<Knowledge.KnowledgeProblem>? problems = null)
    {
        problems ??= [];
        var rates = new Dictionary<string, SortedDictionary<int, double>>(StringComparer.OrdinalIgnoreCase);
        string[]? header = null;
        int lineNo = 0;
        foreach (var raw in File.ReadLines(file))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split(',');
            if (header is null)
            {
                header = cells;
                if (!string.Equals(header[0].Trim(), "year", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new Knowledge.KnowledgeProblem(file, lineNo, "the header must start with 'year'"));
                    return Empty;
                }

                for (int c = 1; c < header.Length; c++)
                {
                    rates[header[c].Trim()] = [];
                }

                continue;
            }

            if (!int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int year))
            {
                problems.Add(new Knowledge.KnowledgeProblem(file, lineNo, $"'{cells[0]}' is not a year"));
                continue;
            }

            for (int c = 1; c < cells.Length && c < header.Length; c++)
            {
                var cell = cells[c].Trim();
                if (cell.Length == 0)
                {
                    continue;
                }

                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || rate <= 0)
                {
                    problems.Add(new Knowledge.KnowledgeProblem(file, lineNo, $"'{cell}' is not a positive rate for {header[c]}"));
                    continue;
                }

                rates[header[c].Trim()][year] = rate;
            }
        }

        return new ExchangeRates(rates, file);
    }

    /// <summary>Converts <paramref name="amount"/> of <paramref name="currency"/> to USD at the annual average of <paramref name="year"/>.</summary>
    public UsdConversion? ToUsd(double amount, string currency, int year)
    {
        if (string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase))
        {
            return new UsdConversion(amount, "USD", year, 1, "USD");
        }

        if (!_rates.TryGetValue(currency, out var table) || table.Count == 0)
        {
            return null;
        }

        var (used, rate, note) = _notes.GetOrAdd((currency, year), static (key, t) => RateFor(t, key.Currency, key.Year), table);
        return new UsdConversion(amount / rate, currency, used, rate, note);
    }

    /// <summary>The rate year used for a figure's year, the rate and the note saying so (the same for every figure of that currency and year).</summary>
    private static (int Used, double Rate, string Note) RateFor(SortedDictionary<int, double> table, string currency, int year)
    {
        int used = year;
        string note;
        if (table.TryGetValue(year, out double rate))
        {
            note = $"{currency} {year} annual average {rate.ToString("0.####", CultureInfo.InvariantCulture)} per USD";
        }
        else
        {
            int last = table.Keys.Max();
            int first = table.Keys.Min();
            used = year > last ? last : year < first ? first : NearestBelow(table, year);
            rate = table[used];
            note = $"{currency} {used} annual average {rate.ToString("0.####", CultureInfo.InvariantCulture)} per USD"
                   + (year > last ? $" (latest full year; the figure is for {year})" : $" (no rate for {year})");
        }

        return (used, rate, note);
    }

    private static int NearestBelow(SortedDictionary<int, double> table, int year)
    {
        int best = table.Keys.First();
        foreach (var y in table.Keys)
        {
            if (y <= year)
            {
                best = y;
            }
        }

        return best;
    }
}
