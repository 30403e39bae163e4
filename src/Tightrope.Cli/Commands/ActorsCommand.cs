using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Tightrope.Cli.Commands;

/// <summary><c>tightrope actors</c>: actors of the store with mention and article counts, named from the knowledge base.</summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "How many actors to list", DefaultValueFactory = _ => 100, HelpName = "N" };
        var offset = new Option<int>("--offset") { Description = "Skip this many actors first", DefaultValueFactory = _ => 0, HelpName = "N" };
        var command = new Command("actors", "List the actors mentioned in the store, with mention and article counts") { limit, offset };
        command.SetAction(parse => StoreCommandSupport.Query(parse, "actors", queries =>
        {
            var page = queries.Actors(parse.GetValue(limit), parse.GetValue(offset));
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WritePage(page, a => new { id = a.Id, name = a.Name, kind = a.Kind, mentions = a.Mentions, articles = a.Articles });
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("id", "name", "kind").AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("articles").RightAligned());
            foreach (var r in page)
            {
                table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.Name ?? "(not in the knowledge base)"), r.Kind ?? "", r.Mentions.ToString(CultureInfo.InvariantCulture), r.Articles.ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            StoreCommandSupport.WriteCount(page, "actors");
            return ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary><c>tightrope actor ID</c>: one actor — its entry, roles, the forms seen in text, articles and example mentions.</summary>
internal static class ActorCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Knowledge-base id of the actor" };
        var limit = new Option<int>("--limit") { Description = "How many mentions to read (forms seen and examples come from them)", DefaultValueFactory = _ => 200, HelpName = "N" };
        var command = new Command("actor", "Show one actor: aliases seen, roles, articles and example mentions") { id, limit };
        command.SetAction(parse => StoreCommandSupport.Query(parse, "actor", queries =>
        {
            var actor = queries.Actor(parse.GetValue(id)!, parse.GetValue(limit));
            var entry = actor.Entry;
            var examples = actor.MentionsRead.Where(m => m.SentenceText is not null).GroupBy(m => m.ArticleId, StringComparer.Ordinal).Select(g => g.First()).Take(5)
                .Select(m => new { article = m.ArticleId, text = m.Mention.Text, kind = m.Mention.Kind.ToString(), confidence = m.Mention.Confidence, sentence = m.SentenceText }).ToList();
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(new
                {
                    id = actor.Id,
                    name = entry?.Name,
                    kind = entry?.Kind is { } k ? Knowledge.KnowledgeLoader.KindName(k) : null,
                    aliases = entry?.Aliases,
                    roles = entry?.Roles.Select(r => new { title = r.Title, org = r.Org, from = StoreCommandSupport.Iso(r.From), to = StoreCommandSupport.Iso(r.To) }),
                    mentions = actor.Mentions,
                    mentionsRead = actor.MentionsRead.Count,
                    formsSeen = actor.FormsSeen.Select(f => new { form = f.Form, count = f.Count }),
                    articles = new { total = actor.Articles.Total, items = actor.Articles.Select(a => new { article = a.ArticleId, title = a.Title, date = StoreCommandSupport.Iso(a.Date), mentions = a.Mentions }) },
                    examples,
                });
                return ExitCodes.Ok;
            }

            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(entry?.Name ?? actor.Id)}[/] ({Markup.Escape(actor.Id)}, {(entry is null ? "not in the knowledge base" : Knowledge.KnowledgeLoader.KindName(entry.Kind))})");
            if (entry is not null)
            {
                if (entry.Aliases.Count > 0)
                {
                    AnsiConsole.MarkupLine($"aliases: {Markup.Escape(string.Join(", ", entry.Aliases))}");
                }

                foreach (var r in entry.Roles)
                {
                    AnsiConsole.MarkupLine($"role: {Markup.Escape(r.Title)} ({Markup.Escape(r.Org ?? "")}) {StoreCommandSupport.Iso(r.From)} – {StoreCommandSupport.Iso(r.To)}");
                }
            }

            var read = actor.MentionsRead.Count < actor.Mentions ? $" (forms from the first {actor.MentionsRead.Count:N0})" : "";
            AnsiConsole.MarkupLine($"mentions: {actor.Mentions:N0}{read}");
            AnsiConsole.MarkupLine($"forms seen: {Markup.Escape(string.Join(", ", actor.FormsSeen.Select(s => $"{s.Form} ({s.Count})")))}");
            AnsiConsole.MarkupLine($"articles: {actor.Articles.Total:N0}{(actor.Articles.Count < actor.Articles.Total ? $" (the first {actor.Articles.Count} by date)" : "")}");
            foreach (var a in actor.Articles)
            {
                AnsiConsole.MarkupLine($"  {StoreCommandSupport.Short(a.ArticleId)} {StoreCommandSupport.Iso(a.Date)} ({a.Mentions} mentions)");
            }

            foreach (var e in examples)
            {
                AnsiConsole.MarkupLine($"  [grey]{StoreCommandSupport.Short(e.article)}[/] [bold]{Markup.Escape(e.text)}[/]: {Markup.Escape(e.sentence ?? "")}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
