namespace Tightrope.Storage.Sqlite;

/// <summary>
/// A Bloom filter over band keys: <see cref="MayContain"/> is true for every key added (and for about 1% of the
/// others), so a lookup it rules out would have found nothing. 10 bits a key, 4 probes; sized for half again the
/// keys it starts with (at least 131,072), <see cref="Full"/> past that.
/// </summary>
internal sealed class BandKeyFilter
{
    private const int BitsPerKey = 10;
    private readonly ulong[] _words;
    private readonly ulong _bits;
    private readonly long _capacity;
    private long _count;

    public BandKeyFilter(long keys)
    {
        _capacity = Math.Max(1L << 17, keys + keys / 2);
        _words = new ulong[(_capacity * BitsPerKey + 63) / 64];
        _bits = (ulong)_words.Length * 64;
    }

    public bool Full => _count > _capacity;

    public void Add(long key)
    {
        var (h1, h2) = Hash(key);
        for (uint i = 0; i < 4; i++)
        {
            ulong bit = Index(h1 + i * h2);
            _words[bit >> 6] |= 1UL << (int)(bit & 63);
        }

        _count++;
    }

    public bool MayContain(long key)
    {
        var (h1, h2) = Hash(key);
        for (uint i = 0; i < 4; i++)
        {
            ulong bit = Index(h1 + i * h2);
            if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private ulong Index(uint h) => (h * _bits) >> 32;

    private static (uint H1, uint H2) Hash(long key)
    {
        ulong h = (ulong)key * 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return ((uint)h, (uint)(h >> 32) | 1);
    }
}
