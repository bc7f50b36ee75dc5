using Elimu.Api.Data;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Partners.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// Who hears a partner's news: every team member, except that payments go only to the roles that may pay (owner and
/// finance). Each member's own preferences then decide in-app, email and digest. Partner data is keyed by the founding
/// owner's user id (<see cref="PartnerProfile.UserId"/>), so that is the partner id here.
/// </summary>
internal sealed class TeamNotificationRecipients(AppDbContext db) : INotificationRecipients
{
    public async Task<IReadOnlyList<Guid>> OfPartnerAsync(Guid partnerId, NotificationCategory category, CancellationToken ct)
    {
        var members = db.PartnerTeamMembers.Where(m => m.PartnerProfile!.UserId == partnerId);
        if (category == NotificationCategory.payment)
            members = members.Where(m => m.Role == TeamRole.owner || m.Role == TeamRole.finance);
        var ids = await members.Select(m => m.UserId).ToListAsync(ct);
        // A partner created before its team (or by a test that skips the membership) still hears its own news.
        return ids.Count > 0 ? ids : [partnerId];
    }

    public async Task<IReadOnlyList<PartnerMember>> PartnerMembersAsync(CancellationToken ct) =>
        await db.PartnerTeamMembers.Select(m => new PartnerMember(m.UserId, m.PartnerProfile!.UserId)).ToListAsync(ct);
}
