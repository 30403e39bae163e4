using BenchmarkDotNet.Running;

if (args is ["ingest-quick", ..])
{
    Tightrope.Bench.IngestCorpus.Quick(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
