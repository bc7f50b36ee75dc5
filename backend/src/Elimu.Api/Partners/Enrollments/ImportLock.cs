using System.Collections.Concurrent;
using Elimu.Api.Common;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// One import (dry run or commit) at a time per partner: a file is the heaviest thing a partner can ask of the server,
/// and two commits of one partner at once can only race each other. A database lease can replace the in-process one
/// when the API runs on several instances; the handlers only see this interface.
/// </summary>
public interface IImportLock
{
    /// <summary>The partner's slot, released when disposed; null while another import of the same partner runs.</summary>
    ValueTask<IAsyncDisposable?> TryEnterAsync(Guid partnerId, CancellationToken ct);
}

/// <summary>Holds the slots in this process's memory: right for one instance, not across several.</summary>
public sealed class InProcessImportLock : IImportLock
{
    private readonly ConcurrentDictionary<Guid, Slot> _held = new();

    public ValueTask<IAsyncDisposable?> TryEnterAsync(Guid partnerId, CancellationToken ct)
    {
        var slot = new Slot(this, partnerId);
        return ValueTask.FromResult<IAsyncDisposable?>(_held.TryAdd(partnerId, slot) ? slot : null);
    }

    private sealed class Slot(InProcessImportLock owner, Guid partnerId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            owner._held.TryRemove(new KeyValuePair<Guid, Slot>(partnerId, this));
            return ValueTask.CompletedTask;
        }
    }
}

public static class ImportLockExtensions
{
    /// <summary>Enters the partner's slot or refuses with 409 <c>import_in_progress</c>.</summary>
    public static async Task<IAsyncDisposable> EnterOrConflictAsync(this IImportLock locks, Guid partnerId, CancellationToken ct) =>
        await locks.TryEnterAsync(partnerId, ct) ?? throw DomainException.Conflict("import_in_progress",
            "Another import of yours is still running; wait for it to finish, then send the file again.");
}
