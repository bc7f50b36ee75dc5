using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Elimu.Api.Data;

/// <summary>
/// Watches every save of a DbContext and acts on what it changed once that is committed: right after SaveChanges, or,
/// inside a transaction, after its commit (forgotten on rollback). Before the commit would be too early: whoever reacts
/// (a cache, a push to the browser) would read the data from before the change.
/// One instance per DbContext: it holds what that context saved and has not committed yet.
/// </summary>
public abstract class AfterCommitWatcher : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Notes what the pending changes of the context touch (called before the save runs).</summary>
    protected abstract void Collect(DbContext context);

    /// <summary>Acts on everything collected since the last commit; then forgets it.</summary>
    protected abstract void Committed();

    /// <summary>Drops what was collected (the transaction rolled back).</summary>
    protected abstract void Forget();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Collect(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) Collect(context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommittedUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommittedUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    private void CommittedUnlessInTransaction(DbContext? context)
    {
        // Inside the caller's transaction the change is not visible to others yet: wait for its commit.
        if (context?.Database.CurrentTransaction is null) Committed();
    }

    /// <summary>Adds a watcher made per DbContext to both providers' contexts.</summary>
    public static void AddToEveryContext(IServiceCollection services, Func<IServiceProvider, AfterCommitWatcher> create)
    {
        services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(create(sp)));
        services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(create(sp)));
    }
}
