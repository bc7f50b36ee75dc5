using System.Threading.Channels;

namespace Elimu.Api.Platform.Audit;

/// <summary>
/// The audit rows of partner reads on their way to the database (docs/adr/0009): a request hands its entry over and
/// answers; <see cref="ReadAuditWriter"/> writes them in batches. Bounded, and a full queue makes the reader wait
/// rather than drop anything: a read of a child's data is never left out of the log.
/// </summary>
public interface IReadAuditQueue
{
    /// <summary>Queues the entry; waits while the queue is full. Throws <see cref="ChannelClosedException"/> once the host is stopping.</summary>
    ValueTask EnqueueAsync(AuditLogEntry entry, CancellationToken ct);

    /// <summary>Completes when every entry queued before the call is in the database.</summary>
    Task DrainAsync(CancellationToken ct = default);
}

internal sealed class ReadAuditQueue : IReadAuditQueue
{
    /// <summary>About a minute of reads at the benchmark's peak; beyond it readers wait for the writer.</summary>
    public const int Capacity = 10_000;

    /// <summary>An entry to write, or a marker to complete once everything queued before it is written.</summary>
    internal readonly record struct Item(AuditLogEntry? Entry, TaskCompletionSource? Written);

    private readonly Channel<Item> _channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = false,
    });

    internal ChannelReader<Item> Reader => _channel.Reader;

    public ValueTask EnqueueAsync(AuditLogEntry entry, CancellationToken ct) => _channel.Writer.WriteAsync(new Item(entry, null), ct);

    public async Task DrainAsync(CancellationToken ct = default)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Once closed the writer is reading what is left; the host's stop waits for it.
        if (!_channel.Writer.TryWrite(new Item(null, written)))
        {
            try { await _channel.Writer.WriteAsync(new Item(null, written), ct); }
            catch (ChannelClosedException) { return; }
        }
        await written.Task.WaitAsync(ct);
    }

    /// <summary>No more entries: the writer writes what is queued and ends.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
