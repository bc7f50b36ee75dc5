using Elimu.Api.Common;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.ChildData;

/// <summary>
/// The privacy gate in front of every child view: another partner's child is "not found"; a child the partner may not
/// see is 403 (consent_required, or program_not_active when the guardians agreed but the program is not approved and
/// running). Every permitted read is recorded by <see cref="ConsentReader"/> and written once per request.
/// </summary>
public sealed class ChildAccess(SponsoredChildReader children, ConsentReader consent)
{
    public async Task<SponsoredChildDetails> OwnedAsync(Guid partnerId, Guid sponsoredChildId, CancellationToken ct) =>
        await children.FindAsync(partnerId, sponsoredChildId, ct) ?? throw DomainException.NotFound("Sponsored child");

    public async Task<SponsoredChildDetails> VisibleAsync(Guid partnerId, Guid sponsoredChildId, string view, CancellationToken ct)
    {
        var child = await OwnedAsync(partnerId, sponsoredChildId, ct);
        if (!await consent.IsVisibleAsync(partnerId, child.Id, view, ct))
        {
            var status = (await consent.StatusesAsync(partnerId, [child.Id], view, ct))[child.Id];
            var error = status == ChildConsentStatus.program_not_active
                ? DomainException.Forbidden("program_not_active",
                    $"This program is {child.ProgramStatus}; children's data is shown only while a program is approved and running.")
                : DomainException.Forbidden("consent_required",
                    "A parent or guardian has not given consent (or has withdrawn it), so this child's learning data is hidden.");
            error.Extensions["consentStatus"] = status.ToString();
            throw error;
        }
        return child;
    }
}
