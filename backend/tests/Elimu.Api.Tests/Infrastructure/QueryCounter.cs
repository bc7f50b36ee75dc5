using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Elimu.Api.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands the API sends, to prove a page costs a fixed number of queries. Commands of the background
/// jobs (mail outbox, digests, alert watcher, read-audit writer) are not counted: they wake on their own clock, so a
/// count that included them would depend on when a job happened to run.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<bool> _background = new();
    private int _count;
    public int Count => Volatile.Read(ref _count);
    public void Reset() => Interlocked.Exchange(ref _count, 0);

    /// <summary>
    /// Runs <paramref name="startHost"/> marked as background: the hosted services it starts keep the mark in their
    /// execution context for good, while requests and the tests' own calls run in the tests' context, unmarked.
    /// </summary>
    public T StartingBackgroundWork<T>(Func<T> startHost)
    {
        _background.Value = true;
        try { return startHost(); }
        finally { _background.Value = false; }
    }

    private void Increment()
    {
        if (!_background.Value) Interlocked.Increment(ref _count);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Increment();
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken ct = default)
    {
        Increment();
        return base.ScalarExecutingAsync(command, eventData, result, ct);
    }
}
