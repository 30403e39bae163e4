using System.CommandLine;
using System.Globalization;
using Tightrope.Model;

namespace Tightrope.Cli.Commands;

/// <summary>
/// <c>tightrope article set-date ID DATE</c> / <c>tightrope article set-date ID --clear</c>: a person's date for a
/// stored article (source user, confidence 1), kept in the store over every other source until it is cleared.
/// </summary>
internal static class ArticleCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Article id, or a prefix of it that names one article" };
        var date = new Argument<string?>("date") { Description = "The article's date, YYYY-MM-DD", Arity = ArgumentArity.ZeroOrOne };
        var clear = new Option<bool>("--clear") { Description = "Drop the date set by hand: the article goes back to the date the pipeline gave it" };
        var setDate = new Command("set-date", "Set an article's date by hand (kept over metadata and inference, also when the article is ingested again), or --clear it")
        {
            id, date, clear,
        };
        setDate.SetAction(parse =>
        {
            var wanted = parse.GetValue(id)!.Trim();
            var day = parse.GetValue(date);
            bool drop = parse.GetValue(clear);
            if (wanted.Length == 0)
            {
                Console.Error.WriteLine("tightrope article set-date: give an article id");
                return ExitCodes.Usage;
            }

            if (drop == (day is not null))
            {
                Console.Error.WriteLine(drop
                    ? "tightrope article set-date: give either a date or --clear, not both"
                    : "tightrope article set-date: give the date as YYYY-MM-DD, or --clear to drop the date set by hand");
                return ExitCodes.Usage;
            }

            return StoreCommandSupport.Query(parse, "article set-date", queries =>
            {
                var article = drop ? queries.ClearDate(wanted) : queries.SetDate(wanted, day!);
                if (parse.GetValue(CommonOptions.Json))
                {
                    StoreCommandSupport.WriteJson(new
                    {
                        id = article.Id,
                        date = article.Date is { } d ? StoreCommandSupport.Iso(d.Date) : null,
                        date_source = article.Date?.Source.ToString().ToLowerInvariant(),
                        date_confidence = article.Date?.Confidence,
                        date_evidence = article.Date?.Evidence,
                        cleared = drop,
                    });
                }
                else
                {
                    Console.Out.WriteLine($"{StoreCommandSupport.Short(article.Id)}: date {Describe(article.Date)}");
                }

                return ExitCodes.Ok;
            }, knowledge: false);
        });
        return new Command("article", "Change what the store holds about one article") { setDate };
    }

    /// <summary>"2024-11-07 (user, confidence 1; evidence: set by the user)", with an inferred date's window, or "(unknown)".</summary>
    internal static string Describe(ArticleDate? date) => date is null
        ? "(unknown)"
        : string.Create(CultureInfo.InvariantCulture,
            $"{StoreCommandSupport.Iso(date.Date)} ({date.Source.ToString().ToLowerInvariant()}, confidence {date.Confidence:0.##}{(date.Window is { } w ? $"; fits {StoreCommandSupport.Iso(w.From)}..{StoreCommandSupport.Iso(w.To)}{(date.Rough ? ", rough" : "")}" : "")}{(date.Evidence is null ? "" : $"; evidence: {date.Evidence}")})");
}
