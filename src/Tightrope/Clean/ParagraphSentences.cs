using Tightrope.Model;
using Tightrope.Text;

namespace Tightrope.Clean;

/// <summary>Where the sentences of one paragraph start, by the Text stage's splitter (<see cref="SentenceSplitter"/>).</summary>
internal static class ParagraphSentences
{
    [ThreadStatic]
    private static List<TextSpan>? t_spans;

    /// <summary>
    /// Appends the start of each sentence of <paramref name="text"/>: the first at 0 (a bullet that opens the
    /// paragraph stays with its sentence), then where each later sentence begins.
    /// </summary>
    public static void Starts(ReadOnlySpan<char> text, List<int> starts)
    {
        var spans = t_spans ??= new List<TextSpan>(16);
        spans.Clear();
        SentenceSplitter.Split(text, spans);
        starts.Add(0);
        for (int k = 1; k < spans.Count; k++)
        {
            starts.Add(spans[k].Start);
        }
    }
}
