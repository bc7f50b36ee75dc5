using Elimu.Api.Data;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners;

/// <summary>
/// Tells <see cref="DashboardOverviewCache"/> which partners' overviews a save changed, once the change is committed.
/// It watches every save of every request, whatever section makes it (programs, children, consents, payments and
/// tickets are what the overview counts), so no section has to remember to say so. After the commit, not before: a
/// request computing the overview in between would otherwise cache the figures from before the change.
/// It names the entities of several sections, so it lives beside PartnersModule, the composition root, not in the
/// Dashboard section.
/// </summary>
public sealed class OverviewChangeWatcher(DashboardOverviewCache cache) : AfterCommitWatcher
{
    private readonly HashSet<Guid> _partners = [];
    private bool _all;

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<DashboardOverviewCache>();
        AddToEveryContext(services, sp => new OverviewChangeWatcher(sp.GetRequiredService<DashboardOverviewCache>()));
    }

    protected override void Collect(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case SponsorshipProgram p: _partners.Add(p.PartnerId); break;
                case SponsoredChild c: _partners.Add(c.PartnerId); break;
                case PartnerPayment p: _partners.Add(p.PartnerId); break;
                case PartnerTicket t: _partners.Add(t.PartnerId); break;
                case Alerts.ChildAlert a: _partners.Add(a.PartnerId); break;
                case SponsorshipConsent k:
                    // Consent keeps no navigation to Sponsorships' child (section boundary): find it among the tracked ones.
                    var child = context.ChangeTracker.Entries<SponsoredChild>()
                        .Select(e => e.Entity).FirstOrDefault(c => c.Id == k.SponsoredChildId);
                    if (child is null) _all = true; else _partners.Add(child.PartnerId);
                    break;
            }
        }
    }

    protected override void Committed()
    {
        if (_all) cache.ChangedForAll();
        foreach (var partnerId in _partners) cache.Changed(partnerId);
        Forget();
    }

    protected override void Forget()
    {
        _partners.Clear();
        _all = false;
    }
}
