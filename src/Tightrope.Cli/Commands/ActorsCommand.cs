using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Tightrope.Cli.Commands;

/// <summary><c>tightrope actors</c>: actors of the store with mention and article counts, named from the knowledge base.</summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "How many actors to list", DefaultValueFactory = _ => 100 };
        var command = new Command("actors", "List the actors mentioned in the store, with mention and article counts") { limit };
        command.SetAction(parse =>
        {
            using var store = StoreCommandSupport.OpenExisting(parse);
            if (store is null)
            {
                return ExitCodes.Usage;
            }

            var kb = StoreCommandSupport.LoadKnowledge(parse);
            var rows = store.ActorCounts().Take(parse.GetValue(limit)).Select(c => new
            {
                id = c.ActorId,
                name = kb.Find(c.ActorId)?.Name,
                kind = kb.Find(c.ActorId)?.Kind is { } k ? Knowledge.KnowledgeLoader.KindName(k) : null,
                mentions = c.Mentions,
                articles = c.Articles,
            }).ToList();
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(rows);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("id", "name", "kind").AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("articles").RightAligned());
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.id), Markup.Escape(r.name ?? "(not in the knowledge base)"), r.kind ?? "", r.mentions.ToString(CultureInfo.InvariantCulture), r.articles.ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary><c>tightrope actor ID</c>: one actor — its entry, roles, the forms seen in text, articles and example mentions.</summary>
internal static class ActorCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Knowledge-base id of the actor" };
        var limit = new Option<int>("--limit") { Description = "How many mentions to read", DefaultValueFactory = _ => 200 };
        var command = new Command("actor", "Show one actor: aliases seen, roles, articles and example mentions") { id, limit };
        command.SetAction(parse =>
        {
            using var store = StoreCommandSupport.OpenExisting(parse);
            if (store is null)
            {
                return ExitCodes.Usage;
            }

            var kb = StoreCommandSupport.LoadKnowledge(parse);
            var actorId = parse.GetValue(id)!;
            var actor = kb.Find(actorId);
            var mentions = store.MentionsOf(actorId, parse.GetValue(limit));
            if (actor is null && mentions.Count == 0)
            {
                Console.Error.WriteLine($"tightrope actor: no actor '{actorId}' in the knowledge base or the store");
                return ExitCodes.Usage;
            }

            var seen = mentions.GroupBy(m => m.Mention.Text, StringComparer.Ordinal).Select(g => new { form = g.Key, count = g.Count() }).OrderByDescending(x => x.count).ToList();
            var articles = mentions.GroupBy(m => m.ArticleId, StringComparer.Ordinal).Select(g => new { article = g.Key, date = StoreCommandSupport.Iso(g.First().ArticleDate), mentions = g.Count() }).ToList();
            var examples = mentions.Where(m => m.SentenceText is not null).GroupBy(m => m.ArticleId, StringComparer.Ordinal).Select(g => g.First()).Take(5)
                .Select(m => new { article = m.ArticleId, text = m.Mention.Text, kind = m.Mention.Kind.ToString(), confidence = m.Mention.Confidence, sentence = m.SentenceText }).ToList();
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(new
                {
                    id = actorId,
                    name = actor?.Name,
                    kind = actor?.Kind is { } k ? Knowledge.KnowledgeLoader.KindName(k) : null,
                    aliases = actor?.Aliases,
                    roles = actor?.Roles.Select(r => new { title = r.Title, org = r.Org, from = StoreCommandSupport.Iso(r.From), to = StoreCommandSupport.Iso(r.To) }),
                    formsSeen = seen,
                    articles,
                    examples,
                });
                return ExitCodes.Ok;
            }

            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(actor?.Name ?? actorId)}[/] ({Markup.Escape(actorId)}, {(actor is null ? "not in the knowledge base" : Knowledge.KnowledgeLoader.KindName(actor.Kind))})");
            if (actor is not null)
            {
                if (actor.Aliases.Count > 0)
                {
                    AnsiConsole.MarkupLine($"aliases: {Markup.Escape(string.Join(", ", actor.Aliases))}");
                }

                foreach (var r in actor.Roles)
                {
                    AnsiConsole.MarkupLine($"role: {Markup.Escape(r.Title)} ({Markup.Escape(r.Org ?? "")}) {StoreCommandSupport.Iso(r.From)} – {StoreCommandSupport.Iso(r.To)}");
                }
            }

            AnsiConsole.MarkupLine($"forms seen: {Markup.Escape(string.Join(", ", seen.Select(s => $"{s.form} ({s.count})")))}");
            AnsiConsole.MarkupLine($"articles: {articles.Count}");
            foreach (var a in articles.Take(20))
            {
                AnsiConsole.MarkupLine($"  {StoreCommandSupport.Short(a.article)} {a.date} ({a.mentions} mentions)");
            }

            foreach (var e in examples)
            {
                AnsiConsole.MarkupLine($"  [grey]{StoreCommandSupport.Short(e.article)}[/] [bold]{Markup.Escape(e.text)}[/]: {Markup.Escape(e.sentence ?? "")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
