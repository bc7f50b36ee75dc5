namespace Elimu.Api.Platform.Identity;

/// <summary>The partner team a user works for: the profile and the role there (owner, finance, programs, viewer).</summary>
public sealed record PartnerMembershipSummary(Guid ProfileId, string Role);

/// <summary>Lets the platform's "who am I" answer name a partner profile without depending on partner code.</summary>
public interface IPartnerProfileLookup
{
    Task<PartnerMembershipSummary?> FindMembershipAsync(Guid userId, CancellationToken ct = default);
}
