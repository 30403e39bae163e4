using System.Diagnostics;
using System.Threading.Channels;
using Tightrope.Ingest;
using Tightrope.Model;
using Tightrope.Pipeline;
using Tightrope.Storage;

namespace Tightrope.Batch;

/// <summary>Settings of an ingest run.</summary>
public sealed record IngestOptions
{
    public SourceOptions Sources { get; init; } = new();

    /// <summary>Threads running the pipeline (one more thread writes to the store).</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Most articles written in one transaction.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Longest time an article waits in a batch before the batch is written.</summary>
    public TimeSpan MaxBatchDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Documents in flight between reading and writing; bounds memory whatever the corpus size.</summary>
    public int InFlight { get; init; } = 1024;

    /// <summary>
    /// Recomputes the figure contradictions of the indicators that received figures: at the start of a run (work a
    /// killed run left), after batches (at most once per <see cref="ContradictionInterval"/>) and at the end. Null: not done.
    /// </summary>
    public Figures.ContradictionUpdater? Contradictions { get; init; }

    /// <summary>Least time between two contradiction updates during a run (longer when an update is slow; the last one always runs).</summary>
    public TimeSpan ContradictionInterval { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>An input that could not be stored, with where it is (file, and line for JSON lines) and why.</summary>
public sealed record IngestFailure(string Input, int? Line, string Reason)
{
    public override string ToString() => Line is { } l ? $"{Input}:{l}: {Reason}" : $"{Input}: {Reason}";
}

/// <summary>A stage that failed on a stored article (the article is stored without that stage's layers).</summary>
public sealed record StageError(string Input, string ArticleId, string Stage, string Message)
{
    public override string ToString() => $"{Input}: stage '{Stage}': {Message}";
}

/// <summary>Counts so far, reported after every batch written.</summary>
public sealed record IngestProgress(int Read, int Stored, int AlreadyPresent, int Duplicates, int Failed, long Bytes, TimeSpan Elapsed);

/// <summary>What an ingest run did.</summary>
public sealed record IngestResult(
    int Read,
    int Stored,
    int AlreadyPresent,
    int Duplicates,
    IReadOnlyList<IngestFailure> Failures,
    IReadOnlyList<StageError> StageErrors,
    long Bytes,
    TimeSpan Elapsed)
{
    public int Failed => Failures.Count;

    /// <summary>Files of a folder that were not read, being of no kind ingest knows (not counted as read).</summary>
    public IReadOnlyList<SourceItem.Skipped> Skipped { get; init; } = [];
}

/// <summary>
/// Streams inputs into the store: sources are read on one thread, the pipeline runs on
/// <see cref="IngestOptions.Threads"/> workers fed by a bounded channel, and one writer commits the results in
/// input order, in batches (each article whole or not at all). Articles whose content id is already stored skip
/// the pipeline. Duplicates are resolved by the store as each article is written, against everything stored
/// before it, including earlier articles of the same batch; because writes follow input order, a run that was
/// killed and started again ends with the same store as one that was not.
/// </summary>
public sealed class IngestRunner
{
    private readonly ArticlePipeline _pipeline;
    private readonly IArticleStore _store;
    private readonly IngestOptions _options;
    private TimeSpan _lastContradictions;
    private TimeSpan _contradictionWait;

    public IngestRunner(ArticlePipeline pipeline, IArticleStore store, IngestOptions? options = null)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? new IngestOptions();
    }

    /// <summary>Reads the inputs (files, folders, feeds, URLs) with <see cref="Sources.Open"/> and stores them.</summary>
    public Task<IngestResult> RunAsync(IEnumerable<string> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(Sources.Open(inputs, _options.Sources, cancellationToken), progress, cancellationToken);

    /// <summary>Stores the documents of an already opened source.</summary>
    public async Task<IngestResult> RunAsync(IEnumerable<SourceItem> items, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var clock = Stopwatch.StartNew();
        _options.Contradictions?.Update(_store);
        _lastContradictions = clock.Elapsed;
        _contradictionWait = _options.ContradictionInterval;
        var order = Channel.CreateBounded<Slot>(new BoundedChannelOptions(_options.InFlight) { SingleReader = true, SingleWriter = true });
        var work = Channel.CreateBounded<Slot>(new BoundedChannelOptions(_options.InFlight) { SingleWriter = true });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cts.Token;

        var reader = Task.Run(() => ReadAsync(items, order.Writer, work.Writer, token), token);
        var workers = new Task[Math.Max(1, _options.Threads)];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Factory.StartNew(() => Work(work.Reader, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var tally = new Tally(clock);
        var batch = new List<(PreparedArticle Article, string Input)>(_options.BatchSize);
        var batchStarted = TimeSpan.Zero;
        try
        {
            await foreach (var slot in order.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (!slot.Done.Task.IsCompleted && batch.Count > 0 && clock.Elapsed - batchStarted > _options.MaxBatchDelay)
                {
                    Flush(batch, tally, progress, clock);
                }

                var outcome = await slot.Done.Task.ConfigureAwait(false);
                if (outcome.Skipped is { } skipped)
                {
                    tally.Skipped.Add(skipped);
                    continue;
                }

                tally.Read++;
                tally.Bytes += outcome.Bytes;
                switch (outcome)
                {
                    case { Failure: { } failure }:
                        tally.Failures.Add(failure);
                        break;
                    case { Article: { } article }:
                        if (batch.Count == 0)
                        {
                            batchStarted = clock.Elapsed;
                        }

                        batch.Add((article, outcome.Input));
                        if (batch.Count >= _options.BatchSize)
                        {
                            Flush(batch, tally, progress, clock);
                        }

                        break;
                    default:
                        tally.AlreadyPresent++;
                        break;
                }
            }

            Flush(batch, tally, progress, clock);
            _options.Contradictions?.Update(_store);
        }
        finally
        {
            // Stop the reader and workers if the writer stopped early (an exception or cancellation).
            await cts.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll([reader, .. workers]).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await reader.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return tally.Result();
    }

    private async Task ReadAsync(IEnumerable<SourceItem> items, ChannelWriter<Slot> order, ChannelWriter<Slot> work, CancellationToken token)
    {
        try
        {
            long next = 0;
            foreach (var item in items)
            {
                var slot = new Slot(item, next++);
                await order.WriteAsync(slot, token).ConfigureAwait(false);
                await work.WriteAsync(slot, token).ConfigureAwait(false);
            }
        }
        finally
        {
            order.TryComplete();
            work.TryComplete();
        }
    }

    private void Work(ChannelReader<Slot> work, CancellationToken token)
    {
        try
        {
            while (work.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
            {
                while (work.TryRead(out var slot))
                {
                    slot.Done.TrySetResult(Process(slot.Item, slot.Order));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One document through decoding and the pipeline; never throws.</summary>
    private Outcome Process(SourceItem item, long order)
    {
        if (item is SourceItem.Failure f)
        {
            return new Outcome(f.Input, 0, null, new IngestFailure(f.Input, f.Line, f.Reason));
        }

        if (item is SourceItem.Skipped s)
        {
            return new Outcome(s.Input, 0, null, null) { Skipped = s };
        }

        var raw = ((SourceItem.Document)item).Raw;
        var input = raw.Metadata.Origin ?? raw.Origin;
        try
        {
            var contentId = Sources.ContentId(raw.Bytes.Span);
            if (_store.Contains(contentId))
            {
                return new Outcome(input, raw.Bytes.Length, null, null);
            }

            var article = Sources.ToArticle(raw);
            if (!string.Equals(article.Id, contentId, StringComparison.Ordinal) && _store.Contains(article.Id))
            {
                return new Outcome(input, raw.Bytes.Length, null, null);
            }

            _pipeline.Process(article);
            // Packed here, on the worker: the writer's queue and batch (up to InFlight + BatchSize articles, which live
            // long enough to reach the oldest GC generation) hold packed rows instead of articles with every record. A
            // likely copy of an article before it is packed as a duplicate only; should the write find it an original
            // after all, the document goes through the pipeline again (it is the same article: the stages are pure).
            return new Outcome(input, raw.Bytes.Length, _store.Prepare(article, order, () => _pipeline.Process(Sources.ToArticle(raw))), null);
        }
#pragma warning disable CA1031 // A document that cannot be read is reported with its input; the batch goes on.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // A SourceException's message already starts with the input; the failure names it once.
            var reason = ex is SourceException source ? source.Reason : ex.Message;
            return new Outcome(input, raw.Bytes.Length, null, new IngestFailure(input, null, reason));
        }
    }

    private void Flush(List<(PreparedArticle Article, string Input)> batch, Tally tally, IProgress<IngestProgress>? progress, Stopwatch clock)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var articles = new PreparedArticle[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            articles[i] = batch[i].Article;
        }

        SaveOutcome?[] outcomes;
        try
        {
            outcomes = [.. _store.SaveMany(articles)];
        }
#pragma warning disable CA1031 // The batch was rolled back whole; save its articles one by one to find the bad one.
        catch (Exception)
#pragma warning restore CA1031
        {
            outcomes = new SaveOutcome?[batch.Count];
            for (int i = 0; i < batch.Count; i++)
            {
                // Prepared articles are not changed by a write: a link found during the rolled-back attempt is not kept.
                try
                {
                    outcomes[i] = _store.SaveMany([articles[i]])[0];
                }
#pragma warning disable CA1031 // One article the store refuses is reported; the others are stored.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    tally.Failures.Add(new IngestFailure(batch[i].Input, null, $"could not be stored: {ex.Message}"));
                }
            }
        }

        for (int i = 0; i < batch.Count; i++)
        {
            switch (outcomes[i])
            {
                case SaveOutcome.Stored:
                    tally.Stored++;
                    break;
                case SaveOutcome.Duplicate:
                    tally.Stored++;
                    tally.Duplicates++;
                    break;
                case SaveOutcome.AlreadyPresent:
                    tally.AlreadyPresent++;
                    continue;
                default:
                    continue;
            }

            foreach (var failure in articles[i].Failures)
            {
                tally.StageErrors.Add(new StageError(batch[i].Input, articles[i].Id, failure.Stage, failure.Message));
            }
        }

        batch.Clear();
        // Amortised: the next update waits at least ten times as long as this one took, so keeping the contradictions
        // current costs at most about a tenth of the run however large the indicators grow; the last update always runs.
        if (_options.Contradictions is { } updater && clock.Elapsed - _lastContradictions >= _contradictionWait)
        {
            var started = clock.Elapsed;
            updater.Update(_store);
            _lastContradictions = clock.Elapsed;
            var took = _lastContradictions - started;
            _contradictionWait = took * 10 > _options.ContradictionInterval ? took * 10 : _options.ContradictionInterval;
        }

        progress?.Report(tally.Progress());
    }

    private sealed record Outcome(string Input, long Bytes, PreparedArticle? Article, IngestFailure? Failure)
    {
        public SourceItem.Skipped? Skipped { get; init; }
    }

    private sealed class Slot(SourceItem item, long order)
    {
        public SourceItem Item { get; } = item;

        /// <summary>The document's place in the input.</summary>
        public long Order { get; } = order;
        public TaskCompletionSource<Outcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Tally(Stopwatch clock)
    {
        public int Read;
        public int Stored;
        public int AlreadyPresent;
        public int Duplicates;
        public long Bytes;
        public List<IngestFailure> Failures { get; } = [];
        public List<StageError> StageErrors { get; } = [];
        public List<SourceItem.Skipped> Skipped { get; } = [];

        public IngestProgress Progress() => new(Read, Stored, AlreadyPresent, Duplicates, Failures.Count, Bytes, clock.Elapsed);

        public IngestResult Result() => new(Read, Stored, AlreadyPresent, Duplicates, Failures, StageErrors, Bytes, clock.Elapsed) { Skipped = Skipped };
    }
}
