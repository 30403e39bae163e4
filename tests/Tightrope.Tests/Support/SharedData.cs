namespace Tightrope.Tests.Support;

/// <summary>
/// The third-party material in <c>../shared/</c> (seed articles, gold files, external suites). It is read in place,
/// never copied. A fresh clone has no ../shared: tests that need it skip, except under CI (CI=true), where its
/// absence is a failure.
/// </summary>
public static class SharedData
{
    public static string? Root { get; } = Find();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Seeds => Require("corpus/seeds");

    public static string Gold => Require("gold");

    public static string External => Require("external");

    /// <summary>The repository's root (the folder holding Tightrope.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Require(string relative)
    {
        if (Root is null)
        {
            throw new InvalidOperationException("../shared is missing: this test reads the shared corpus and gold files, and under CI their absence is a failure.");
        }

        return Path.Combine(Root, relative);
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("TIGHTROPE_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "gold")) && Directory.Exists(Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tightrope.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>A fact that reads ../shared: skipped with a reason when it is absent, except under CI.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedData.Root is null && !SharedData.IsCi)
        {
            Skip = "../shared (seed articles and gold files) is not beside this checkout; set TIGHTROPE_SHARED to run it";
        }
    }
}

/// <summary>A theory that reads ../shared: skipped with a reason when it is absent, except under CI.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedData.Root is null && !SharedData.IsCi)
        {
            Skip = "../shared (seed articles and gold files) is not beside this checkout; set TIGHTROPE_SHARED to run it";
        }
    }
}
