using Tightrope.Dedup;

namespace Tightrope.Tests.Dedup;

public sealed class TextFingerprintTests
{
    private const string Story =
        "The two governments concluded a sixth round of talks on the cost of stationing American troops, " +
        "with negotiators in Seoul saying the gap had narrowed to a few hundred million dollars. The defense ministry " +
        "said a deal could be signed before the end of the year if the remaining issues over construction projects " +
        "and labor costs were settled. Opposition lawmakers demanded that any increase be tied to inflation and that " +
        "the National Assembly review the agreement line by line. A spokesman for the embassy declined to give " +
        "figures but said both sides wanted a fair outcome that strengthened deterrence on the peninsula. Analysts " +
        "expect the next round to take place in Washington in the spring, shortly after the joint exercises end.";

    [Fact]
    public void TextsThatDifferOnlyInCaseSpacingAndPunctuationShareAHash()
    {
        var variant = Story.ToUpperInvariant().Replace(". ", ".\n\n  ", StringComparison.Ordinal).Replace(",", " ;", StringComparison.Ordinal);

        Assert.Equal(TextFingerprint.TextHash(Story), TextFingerprint.TextHash(variant));
        Assert.Equal(32, TextFingerprint.TextHash(Story).Length);
    }

    [Fact]
    public void ChangingOneWordChangesTheHash()
    {
        var edited = Story.Replace("sixth", "seventh", StringComparison.Ordinal);

        Assert.NotEqual(TextFingerprint.TextHash(Story), TextFingerprint.TextHash(edited));
    }

    [Fact]
    public void NormalisingFoldsCaseAndRunsOfSpacesAndPunctuation()
    {
        Assert.Equal("kim jong un met u s envoys 1 5 trillion", TextFingerprint.Normalize("  Kim Jong-un met U.S. envoys — \"1.5 trillion\"!  "));
    }

    [Fact]
    public void ARepostWithOtherBoilerplateAndSmallEditsIsEstimatedAboveTheThreshold()
    {
        var repost = "By staff writer J. Doe, Harbor Wire\n\n" +
            Story.Replace("sixth", "6th", StringComparison.Ordinal).Replace("declined to give", "would not give", StringComparison.Ordinal) +
            "\n\nCopyright 2024 Harbor Wire. All rights reserved.";

        double similarity = TextFingerprint.Similarity(TextFingerprint.Signature(Story), TextFingerprint.Signature(repost));

        Assert.InRange(similarity, 0.8, 1.0);
    }

    [Fact]
    public void AnotherStoryOnTheSameTopicIsEstimatedFarBelowTheThreshold()
    {
        const string other =
            "American and South Korean negotiators failed to agree on how much Seoul should pay for the troops, " +
            "and the talks will resume next month. Officials in Washington said the current contribution no longer " +
            "reflected the cost of the deployment, while the foreign ministry insisted any rise must be reasonable. " +
            "The previous agreement expired at the end of last year, leaving thousands of local workers on the bases uncertain about their pay.";

        double similarity = TextFingerprint.Similarity(TextFingerprint.Signature(Story), TextFingerprint.Signature(other));

        Assert.InRange(similarity, 0.0, 0.3);
    }

    [Fact]
    public void TheSignatureIsDeterministicAndNullForATextWithoutWords()
    {
        Assert.Equal(TextFingerprint.Signature(Story), TextFingerprint.Signature(Story));
        Assert.Equal(TextFingerprint.SignatureLength, TextFingerprint.Signature(Story)!.Length);
        Assert.Null(TextFingerprint.Signature(" — … ! "));
        Assert.NotNull(TextFingerprint.Signature("Seoul"));
    }

    [Fact]
    public void NearDuplicatesShareABandKeyAndUnrelatedTextsDoNot()
    {
        var edited = Story.Replace("spring", "summer", StringComparison.Ordinal);
        var keys = TextFingerprint.BandKeys(TextFingerprint.Signature(Story)!);
        var editedKeys = TextFingerprint.BandKeys(TextFingerprint.Signature(edited)!);
        var unrelatedKeys = TextFingerprint.BandKeys(TextFingerprint.Signature("Fishermen near Busan protested against the new port fees on Monday, blocking the harbor entrance for six hours.")!);

        Assert.Equal(TextFingerprint.Bands, keys.Length);
        Assert.NotEmpty(keys.Intersect(editedKeys));
        Assert.Empty(keys.Intersect(unrelatedKeys));
    }
}
