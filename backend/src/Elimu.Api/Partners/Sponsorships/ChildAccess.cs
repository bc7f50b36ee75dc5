using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// The privacy gate in front of every child view: another partner's child is "not found"; a child without a
/// standing consent is 403 consent_required; every permitted read is written to the audit log.
/// </summary>
public sealed class ChildAccess(AppDbContext db, ConsentReader consent, AuditTrail audit)
{
    public async Task<SponsoredChild> OwnedAsync(Guid partnerId, Guid sponsoredChildId, CancellationToken ct) =>
        await db.SponsoredChildren.Include(c => c.Student).Include(c => c.Program)
            .FirstOrDefaultAsync(c => c.Id == sponsoredChildId && c.PartnerId == partnerId, ct)
        ?? throw DomainException.NotFound("Sponsored child");

    public async Task<SponsoredChild> VisibleAsync(Guid partnerId, Guid sponsoredChildId, string view, CancellationToken ct)
    {
        var child = await OwnedAsync(partnerId, sponsoredChildId, ct);
        if (!await consent.IsVisibleAsync(partnerId, child.Id, ct))
        {
            var status = (await consent.StatusesAsync([(child.Id, child.Status)], ct))[child.Id];
            var error = DomainException.Forbidden("consent_required",
                "A parent or guardian has not given consent (or has withdrawn it), so this child's learning data is hidden.");
            error.Extensions["consentStatus"] = status.ToString();
            throw error;
        }
        await audit.RecordNowAsync(partnerId, $"child.read.{view}", "sponsored_child", child.Id, ct);
        return child;
    }
}
