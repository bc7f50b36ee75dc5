using System.Data.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// An entity whose rows a session check, or other per-user state held in <see cref="SessionStateCache"/> (a member's
/// unread counts), reads: saving one evicts the user it names. Users themselves (stamp, lockout) are watched without it.
/// </summary>
public interface ISessionStateSource
{
    Guid SessionUserId { get; }
}

/// <summary>
/// Evicts from <see cref="SessionStateCache"/> every user a save touched (a user row, or an <see cref="ISessionStateSource"/>),
/// whatever code made the change, once it is committed: evicting before the commit would let a request in between read
/// and cache the old state again. One instance per DbContext (it holds what that context saved and has not committed).
/// Bulk statements (ExecuteUpdate/ExecuteDelete) pass no interceptor: code that changes session state that way must
/// call <see cref="SessionStateCache.Evict"/> itself.
/// </summary>
public sealed class SessionStateWatcher(SessionStateCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly HashSet<Guid> _users = [];

    public static void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(new SessionStateWatcher(sp.GetRequiredService<SessionStateCache>())));
        services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(new SessionStateWatcher(sp.GetRequiredService<SessionStateCache>())));
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EvictUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A failed save may still have written part of its rows inside a transaction that later commits; evicting too
    // much only costs a read.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => EvictUnlessInTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EvictUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Evict();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Evict();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _users.Clear();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _users.Clear();
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case AppUser u: _users.Add(u.Id); break;
                case ISessionStateSource s: _users.Add(s.SessionUserId); break;
            }
        }
    }

    private void EvictUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Evict();
    }

    private void Evict()
    {
        foreach (var user in _users) cache.Evict(user);
        _users.Clear();
    }
}
