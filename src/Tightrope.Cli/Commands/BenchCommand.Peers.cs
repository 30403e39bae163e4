using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tightrope.Cli.Commands;

/// <summary>`tightrope bench --peers`: compromise (npm) timed on the same files, and its ratio to the actors stage.</summary>
internal static partial class BenchCommand
{
    /// <summary>What compromise did on the corpus: its version, what it read and found, its time.</summary>
    internal sealed record PeerResult(string Version, int Files, long Bytes, int People, int Organizations, int Places, double Seconds, double CpuSeconds)
    {
        public double? MBPerCpuSecond => CpuSeconds < Measure.Shortest.TotalSeconds ? null : Bytes / 1e6 / CpuSeconds;
    }

    /// <summary>The peer measured in the run, or why it was not.</summary>
    private sealed record PeerReport(PeerResult? Compromise, string? Missing)
    {
        /// <summary>Tightrope per CPU-second: the actors stage alone, and clean → text → actors (compromise tokenises and tags itself).</summary>
        private static (double? Actors, double? WithText) Tightrope(IEnumerable<RunReport> runs)
        {
            var stages = runs.LastOrDefault(r => r.Stages.Exists(m => m.Name == "stage 'actors'"))?.Stages;
            if (stages is null)
            {
                return (null, null);
            }

            var path = stages.Where(m => m.Name is "stage 'clean'" or "stage 'text'" or "stage 'actors'").ToList();
            var cpu = TimeSpan.FromTicks(path.Sum(m => m.Cpu.Ticks));
            return (stages.First(m => m.Name == "stage 'actors'").MBPerCpuSecond, new Measure("", path[0].Bytes, path[0].Articles, cpu, cpu).MBPerCpuSecond);
        }

        public IEnumerable<string> Describe(IEnumerable<RunReport> runs)
        {
            var ci = CultureInfo.InvariantCulture;
            if (Compromise is not { } c)
            {
                yield return $"peers: compromise was not measured: {Missing}";
                yield break;
            }

            yield return string.Create(ci, $"peers, on the same {c.Files:N0} files ({c.Bytes / 1e6:N1} MB), one thread:");
            yield return string.Create(ci,
                $"  compromise {c.Version} (people, organisations, places): {c.Seconds:N2} s, {c.CpuSeconds:N2} CPU s, {Rate(c.MBPerCpuSecond)} MB/s per core; found {c.People:N0} people, {c.Organizations:N0} organisations, {c.Places:N0} places");
            var (actors, withText) = Tightrope(runs);
            yield return actors is null
                ? "  Tightrope's actors stage was not timed in this run (it needs --pipeline full or both, without --no-stages)"
                : string.Create(ci, $"  Tightrope actors stage: {Rate(actors)} MB/s per core, {Ratio(actors, c.MBPerCpuSecond)} compromise; clean → text → actors: {Rate(withText)} MB/s per core, {Ratio(withText, c.MBPerCpuSecond)} compromise");

            static string Rate(double? v) => v is { } x ? x.ToString("N2", CultureInfo.InvariantCulture) : "—";
        }

        private static string Ratio(double? ours, double? theirs) =>
            Divide(ours, theirs) is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "×" : "—";

        private static double? Divide(double? a, double? b) => a is { } x && b is > 0 ? x / b.Value : null;

        public object ToJson(IEnumerable<RunReport> runs)
        {
            var (actors, withText) = Tightrope(runs);
            return new
            {
                compromise = Compromise is { } c ? new
                {
                    c.Version, c.Files, c.Bytes, c.People, c.Organizations, c.Places, c.Seconds, c.CpuSeconds, mbPerCpuSecond = c.MBPerCpuSecond,
                } : null,
                missing = Missing,
                actorsMbPerCpuSecond = actors,
                cleanTextActorsMbPerCpuSecond = withText,
                actorsRatio = Divide(actors, Compromise?.MBPerCpuSecond),
                cleanTextActorsRatio = Divide(withText, Compromise?.MBPerCpuSecond),
            };
        }
    }

    /// <summary>
    /// The peer of <c>bench --peers</c>: compromise (npm), run by Node.js in a child process on the corpus files, with a
    /// script written to the scratch folder. It reads each file as it is and asks for people, organisations and places;
    /// its first files run once untimed first (the JIT), then each file's extraction is timed (CPU time of the process).
    /// </summary>
    private static class CompromisePeer
    {
        public const string EnvVar = "TIGHTROPE_PEERS_DIR";

        public static readonly string DefaultDir = Path.Combine(".tightrope", "peers");

        public static string ConfiguredDir() => Environment.GetEnvironmentVariable(EnvVar) is { Length: > 0 } d ? d : DefaultDir;

        public static string InstallHint(string dir) => $"npm install --prefix {dir} compromise";

        /// <summary>Null when compromise is installed in <paramref name="dir"/>; otherwise what is missing and how to install it.</summary>
        public static string? Missing(string dir) => File.Exists(Path.Combine(dir, "node_modules", "compromise", "package.json"))
            ? null
            : $"compromise is not installed in {dir}; install it with '{InstallHint(dir)}' (needs Node.js and npm), or pass --peers-dir DIR";

        public static async Task<PeerReport> RunAsync(string dir, string corpus, string scratch, IStepProgress progress, CancellationToken ct)
        {
            if (Missing(dir) is { } missing)
            {
                return new PeerReport(null, missing);
            }

            Directory.CreateDirectory(scratch);
            var script = Path.Combine(scratch, "compromise-bench.cjs");
            var list = Path.Combine(scratch, "compromise-files.txt");
            await File.WriteAllTextAsync(script, Script, ct).ConfigureAwait(false);
            await File.WriteAllLinesAsync(list, Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal), ct).ConfigureAwait(false);
            var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(script);
            info.ArgumentList.Add(Path.GetFullPath(dir));
            info.ArgumentList.Add(list);
            Process node;
            try
            {
                node = Process.Start(info)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return new PeerReport(null, $"Node.js ('node') is not on the PATH; install Node.js and npm, then '{InstallHint(dir)}'");
            }

            using (node)
            using (ct.Register(() => node.Kill(entireProcessTree: true)))
            {
                var output = node.StandardOutput.ReadToEndAsync(ct);
                var errors = new StringBuilder();
                while (await node.StandardError.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    if (line.StartsWith("progress ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out long bytes))
                    {
                        progress.Advance(bytes);
                    }
                    else
                    {
                        errors.AppendLine(line);
                    }
                }

                await node.WaitForExitAsync(ct).ConfigureAwait(false);
                var lines = (await output.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (node.ExitCode != 0 || lines.Length == 0)
                {
                    return new PeerReport(null, $"compromise failed (node exited with {node.ExitCode}): {errors.ToString().Trim()}");
                }

                return new PeerReport(System.Text.Json.JsonSerializer.Deserialize<PeerResult>(lines[^1], StoreCommandSupport.JsonOptions), null);
            }
        }

        /// <summary>The Node.js script: argv are the folder compromise is installed in and a file listing the corpus files.</summary>
        internal const string Script = """
            'use strict';
            // Written by `tightrope bench --peers`: times compromise extracting people, organisations and places.
            const fs = require('fs');
            const path = require('path');
            const { createRequire } = require('module');
            const [dir, listFile] = process.argv.slice(2);
            const nlp = createRequire(path.join(dir, 'package.json'))('compromise');
            const version = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'compromise', 'package.json'), 'utf8')).version;
            const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(f => f.length > 0);
            const extract = text => { const doc = nlp(text); return [doc.people().length, doc.organizations().length, doc.places().length]; };
            for (const f of files.slice(0, 200)) { extract(fs.readFileSync(f, 'utf8')); }
            let bytes = 0, people = 0, organizations = 0, places = 0, cpu = 0, wall = 0n, reported = Date.now();
            for (const f of files) {
              const raw = fs.readFileSync(f);
              bytes += raw.length;
              const text = raw.toString('utf8');
              const c0 = process.cpuUsage();
              const w0 = process.hrtime.bigint();
              const [p, o, l] = extract(text);
              wall += process.hrtime.bigint() - w0;
              const c = process.cpuUsage(c0);
              cpu += c.user + c.system;
              people += p; organizations += o; places += l;
              if (Date.now() - reported > 250) { process.stderr.write(`progress ${bytes}\n`); reported = Date.now(); }
            }
            process.stdout.write(JSON.stringify({ version, files: files.length, bytes, people, organizations, places, seconds: Number(wall) / 1e9, cpuSeconds: cpu / 1e6 }) + '\n');
            """;
    }
}
