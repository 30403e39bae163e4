using Tightrope.Actors;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Tests.Actors;

/// <summary>The actors stage's words (read from the Text stage's tokens) and word lists (read from knowledge/lang/en).</summary>
public sealed class ActorWordsTests
{
    private static readonly KnowledgeBase Kb = new(
    [
        new Actor { Id = "south-korea", Name = "South Korea", Kind = ActorKind.Country, Country = "KOR", Demonyms = ["South Korean"], Metonyms = ["Seoul"] },
        new Actor
        {
            Id = "kim-dae-jung", Name = "Kim Dae-jung", Kind = ActorKind.Person, Country = "KOR",
            Native = new NativeNames { Hangul = "김대중", Hanja = "金大中" },
            Roles = [new Role { Title = "President", Org = "KOR", From = new DateOnly(1998, 2, 25), To = new DateOnly(2003, 2, 24) }],
        },
    ]);

    private static string Dump(IEnumerable<Mention> mentions) =>
        string.Join("; ", mentions.Select(m => $"{m.Span.Start}-{m.Span.End} {m.ActorId} {m.Kind} {m.Confidence} {m.Normalized}"));

    [Fact]
    public void WordsFromTheTextStagesTokensSplitHyphenatedNamesAndFoldPossessives()
    {
        const string text = "Kim Dae-jung's visit: the U.S. envoy met O’Brien.\nSeoul said";
        var article = new Article("a", text, new ArticleMetadata());
        new TextStage().Process(article);
        Assert.Contains(article.Tokens, t => text[t.Span.Start..t.Span.End] == "Dae-jung"); // one token for the Text stage
        var words = new List<Word>();
        var finder = new MentionFinder(Kb, new ActorOptions());
        WordTokens.FromTokens(text, article.Tokens, words, finder.Lexicon);
        Assert.Equal(["kim", "dae", "jung", "visit", "the", "us", "envoy", "met", "obrien", "seoul", "said"], words.Select(w => w.Norm));
        var jung = words[2];
        Assert.True(jung.HyphenBefore);
        Assert.True(jung.Possessive);
        Assert.True(words[4].SentenceStart); // after the colon
        Assert.False(words[6].SentenceStart); // the full stop of "U.S." is part of the word
        Assert.True(words[9].SentenceStart); // after the line break
        Assert.Equal(WordShape.Upper, words[5].Shape);
    }

    [Fact]
    public void AnArticleWithoutTokensGivesTheSameMentionsAsOneThroughTheTextStage()
    {
        const string text = "President Kim Dae-jung met the South Korean envoy. Seoul said it would wait; Kim's aides agreed.";
        var stage = new ActorsStage(Kb, new DateOnly(2000, 6, 1));
        var bare = new Article("a", text, new ArticleMetadata());
        stage.Process(bare);
        var tokenised = new Article("b", text, new ArticleMetadata());
        new TextStage().Process(tokenised);
        stage.Process(tokenised);
        Assert.NotEmpty(bare.Mentions);
        Assert.Contains(bare.Mentions, m => m.ActorId == "kim-dae-jung");
        Assert.Equal(Dump(bare.Mentions), Dump(tokenised.Mentions));
    }

    [Fact]
    public void TitleWordsComeFromTheTitleVocabularyAndTheList()
    {
        var titles = KnowledgeLoader.FindDefaultFolder() is { } folder ? KnowledgeLoader.LoadTitles(folder) : [];
        Assert.NotEmpty(titles);
        var kb = new KnowledgeBase([], titles);
        IReadOnlySet<string> words = MentionFinder.TitleWordsOf(kb);
        Assert.Contains("envoy", words); // a single-word cue of titles.yaml
        Assert.Contains("president", words); // a single-word title
        Assert.Contains("former", words); // from actors-title-words.yaml
        Assert.DoesNotContain("prime minister", words); // phrases are cues, not title words
        Assert.DoesNotContain("former", titles.SelectMany(t => t.Cues));
    }

    [Theory]
    [InlineData("actors-common-words", "however")]
    [InlineData("actors-government-verbs", "insisted")]
    [InlineData("actors-people-nouns", "diaspora")]
    [InlineData("actors-name-abbreviations", "gen")]
    [InlineData("actors-surname-first-countries", "KOR")]
    public void TheWordListsAreReadFromLanguageData(string list, string word)
    {
        Assert.True(LanguageData.English[list].Contains(word));
    }
}
