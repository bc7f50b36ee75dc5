using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>Who has consented and what is still waiting for a guardian, for one partner.</summary>
public sealed class ConsentStats(AppDbContext db, ConsentReader reader) : IConsentOptOuts
{
    /// <summary>Sponsored children with a request no guardian has answered yet (a child with two guardians counts once).</summary>
    public Task<int> PendingRequestsAsync(Guid partnerId, CancellationToken ct) =>
        db.SponsorshipConsents
            .Where(c => c.SponsoredChild!.PartnerId == partnerId
                && c.SponsoredChild.Status == SponsoredChildStatus.PENDING_CONSENT
                && c.ConsentGiven == null && c.RevokedAt == null)
            .Select(c => c.SponsoredChildId).Distinct().CountAsync(ct);

    /// <summary>How long a guardian's refusal or withdrawal keeps their child out of every partner's search (docs/adr/0004).</summary>
    public static readonly TimeSpan OptOutPeriod = TimeSpan.FromDays(365);

    /// <summary>
    /// Students a guardian has said no for: any guardian declined, or withdrew, a consent to any partner within
    /// <see cref="OptOutPeriod"/>. Such a child is offered to no partner. A composable query.
    /// </summary>
    public IQueryable<Guid> OptedOutStudentIds(DateTime now)
    {
        var since = now - OptOutPeriod;
        return db.SponsorshipConsents
            .Where(k => (k.ConsentGiven == false && k.ConsentedAt >= since) || k.RevokedAt >= since)
            .Select(k => k.SponsoredChild!.StudentId);
    }

    /// <summary>
    /// Students the partner may see (<see cref="ConsentReader.Visible"/>). A composable query, so callers fold it
    /// into their own single query.
    /// </summary>
    public IQueryable<Guid> ConsentedStudentIds(Guid partnerId) =>
        reader.Visible(partnerId).Select(c => c.StudentId).Distinct();
}
