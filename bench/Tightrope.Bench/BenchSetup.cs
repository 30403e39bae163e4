using Tightrope.Knowledge;
using Tightrope.Pipeline;

namespace Tightrope.Bench;

/// <summary>What the bench commands run: the repository's knowledge base (empty when none is found) and the full pipeline over it.</summary>
internal static class BenchSetup
{
    public static KnowledgeBase Knowledge() =>
        KnowledgeLoader.FindDefaultFolder() is { } folder ? KnowledgeLoader.Load(folder) : KnowledgeBase.Empty;

    public static (KnowledgeBase Knowledge, ArticlePipeline Pipeline) FullPipeline()
    {
        var knowledge = Knowledge();
        return (knowledge, TightropePipeline.Create(new PipelineOptions { Knowledge = knowledge }));
    }
}
