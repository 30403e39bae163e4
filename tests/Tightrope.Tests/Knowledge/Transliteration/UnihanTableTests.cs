using Tightrope.Knowledge.Transliteration;
using Tightrope.Tests.Support;

namespace Tightrope.Tests.Knowledge.Transliteration;

public sealed class UnihanTableTests
{
    [Fact]
    public void TheEmbeddedTableHasReadingsForCommonNameCharacters()
    {
        var table = UnihanTable.Default;
        Assert.True(table.Count > 20000);
        Assert.Contains("yin", table.Pinyin('尹'));
        Assert.Contains("윤", table.Hangul('尹'));
        Assert.Contains("li", table.Pinyin('李'));
    }

    [Fact]
    public void ASimplifiedCharacterReachesTheKoreanReadingOfItsTraditionalForm()
    {
        var table = UnihanTable.Default;
        // 锡 (simplified) has no kHangul of its own; its traditional form 錫 reads 석.
        Assert.Empty(table.Get('锡')!.Hangul);
        Assert.Contains("석", table.Hangul('锡'));
    }

    [Fact]
    public void TonesAreStripped() => Assert.Equal("xi yue", UnihanTableBuilder.StripTones("xī yuè"));

    [UnihanFact]
    public void RegeneratingFromUnihanGivesTheCommittedTable()
    {
        var readings = UnihanTableBuilder.Locate(UnihanTableBuilder.DefaultFolder, "Unihan_Readings")!;
        var variants = UnihanTableBuilder.Locate(UnihanTableBuilder.DefaultFolder, "Unihan_Variants")!;
        var committed = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "src", "Tightrope", "Knowledge", "Transliteration", "unihan-readings.tsv"));
        Assert.Equal(committed, UnihanTableBuilder.Build(readings, variants));
        Assert.Equal(committed, UnihanTable.ReadEmbeddedText());
    }
}

/// <summary>A fact that needs the Unihan files of Debian's unicode-data package; skipped with a reason without them.</summary>
public sealed class UnihanFactAttribute : FactAttribute
{
    public UnihanFactAttribute()
    {
        if (UnihanTableBuilder.Locate(UnihanTableBuilder.DefaultFolder, "Unihan_Readings") is null
            || UnihanTableBuilder.Locate(UnihanTableBuilder.DefaultFolder, "Unihan_Variants") is null)
        {
            Skip = $"Unihan_Readings/Unihan_Variants not in {UnihanTableBuilder.DefaultFolder} (install Debian's unicode-data)";
        }
    }
}
