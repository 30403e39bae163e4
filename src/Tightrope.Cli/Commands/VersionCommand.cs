using System.CommandLine;
using System.Reflection;

namespace Tightrope.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of Tightrope");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            Console.WriteLine($"tightrope {version}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
