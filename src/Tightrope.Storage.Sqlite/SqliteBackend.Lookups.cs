using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Tightrope.Dedup;
using Tightrope.Model;

namespace Tightrope.Storage.Sqlite;

/// <summary>The lookups the core's duplicate rules make: text hash, LSH band candidates (behind a Bloom filter of stored band keys), signatures.</summary>
internal sealed partial class SqliteBackend
{
    // ---- lookups for the core's rules ----

    public string? OriginalOfTextHash(string textHash)
    {
        ArgumentNullException.ThrowIfNull(textHash);
        lock (_gate)
        {
            return _byHash.Bind(1, textHash).FirstText();
        }
    }

    public void CountBandCandidates(ReadOnlySpan<long> bandKeys, int perBand, Dictionary<long, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (_gate)
        {
            var filter = BandFilter();
            int possible = 0;
            foreach (var key in bandKeys)
            {
                if (filter.MayContain(key))
                {
                    possible++;
                }
            }

            if (possible == 0)
            {
                // The usual case: no band key of the article is stored (the filter has no false negatives).
                return;
            }

            if (possible > 2 && bandKeys.Length == TextFingerprint.Bands)
            {
                CountAllBands(bandKeys, perBand, counts);
                return;
            }

            foreach (var key in bandKeys)
            {
                if (!filter.MayContain(key))
                {
                    continue;
                }

                int found = Count(_bandLookup, key, perBand, counts);
                if (found < perBand && _recentRows > 0)
                {
                    Count(_recentLookup, key, perBand - found, counts);
                }
            }
        }
    }

    /// <summary>
    /// The filter of every band key stored in lsh_bands and lsh_recent, built on first use by reading both, then kept
    /// by <see cref="WriteArticle"/>. Another connection's commit (PRAGMA data_version moves) drops it, as does growing
    /// past its capacity; keys of a batch rolled back stay in it, which costs a lookup, never a candidate.
    /// </summary>
    private BandKeyFilter BandFilter()
    {
        long version = _dataVersion.Step() ? _dataVersion.Int64(0) : -1;
        _dataVersion.Reset();
        if (_bandFilter is { } current && version == _filterDataVersion && !current.Full)
        {
            return current;
        }

        // Raw statements: this may run inside the write transaction, where a command of the connection would need it.
        long rows;
        using (var count = new RawStatement(_db, "SELECT (SELECT count(*) FROM lsh_bands) + (SELECT count(*) FROM lsh_recent)"))
        {
            rows = count.Step() ? count.Int64(0) : 0;
            count.Reset();
        }

        var filter = new BandKeyFilter(rows);
        using (var keys = new RawStatement(_db, "SELECT key FROM lsh_bands UNION ALL SELECT key FROM lsh_recent"))
        {
            while (keys.Step())
            {
                filter.Add(keys.Int64(0));
            }
        }

        _bandFilter = filter;
        _filterDataVersion = version;
        return filter;
    }

    /// <summary>
    /// The same candidates as one lookup per band in lsh_bands and then lsh_recent: each band's earliest
    /// <paramref name="perBand"/> of lsh_bands, then the earliest of lsh_recent up to <paramref name="perBand"/> in all
    /// (every article of lsh_recent was stored after every article of lsh_bands). One statement for all bands.
    /// </summary>
    private void CountAllBands(ReadOnlySpan<long> bandKeys, int perBand, Dictionary<long, int> counts)
    {
        var lookup = _allBandsLookup;
        for (int i = 0; i < bandKeys.Length; i++)
        {
            lookup.Bind(i + 1, bandKeys[i]);
        }

        lookup.Bind(bandKeys.Length + 1, perBand);
        var rows = _bandRows;
        rows.Clear();
        try
        {
            while (lookup.Step())
            {
                rows.Add(((int)lookup.Int64(0), (int)lookup.Int64(1), lookup.Int64(2)));
            }
        }
        finally
        {
            lookup.Reset();
        }

        if (rows.Count == 0)
        {
            return;
        }

        var span = CollectionsMarshal.AsSpan(rows);
        span.Sort();
        int band = -1;
        int taken = 0;
        foreach (var (b, _, article) in span)
        {
            if (b != band)
            {
                band = b;
                taken = 0;
            }

            if (taken < perBand)
            {
                counts[article] = counts.GetValueOrDefault(article) + 1;
                taken++;
            }
        }

        rows.Clear();
    }

    private static int Count(RawStatement lookup, long key, int limit, Dictionary<long, int> counts)
    {
        int found = 0;
        lookup.Bind(1, key).Bind(2, limit);
        try
        {
            while (lookup.Step())
            {
                long article = lookup.Int64(0);
                counts[article] = counts.GetValueOrDefault(article) + 1;
                found++;
            }
        }
        finally
        {
            lookup.Reset();
        }

        return found;
    }

    public (string Id, byte[] Signature)? SignatureOf(long seq)
    {
        lock (_gate)
        {
            _signatureOf.Bind(1, seq);
            try
            {
                return _signatureOf.Step() && !_signatureOf.IsNull(1) ? (_signatureOf.Text(0), _signatureOf.Blob(1).ToArray()) : null;
            }
            finally
            {
                _signatureOf.Reset();
            }
        }
    }
}
