using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Figures;

/// <summary>
/// The "figures" stage: finds every numeric claim of the cleaned text (money, counts, percentages, fractions,
/// durations, ranges, changes), ties it to its measure, indicator, actor and period, and converts money to USD.
/// Built once with the indicators and the rate table; keeps no per-article state.
/// </summary>
public sealed class FiguresStage : IStage
{
    private readonly FigureAnnotator _annotator;

    public FiguresStage(IndicatorCatalog indicators, ExchangeRates rates)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(rates);
        Indicators = indicators;
        Rates = rates;
        _annotator = new FigureAnnotator(indicators, rates);
    }

    /// <summary>A stage reading indicators.yaml and rates/usd-annual.csv from a knowledge folder (missing files: none).</summary>
    public static FiguresStage FromFolder(string? knowledgeFolder, List<Knowledge.KnowledgeProblem>? problems = null) =>
        knowledgeFolder is null
            ? new FiguresStage(IndicatorCatalog.Empty, ExchangeRates.Empty)
            : new FiguresStage(IndicatorCatalog.LoadFolder(knowledgeFolder, problems), ExchangeRates.LoadFolder(knowledgeFolder, problems));

    public IndicatorCatalog Indicators { get; }

    public ExchangeRates Rates { get; }

    public string Name => "figures";

    public IReadOnlyList<Layer> Requires { get; } = [Layer.CleanText, Layer.Sentences];

    public IReadOnlyList<Layer> Produces { get; } = [Layer.Figures];

    public void Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        article.Figures.Clear();
        article.Figures.AddRange(_annotator.Annotate(article));
    }
}
