using Elimu.Api.Data;
using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Notifications;

/// <summary>A person who hears about a partner organisation's news, and which partner that is.</summary>
public sealed record PartnerMember(Guid UserId, Guid PartnerId);

/// <summary>
/// Who hears about a partner organisation's news: the one place that answers it. Today a partner is one user, so it is
/// that user; when partners have teams, the implementation returns the members whose role covers the category (finance
/// hears about payments, ...), and every notification, email and digest follows without another change.
/// </summary>
public interface INotificationRecipients
{
    Task<IReadOnlyList<Guid>> OfPartnerAsync(Guid partnerId, NotificationCategory category, CancellationToken ct);

    /// <summary>Everyone who may receive a partner digest, with their partner.</summary>
    Task<IReadOnlyList<PartnerMember>> PartnerMembersAsync(CancellationToken ct);
}

/// <summary>The answer without teams: the partner's own user (the Partners module replaces it with the team's members).</summary>
public sealed class PartnerUserRecipients(AppDbContext db) : INotificationRecipients
{
    public Task<IReadOnlyList<Guid>> OfPartnerAsync(Guid partnerId, NotificationCategory category, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Guid>>([partnerId]);

    public async Task<IReadOnlyList<PartnerMember>> PartnerMembersAsync(CancellationToken ct) =>
        await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Partner))
            .Select(ur => new PartnerMember(ur.UserId, ur.UserId)).ToListAsync(ct);
}
