namespace Tightrope.Ingest;

/// <summary>
/// Opens and reads files for the sources, turning every file-system error into a failure that names the file. The
/// size limit is checked before anything is read, so a 2 GB file costs one stat call.
/// </summary>
internal sealed class FileInput(SourceOptions options, Func<string, Stream>? open = null)
{
    private readonly Func<string, Stream> _open = open ?? OpenFile;

    /// <summary>All bytes of a file, or a failure.</summary>
    public SourceItem.Failure? ReadAll(string path, out ReadOnlyMemory<byte> bytes)
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

            if (total == buffer.Length && stream.ReadByte() >= 0)
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
        catch (Exception ex) when (IsFileError(ex))
        {
            return new SourceItem.Failure(path, null, Describe(ex));
        }
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
