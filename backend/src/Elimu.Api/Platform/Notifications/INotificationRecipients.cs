using Elimu.Api.Data;
using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Notifications;

/// <summary>A person who hears about a partner organisation's news, and which partner that is.</summary>
public sealed record PartnerMember(Guid UserId, Guid PartnerId);

/// <summary>
/// Who hears about a partner organisation's news: the one place that answers it. The Partners module answers with the
/// team members whose role covers the category (TeamNotificationRecipients: payments only to owner and finance), and
/// every notification, email and digest follows it.
/// </summary>
public interface INotificationRecipients
{
    Task<IReadOnlyList<Guid>> OfPartnerAsync(Guid partnerId, NotificationCategory category, CancellationToken ct);

    /// <summary>Everyone who may receive a partner digest, with their partner.</summary>
    Task<IReadOnlyList<PartnerMember>> PartnerMembersAsync(CancellationToken ct);
}

/// <summary>
/// The answer of the Platform alone, which knows no teams: the partner's own user. The Partners module registers its
/// team-aware answer after this one, so this is used only where Partners is not composed (Platform-only hosts).
/// </summary>
public sealed class PartnerUserRecipients(AppDbContext db) : INotificationRecipients
{
    public Task<IReadOnlyList<Guid>> OfPartnerAsync(Guid partnerId, NotificationCategory category, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Guid>>([partnerId]);

    public async Task<IReadOnlyList<PartnerMember>> PartnerMembersAsync(CancellationToken ct) =>
        await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Partner))
            .Select(ur => new PartnerMember(ur.UserId, ur.UserId)).ToListAsync(ct);
}
