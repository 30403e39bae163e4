using Tightrope.Eval;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Eval;

public sealed class RecognizersDateScoringTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tightrope-rec-" + Guid.NewGuid().ToString("N"));

    public RecognizersDateScoringTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public void DatesAreScoredByOverlapAndValueAndTimesAreLeftOut()
    {
        // Own cases in the spec's shape: a day found right, a month without a year read at its past reading, a
        // day resolved wrong (a miss and a false positive), and a clock time (left out).
        File.WriteAllText(Path.Combine(_root, RecognizersDateScoring.File), """
            [
              {"Input": "The envoys met on May 3, 2019 in Geneva.", "Context": {"ReferenceDateTime": "2019-06-01T00:00:00"},
               "Results": [{"Text": "may 3, 2019", "Start": 18, "End": 28, "TypeName": "datetimeV2.date",
                 "Resolution": {"values": [{"timex": "2019-05-03", "type": "date", "value": "2019-05-03"}]}}]},
              {"Input": "The talks resumed in March.", "Context": {"ReferenceDateTime": "2019-06-01T00:00:00"},
               "Results": [{"Text": "march", "Start": 21, "End": 25, "TypeName": "datetimeV2.daterange",
                 "Resolution": {"values": [{"timex": "XXXX-03", "type": "daterange", "start": "2019-03-01", "end": "2019-04-01"},
                                           {"timex": "XXXX-03", "type": "daterange", "start": "2020-03-01", "end": "2020-04-01"}]}}]},
              {"Input": "The vote was held on June 4, 2018.", "Context": {"ReferenceDateTime": "2019-06-01T00:00:00"},
               "Results": [{"Text": "june 4, 2018", "Start": 21, "End": 32, "TypeName": "datetimeV2.date",
                 "Resolution": {"values": [{"timex": "2018-06-05", "type": "date", "value": "2018-06-05"}]}}]},
              {"Input": "They met at 5 pm.", "Context": {"ReferenceDateTime": "2019-06-01T00:00:00"},
               "Results": [{"Text": "5 pm", "Start": 12, "End": 15, "TypeName": "datetimeV2.time",
                 "Resolution": {"values": [{"timex": "T17", "type": "time", "value": "17:00:00"}]}}]}
            ]
            """);
        var score = RecognizersDateScoring.Score(_root);
        Assert.Equal(4, score.Cases);
        Assert.Equal(3, score.Scored);
        Assert.Equal(new PrfCount(2, 0, 1), score.Score);
        Assert.Single(score.LeftOut);
        Assert.Contains(score.Errors, e => e.Contains("June 4, 2018", StringComparison.Ordinal));
    }

    /// <summary>What the grammar reaches on the date subset of the shared spec (P 0.91, R 0.37): a floor, not the target.</summary>
    [SharedFact]
    public void TheDateSubsetOfTheSharedSpecHoldsItsPrecision()
    {
        var score = RecognizersDateScoring.Score(Path.Combine(SharedData.External, "recognizers-text"));
        Assert.True(score.Score.Precision >= 0.90, score.Score.ToString());
        Assert.True(score.Scored >= 300, score.Scored.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
