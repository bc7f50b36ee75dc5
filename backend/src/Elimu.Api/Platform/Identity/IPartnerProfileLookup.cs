namespace Elimu.Api.Platform.Identity;

/// <summary>Lets the platform's "who am I" answer name a partner profile without depending on partner code.</summary>
public interface IPartnerProfileLookup
{
    Task<Guid?> FindProfileIdAsync(Guid userId, CancellationToken ct = default);
}
