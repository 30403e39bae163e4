using System.Text.RegularExpressions;
using Tightrope.Dates;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Dates;

/// <summary>
/// The shortcuts of the date stages give what the long way gives: a page line that <see cref="DateGrammar.MayHoldMonthDay"/>
/// rules out holds no expression with a month and a day, white space collapses as the regular expression did, and
/// a date's tense is the same whether or not the clause breaks had to be searched.
/// </summary>
public class DateShortcutTests
{
    [Theory]
    [InlineData("The plan covers 1/9 of the $18.9 billion budget, nearly 51% of it.", false)]
    [InlineData("Officials said about 29,531 troops remain at 61 sites.", false)]
    [InlineData("Posted on : 2019-02-11 17:09", true)]
    [InlineData("입력 2023. 4. 26. 10:12", true)]
    [InlineData("发布时间 2023年4月26日", true)]
    [InlineData("2023 年4月", true)]
    [InlineData("SEOUL, Aug. 22 (Agency) --", true)]
    [InlineData("- The Daily Ledger - Wednesday, April 26, 2023", true)]
    [InlineData("the 14th of july", true)]
    public void MonthDayPrecheck(string line, bool may) => Assert.Equal(may, DateGrammar.English.MayHoldMonthDay(line));

    /// <summary>Every line with an expression of a month and a day passes the precheck (it is a necessary condition).</summary>
    [Fact]
    public void PrecheckNeverRulesOutADay()
    {
        var texts = Directory.EnumerateFiles(Path.Combine(SharedData.RepoRoot, "samples"), "*", SearchOption.AllDirectories).Select(File.ReadAllText)
            .Concat(Tightrope.Batch.SyntheticCorpus.Generate(300_000, seed: 11).Select(a => a.Text));
        int days = 0, ruledOut = 0;
        foreach (var text in texts)
        {
            foreach (var line in text.Split('\n'))
            {
                bool hasDay = DateRecognizer.English.Find(line, [], null).Exists(x => x.Parts is { Month: not null, Day: not null });
                bool may = DateGrammar.English.MayHoldMonthDay(line);
                Assert.True(may || !hasDay, $"ruled out a line with a day: {line}");
                days += hasDay ? 1 : 0;
                ruledOut += may ? 0 : 1;
            }
        }

        Assert.True(days > 50, $"only {days} lines with a day");
        Assert.True(ruledOut > 50, $"only {ruledOut} lines ruled out");
    }

    [Theory]
    [InlineData("Sept.")]
    [InlineData("early  in\tthe\u00a0year")]
    [InlineData("a b  c\n\n d ")]
    [InlineData("")]
    [InlineData("   ")]
    public void CollapseSpacesAsTheRegex(string s) => Assert.Equal(Regex.Replace(s, @"\s+", " "), DateGrammar.CollapseSpaces(s));

    [Theory]
    [InlineData("Seoul said on Monday it delayed the transfer to December 2015.", true, false)]
    [InlineData("The ministry delayed the transfer from December 2015 to a later date.", true, true)]
    [InlineData("The handover was to have taken place on April 17, 2012, officials said.", true, true)]
    [InlineData("Seoul delayed the drills, but the envoys agreed to December 2015.", false, false)]
    [InlineData("The envoys met in December 2015 and again in 2016.", false, false)]
    public void TargetTense(string sentence, bool future, bool hedged)
    {
        var (expression, parts) = DateRecognizer.English.Find(sentence, [new Tightrope.Model.Sentence(new Tightrope.Model.TextSpan(0, sentence.Length))], null)
            .First(x => x.Parts.Year is not null);
        Assert.True((future, hedged) == (parts.Future, parts.Hedged), $"{expression.Text}: {parts}");
    }
}
