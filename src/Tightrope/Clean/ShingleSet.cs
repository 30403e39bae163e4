using System.Buffers;

namespace Tightrope.Clean;

/// <summary>An open-addressing set of shingle hashes in a pooled array: cheaper than a HashSet for this one job.</summary>
internal sealed class ShingleSet : IDisposable
{
    private ulong[] _slots;
    private int _mask;
    private int _count;

    public ShingleSet(int capacity = 64)
    {
        int size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = ArrayPool<ulong>.Shared.Rent(size);
        Array.Clear(_slots, 0, size);
        _mask = size - 1;
    }

    public int Count => _count;

    public bool Contains(ulong h)
    {
        h = h == 0 ? 1 : h;
        int i = (int)(h ^ (h >> 29)) & _mask;
        while (true)
        {
            ulong s = _slots[i];
            if (s == h)
            {
                return true;
            }

            if (s == 0)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }
    }

    public void Add(ulong h)
    {
        h = h == 0 ? 1 : h;
        if ((_count + 1) * 2 > _mask + 1)
        {
            Grow();
        }

        int i = (int)(h ^ (h >> 29)) & _mask;
        while (true)
        {
            ulong s = _slots[i];
            if (s == h)
            {
                return;
            }

            if (s == 0)
            {
                _slots[i] = h;
                _count++;
                return;
            }

            i = (i + 1) & _mask;
        }
    }

    public void AddRange(ReadOnlySpan<ulong> hashes)
    {
        foreach (var h in hashes)
        {
            Add(h);
        }
    }

    /// <summary>The share of <paramref name="hashes"/> that are in the set.</summary>
    public double Containment(ReadOnlySpan<ulong> hashes)
    {
        if (hashes.IsEmpty)
        {
            return 0;
        }

        int hit = 0;
        foreach (var h in hashes)
        {
            hit += Contains(h) ? 1 : 0;
        }

        return (double)hit / hashes.Length;
    }

    public void Clear()
    {
        Array.Clear(_slots, 0, _mask + 1);
        _count = 0;
    }

    private void Grow()
    {
        var old = _slots;
        int oldSize = _mask + 1;
        int size = oldSize * 2;
        _slots = ArrayPool<ulong>.Shared.Rent(size);
        Array.Clear(_slots, 0, size);
        _mask = size - 1;
        _count = 0;
        for (int k = 0; k < oldSize; k++)
        {
            if (old[k] != 0)
            {
                Add(old[k]);
            }
        }

        ArrayPool<ulong>.Shared.Return(old);
    }

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(_slots);
        _slots = [];
    }
}
