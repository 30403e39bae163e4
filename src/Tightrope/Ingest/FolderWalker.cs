using Microsoft.Extensions.FileSystemGlobbing;

namespace Tightrope.Ingest;

/// <summary>
/// Files under a folder, recursively, in a stable order (ordinal by name, a folder's files before its subfolders),
/// filtered by include/exclude globs relative to the folder. Lazy: each folder is listed once, when reached; hidden
/// entries (".name") and symbolic links to folders are not followed.
/// </summary>
internal static class FolderWalker
{
    public readonly record struct Entry(string Path, bool Chosen, SourceItem.Failure? Failure);

    public static IEnumerable<Entry> Walk(string root, SourceOptions options)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        bool filtered = options.Include.Count > 0;
        matcher.AddIncludePatterns(filtered ? options.Include : ["**/*"]);
        matcher.AddExcludePatterns(options.Exclude);
        // Without globs every file matches "**/*": the matcher (a directory object, full paths and the working folder
        // asked for every file) is skipped.
        bool everyFile = !filtered && options.Exclude.Count == 0;
        var under = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            var error = List(dir, out var files, out var subdirs);
            if (error is not null)
            {
                yield return new Entry(dir, false, new SourceItem.Failure(dir, null, error));
                continue;
            }

            foreach (var file in files)
            {
                var relative = RelativeTo(root, under, file);
                if (everyFile || matcher.Match(relative).HasMatches)
                {
                    // Named as the user gave the folder ("samples/a.txt"), so failures read naturally.
                    yield return new Entry(Path.Join(root, relative), filtered, null);
                }
            }

            for (int i = subdirs.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirs[i]);
            }
        }
    }

    /// <summary>
    /// The path of <paramref name="file"/> (a full path from the listing) relative to the folder, '/'-separated: cut
    /// from the folder's full path <paramref name="under"/> (ending in a separator) when it starts with it, which the
    /// files listed under it do; <see cref="Path.GetRelativePath(string, string)"/> otherwise.
    /// </summary>
    internal static string RelativeTo(string root, string under, string file) =>
        (file.StartsWith(under, StringComparison.Ordinal) && file.Length > under.Length ? file[under.Length..] : Path.GetRelativePath(root, file))
            .Replace('\\', '/');

    private static string? List(string dir, out List<string> files, out List<string> subdirs)
    {
        files = [];
        subdirs = [];
        try
        {
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = false,
                IgnoreInaccessible = false,
                AttributesToSkip = 0,
                ReturnSpecialDirectories = false,
            };
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options))
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry is DirectoryInfo)
                {
                    if (entry.LinkTarget is null)
                    {
                        subdirs.Add(entry.FullName);
                    }
                }
                else
                {
                    files.Add(entry.FullName);
                }
            }
        }
        catch (Exception ex) when (FileInput.IsFileError(ex))
        {
            return ex is UnauthorizedAccessException ? "permission denied (cannot list folder)" : ex.Message;
        }

        files.Sort(StringComparer.Ordinal);
        subdirs.Sort(StringComparer.Ordinal);
        return null;
    }
}
