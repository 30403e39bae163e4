using System.Collections;

namespace Tightrope.Model;

/// <summary>
/// One article as it goes through the pipeline. It owns its text: <see cref="RawText"/> as extracted from the
/// input, <see cref="Text"/> after cleaning. Every annotation is a span into <see cref="Text"/>;
/// <see cref="Offsets"/> maps cleaned offsets back to the raw text.
/// </summary>
public sealed class Article
{
    public Article(string id, string rawText, ArticleMetadata metadata)
    {
        Id = id;
        RawText = rawText;
        Text = rawText;
        WrittenText = rawText;
        Metadata = metadata;
        Offsets = OffsetMap.Identity(rawText.Length);
    }

    /// <summary>Content address: a hash of the raw input this article was read from.</summary>
    public string Id { get; }

    public ArticleMetadata Metadata { get; set; }

    /// <summary>Text as extracted from the input (after decoding and HTML extraction), before cleaning.</summary>
    public string RawText { get; }

    /// <summary>Cleaned text; every span points into it.</summary>
    public string Text { get; private set; }

    /// <summary>
    /// <see cref="Text"/> as the source wrote it: the page's curly quotes, dashes and full-width forms where
    /// <see cref="Text"/> has their one-character ASCII fold. Same length and offsets, so every span reads the
    /// same in both; stages match on <see cref="Text"/>, what an analyst reads (annotate's text) comes from this.
    /// The same string as <see cref="Text"/> when nothing was folded.
    /// </summary>
    public string WrittenText { get; private set; }

    public OffsetMap Offsets { get; private set; }

    public List<RemovedSegment> Removed { get; } = [];

    public List<Sentence> Sentences { get; } = [];

    public List<Token> Tokens { get; } = [];

    /// <summary>Hash of the normalised cleaned text (exact duplicates share it).</summary>
    public string? TextHash { get; set; }

    /// <summary>Near-duplicate signature of the cleaned text.</summary>
    public ulong[]? Signature { get; set; }

    /// <summary>Id of the article this one duplicates, when the dedup stage (or the store) found one.</summary>
    public string? DuplicateOf { get; set; }

    public ArticleDate? Date { get; set; }

    public List<StageFailure> Failures { get; } = [];

    private object?[] _slots = [];

    /// <summary>
    /// The records a capability keeps on this article under <paramref name="key"/> (created empty on first use).
    /// Capabilities expose theirs as extension properties in their own folder (<c>article.Mentions</c>).
    /// </summary>
    public T Get<T>(AnnotationKey<T> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Index >= _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(key.Index + 1, AnnotationKey.Count));
        }

        return (T)(_slots[key.Index] ??= key.Create());
    }

    /// <summary>The records under <paramref name="key"/> if any were made, without creating the slot.</summary>
    public T? Find<T>(AnnotationKey<T> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Index < _slots.Length ? (T?)_slots[key.Index] : null;
    }

    /// <summary>Replaces the records under <paramref name="key"/> (null empties the slot).</summary>
    public void Set<T>(AnnotationKey<T> key, T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Index >= _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(key.Index + 1, AnnotationKey.Count));
        }

        _slots[key.Index] = value;
    }

    private bool AnySpans()
    {
        if (Sentences.Count > 0 || Tokens.Count > 0)
        {
            return true;
        }

        foreach (var slot in _slots)
        {
            if (slot is ICollection { Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Replaces the text with its cleaned form. Only the clean stage calls this, before any span exists.</summary>
    public void SetCleanText(string text, OffsetMap offsets, string? written = null)
    {
        if (AnySpans())
        {
            throw new InvalidOperationException("The text cannot change once spans point into it.");
        }

        if (written is not null && written.Length != text.Length)
        {
            throw new ArgumentException("The written text must have the cleaned text's length.", nameof(written));
        }

        Text = text;
        WrittenText = written ?? text;
        Offsets = offsets;
    }

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    /// <summary>The index of the sentence that contains <paramref name="offset"/>, or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var s = Sentences[mid].Span;
            if (offset < s.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
