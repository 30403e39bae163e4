using System.Diagnostics.Tracing;
using Tightrope.Ingest;
using Tightrope.Knowledge;
using Tightrope.Model;
using Tightrope.Pipeline;

namespace Tightrope.Bench;

/// <summary>
/// "alloc-quick DIR [N]": which types the full pipeline allocates, from the runtime's allocation ticks (one sample
/// about every 100 kB allocated, each naming the type that crossed it), per stage: the stages run one after the
/// other over the first N articles of DIR, so each stage's ticks are counted while it alone runs. The allocated
/// bytes per stage (`tightrope bench`'s column) say how much; this says what.
/// </summary>
internal static class AllocQuick
{
    public static void Run(string folder, int limit)
    {
        var (_, pipeline) = BenchSetup.FullPipeline();
        var articles = new List<Article>();
        long bytes = 0;
        foreach (var item in Sources.Open([folder], new SourceOptions()))
        {
            if (item is SourceItem.Document { Raw: var raw })
            {
                bytes += raw.Bytes.Length;
                articles.Add(Sources.ToArticle(raw));
                if (articles.Count == limit)
                {
                    break;
                }
            }
        }

        Console.WriteLine($"{articles.Count:N0} articles, {bytes / 1e6:N1} MB");
        using var listener = new TickListener();
        foreach (var stage in pipeline.Stages)
        {
            listener.Drain(); // ticks of the previous stage are delivered late: wait for them before switching
            listener.Stage = stage.Name;
            long before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var article in articles)
            {
                try
                {
                    stage.Process(article);
                }
#pragma warning disable CA1031 // a failing article is skipped, as the bench does
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            listener.Drain();
            Console.WriteLine($"\n{stage.Name}: {allocated / 1e6:N1} MB allocated ({allocated / (double)bytes:N1} per input byte)");
            foreach (var (type, amount, large) in listener.Top(stage.Name, 8))
            {
                Console.WriteLine($"  {amount / 1e6,9:N1} MB  {(large > 0 ? $"({large / 1e6:N1} MB large-object heap) " : "")}{type}");
            }
        }
    }

    internal sealed class TickListener : EventListener
    {
        private readonly Dictionary<(string Stage, string Type), (long Bytes, long Large)> _ticks = [];
        private long _seen;

        public volatile string Stage = "";

        public void Drain()
        {
            // The runtime's events reach an in-process listener through a buffer flushed about once a second.
            long seen;
            do
            {
                seen = Interlocked.Read(ref _seen);
                Thread.Sleep(1500);
            }
            while (Interlocked.Read(ref _seen) != seen);
        }

        public IEnumerable<(string Type, long Bytes, long Large)> Top(string stage, int n)
        {
            lock (_ticks)
            {
                return _ticks.Where(kv => kv.Key.Stage == stage).OrderByDescending(kv => kv.Value.Bytes).Take(n)
                    .Select(kv => (kv.Key.Type, kv.Value.Bytes, kv.Value.Large)).ToList();
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: allocation ticks
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
            {
                return;
            }

            int typeAt = e.PayloadNames!.IndexOf("TypeName"), kindAt = e.PayloadNames.IndexOf("AllocationKind"), amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
            string type = typeAt >= 0 ? e.Payload[typeAt] as string ?? "?" : "?";
            long amount = amountAt >= 0 ? Convert.ToInt64(e.Payload[amountAt], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            bool large = kindAt >= 0 && Convert.ToInt32(e.Payload[kindAt], System.Globalization.CultureInfo.InvariantCulture) == 1;
            lock (_ticks)
            {
                var key = (Stage, type);
                _ticks.TryGetValue(key, out var v);
                _ticks[key] = (v.Bytes + amount, v.Large + (large ? amount : 0));
            }

            Interlocked.Increment(ref _seen);
        }
    }
}
