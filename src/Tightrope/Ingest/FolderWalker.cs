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
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (matcher.Match(relative).HasMatches)
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
