using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
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
        HelpName = "PATH",
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
        HelpName = "DIR",
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

    /// <summary>The entry point of the executable: sets the console up for where its output goes, then runs.</summary>
    public static int Entry(string[] args)
    {
        Terminal.Configure();
        return Run(args);
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

/// <summary>
/// Where the output goes. On a terminal: live progress, colours, the terminal's width. Redirected to a file or a pipe:
/// no progress at all, and tables laid out at <see cref="RedirectedWidth"/> columns (or $COLUMNS) so that no cell is
/// wrapped mid-word; rules (the lines under headings) stay at <see cref="RuleWidth"/>.
/// </summary>
internal static class Terminal
{
    public const int RedirectedWidth = 4096;

    public const int RuleWidth = 80;

    /// <summary>True when standard output is a terminal (not a file or a pipe).</summary>
    public static bool IsTerminal => !Console.IsOutputRedirected;

    /// <summary>True when live progress can be drawn: standard output is an interactive terminal.</summary>
    public static bool LiveProgress => IsTerminal && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Sets <see cref="AnsiConsole"/> up for redirected output; on a terminal it stays as Spectre detects it.</summary>
    public static void Configure()
    {
        if (IsTerminal)
        {
            return;
        }

        var console = AnsiConsole.Console;
        console.Profile.Width = Width(Environment.GetEnvironmentVariable("COLUMNS"));
        console.Profile.Capabilities.Interactive = false;
        console.Pipeline.Attach(new NarrowRules());
    }

    /// <summary>The layout width for redirected output: $COLUMNS when it is a positive number, else a wide one.</summary>
    internal static int Width(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : RedirectedWidth;

    /// <summary>Keeps rules, which span the whole width, at a readable width when the layout width is very wide.</summary>
    private sealed class NarrowRules : IRenderHook
    {
        public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) =>
            renderables.Select(r => r is Rule ? new Capped(r, RuleWidth) : r);
    }

    private sealed class Capped(IRenderable inner, int width) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, Math.Min(maxWidth, width));

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => inner.Render(options, Math.Min(maxWidth, width));
    }
}

/// <summary>What a long command is doing, step by step: drawn live on a terminal (<see cref="LiveStepProgress"/>), silent elsewhere.</summary>
internal interface IStepProgress
{
    /// <summary>True when progress is drawn (then counting the corpus's bytes for a progress bar is worth it).</summary>
    bool Live { get; }

    /// <summary>A new step; <paramref name="totalBytes"/> 0 when its length is not known.</summary>
    void Start(string what, long totalBytes);

    void Advance(long bytes);

    /// <summary>A line of the report written while the command runs (in bench: what was generated, the warm-up).</summary>
    void Log(string line);
}

internal sealed class LiveStepProgress(ProgressContext context) : IStepProgress
{
    private ProgressTask? _task;

    public bool Live => true;

    public void Start(string what, long totalBytes)
    {
        Finish();
        _task = context.AddTask(Markup.Escape(what), maxValue: Math.Max(1, totalBytes));
        _task.IsIndeterminate = totalBytes <= 0;
    }

    public void Advance(long bytes)
    {
        if (_task is { IsIndeterminate: false } task)
        {
            task.Value = Math.Min(bytes, task.MaxValue);
        }
    }

    public void Log(string line) => AnsiConsole.Console.WriteLine(line);

    private void Finish()
    {
        if (_task is { } task)
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}

/// <summary>No progress; report lines go to standard output, or to standard error under --json.</summary>
internal sealed class QuietStepProgress(bool json) : IStepProgress
{
    public bool Live => false;

    public void Start(string what, long totalBytes)
    {
    }

    public void Advance(long bytes)
    {
    }

    public void Log(string line) => (json ? Console.Error : Console.Out).WriteLine(line);
}

/// <summary>Runs a long command with live step progress on an interactive terminal, and none elsewhere or under --json.</summary>
internal static class StepProgress
{
    public static Task<T> RunAsync<T>(bool json, Func<IStepProgress, Task<T>> body) =>
        !json && Terminal.LiveProgress
            ? AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(ctx => body(new LiveStepProgress(ctx)))
            : body(new QuietStepProgress(json));
}
