using BenchmarkDotNet.Running;

if (args is ["actors-quick"])
{
    Tightrope.Bench.ActorsBenchmarks.Quick();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
