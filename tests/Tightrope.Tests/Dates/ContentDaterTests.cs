using Tightrope.Actors;
using Tightrope.Dates;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Dates;

/// <summary>
/// An article without a date in its metadata or page lines, dated from its content: the dates it states, the tense
/// of their sentences and the dated roles of the titled people it names (an invented knowledge base of two people).
/// </summary>
public class ContentDaterTests
{
    private static readonly Actor Envoy = new()
    {
        Id = "test-quell",
        Name = "Mara Quell",
        Kind = ActorKind.Person,
        Aliases = ["Quell"],
        Roles =
        [
            new Role { Title = "Foreign Minister", From = new DateOnly(2011, 3, 1), To = new DateOnly(2012, 2, 28) },
        ],
    };

    private static readonly Actor Leader = new()
    {
        Id = "test-vantor",
        Name = "Osric Vantor",
        Kind = ActorKind.Person,
        Aliases = ["Vantor"],
        Roles =
        [
            new Role { Title = "President", From = new DateOnly(2003, 2, 25), To = new DateOnly(2008, 2, 24) },
        ],
    };

    private static readonly Actor ElderBrenn = new()
    {
        Id = "test-arlo-brenn",
        Name = "Arlo Brenn",
        Kind = ActorKind.Person,
        Roles = [new Role { Title = "President", From = new DateOnly(1990, 2, 25), To = new DateOnly(1995, 2, 24) }],
    };

    private static readonly Actor YoungerBrenn = new()
    {
        Id = "test-cato-brenn",
        Name = "Cato Brenn",
        Kind = ActorKind.Person,
        Roles = [new Role { Title = "President", From = new DateOnly(2014, 5, 1), To = new DateOnly(2019, 4, 30) }],
    };

    private static readonly Actor Accord = new()
    {
        Id = "test-harbor-accord",
        Name = "Harbor Accord",
        Kind = ActorKind.Agreement,
        Aliases = ["Harbor Accord"],
        Signed = new DateOnly(2011, 6, 15),
    };

    private static Article Run(string text)
    {
        var options = new PipelineOptions
        {
            Knowledge = new KnowledgeBase([Envoy, Leader, ElderBrenn, YoungerBrenn, Accord]),
            KnowledgeFolder = Path.Combine(SharedData.RepoRoot, "knowledge"),
        };
        var article = new Article("c1", text, new ArticleMetadata());
        new PipelineBuilder(options).UseFoundation().UseActors().UseDates().Build().Process(article);
        return article;
    }

    [Fact]
    public void AYearAndADayAndMonthDateTheReportJustAfterTheDay()
    {
        // "October 14" fits every year; the next round, ahead in December 2019, puts it in 2019.
        var a = Run("The envoys met in Geneva on October 14 and agreed to meet again. They will meet in December 2019.\n");
        Assert.Equal(DateSource.Inferred, a.Date!.Source);
        Assert.Equal(new DateOnly(2019, 10, 14), a.Date.Date);
        Assert.Contains("October 14", a.Date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ATitledNameNarrowsTheYearByTheRoleItHeld()
    {
        // 14 October fits every year; Foreign Minister Quell held the post from March 2011 to February 2012.
        var a = Run("Foreign Minister Mara Quell met her counterpart on October 14 and said the talks went well.\n");
        Assert.Equal(new DateOnly(2011, 10, 14), a.Date!.Date);
        Assert.Contains("Mara Quell", a.Date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ATitledSurnameOfTwoHoldersDatesTheArticleToEitherTerm()
    {
        // "President Brenn" names nobody without a date (two presidents Brenn), but the article fell in one of their
        // terms: a floor of 2016 leaves the younger one's.
        var a = Run("In 2016, President Brenn met the envoys and said the alliance was strong.\n");
        Assert.InRange(a.Date!.Date, new DateOnly(2016, 1, 1), new DateOnly(2019, 4, 29));
        Assert.Contains("Brenn", a.Date.Evidence, StringComparison.Ordinal);

        var b = Run("President Brenn met the envoys and said the alliance was strong.\n");
        Assert.InRange(b.Date!.Date, new DateOnly(1990, 2, 25), new DateOnly(1995, 2, 23));
    }

    [Fact]
    public void ATitledNameRepeatedThroughTheStoryOutweighsOneNamedOnce()
    {
        // Vantor (2003-2008) once, Quell (2011-2012) in three sentences: the story is of Quell's time.
        var a = Run("President Osric Vantor once praised the pact. Foreign Minister Mara Quell met the envoys. "
            + "Foreign Minister Quell said the talks went well. Then Foreign Minister Quell left for Tokyo.\n");
        Assert.InRange(a.Date!.Date, new DateOnly(2011, 3, 1), new DateOnly(2012, 2, 27));
    }

    [Fact]
    public void TheDatesOfARelatedArticlesListAreOtherStories()
    {
        // Two short dated lines (a "most read" list) are not what this story reports; Quell's year in office dates it.
        var a = Run("Envoys to meet in Geneva 2019.01.05\nTalks end early 2019.01.04\n\n"
            + "Foreign Minister Mara Quell met the envoys on Tuesday and said the talks went well.\n");
        Assert.InRange(a.Date!.Date, new DateOnly(2011, 3, 1), new DateOnly(2012, 2, 27));

        // One such line alone is the page's stamp and still counts.
        var b = Run("Talks end 2019.01.04\n\nThe envoys met on Tuesday and said the talks went well.\n");
        Assert.InRange(b.Date!.Date, new DateOnly(2019, 1, 4), new DateOnly(2019, 2, 4));
    }

    [Fact]
    public void AFormerTitleIsNoEvidence()
    {
        var a = Run("Former Foreign Minister Mara Quell met students on October 14 and said the talks went well.\n");
        Assert.Null(a.Date);
    }

    [Fact]
    public void TheSecondHalfOfATermPlacesTheReportLateInIt()
    {
        // Vantor was president for five years from February 2003: halfway through the term is after August 2005.
        var a = Run("President Osric Vantor, halfway through his term, met the envoys on March 3 and said little.\n");
        Assert.NotNull(a.Date);
        Assert.InRange(a.Date!.Date, new DateOnly(2005, 8, 1), new DateOnly(2008, 2, 24));
        Assert.Equal((3, 3), (a.Date.Date.Month, a.Date.Date.Day));
    }

    [Fact]
    public void RolesAloneThatFitYearsGiveALooseDateWithTheirWindow()
    {
        // A five-year term: the article is placed 45 days into it (within 45 days of as much of it as can be, near
        // its start), with a low confidence and the term as the window.
        var a = Run("President Osric Vantor spoke about the alliance and said the troops would stay.\n");
        Assert.Equal(new DateOnly(2003, 4, 11), a.Date!.Date);
        Assert.True(a.Date.Confidence <= 0.3, $"confidence {a.Date.Confidence}");
        Assert.Equal(new DatePeriod(new DateOnly(2003, 2, 25), new DateOnly(2008, 2, 23)), a.Date.Window);
    }

    [Fact]
    public void AnAgreementNamedAsSignedFloorsTheDate()
    {
        // Quell was minister from March 2011; the accord was signed on 15 June 2011: the report is not older than it.
        // The day before the signing is allowed (a report dated in another time zone), the day itself is likelier.
        var a = Run("Foreign Minister Quell defended the Harbor Accord before lawmakers and said the allies had kept it.\n");
        Assert.Equal(new DateOnly(2011, 6, 15), a.Date!.Date);
        Assert.Contains("Harbor Accord", a.Date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAgreementStillToBeSignedIsNoFloor()
    {
        // Quell's year in office (March 2011 to February 2012) alone: its middle, not a day after the signing.
        var a = Run("Foreign Minister Quell said the allies will sign the Harbor Accord soon.\n");
        Assert.InRange(a.Date!.Date, new DateOnly(2011, 8, 15), new DateOnly(2011, 9, 15));
        Assert.DoesNotContain("Harbor Accord", a.Date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ARoleOfAboutAYearAlonePlacesTheReportInItsMiddle()
    {
        // A closed window of a year: the middle is within 45 days of the most of it; the first day was 50-130 days
        // early on the samples.
        var a = Run("Foreign Minister Mara Quell spoke about the alliance and praised the troops.\n");
        Assert.Equal(new DatePeriod(new DateOnly(2011, 3, 1), new DateOnly(2012, 2, 27)), a.Date!.Window);
        Assert.InRange(a.Date.Date, new DateOnly(2011, 8, 15), new DateOnly(2011, 9, 15));
    }

    [Fact]
    public void AMonthAheadThisYearIsToldOfInTheMonthsBeforeIt()
    {
        // "December this year" in a future sentence: any day of the year before December, but most likely the months
        // just before it; Vantor's first year in office (from February 2003) is the earliest that fits.
        var a = Run("President Osric Vantor said the allies will hold the summit in December this year.\n");
        Assert.InRange(a.Date!.Date, new DateOnly(2003, 8, 1), new DateOnly(2003, 11, 30));
    }

    [Fact]
    public void MayAsAVerbIsNotAMonth()
    {
        var a = Run("The envoys may say more on Tuesday, officials said in 2015 after the talks.\n");
        Assert.DoesNotContain(a.DateExpressions, d => d.Text.Contains("May", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AYearInAPastSentenceAboutALaterYearIsNoFloor()
    {
        // The agreement was reached in 2024 (leading its sentence); it set what is paid in 2026. The report follows
        // October 2024, not 2026.
        var a = Run("In October 2024, the two sides reached an agreement that set the cost borne in 2026 at 1.5 trillion won. "
            + "Negotiators met again on November 7 to sign it.\n");
        Assert.Equal(new DateOnly(2024, 11, 7), a.Date!.Date);
    }

    [Fact]
    public void APastYearTheTextCountsFromBeatsTheOldRolesItNames()
    {
        // A background piece names a president of the 2000s, but "since late 2019" says it was written after 2019:
        // no day of the president's term can be the date.
        var a = Run("President Osric Vantor met the envoys on March 3 and agreed in 2004 to cut the force. "
            + "Since late 2019, the law has kept the number at 28,500.\n");
        Assert.True(a.Date is null || a.Date.Date >= new DateOnly(2019, 1, 1), $"dated {a.Date?.Date}");
    }

    [Fact]
    public void WhatSomeoneSaidTheyWouldDoByAYearSaysNothingOfTheDate()
    {
        var a = Run("Officials said they would withdraw the brigade by 2008. The envoys met on March 3.\n");
        Assert.Null(a.Date);
    }

    [Fact]
    public void APlanOfAYearIsThePastNotTheFuture()
    {
        var a = Run("A plan of 1990 cut the force. The envoys met on March 3 and recalled the plan.\n");
        Assert.Contains(a.DateExpressions, d => d.Text.Contains("1990", StringComparison.Ordinal));
        Assert.True(a.Date is null || a.Date.Date.Year >= 1990, $"dated {a.Date?.Date}");
    }

    [Fact]
    public void AWeekdayPairsWithTheOnlyDayAndMonthTheTextGives()
    {
        // 28 February fell on a Thursday in 2019; with a second day and month the weekday belongs to neither.
        var one = Run("The summit ended abruptly Thursday. On Feb. 28, the leaders left Hanoi without a deal, 2 years after talks began in 2017.\n");
        Assert.Equal(new DateOnly(2019, 2, 28), one.Date!.Date);

        var two = Run("Curbs took effect Friday. The rules apply from Aug. 1 and the next ones from Dec. 1.\n");
        Assert.Null(two.Date);
    }
    [Fact]
    public void ADateAnEventIsMovedToLiesAheadOfTheWriting()
    {
        // "to December 2015" after "delay" is the new target: the report comes before it, not after.
        var a = Run("The allies agreed on Saturday to delay the handover of command to December 2015. The envoys met on June 26 in a hotel.\n");
        Assert.NotNull(a.Date);
        Assert.True(a.Date!.Date < new DateOnly(2016, 1, 1), $"dated {a.Date.Date}");
    }

    [Fact]
    public void APlanSeenFromLaterOrATargetDateSaysNothingOfTheWriting()
    {
        // Without the hedge, "April 2012" would be a month the writing had passed.
        var plan = Run("The handover was to have taken place in April 2012. The envoys met on March 3 and signed nothing.\n");
        Assert.Null(plan.Date);

        var target = Run("Officials kept the 2015 date for the handover. The envoys met on March 3 and signed nothing.\n");
        Assert.Null(target.Date);

        // The same year, stated as something that happened, dates the report.
        var done = Run("The handover took place in 2015. The envoys met on March 3 and signed nothing.\n");
        Assert.NotNull(done.Date);
        Assert.True(done.Date!.Date.Year >= 2015, $"dated {done.Date.Date}");
    }

    [Fact]
    public void ADateAnEventIsMovedFromIsNoEvidence()
    {
        var a = Run("The allies postponed the drill from March 2014. The envoys met on March 3 and signed nothing.\n");
        Assert.Null(a.Date);
    }
    [Fact]
    public void AnAnniversaryCountsFromTheYearItsSentenceGives()
    {
        // Without the anniversary, President Vantor's term (2003-2008) places the report near its first day.
        var a = Run("President Vantor marked the 50th anniversary of the pact, signed in 1953, with a speech.\n");
        Assert.Equal(2003, a.Date!.Date.Year);
        Assert.Contains("1953", a.Date.Evidence, StringComparison.Ordinal);

        var b = Run("President Vantor marked the 54th anniversary of the pact, signed in 1953, with a speech.\n");
        Assert.Equal(2007, b.Date!.Date.Year);

        // Two years in the sentence: which one is counted from is not known.
        var c = Run("President Vantor marked the 54th anniversary of the pact, signed in 1953 and revised in 1960.\n");
        Assert.Equal(new DateOnly(2003, 4, 11), c.Date!.Date);
    }
}
