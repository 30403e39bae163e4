using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>Names written in hangul, hanzi or kana, found through the knowledge base's native names (<see cref="NativeNameIndex"/>).</summary>
internal sealed partial class MentionFinder
{
    /// <summary>
    /// Adds the native-script names of the text to <paramref name="mentions"/> (in text order, none overlapping a
    /// mention found in Latin letters). A name several actors bear goes to the one the article already names, or to
    /// the clearly most prominent at the date; otherwise it stays out.
    /// </summary>
    private List<Mention> AddNative(Article article, List<Mention> mentions, DateOnly? date)
    {
        var text = article.Text;
        if (_native.Scan(text) is not { } hits)
        {
            return mentions;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.ActorId is { } id)
            {
                named.Add(id);
            }
        }

        var added = new List<Mention>(hits.Count);
        foreach (var hit in hits)
        {
            if (Choose(hit.Ids, named, date) is not { } id || Overlaps(mentions, hit.Start, hit.Start + hit.Length))
            {
                continue;
            }

            named.Add(id);
            var span = new TextSpan(hit.Start, hit.Start + hit.Length);
            var surface = text.Substring(hit.Start, hit.Length);
            added.Add(new Mention
            {
                Span = span,
                Text = surface,
                ActorId = id,
                Kind = MentionKind.Name,
                Confidence = 0.95,
                Normalized = surface,
                Sentence = article.Sentences.Count > 0 ? article.SentenceAt(span.Start) : -1,
            });
        }

        if (added.Count == 0)
        {
            return mentions;
        }

        mentions.AddRange(added);
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return mentions;
    }

    private string? Choose(string[] ids, HashSet<string> named, DateOnly? date)
    {
        if (ids.Length == 1)
        {
            return ids[0];
        }

        string? already = null;
        foreach (var id in ids)
        {
            if (named.Contains(id))
            {
                if (already is not null)
                {
                    return null;
                }

                already = id;
            }
        }

        if (already is not null)
        {
            return already;
        }

        // The most prominent at the date, by a clear margin (a president, not the president's namesake).
        string? top = null;
        double best = double.NegativeInfinity, second = double.NegativeInfinity;
        foreach (var id in ids)
        {
            double p = _kb.Find(id) is { Kind: ActorKind.Person } a ? Prominence(a, date) : double.NegativeInfinity;
            if (p > best)
            {
                (second, best, top) = (best, p, id);
            }
            else if (p > second)
            {
                second = p;
            }
        }

        return best >= second + 1 ? top : null;
    }

    private static bool Overlaps(List<Mention> mentions, int start, int end)
    {
        foreach (var m in mentions)
        {
            if (m.Span.Start < end && start < m.Span.End)
            {
                return true;
            }
        }

        return false;
    }
}
