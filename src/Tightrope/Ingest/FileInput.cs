namespace Tightrope.Ingest;

/// <summary>
/// Opens and reads files for the sources, turning every file-system error into a failure that names the file. The
/// size limit is checked before anything is read, so a 2 GB file costs one stat call.
/// </summary>
internal sealed class FileInput(SourceOptions options, Func<string, Stream>? open = null)
{
    private readonly Func<string, Stream> _open = open ?? OpenFile;

    /// <summary>All bytes of a file, or a failure.</summary>
    public SourceItem.Failure? ReadAll(string path, out ReadOnlyMemory<byte> bytes) =>
        open is null ? ReadByHandle(path, out bytes) : ReadByStream(path, out bytes);

    /// <summary>
    /// Reads a file through its handle: open, the length from the open file (one fstat, before anything is read),
    /// positioned reads. Three system calls fewer a file than a FileInfo and a FileStream (the stat of the path, the
    /// read-ahead advice, the buffer object), which was most of what reading many small files cost. A file that
    /// cannot seek (a pipe) is read as a stream.
    /// </summary>
    private SourceItem.Failure? ReadByHandle(string path, out ReadOnlyMemory<byte> bytes)
    {
        bytes = default;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            long length;
            try
            {
                length = RandomAccess.GetLength(handle);
            }
            catch (NotSupportedException)
            {
                return ReadByStream(path, out bytes);
            }

            if (length > options.MaxBytes)
            {
                return new SourceItem.Failure(path, null, $"file is {length:N0} bytes, over the {options.MaxBytes:N0}-byte limit (not read)");
            }

            var buffer = new byte[length];
            int total = 0;
            while (total < buffer.Length)
            {
                int n = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            Span<byte> one = stackalloc byte[1];
            bool grew = total == buffer.Length && RandomAccess.Read(handle, one, total) > 0;
            return Finish(path, buffer, total, grew, out bytes);
        }
        catch (Exception ex) when (IsFileError(ex))
        {
            return new SourceItem.Failure(path, null, Describe(ex));
        }
    }

    /// <summary>Reads a file through the stream the opener gives (tests inject failures with it), after checking its size by path.</summary>
    private SourceItem.Failure? ReadByStream(string path, out ReadOnlyMemory<byte> bytes)
    {
        bytes = default;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new SourceItem.Failure(path, null, "no such file");
            }

            if (info.Length > options.MaxBytes)
            {
                return new SourceItem.Failure(path, null, $"file is {info.Length:N0} bytes, over the {options.MaxBytes:N0}-byte limit (not read)");
            }

            using var stream = _open(path);
            var buffer = new byte[info.Length];
            int total = 0;
            while (total < buffer.Length)
            {
                int n = stream.Read(buffer, total, buffer.Length - total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            bool grew = total == buffer.Length && stream.ReadByte() >= 0;
            return Finish(path, buffer, total, grew, out bytes);
        }
        catch (Exception ex) when (IsFileError(ex))
        {
            return new SourceItem.Failure(path, null, Describe(ex));
        }
    }

    /// <summary>The bytes read, or why they are not a file's whole content.</summary>
    private static SourceItem.Failure? Finish(string path, byte[] buffer, int total, bool grew, out ReadOnlyMemory<byte> bytes)
    {
        bytes = default;
        if (grew)
        {
            return new SourceItem.Failure(path, null, "file grew while it was being read");
        }

        if (total == 0)
        {
            return new SourceItem.Failure(path, null, "empty file");
        }

        bytes = buffer.AsMemory(0, total);
        return null;
    }

    /// <summary>A stream over a file for sources that read it piece by piece, or a failure.</summary>
    public SourceItem.Failure? OpenStream(string path, out Stream? stream)
    {
        stream = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new SourceItem.Failure(path, null, "no such file");
            }

            if (info.Length == 0)
            {
                return new SourceItem.Failure(path, null, "empty file");
            }

            stream = _open(path);
            return null;
        }
        catch (Exception ex) when (IsFileError(ex))
        {
            return new SourceItem.Failure(path, null, Describe(ex));
        }
    }

    public static bool IsFileError(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException;

    public static string Describe(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied (cannot read)",
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        PathTooLongException => "path too long",
        _ => ex.Message,
    };

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
}
