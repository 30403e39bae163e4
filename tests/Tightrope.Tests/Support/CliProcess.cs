using System.Diagnostics;

namespace Tightrope.Tests.Support;

/// <summary>The real `tightrope` executable run as a child process, with no knowledge base from the environment.</summary>
internal static class CliProcess
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, "tightrope.dll");

    /// <summary>Starts it; standard output and error are redirected, and standard input too when <paramref name="withInput"/>.</summary>
    public static Process Start(bool withInput, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = withInput,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Executable);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // No knowledge base from the environment: runs that are compared must see the same (empty) one.
        info.Environment["TIGHTROPE_KNOWLEDGE"] = "";
        return Process.Start(info)!;
    }

    /// <summary>Runs it to the end, giving <paramref name="stdin"/> (when not null) as its standard input.</summary>
    public static (int Exit, string Out, string Err) Run(string? stdin, params string[] args)
    {
        using var p = Start(stdin is not null, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "tightrope did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
