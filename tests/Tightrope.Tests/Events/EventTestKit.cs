using Tightrope.Actors;
using Tightrope.Events;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Tests.Events;

/// <summary>The text, actors and events stages over one sentence or two, for the events tests' small knowledge bases.</summary>
internal static class EventTestKit
{
    public static List<Event> Events(KnowledgeBase kb, string text, DateOnly date)
    {
        var article = new Article("t", text, new ArticleMetadata()) { Date = new ArticleDate(date, DateSource.Given, 1) };
        new Tightrope.Text.TextStage().Process(article);
        new ActorsStage(kb).Process(article);
        new EventsStage(kb).Process(article);
        return article.Events;
    }
}
