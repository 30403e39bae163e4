namespace Tightrope.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tightrope-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Spec(string file, string json) => File.WriteAllText(Path.Combine(_folder, file), json);

    [Fact]
    public void RecognizersSpecsInAFolderAreScored()
    {
        Directory.CreateDirectory(_folder);
        // Cases of our own in the Recognizers-Text spec format.
        Spec("Number_English_NumberModel.json", """
            [{"Input": "the allies keep 28,500 troops", "Results": [{"Text": "28,500", "TypeName": "number", "Resolution": {"value": "28500"}, "Start": 16, "End": 21}]}]
            """);
        Spec("Number_English_NumberRangeModel.json", "[]");
        Spec("Number_English_PercentModel.json", """
            [{"Input": "support fell to 20%", "Results": [{"Text": "20%", "TypeName": "percentage", "Resolution": {"value": "20%"}, "Start": 16, "End": 18}]}]
            """);
        Spec("NumberWithUnit_English_CurrencyModel.json", "[]");

        Assert.Equal(0, Tightrope.Cli.Cli.Run(["eval", "--recognizers", _folder, "--json"]));
        var scores = Tightrope.Eval.RecognizersScoring.ScoreFolder(_folder).ToDictionary(s => s.Model);
        Assert.Equal(1.0, scores["Number"].Score.F1);
        Assert.Equal(1.0, scores["Percent"].Score.F1);
        Assert.Equal(0, scores["Currency"].Cases);
    }

    [Fact]
    public void AMissingRecognizersFolderIsAUsageError() =>
        Assert.Equal(2, Tightrope.Cli.Cli.Run(["eval", "--recognizers", Path.Combine(_folder, "absent")]));
}
