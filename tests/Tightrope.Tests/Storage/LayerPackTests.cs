using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Tests.Storage;

/// <summary>Packed layers, uncompressed and Deflate-compressed: both read back to the same records.</summary>
public sealed class LayerPackTests
{
    private static readonly Lazy<ArticlePipeline> Pipeline = new(() =>
    {
        var knowledge = Path.Combine(Support.SharedData.RepoRoot, "knowledge");
        return TightropePipeline.Create(new PipelineOptions
        {
            Knowledge = Tightrope.Knowledge.KnowledgeLoader.Load(knowledge),
            KnowledgeFolder = knowledge,
        });
    });

    private const string Text =
        "Seoul and Washington agreed on Monday to keep about 28,500 American troops in South Korea. " +
        "South Korea will pay 1.4 trillion won next year under the cost-sharing deal, up 8 percent. " +
        "The Pentagon said the allies would hold their summer drills in August. " +
        "Officials in Tokyo welcomed the agreement, and Beijing criticised the drills.";

    private static Article Processed(string id = "d0000000000000000000000000000001") =>
        Pipeline.Value.Process(new Article(id, "Troops stay\n\n" + Text, new ArticleMetadata { Title = "Troops stay", Published = new DateOnly(2025, 6, 2) }));

    private static string Rows(Article article)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            LayerPack.WriteJson(article, TightropePipeline.Layers, json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Article Read(Article source, byte[] blob)
    {
        var read = new Article(source.Id, source.RawText, source.Metadata);
        read.SetCleanText(source.Text, source.Offsets);
        LayerPack.Unpack(blob, read, TightropePipeline.Layers);
        return read;
    }

    [Fact]
    public void ACompressedBlobIsMarkedSmallerAndReadsBackTheSameRecordsAsAnUncompressedOne()
    {
        var article = Processed();
        var plain = LayerPack.Pack(article, TightropePipeline.Layers, duplicate: false);
        var packed = LayerPack.Pack(article, TightropePipeline.Layers, duplicate: false, compress: true);
        var legacyPlain = LayerPack.PackLegacy(article, TightropePipeline.Layers, duplicate: false);
        var legacyPacked = LayerPack.PackLegacy(article, TightropePipeline.Layers, duplicate: false, compress: true);

        Assert.True(plain.Length >= LayerPack.CompressFrom, $"the test article packs to only {plain.Length} bytes");
        Assert.Equal(LayerPack.DeltaRows, plain[0]);
        Assert.Equal(LayerPack.DeltaRowsDeflated, packed[0]);
        Assert.True(legacyPlain[0] < 0x7F);
        Assert.Equal(LayerPack.Deflated, legacyPacked[0]);
        Assert.True(packed.Length < plain.Length, $"compressed {packed.Length} bytes, uncompressed {plain.Length}");
        // Column deltas: offsets and sentence numbers that grow take fewer bytes than the values themselves.
        Assert.True(plain.Length < legacyPlain.Length, $"delta-coded {plain.Length} bytes, as they are {legacyPlain.Length}");
        Assert.True(article.Mentions.Count > 0 && article.Figures.Count > 0, "the test article has no mentions or figures");
        var expected = Rows(article);
        Assert.Equal(expected, Rows(Read(article, plain)));
        Assert.Equal(expected, Rows(Read(article, packed)));
        Assert.Equal(expected, Rows(Read(article, legacyPlain)));
        Assert.Equal(expected, Rows(Read(article, legacyPacked)));
    }

    [Fact]
    public void ASmallBlobIsKeptUncompressed()
    {
        var article = new Article("d0000000000000000000000000000002", "Short.", new ArticleMetadata());
        article.Failures.Add(new StageFailure("figures", "x", null));
        var packed = LayerPack.Pack(article, TightropePipeline.Layers, duplicate: false, compress: true);

        Assert.True(packed.Length < LayerPack.CompressFrom);
        Assert.Equal(LayerPack.Pack(article, TightropePipeline.Layers, duplicate: false), packed);
    }
}
