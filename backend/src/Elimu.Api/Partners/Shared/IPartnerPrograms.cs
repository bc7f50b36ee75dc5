namespace Elimu.Api.Partners.Shared;

/// <summary>
/// Whether a partner has any program yet, for sections that must not depend on Sponsorships (Profiles' onboarding:
/// Sponsorships already reads partner names from Profiles, and the section graph has no cycles). Sponsorships answers it.
/// </summary>
public interface IPartnerPrograms
{
    Task<bool> HasAnyAsync(Guid partnerId, CancellationToken ct);
}
