using System.Data.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Elimu.Api.Partners;

/// <summary>
/// Tells <see cref="DashboardOverviewCache"/> which partners' overviews a save changed, once the change is committed.
/// It watches every save of every request, whatever section makes it (programs, children, consents, payments and
/// tickets are what the overview counts), so no section has to remember to say so. After the commit, not before: a
/// request computing the overview in between would otherwise cache the figures from before the change.
/// One instance per DbContext (it holds what that context saved and has not committed yet). It names the entities of
/// several sections, so it lives beside PartnersModule, the composition root, not in the Dashboard section.
/// </summary>
public sealed class OverviewChangeWatcher(DashboardOverviewCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly HashSet<Guid> _partners = [];
    private bool _all;

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<DashboardOverviewCache>();
        services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(new OverviewChangeWatcher(sp.GetRequiredService<DashboardOverviewCache>())));
        services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(new OverviewChangeWatcher(sp.GetRequiredService<DashboardOverviewCache>())));
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
        PublishUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        PublishUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
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
                case SponsorshipProgram p: _partners.Add(p.PartnerId); break;
                case SponsoredChild c: _partners.Add(c.PartnerId); break;
                case PartnerPayment p: _partners.Add(p.PartnerId); break;
                case PartnerTicket t: _partners.Add(t.PartnerId); break;
                case SponsorshipConsent k:
                    // Consent keeps no navigation to Sponsorships' child (section boundary): find it among the tracked ones.
                    var child = context.ChangeTracker.Entries<SponsoredChild>()
                        .Select(e => e.Entity).FirstOrDefault(c => c.Id == k.SponsoredChildId);
                    if (child is null) _all = true; else _partners.Add(child.PartnerId);
                    break;
            }
        }
    }

    private void PublishUnlessInTransaction(DbContext? context)
    {
        // Inside the caller's transaction the change is not visible to others yet: wait for its commit.
        if (context?.Database.CurrentTransaction is null) Publish();
    }

    private void Publish()
    {
        if (_all) cache.ChangedForAll();
        foreach (var partnerId in _partners) cache.Changed(partnerId);
        Forget();
    }

    private void Forget()
    {
        _partners.Clear();
        _all = false;
    }
}
