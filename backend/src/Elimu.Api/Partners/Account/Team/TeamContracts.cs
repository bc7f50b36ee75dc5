namespace Elimu.Api.Partners.Account.Team;

public sealed record TeamResponse(IReadOnlyList<TeamMemberResponse> Members, IReadOnlyList<TeamInvitationResponse> Invitations,
    TeamRole YourRole);

public sealed record TeamMemberResponse(Guid UserId, string Name, string Email, TeamRole Role, DateTime JoinedAt, bool IsYou);

/// <param name="Status">pending, or expired (an owner may send a new link).</param>
/// <param name="Link">Only in the answer that created the link: the token is stored hashed and cannot be shown again.</param>
public sealed record TeamInvitationResponse(Guid Id, string Email, TeamRole Role, string Status, DateTime CreatedAt,
    DateTime ExpiresAt, string InvitedByName, string? Link);

public sealed record InviteMemberRequest(string? Email, TeamRole? Role);

public sealed record ChangeMemberRoleRequest(TeamRole? Role);

/// <param name="Status">pending, accepted, expired or revoked; only a pending invitation can be accepted.</param>
/// <param name="HasAccount">The invited address already has an account: accept by signing in instead of choosing a password.</param>
/// <param name="SignedInAsInvitee">The browser is signed in as the invited address: accept needs no password.</param>
public sealed record InvitationPreview(string OrganizationName, string Email, TeamRole Role, string Status, DateTime ExpiresAt,
    bool HasAccount, bool SignedInAsInvitee);

/// <param name="FullName">For a new account.</param>
/// <param name="Password">The new account's password, or the existing account's (unless already signed in as it).</param>
public sealed record AcceptInvitationRequest(string? FullName, string? Password);
