using System.CommandLine;

namespace Tightrope.Cli.Commands;

/// <summary>Every command of the CLI, in the order `--help` lists them. One file per command beside this one.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return IngestCommand.Create();
        yield return ArticlesCommand.Create();
        yield return ShowCommand.Create();
        yield return ArticleCommand.Create();
        yield return SearchCommand.Create();
        yield return StatsCommand.Create();
        yield return BenchCommand.Create();
        yield return EvalCommand.Create();
        yield return AnnotateCommand.Create();
        yield return KbCommand.Create();
        yield return ActorsCommand.Create();
        yield return ActorCommand.Create();
        yield return FiguresCommand.Create();
        yield return ContradictionsCommand.Create();
        yield return EventsCommand.Create();
        yield return ExportFiguresCommand.Create();
    }
}
