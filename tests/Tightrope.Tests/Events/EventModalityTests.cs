using Tightrope.Events;
using Tightrope.Knowledge;

namespace Tightrope.Tests.Events;

/// <summary>
/// No negated, hypothetical, speculative, proposed or threatened act comes out as asserted: one sentence of each kind
/// (negation in the clause, refusal and failure, a negated or speculative governing clause, a condition, an inverted
/// condition, a question, speculation words, demands and threats), each with the act's predicate and the modality it
/// must have. The REJECT that PLOVER derives from withholding an act ("did not sign": CAMEO 12) is a statement of its
/// own, asserted by design, and is left out of the check.
/// </summary>
public sealed class EventModalityTests
{
    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Sector = "GOV", Demonyms = ["South Korean"] },
        new Actor { Id = "north-korea", Name = "North Korea", Kind = ActorKind.Country, Country = "PRK", Sector = "GOV", Demonyms = ["North Korean"] },
        new Actor { Id = "united-states", Name = "United States", Kind = ActorKind.Country, Country = "USA", Sector = "GOV", Aliases = ["US"], Demonyms = ["American"] },
        new Actor { Id = "japan", Name = "Japan", Kind = ActorKind.Country, Country = "JPN", Sector = "GOV" },
        new Actor { Id = "china", Name = "China", Kind = ActorKind.Country, Country = "CHN", Sector = "GOV" },
    ]);

    [Theory]
    // Negation and refusal in the predicate's own clause.
    [InlineData("South Korea did not sign the accord with Japan.", "sign", Modality.Negated)]
    [InlineData("The United States never threatened North Korea.", "threatened", Modality.Negated)]
    [InlineData("Japan has not criticized South Korea over the dispute.", "criticized", Modality.Negated)]
    [InlineData("North Korea refused to meet with the United States.", "meet with", Modality.Negated)]
    [InlineData("South Korea declined to condemn Japan.", "condemn", Modality.Negated)]
    [InlineData("China failed to reach an agreement with Japan.", "reach an agreement", Modality.Negated)]
    [InlineData("Japan is unable to support South Korea.", "support", Modality.Negated)]
    [InlineData("South Korea wouldn't accept the demand from the United States.", "accept", Modality.Negated)]
    [InlineData("Neither Japan nor South Korea criticized China.", "criticized", Modality.Negated)]
    // A negated governing clause: the "that" complement is no fact.
    [InlineData("There is no sign that China condemned Japan.", "condemned", Modality.Negated)]
    [InlineData("Japan denied that it attacked South Korea.", "attacked", Modality.Negated)]
    // Speculation, conditions and questions.
    [InlineData("North Korea may attack South Korea next month.", "attack", Modality.Hypothetical)]
    [InlineData("Japan could impose sanctions on North Korea.", "impose sanctions", Modality.Hypothetical)]
    [InlineData("Unless the United States lifts the sanctions, North Korea stays away.", "lifts the sanctions", Modality.Hypothetical)]
    [InlineData("Whether Japan will meet South Korea remains unclear.", "meet", Modality.Hypothetical)]
    [InlineData("Had Japan attacked North Korea, the talks would have collapsed.", "attacked", Modality.Hypothetical)]
    [InlineData("It is possible that China attacked Japan.", "attacked", Modality.Hypothetical)]
    [InlineData("North Korea is unlikely to meet with the United States.", "meet with", Modality.Hypothetical)]
    [InlineData("Perhaps Japan will support South Korea.", "support", Modality.Hypothetical)]
    [InlineData("Experts believe China could invade Japan.", "invade", Modality.Hypothetical)]
    [InlineData("In the event that North Korea attacks, the United States would defend South Korea.", "defend", Modality.Hypothetical)]
    [InlineData("It is difficult for Japan to cooperate with China.", "cooperate", Modality.Hypothetical)]
    [InlineData("Did Japan criticize South Korea?", "criticize", Modality.Hypothetical)]
    // What someone should do, is asked or threatened to do.
    [InlineData("Japan should apologize to South Korea.", "apologize", Modality.Proposed)]
    [InlineData("The United States must withdraw its troops from South Korea.", "withdraw", Modality.Proposed)]
    [InlineData("Japan proposed that South Korea hold talks with North Korea.", "hold talks", Modality.Proposed)]
    [InlineData("The United States urged Japan to withdraw its ships.", "withdraw", Modality.Proposed)]
    [InlineData("North Korea threatened to attack Japan.", "attack", Modality.Threatened)]
    public void NoNegatedHypotheticalOrProposedActIsAsserted(string text, string act, Modality expected)
    {
        var events = EventTestKit.Events(Kb, text, new DateOnly(2030, 3, 4));
        var acts = events.Where(e => e.Text.StartsWith(act, StringComparison.OrdinalIgnoreCase) && e.Type != "REJECT").ToList();
        Assert.NotEmpty(acts);
        Assert.All(acts, e => Assert.Equal(expected, e.Modality));
    }

    [Theory]
    [InlineData("Optimists believe that South Korea and Japan reached an agreement on fishing rights.", "reached an agreement")]
    [InlineData("There is no doubt that China criticized Japan.", "criticized")]
    [InlineData("Japan said that it signed the accord with South Korea.", "signed")]
    public void AReportedBeliefOrACertaintyLeavesTheComplementAFact(string text, string act)
    {
        var events = EventTestKit.Events(Kb, text, new DateOnly(2030, 3, 4));
        Assert.Contains(events, e => e.Text.StartsWith(act, StringComparison.OrdinalIgnoreCase) && e.Modality == Modality.Asserted);
    }
}
