namespace Tightrope.Storage;

/// <summary>
/// The articles prepared lately as likely originals, so that a worker can tell, before the write decides, that an
/// article is very likely a copy of one of them (the same text hash, or a shared LSH band and an estimated similarity
/// at the threshold): its original form, the costly one to pack, is then left to the write, which nearly never needs
/// it. Only a guess: the write decides against the store as always, and packs the original form if it does need it.
/// An article counts only those before it in the input (workers finish out of order), and one the write found to be a
/// duplicate after all stops counting. Memory is bounded: two generations of <see cref="Generation"/> articles.
/// Thread-safe.
/// </summary>
internal sealed class CopyForecast(double threshold)
{
    /// <summary>Articles in a generation: the older one is dropped when the newer one is full.</summary>
    public const int Generation = 4096;

    private readonly Lock _gate = new();
    private Dictionary<string, Entry> _hashes = new(StringComparer.Ordinal);
    private Dictionary<long, Entry> _bands = [];
    private Dictionary<string, Entry> _oldHashes = new(StringComparer.Ordinal);
    private Dictionary<long, Entry> _oldBands = [];
    private int _count;

    /// <summary>An article the forecast knows: where it is in the input and its packed signature.</summary>
    internal sealed class Entry(long order, byte[]? signature)
    {
        public long Order { get; } = order;

        public byte[]? Signature { get; } = signature;

        private volatile bool _gone;

        /// <summary>Set when the write found it a duplicate: its copies are not its duplicates.</summary>
        public bool Gone
        {
            get => _gone;
            set => _gone = value;
        }
    }

    /// <summary>Whether an article at <paramref name="order"/> in the input looks like a copy of a likely original before it.</summary>
    public bool LooksLikeCopy(long order, string? textHash, ulong[]? signature, long[]? bands)
    {
        lock (_gate)
        {
            if (textHash is not null && (Counts(_hashes.GetValueOrDefault(textHash), order) || Counts(_oldHashes.GetValueOrDefault(textHash), order)))
            {
                return true;
            }

            if (signature is null || bands is null)
            {
                return false;
            }

            // At most the 16 bands of two generations: a few thousand comparisons of 16-bit values, no more.
            foreach (var generation in (ReadOnlySpan<Dictionary<long, Entry>>)[_bands, _oldBands])
            {
                foreach (long key in bands)
                {
                    if (generation.GetValueOrDefault(key) is { Signature: { } packed } entry && Counts(entry, order)
                        && ArticleStore.PackedSimilarity(signature, packed) >= threshold)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Remembers a likely original (what the write is told if it turns out a duplicate).</summary>
    public Entry Add(long order, string? textHash, byte[]? packedSignature, long[]? bands)
    {
        var entry = new Entry(order, packedSignature);
        lock (_gate)
        {
            if (_count == Generation)
            {
                (_oldHashes, _hashes) = (_hashes, _oldHashes);
                (_oldBands, _bands) = (_bands, _oldBands);
                _hashes.Clear();
                _bands.Clear();
                _count = 0;
            }

            _count++;
            if (textHash is not null)
            {
                Put(_hashes, textHash, entry);
            }

            foreach (long key in bands ?? [])
            {
                Put(_bands, key, entry);
            }
        }

        return entry;
    }

    private static bool Counts(Entry? entry, long order) => entry is { Gone: false } && entry.Order < order;

    /// <summary>The first article of a key stays (the earliest is the likeliest original), unless it is gone.</summary>
    private static void Put<TKey>(Dictionary<TKey, Entry> map, TKey key, Entry entry)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var present) || present.Gone)
        {
            map[key] = entry;
        }
    }
}
