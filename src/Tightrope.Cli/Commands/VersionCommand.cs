using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Tightrope.Cli.Commands;

/// <summary><c>tightrope version [--json]</c>: the version of Tightrope and the runtime it runs on.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of Tightrope (with --json: name, version, runtime, OS)");
        command.SetAction(parse =>
        {
            var info = Describe();
            if (parse.GetValue(CommonOptions.Json))
            {
                StoreCommandSupport.WriteJson(info);
            }
            else
            {
                Console.WriteLine($"{info.Name} {info.Version}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal sealed record VersionInfo(string Name, string Version, string Runtime, string Os, string Architecture);

    internal static VersionInfo Describe() => new(
        "tightrope",
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
}
