using BenchmarkDotNet.Running;
using Tightrope.Bench;

// "quick": a short CPU-time measurement of the clean and text stages (MB/s per core), useful on a busy machine
// where wall-clock benchmarks are distorted by other processes. Everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "quick")
{
    QuickTiming.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

if (args is ["ingest-quick", ..])
{
    Tightrope.Bench.IngestCorpus.Quick(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

if (args is ["store-quick", var folder, ..])
{
    Tightrope.Bench.StoreQuick.Run(folder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5000, args.Length > 3 ? args[3] : null);
    return;
}

if (args is ["store-profile", var profileFolder, ..])
{
    Tightrope.Bench.StoreProfile.Run(profileFolder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3000, args.Length > 3 ? args[3] : "full");
    return;
}

if (args is ["store-curve", var curveFolder, ..])
{
    Tightrope.Bench.StoreCurve.Run(curveFolder, args.Length > 2 ? (long)(double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) * 1e6) : long.MaxValue,
        args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 50,
        new Tightrope.Storage.Sqlite.SqliteStoreOptions
        {
            CacheMegabytes = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : new Tightrope.Storage.Sqlite.SqliteStoreOptions().CacheMegabytes,
            RecentBandRows = args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : new Tightrope.Storage.Sqlite.SqliteStoreOptions().RecentBandRows,
        });
    return;
}

if (args is ["dup-text-quick", var dupFolder, ..])
{
    Tightrope.Bench.DuplicateTextQuick.Run(dupFolder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue);
    return;
}

if (args is ["prepare-quick", var prepareFolder, ..])
{
    Tightrope.Bench.StoreQuick.Prepare(prepareFolder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

if (args is ["html-quick", var pagesFolder, ..])
{
    Tightrope.Bench.HtmlQuick.Run(pagesFolder, args.Contains("--verbose") || args.Contains("--trace"), args.SkipWhile(a => a != "--save").Skip(1).FirstOrDefault(), args.Contains("--trace"));
    return;
}

if (args is ["dates-quick", ..])
{
    Tightrope.Bench.DatesQuick.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

if (args is ["alloc-quick", var allocFolder, ..])
{
    Tightrope.Bench.AllocQuick.Run(allocFolder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

if (args is ["snapshot", var snapshotFolders, ..])
{
    Tightrope.Bench.Snapshot.Run(snapshotFolders, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue, args.Length > 3 ? args[3] : null);
    return;
}

if (args is ["stage-quick", var stageFolder, var stageLimit, var stageName, ..])
{
    Tightrope.Bench.StageQuick.Run(stageFolder, int.Parse(stageLimit, System.Globalization.CultureInfo.InvariantCulture), stageName,
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 4);
    return;
}

if (args is ["actors-quick"])
{
    Tightrope.Bench.ActorsBenchmarks.Quick();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
