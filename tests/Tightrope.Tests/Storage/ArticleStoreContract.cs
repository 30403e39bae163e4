using Tightrope.Actors;
using Tightrope.Dedup;
using Tightrope.Figures;
using Tightrope.Model;
using Tightrope.Storage;

namespace Tightrope.Tests.Storage;

/// <summary>
/// What every <see cref="IArticleStore"/> must do. Each provider runs the same suite through a subclass that says
/// how to make an empty store (SQLite now, PostgreSQL later). The texts are written for these tests.
/// </summary>
public abstract partial class ArticleStoreContract : IDisposable
{
    private readonly List<IArticleStore> _stores = [];

    /// <summary>A new, empty store.</summary>
    protected abstract IArticleStore CreateStore();

    protected IArticleStore NewStore()
    {
        var store = CreateStore();
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var s in _stores)
        {
            s.Dispose();
        }

        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private const string CostText =
        "Seoul and Washington signed a new cost-sharing deal on Tuesday. Under it, South Korea pays 1.5 trillion won a year. " +
        "Minister Halvard Quist called it fair. The Pentagon declined to comment.";

    private const string ExerciseText =
        "The allies began their spring exercise near Pyeongtaek. About 28,500 troops remain on the peninsula. " +
        "Observers from Tokyo attended the opening day.";

    [Fact]
    public void EveryRegisteredLayerComesBackAsTheCodecWroteIt()
    {
        var knowledge = Path.Combine(Support.SharedData.RepoRoot, "knowledge");
        var pipeline = Tightrope.Pipeline.TightropePipeline.Create(new Tightrope.Pipeline.PipelineOptions
        {
            Knowledge = Tightrope.Knowledge.KnowledgeLoader.Load(knowledge),
            KnowledgeFolder = knowledge,
        });
        var article = pipeline.Process(new Article("c0ffee00000000000000000000000001",
            "Drills resume\n\n<p>" + CostText + "</p>\n\n" + ExerciseText + "\n\nCopyright 2024 Example Wire. All rights reserved.",
            new ArticleMetadata { Title = "Drills resume", Published = new DateOnly(2024, 3, 5) }));
        var store = NewStore();
        Assert.Equal(SaveOutcome.Stored, store.Save(article));

        var back = store.GetArticle(article.Id)!;
        Assert.Equal(article.RawText, back.RawText);
        Assert.Equal(article.Offsets.Runs, back.Offsets.Runs);
        foreach (var layer in Tightrope.Pipeline.TightropePipeline.Layers)
        {
            Assert.True(layer.Count(article) > 0 || layer.Name == "failures", $"the test article has no {layer.Name}");
            Assert.Equal(Rows(layer, article), Rows(layer, back));
        }
    }

    private static string Rows(ILayerCodec layer, Article article)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            LayerPack.WriteJson(article, [layer], json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>An article with every layer filled in, as the pipeline would leave it.</summary>
    internal static Article Annotated(string id, string text, string? title = null, string? source = null, DateOnly? date = null)
    {
        var article = new Article(id, "RAW " + text, new ArticleMetadata
        {
            Title = title,
            Source = source,
            Author = "A. Writer",
            Url = $"https://example.org/{id}",
            Published = date,
            Origin = $"/inputs/{id}.txt",
            Format = "txt",
        });
        var map = new OffsetMap();
        map.Add(0, 4, text.Length);
        article.SetCleanText(text, map);
        article.Removed.Add(new RemovedSegment(RemovalKind.Boilerplate, new TextSpan(0, 4), 0, "RAW ", "site chrome"));
        article.Removed.Add(new RemovedSegment(RemovalKind.Truncated, new TextSpan(10, 20), 6, text[6..16]));
        int start = 0;
        foreach (var part in text.Split(". "))
        {
            int end = Math.Min(text.Length, start + part.Length + 1);
            article.Sentences.Add(new Sentence(new TextSpan(start, end), Truncated: false));
            start = end + 1;
            if (start >= text.Length)
            {
                break;
            }
        }

        article.TextHash = TextFingerprint.TextHash(text);
        article.Signature = TextFingerprint.Signature(text);
        article.Date = date is { } d ? new ArticleDate(d, DateSource.Inferred, 0.7, "explicit date in sentence 1") : null;
        return article;
    }

    internal static Mention MentionOf(Article a, string words, string? actorId, string? normalized = null, MentionKind kind = MentionKind.Name)
    {
        int at = a.Text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{words}' is not in the text");
        return new Mention
        {
            Span = new TextSpan(at, at + words.Length),
            Text = words,
            ActorId = actorId,
            Kind = kind,
            Confidence = actorId is null ? 0 : 0.9,
            Normalized = normalized ?? words.ToLowerInvariant(),
            Sentence = a.SentenceAt(at),
        };
    }

    internal static Figure FigureOf(Article a, string words, double value, string unit, string? indicator)
    {
        int at = a.Text.IndexOf(words, StringComparison.Ordinal);
        return new Figure
        {
            Span = new TextSpan(at, at + words.Length),
            Text = words,
            Value = value,
            ValueHigh = null,
            Unit = unit,
            Kind = FigureKind.Money,
            Qualifier = FigureQualifier.Approximate | FigureQualifier.AtLeast,
            Measure = "annual contribution",
            IndicatorId = indicator,
            ActorId = "KOR",
            Period = "2026",
            UsdValue = 1.1e9,
            Conversion = "KRW 2026 average 1364.0",
            EquivalentOf = null,
            Sentence = a.SentenceAt(at),
        };
    }

    private static Article CostArticle(string id = "a0000000000000000000000000000001")
    {
        var a = Annotated(id, CostText, "Cost deal signed", "Alliance Daily", new DateOnly(2026, 3, 3));
        a.Mentions.Add(MentionOf(a, "Seoul", "KOR", kind: MentionKind.Metonym));
        a.Mentions.Add(MentionOf(a, "Halvard Quist", null, "halvard quist"));
        a.Mentions.Add(MentionOf(a, "Pentagon", "US-DOD"));
        a.Figures.Add(FigureOf(a, "1.5 trillion won", 1.5e12, "KRW", "cost-sharing"));
        a.Failures.Add(new StageFailure("figures", "could not parse a range", "FormatException"));
        return a;
    }

    [Fact]
    public void PreparedArticlesAreWrittenAsTheArticlesWouldBeAndAreNotChanged()
    {
        var text = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"Clause {i} of the agreement on the rotation of the brigade near Pyeongtaek."));
        var original = Annotated("e1000000000000000000000000000001", text, title: "Rotation agreed");
        original.Mentions.Add(MentionOf(original, "Pyeongtaek", "PYEONGTAEK"));
        var copy = Annotated("e1000000000000000000000000000002", text.Replace("Clause 3 of", "Item 3 in", StringComparison.Ordinal), title: "Rotation agreed (repost)");
        copy.Mentions.Add(MentionOf(copy, "Pyeongtaek", "PYEONGTAEK"));
        var same = Annotated("e1000000000000000000000000000003", text, title: "Rotation agreed (same text)");

        var byArticles = NewStore();
        var expected = byArticles.SaveMany([original, copy, same]);
        var byPrepared = NewStore();
        var prepared = new[] { original, copy, same }.Select(a => { a.DuplicateOf = null; return byPrepared.Prepare(a); }).ToList();
        var outcomes = byPrepared.SaveMany(prepared);

        Assert.Equal([SaveOutcome.Stored, SaveOutcome.Duplicate, SaveOutcome.Duplicate], expected);
        Assert.Equal(expected, outcomes);
        Assert.All(new[] { original, copy, same }, a => Assert.Null(a.DuplicateOf));
        Assert.Equal([SaveOutcome.AlreadyPresent], byPrepared.SaveMany([prepared[0]]));
        foreach (var id in new[] { original.Id, copy.Id, same.Id })
        {
            var a = byArticles.GetArticle(id)!;
            var b = byPrepared.GetArticle(id)!;
            Assert.Equal((a.Text, a.RawText, a.DuplicateOf), (b.Text, b.RawText, b.DuplicateOf));
            Assert.Equal(a.Mentions, b.Mentions);
            Assert.Equal(a.Removed, b.Removed);
        }

        Assert.Equal(byArticles.Stats(), byPrepared.Stats());
        Assert.Equal(original.Id, byPrepared.GetArticle(copy.Id)!.DuplicateOf);
    }

    [Fact]
    public void TheFiguresOfAnIndicatorAreReadWholeAcrossManyPages()
    {
        // More articles than one page of the keyset reading (256), each with its own words: every figure once, in stored order.
        using var store = NewStore();
        var articles = Enumerable.Range(0, 600).Select(i =>
        {
            // Words of its own in each (no near-duplicates among them): "w123 w140 …".
            var words = string.Join(' ', Enumerable.Range(0, 40).Select(k => $"w{((i * 131) + (k * 977)) % 100_003}"));
            var a = Annotated($"{i:x32}", $"Seoul pays 1.5 trillion won. {words}.", "Cost deal signed", "Alliance Daily", new DateOnly(2026, 3, 3));
            a.Figures.Add(FigureOf(a, "1.5 trillion won", 1.5e12, "KRW", "cost-sharing"));
            return a;
        }).ToList();
        store.SaveMany(articles);

        var figures = store.Figures("cost-sharing");

        Assert.Equal(articles.Select(a => a.Id), figures.Select(f => f.ArticleId));
    }

    [Fact]
    public void ArticlesOfAKeyAndMentionsOfAnActorAreReadInDateOrderAcrossManyPages()
    {
        // More articles than a page of either walk (64 for mentions, 256 for articles), undated ones among them and many
        // sharing a date: every article once, undated first, then by date, then in stored order; mention pages by offset
        // put together give the whole list.
        using var store = NewStore();
        var articles = Enumerable.Range(0, 600).Select(i =>
        {
            var words = string.Join(' ', Enumerable.Range(0, 40).Select(k => $"w{((i * 131) + (k * 977)) % 100_003}"));
            DateOnly? date = i % 7 == 3 ? null : new DateOnly(2026, 1, 1).AddDays((i * 37) % 23);
            var a = Annotated($"{i:x32}", $"Seoul pays 1.5 trillion won. {words}.", "Cost deal signed", "Alliance Daily", date);
            a.Figures.Add(FigureOf(a, "1.5 trillion won", 1.5e12, "KRW", "cost-sharing"));
            a.Mentions.Add(MentionOf(a, "Seoul", "KOR"));
            return a;
        }).ToList();
        store.SaveMany(articles);
        var expected = articles.Select((a, i) => (a, i)).OrderBy(x => x.a.Metadata.Published.HasValue ? 1 : 0)
            .ThenBy(x => x.a.Metadata.Published).ThenBy(x => x.i).Select(x => x.a.Id).ToList();

        Assert.Equal(expected, store.ArticlesWithKey(ArticleStore.LayerKey, "figures", [FigureLayers.Figures]).Select(a => a.Id));
        var all = store.MentionsOf("KOR", limit: 1000);
        Assert.Equal(600, all.Total);
        Assert.Equal(expected, all.Select(m => m.ArticleId));
        var paged = Enumerable.Range(0, 5).SelectMany(p => store.MentionsOf("KOR", limit: 130, offset: p * 130)).Select(m => m.ArticleId);
        Assert.Equal(expected, paged);
    }

    private static Article ExerciseArticle(string id = "b0000000000000000000000000000002")
    {
        var a = Annotated(id, ExerciseText, "Spring exercise begins", "Peninsula Times", new DateOnly(2025, 3, 10));
        a.Mentions.Add(MentionOf(a, "Tokyo", "JPN", kind: MentionKind.Metonym));
        a.Figures.Add(FigureOf(a, "28,500 troops", 28500, "troops", "usfk-troops"));
        return a;
    }

    [Fact]
    public void ASavedArticleComesBackWithEveryLayer()
    {
        using var store = NewStore();
        var article = CostArticle();

        Assert.Equal(SaveOutcome.Stored, store.Save(article));
        var stored = store.GetArticle(article.Id);

        Assert.NotNull(stored);
        Assert.Equal(article.Metadata, stored.Metadata);
        Assert.Equal(article.Text, stored.Text);
        Assert.Equal(article.Date, stored.Date);
        Assert.Null(stored.DuplicateOf);
        Assert.Equal(article.Removed, stored.Removed);
        Assert.Equal(article.Sentences, stored.Sentences);
        Assert.Equal(article.Mentions, stored.Mentions);
        Assert.Equal(article.Figures, stored.Figures);
        Assert.Equal(article.Failures, stored.Failures);
        Assert.True(store.Contains(article.Id));
        Assert.False(store.Contains("ffffffffffffffffffffffffffffffff"));
        Assert.Null(store.GetArticle("ffffffffffffffffffffffffffffffff"));
    }

    [Fact]
    public void SavingTheSameArticleAgainChangesNothing()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        var before = StoreDump.Of(store);

        Assert.Equal(SaveOutcome.AlreadyPresent, store.Save(CostArticle()));
        Assert.Equal(before, StoreDump.Of(store));
        Assert.Equal(1, store.Stats().Articles);
    }

    [Fact]
    public void AnArticleWithTheTextOfAStoredOneIsLinkedToItAndNotCountedTwice()
    {
        using var store = NewStore();
        var original = CostArticle();
        store.Save(original);
        var copy = CostArticle("c0000000000000000000000000000003");

        Assert.Equal(SaveOutcome.Duplicate, store.Save(copy));
        Assert.Equal(original.Id, copy.DuplicateOf);
        Assert.Equal(original.Id, store.GetArticle(copy.Id)!.DuplicateOf);
        Assert.Equal(original.Id, store.FindByTextHash(copy.TextHash!));

        var counts = store.ActorCounts();
        Assert.Equal(new ActorCount("KOR", 1, 1), counts.Single(c => c.ActorId == "KOR"));
        Assert.Single(store.Figures());
        Assert.Single(store.UnresolvedCandidates());
        Assert.Equal(1, store.UnresolvedCandidates()[0].Count);
        var stats = store.Stats();
        Assert.Equal(2, stats.Articles);
        Assert.Equal(1, stats.Duplicates);
    }

    [Fact]
    public void ACopyOfADuplicateIsLinkedToTheOriginal()
    {
        using var store = NewStore();
        var original = CostArticle();
        store.Save(original);
        store.Save(CostArticle("c0000000000000000000000000000003"));
        var third = CostArticle("d0000000000000000000000000000004");

        store.Save(third);

        Assert.Equal(original.Id, third.DuplicateOf);
    }

    [Fact]
    public void ANearDuplicateIsFoundByItsSignatureAndAnotherStoryIsNot()
    {
        using var store = NewStore();
        var text = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"Sentence {i} of the long report on troop levels and cost sharing talks in Seoul."));
        var original = Annotated("a0000000000000000000000000000001", text, "Report", "Alliance Daily");
        store.Save(original);

        var edited = text.Replace("Sentence 7 of", "Line 7 in", StringComparison.Ordinal) + " Copyright Harbor Wire. Related: more news.";
        var repost = Annotated("b0000000000000000000000000000002", edited, "Report (repost)", "Harbor Wire");
        var other = Annotated("c0000000000000000000000000000003", string.Join(' ', Enumerable.Range(0, 40).Select(i => $"Paragraph {i}: the exercise near Busan drew protests from fishermen.")));

        Assert.Equal(original.Id, store.FindNearDuplicate(repost.Signature!));
        Assert.Null(store.FindNearDuplicate(other.Signature!));
        Assert.Equal(SaveOutcome.Duplicate, store.Save(repost));
        Assert.Equal(SaveOutcome.Stored, store.Save(other));
    }

    [Fact]
    public void SaveManyResolvesDuplicatesWithinTheBatchInOrder()
    {
        using var store = NewStore();
        var first = CostArticle();
        var copy = CostArticle("c0000000000000000000000000000003");
        var other = ExerciseArticle();

        var outcomes = store.SaveMany([first, copy, other, CostArticle()]);

        Assert.Equal([SaveOutcome.Stored, SaveOutcome.Duplicate, SaveOutcome.Stored, SaveOutcome.AlreadyPresent], outcomes);
        Assert.Equal(first.Id, copy.DuplicateOf);
    }

    [Fact]
    public void ArticlesAreListedInOrderAndFilteredBySourceAndDate()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        store.Save(ExerciseArticle());

        var all = store.ListArticles(new ArticleQuery());
        Assert.Equal(["a0000000000000000000000000000001", "b0000000000000000000000000000002"], all.Select(a => a.Id));
        Assert.Equal(CostText.Length, all[0].Length);
        Assert.Equal(new DateOnly(2026, 3, 3), all[0].Date);

        Assert.Equal("b0000000000000000000000000000002", store.ListArticles(new ArticleQuery { Source = "Peninsula Times" }).Single().Id);
        Assert.Equal("a0000000000000000000000000000001", store.ListArticles(new ArticleQuery { From = new DateOnly(2026, 1, 1) }).Single().Id);
        Assert.Equal("b0000000000000000000000000000002", store.ListArticles(new ArticleQuery { To = new DateOnly(2025, 12, 31) }).Single().Id);
        Assert.Equal("b0000000000000000000000000000002", store.ListArticles(new ArticleQuery { Offset = 1, Limit = 5 }).Single().Id);
    }

    [Fact]
    public void SearchFindsWordsInTextsAndTitlesAndMarksThem()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        store.Save(ExerciseArticle());

        var hits = store.Search("troops");
        var hit = Assert.Single(hits);
        Assert.Equal("b0000000000000000000000000000002", hit.ArticleId);
        var match = Assert.Single(hit.Matches);
        Assert.Equal("troops", hit.Snippet[match.Start..match.End]);
        Assert.DoesNotContain('[', hit.Snippet);

        Assert.Equal("a0000000000000000000000000000001", Assert.Single(store.Search("signed")).ArticleId);
        Assert.Single(store.Search("cost-sharing deal"));
        Assert.Empty(store.Search("submarine"));
        Assert.Empty(store.Search("   "));
    }

    [Fact]
    public void UnresolvedNamesAreGroupedAcrossArticlesWithTheirForms()
    {
        using var store = NewStore();
        var a = CostArticle();
        var b = Annotated("e0000000000000000000000000000005", "Envoy H. Quist met the press. Quist Halvard then left for Seoul.", "Envoy", "Harbor Wire");
        b.Mentions.Add(MentionOf(b, "H. Quist", null, "halvard quist"));
        b.Mentions.Add(MentionOf(b, "Quist Halvard", null, "halvard quist"));
        store.Save(a);
        store.Save(b);

        var group = Assert.Single(store.UnresolvedCandidates());
        Assert.Equal("halvard quist", group.Normalized);
        Assert.Equal(3, group.Count);
        Assert.Equal(2, group.Articles);
        Assert.Equal(["H. Quist", "Halvard Quist", "Quist Halvard"], group.Forms);
        Assert.Contains(group.ExampleSentences, s => s.Contains("Minister Halvard Quist called it fair", StringComparison.Ordinal));
    }

    [Fact]
    public void MentionsOfAnActorComeWithTheirSentenceAndDate()
    {
        using var store = NewStore();
        store.Save(CostArticle());

        var m = Assert.Single(store.MentionsOf("US-DOD"));
        Assert.Equal("Pentagon", m.Mention.Text);
        Assert.Equal("The Pentagon declined to comment.", m.SentenceText);
        Assert.Equal(new DateOnly(2026, 3, 3), m.ArticleDate);
        Assert.Empty(store.MentionsOf("NOBODY"));
    }

    [Fact]
    public void AnInferredDatesWindowAndRoughnessAreKept()
    {
        using var store = NewStore();
        var rough = CostArticle();
        var window = new DatePeriod(new DateOnly(2022, 5, 10), new DateOnly(2025, 4, 3));
        rough.Date = new ArticleDate(window.From, DateSource.Inferred, 0.3, "roles only") { Window = window, Rough = true };
        var exact = ExerciseArticle();
        exact.Date = exact.Date! with { Window = new DatePeriod(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12)) };
        store.Save(rough);
        store.Save(exact);

        var back = store.GetArticle(rough.Id)!.Date!;
        Assert.Equal((window, true), (back.Window, back.Rough));
        var other = store.GetArticle(exact.Id)!.Date!;
        Assert.Equal((new DatePeriod(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12)), false), (other.Window, other.Rough));

        // A rough date is no year for the figures of its article: they come with the metadata's date (else none).
        Assert.Equal(rough.Metadata.Published, Assert.Single(store.Figures("cost-sharing")).ArticleDate);
        Assert.NotEqual(window.From, rough.Metadata.Published);
        Assert.Equal(new DateOnly(2025, 3, 10), Assert.Single(store.Figures("usfk-troops")).ArticleDate);
    }

    [Fact]
    public void FiguresComeWithArticleDateTitleAndSentence()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        store.Save(ExerciseArticle());

        Assert.Equal(2, store.Figures().Count);
        var f = Assert.Single(store.Figures("cost-sharing"));
        Assert.Equal("a0000000000000000000000000000001", f.ArticleId);
        Assert.Equal(1.5e12, f.Figure.Value);
        Assert.Equal("Cost deal signed", f.ArticleTitle);
        Assert.Equal(new DateOnly(2026, 3, 3), f.ArticleDate);
        Assert.Equal("Under it, South Korea pays 1.5 trillion won a year.", f.SentenceText);
    }

    [Fact]
    public void ContradictionsAreReplacedAsAWhole()
    {
        using var store = NewStore();
        var a = new ContradictionSide("a1", new TextSpan(1, 5), "$1bn", 1e9, "USD", "KOR");
        var b = new ContradictionSide("b2", new TextSpan(7, 9), "$2bn", 2e9, "USD", null);
        var first = new Contradiction(ContradictionKind.Figure, "cost-sharing", "2026", a, b, "differ by 100%");
        var second = new Contradiction(ContradictionKind.Role, "president:KOR", null, b, a, "two presidents");

        store.ReplaceContradictions([first, second]);
        // Listed by scope (an article's own, then an indicator's), whatever the order they were given in.
        Assert.Equal([second, first], store.Contradictions());

        store.ReplaceContradictions([second]);
        Assert.Equal([second], store.Contradictions());
        Assert.Equal(1, store.Stats().Contradictions);
    }

    [Fact]
    public void AnIndicatorThatReceivesFiguresIsPendingUntilItsContradictionsAreReplaced()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        Assert.Contains("indicator:cost-sharing", store.PendingContradictionScopes());
        var side = new ContradictionSide("x", new TextSpan(0, 1), "t", 1, "USD") { Figure = "$1", OriginalValue = 1, OriginalUnit = "USD", Period = "2026", ArticleDate = new DateOnly(2026, 1, 2) };
        var mine = new Contradiction(ContradictionKind.Figure, "cost-sharing", "2026", side, side, "d");
        var other = new Contradiction(ContradictionKind.Figure, "troops", "2026", side, side, "e");
        store.ReplaceContradictions("indicator:troops", [other]);

        store.ReplaceContradictions("indicator:cost-sharing", [mine]);

        Assert.DoesNotContain("indicator:cost-sharing", store.PendingContradictionScopes());
        Assert.Equal([mine, other], store.Contradictions());
        store.ReplaceContradictions("indicator:cost-sharing", []);
        Assert.Equal([other], store.Contradictions());
    }

    [Fact]
    public void AnArticlesOwnContradictionsAreStoredWithIt()
    {
        using var store = NewStore();
        var article = CostArticle();
        var side = new ContradictionSide(article.Id, new TextSpan(0, 1), "t", ActorId: "p1");
        article.Contradictions.Add(new Contradiction(ContradictionKind.Role, "President of KOR", "2026-01", side, side with { ActorId = "p2" }, "two holders"));
        store.Save(article);
        var c = Assert.Single(store.Contradictions());
        Assert.Equal(ContradictionKind.Role, c.Kind);
        Assert.Equal("p2", c.B.ActorId);
    }

    [Fact]
    public void StatsCountWhatIsStored()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        store.Save(ExerciseArticle());

        var stats = store.Stats();
        Assert.Equal(2, stats.Articles);
        Assert.Equal(0, stats.Duplicates);
        Assert.Equal(4, stats.Mentions);
        Assert.Equal(3, stats.ResolvedMentions);
        Assert.Equal(2, stats.Figures);
        Assert.Equal(1, stats.Failures);
        Assert.Equal(2, stats.Sources);
        Assert.Equal(new DateOnly(2025, 3, 10), stats.From);
        Assert.Equal(new DateOnly(2026, 3, 3), stats.To);
    }

    [Fact]
    public void AnIdPrefixFindsTheArticlesItStarts()
    {
        using var store = NewStore();
        store.Save(CostArticle("abc00000000000000000000000000001"));
        store.Save(ExerciseArticle("abd00000000000000000000000000002"));

        Assert.Equal(["abc00000000000000000000000000001"], store.IdsStartingWith("abc"));
        Assert.Equal(2, store.IdsStartingWith("AB").Count);
        Assert.Empty(store.IdsStartingWith("abe"));
    }

    [Fact]
    public void ADateSetByAPersonIsTheDateOfEveryReadListAndTotal()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        store.Save(ExerciseArticle());

        var set = store.SetUserDate("a0000000000000000000000000000001", new DateOnly(2019, 7, 1));

        Assert.Equal(new ArticleDate(new DateOnly(2019, 7, 1), DateSource.User, 1.0, "set by the user"), set);
        Assert.Equal(set, store.GetArticle("a0000000000000000000000000000001")!.Date);
        var listed = Assert.Single(store.ListArticles(new ArticleQuery { From = new DateOnly(2019, 1, 1), To = new DateOnly(2019, 12, 31) }));
        Assert.Equal(("a0000000000000000000000000000001", (DateOnly?)new DateOnly(2019, 7, 1)), (listed.Id, listed.Date));
        Assert.Empty(store.ListArticles(new ArticleQuery { From = new DateOnly(2026, 1, 1) }));
        Assert.Equal((new DateOnly(2019, 7, 1), new DateOnly(2025, 3, 10)), (store.Stats().From!.Value, store.Stats().To!.Value));
    }

    [Fact]
    public void ADateSetByAPersonIsKeptWhenTheSameArticleIsSavedAgain()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        store.SetUserDate("a0000000000000000000000000000001", new DateOnly(2019, 7, 1));

        Assert.Equal(SaveOutcome.AlreadyPresent, store.Save(CostArticle()));
        Assert.Equal(DateSource.User, store.GetArticle("a0000000000000000000000000000001")!.Date!.Source);
        Assert.Equal(new DateOnly(2019, 7, 1), store.Stats().To);
    }

    [Fact]
    public void ClearingADateSetTwiceRestoresTheDateThePipelineGave()
    {
        using var store = NewStore();
        var article = CostArticle();
        store.Save(article);
        store.SetUserDate(article.Id, new DateOnly(2019, 7, 1));
        store.SetUserDate(article.Id, new DateOnly(2020, 8, 2));
        Assert.Equal(new DateOnly(2020, 8, 2), store.GetArticle(article.Id)!.Date!.Date);

        Assert.True(store.ClearUserDate(article.Id));
        Assert.Equal(article.Date, store.GetArticle(article.Id)!.Date);
        Assert.Equal(new DateOnly(2026, 3, 3), store.ListArticles(new ArticleQuery()).Single().Date);
        Assert.True(store.ClearUserDate(article.Id));
        Assert.Equal(article.Date, store.GetArticle(article.Id)!.Date);
    }

    [Fact]
    public void ClearingTheDateOfAnUndatedArticleLeavesItUndated()
    {
        using var store = NewStore();
        var article = Annotated("d0000000000000000000000000000004", "A note with no date in it. Nothing else.");
        store.Save(article);
        store.SetUserDate(article.Id, new DateOnly(2021, 2, 3));
        Assert.Equal(new DateOnly(2021, 2, 3), store.ListArticles(new ArticleQuery()).Single().Date);

        Assert.True(store.ClearUserDate(article.Id));
        Assert.Null(store.GetArticle(article.Id)!.Date);
        Assert.Null(store.ListArticles(new ArticleQuery()).Single().Date);
        Assert.Null(store.Stats().From);
    }

    [Fact]
    public void NoDateIsSetOrClearedOnAnArticleThatIsNotStored()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        Assert.Null(store.SetUserDate("ffffffffffffffffffffffffffffffff", new DateOnly(2019, 7, 1)));
        Assert.False(store.ClearUserDate("ffffffffffffffffffffffffffffffff"));
        Assert.Equal(DateSource.Inferred, store.GetArticle("a0000000000000000000000000000001")!.Date!.Source);
    }

    [Fact]
    public void ArticlesWithAKeyComeInDateOrderWithTheLayersAsked()
    {
        using var store = NewStore();
        store.Save(CostArticle());
        store.Save(ExerciseArticle());

        var found = store.ArticlesWithKey(ArticleStore.LayerKey, "figures", [FigureLayers.Figures]).ToList();

        Assert.Equal(["b0000000000000000000000000000002", "a0000000000000000000000000000001"], found.Select(a => a.Id));
        Assert.All(found, a => Assert.Single(a.Figures));
        Assert.All(found, a => Assert.Empty(a.Mentions));
        Assert.Empty(store.ArticlesWithKey("indicator", "no-such-indicator", [FigureLayers.Figures]));
    }
}
