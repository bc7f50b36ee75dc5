using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>Who has consented and what is still waiting for a guardian, for one partner.</summary>
public sealed class ConsentStats(AppDbContext db, ConsentReader reader)
{
    /// <summary>Sponsored children with a request no guardian has answered yet (a child with two guardians counts once).</summary>
    public Task<int> PendingRequestsAsync(Guid partnerId, CancellationToken ct) =>
        db.SponsorshipConsents
            .Where(c => c.SponsoredChild!.PartnerId == partnerId
                && c.SponsoredChild.Status == SponsoredChildStatus.PENDING_CONSENT
                && c.ConsentGiven == null && c.RevokedAt == null)
            .Select(c => c.SponsoredChildId).Distinct().CountAsync(ct);

    /// <summary>
    /// Students the partner may see (<see cref="ConsentReader.Visible"/>). A composable query, so callers fold it
    /// into their own single query.
    /// </summary>
    public IQueryable<Guid> ConsentedStudentIds(Guid partnerId) =>
        reader.Visible(partnerId).Select(c => c.StudentId).Distinct();
}
