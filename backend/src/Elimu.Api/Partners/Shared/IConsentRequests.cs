using System.Security.Claims;

namespace Elimu.Api.Partners.Shared;

/// <summary>
/// Consent's answer to Sponsorships when a substitute is accepted: asks the child's guardians at once, through the same
/// request a partner sends from the consent page. Returns how many guardians were asked.
/// </summary>
public interface IConsentRequests
{
    Task<int> RequestForChildAsync(ClaimsPrincipal user, Guid sponsoredChildId, CancellationToken ct);
}
