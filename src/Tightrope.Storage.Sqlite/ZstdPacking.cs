using System.Text;
using Microsoft.Data.Sqlite;
using ZstdSharp;

namespace Tightrope.Storage.Sqlite;

/// <summary>
/// How the SQLite store packs an article's cleaned text and its layers from schema 8: zstd (ZstdSharp, level
/// <see cref="Level"/>) with a dictionary the store trains once per kind on the first batch that has
/// <see cref="TrainFrom"/> originals, kept in <c>pack_dictionaries</c>. What repeats across articles (actor ids,
/// event codes, units, the phrases of a wire) is then in the dictionary instead of in every article's stream, which a
/// per-article Deflate or Brotli stream cannot use. Values packed before a dictionary exists name dictionary 0 (none).
/// <list type="bullet">
/// <item>A text (<c>articles.text_zs</c>): varint dictionary id, varint UTF-8 length, zstd frame.</item>
/// <item>Layers (<c>articles.layers</c>): <see cref="LayersMarker"/>, varint dictionary id, varint length, zstd frame.
/// A blob that does not start with the marker is the core's blob as it is (rows written before schema 8; the core's
/// blobs start with a section count below 0x7F or a marker from 0xFD up, <see cref="LayerPack"/>).</item>
/// </list>
/// The write side runs under the backend's write lock; reading takes this object's lock (decompressors are not
/// thread-safe).
/// </summary>
internal sealed class ZstdPacking : IDisposable
{
    public const byte LayersMarker = 0xFC;

    /// <summary>zstd level: with a dictionary, level 3 packs the layers 4% smaller than level 1 at the same speed.</summary>
    public const int Level = 3;

    /// <summary>Bytes of a trained dictionary (32 KB packs within 3% of 110 KB on the synthetic corpus).</summary>
    public const int DictionaryBytes = 64 * 1024;

    /// <summary>Originals a batch needs before a dictionary is trained from it (fewer train a poor one).</summary>
    public const int TrainFrom = 256;

    /// <summary>Samples a dictionary is trained on, at most.</summary>
    public const int MaxSamples = 512;

    public const string TextKind = "text";
    public const string LayersKind = "layers";

    private readonly Lock _readGate = new();
    private readonly Dictionary<long, Decompressor> _decompressors = [];
    private readonly Decompressor _plainReader = new();
    private readonly Compressor _plainWriter = new(Level);
    private readonly Dictionary<string, (long Id, Compressor Compressor)> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<long, byte[]> _dictionaries = [];
    private readonly HashSet<string> _attempted = new(StringComparer.Ordinal);
    private byte[] _buffer = new byte[1 << 14];
    private byte[] _utf8 = new byte[1 << 14];

    /// <summary>Reads the store's dictionaries (after the migrations: the table is schema 8's).</summary>
    public void Load(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, kind, data FROM pack_dictionaries ORDER BY id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            Add(r.GetInt64(0), r.GetString(1), (byte[])r.GetValue(2));
        }
    }

    /// <summary>Whether <paramref name="kind"/> has no dictionary yet and none was tried in this session.</summary>
    public bool WantsDictionary(string kind) => !_current.ContainsKey(kind) && !_attempted.Contains(kind);

    /// <summary>A dictionary trained on <paramref name="samples"/>, or null when zstd cannot make one of them.</summary>
    public byte[]? Train(string kind, IReadOnlyList<byte[]> samples)
    {
        _attempted.Add(kind);
        try
        {
            // A dictionary larger than an eighth of its samples learns their noise; a small batch gets a small one.
            long total = samples.Sum(s => (long)s.Length);
            int capacity = (int)Math.Clamp(total / 8, 4096, DictionaryBytes);
            // One set of FASTCOVER parameters (segments of 1 KB, 8-byte matches, every sample trained on) instead of
            // zstd's default search over many: on the 20 MB synthetic corpus the training was 38% of the store's CPU
            // (store 1.55 CPU s, now 1.25) and the store file is the same 35.2 MB.
            var parameters = new ZstdSharp.Unsafe.ZDICT_fastCover_params_t
            {
                k = 1024,
                d = 8,
                f = 20,
                steps = 1,
                accel = 1,
                splitPoint = 1.0,
                zParams = new ZstdSharp.Unsafe.ZDICT_params_t { compressionLevel = Level },
            };
            var dictionary = DictBuilder.TrainFromBufferFastCover(samples, parameters, capacity).ToArray();
            return dictionary.Length > 0 ? dictionary : null;
        }
        catch (ZstdException)
        {
            // Too few or too uniform samples: values stay packed without a dictionary.
            return null;
        }
    }

    /// <summary>Makes a stored dictionary known, and the one new values of its kind are packed with.</summary>
    public void Add(long id, string kind, byte[] dictionary)
    {
        _dictionaries[id] = dictionary;
        var compressor = new Compressor(Level);
        compressor.LoadDictionary(dictionary);
        if (_current.TryGetValue(kind, out var previous))
        {
            previous.Compressor.Dispose();
        }

        _current[kind] = (id, compressor);
    }

    /// <summary>Forgets a dictionary whose transaction was rolled back.</summary>
    public void Forget(long id)
    {
        _dictionaries.Remove(id);
        foreach (var (kind, current) in _current.ToList())
        {
            if (current.Id == id)
            {
                current.Compressor.Dispose();
                _current.Remove(kind);
            }
        }

        _attempted.Clear();
    }

    /// <summary>The text packed (a span of this object's buffer, valid until the next pack).</summary>
    public ReadOnlySpan<byte> PackText(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < max)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        int n = Encoding.UTF8.GetBytes(text, _utf8);
        return Pack(TextKind, _utf8.AsSpan(0, n), marker: false);
    }

    /// <summary>The core's layers blob packed (a span of this object's buffer, valid until the next pack).</summary>
    public ReadOnlySpan<byte> PackLayers(ReadOnlySpan<byte> blob) => Pack(LayersKind, blob, marker: true);

    private ReadOnlySpan<byte> Pack(string kind, ReadOnlySpan<byte> data, bool marker)
    {
        int need = 16 + Compressor.GetCompressBound(data.Length);
        if (_buffer.Length < need)
        {
            _buffer = new byte[Math.Max(need, _buffer.Length * 2)];
        }

        var (id, compressor) = _current.TryGetValue(kind, out var current) ? current : (0, _plainWriter);
        int at = 0;
        if (marker)
        {
            _buffer[at++] = LayersMarker;
        }

        at = WriteVarint(_buffer, at, (ulong)id);
        at = WriteVarint(_buffer, at, (ulong)data.Length);
        at += compressor.Wrap(data, _buffer.AsSpan(at));
        return _buffer.AsSpan(0, at);
    }

    public string UnpackText(ReadOnlySpan<byte> packed)
    {
        int at = 0;
        var utf8 = Unpack(packed, ref at);
        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>The core's blob of a layers value (itself when it was not packed here).</summary>
    public byte[] UnpackLayers(byte[] value)
    {
        if (value.Length == 0 || value[0] != LayersMarker)
        {
            return value;
        }

        int at = 1;
        return Unpack(value, ref at);
    }

    private byte[] Unpack(ReadOnlySpan<byte> packed, ref int at)
    {
        long id = (long)ReadVarint(packed, ref at);
        ulong length = ReadVarint(packed, ref at);
        if (length > int.MaxValue)
        {
            throw new InvalidDataException("A packed value of the store is damaged (its length is out of range).");
        }

        var output = new byte[(int)length];
        if (length == 0)
        {
            return output;
        }

        lock (_readGate)
        {
            int written = Reader(id).Unwrap(packed[at..], output);
            if (written != output.Length)
            {
                throw new InvalidDataException("A packed value of the store is damaged (its zstd frame does not give the length it records).");
            }
        }

        return output;
    }

    private Decompressor Reader(long id)
    {
        if (id == 0)
        {
            return _plainReader;
        }

        if (!_decompressors.TryGetValue(id, out var reader))
        {
            if (!_dictionaries.TryGetValue(id, out var dictionary))
            {
                throw new InvalidDataException($"A packed value of the store names dictionary {id}, which the store does not hold.");
            }

            reader = new Decompressor();
            reader.LoadDictionary(dictionary);
            _decompressors[id] = reader;
        }

        return reader;
    }

    private static int WriteVarint(byte[] output, int at, ulong v)
    {
        while (v >= 0x80)
        {
            output[at++] = (byte)(v | 0x80);
            v >>= 7;
        }

        output[at++] = (byte)v;
        return at;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong v = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (at >= data.Length)
            {
                break;
            }

            byte b = data[at++];
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return v;
            }
        }

        throw new InvalidDataException("A packed value of the store is damaged (a length is cut short).");
    }

    public void Dispose()
    {
        foreach (var (_, current) in _current)
        {
            current.Compressor.Dispose();
        }

        foreach (var reader in _decompressors.Values)
        {
            reader.Dispose();
        }

        _plainReader.Dispose();
        _plainWriter.Dispose();
    }
}
