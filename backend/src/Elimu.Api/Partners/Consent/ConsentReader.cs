using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>Where a sponsored child's consent stands, as a partner may know it.</summary>
public enum ChildConsentStatus { not_requested, pending, given, declined, revoked }

/// <summary>Answers "may the partner see this child?" — the privacy gate of DESIGN.md §3.</summary>
public sealed class ConsentReader(AppDbContext db)
{
    /// <summary>Statuses in which a child with a standing consent is visible; PENDING_CONSENT and REMOVED never are.</summary>
    public static readonly SponsoredChildStatus[] VisibleStatuses =
        [SponsoredChildStatus.ACTIVE, SponsoredChildStatus.PAUSED, SponsoredChildStatus.GRADUATED];

    /// <summary>The consent status of each child, from one query over their consent rows.</summary>
    public async Task<Dictionary<Guid, ChildConsentStatus>> StatusesAsync(IReadOnlyCollection<(Guid Id, SponsoredChildStatus Status)> children, CancellationToken ct)
    {
        var ids = children.Select(c => c.Id).ToList();
        var rows = await db.SponsorshipConsents.Where(c => ids.Contains(c.SponsoredChildId))
            .Select(c => new { c.SponsoredChildId, c.ConsentGiven, c.RevokedAt, c.RequestedAt })
            .ToListAsync(ct);
        return children.ToDictionary(c => c.Id, c =>
        {
            var mine = rows.Where(r => r.SponsoredChildId == c.Id).OrderByDescending(r => r.RequestedAt).ToList();
            if (VisibleStatuses.Contains(c.Status) && mine.Any(r => r.ConsentGiven == true && r.RevokedAt == null)) return ChildConsentStatus.given;
            if (mine.Any(r => r.ConsentGiven == null && r.RevokedAt == null)) return ChildConsentStatus.pending;
            var latest = mine.FirstOrDefault();
            if (latest is null) return ChildConsentStatus.not_requested;
            return latest.RevokedAt is not null ? ChildConsentStatus.revoked
                : latest.ConsentGiven == false ? ChildConsentStatus.declined : ChildConsentStatus.revoked;
        });
    }

    /// <summary>A composable filter: the partner's children whose data may be shown.</summary>
    public IQueryable<SponsoredChild> Visible(Guid partnerId) =>
        db.SponsoredChildren.Where(c => c.PartnerId == partnerId && VisibleStatuses.Contains(c.Status)
            && db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.Id && k.ConsentGiven == true && k.RevokedAt == null));

    public Task<bool> IsVisibleAsync(Guid partnerId, Guid sponsoredChildId, CancellationToken ct) =>
        Visible(partnerId).AnyAsync(c => c.Id == sponsoredChildId, ct);
}
