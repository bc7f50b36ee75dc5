using Elimu.Api.Common;
using Elimu.Api.Data.Locks;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// One import (dry run or commit) at a time per partner: a file is the heaviest thing a partner can ask of the server,
/// and two commits of one partner at once can only race each other.
/// </summary>
public interface IImportLock
{
    /// <summary>The partner's slot, released when disposed; null while another import of the same partner runs.</summary>
    ValueTask<IAsyncDisposable?> TryEnterAsync(Guid partnerId, CancellationToken ct);
}

/// <summary>
/// The partner's slot is a database lock (<see cref="IDatabaseLocks"/>): an advisory lock on PostgreSQL, so it holds
/// across every instance of the API; in memory on SQLite, whose file one process serves.
/// </summary>
public sealed class DatabaseImportLock(IDatabaseLocks locks) : IImportLock
{
    public async ValueTask<IAsyncDisposable?> TryEnterAsync(Guid partnerId, CancellationToken ct) =>
        await locks.TryAcquireAsync($"import:{partnerId}", ct);
}

public static class ImportLockExtensions
{
    /// <summary>Enters the partner's slot or refuses with 409 <c>import_in_progress</c>.</summary>
    public static async Task<IAsyncDisposable> EnterOrConflictAsync(this IImportLock locks, Guid partnerId, CancellationToken ct) =>
        await locks.TryEnterAsync(partnerId, ct) ?? throw DomainException.Conflict("import_in_progress",
            "Another import of yours is still running; wait for it to finish, then send the file again.");
}
