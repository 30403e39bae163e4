using System.CommandLine;
using Tightrope.Cli.Commands;

namespace Tightrope.Cli;

/// <summary>Exit codes: 0 all good, 1 some inputs failed, 2 usage error.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int Usage = 2;
}

/// <summary>Options shared by every command.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> Db = new("--db")
    {
        Description = "Path of the SQLite store (default: .tightrope/tightrope.db under the current folder, or $TIGHTROPE_DB)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TIGHTROPE_DB") is { Length: > 0 } env
            ? env
            : Path.Combine(".tightrope", "tightrope.db"),
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write machine-readable JSON instead of tables",
        Recursive = true,
    };

    public static readonly Option<string?> Knowledge = new("--knowledge")
    {
        Description = "Folder of the knowledge base (default: the repository's knowledge/ folder, or $TIGHTROPE_KNOWLEDGE)",
        Recursive = true,
    };
}

internal static class Cli
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Tightrope: a dated, sourced, queryable record of actors, events and figures from news about international relations.");
        root.Options.Add(CommonOptions.Db);
        root.Options.Add(CommonOptions.Json);
        root.Options.Add(CommonOptions.Knowledge);
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static int Run(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"tightrope: {error.Message}");
            }

            Console.Error.WriteLine("Run 'tightrope --help' for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke();
    }
}
