using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Collaboration;

/// <summary>
/// Who may write to whom. A partner's team member writes to the colleagues on their own team and to platform staff and
/// admins, nobody else (never another partner's people, never a parent). Staff answer the partner people who wrote to
/// them. The one place that answers it, for sending, replying and meeting invitations alike.
/// </summary>
public sealed class MessageParties(AppDbContext db, INotificationRecipients members)
{
    /// <summary>The people a member of the partner (profile <paramref name="profileId"/>) may address, themselves excepted.</summary>
    public async Task<IReadOnlyList<MessageRecipient>> ForMemberAsync(Guid profileId, Guid me, CancellationToken ct)
    {
        var team = await db.PartnerTeamMembers.Where(m => m.PartnerProfileId == profileId && m.UserId != me)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.FirstName, m.User.LastName, m.User.Email, m.Role })
            .ToListAsync(ct);
        var staff = await StaffAsync(except: me, only: null, ct);
        return team.Select(t => new MessageRecipient(t.UserId, NameOf(t.DisplayName, t.FirstName, t.LastName), t.Email ?? "", RecipientKind.team, t.Role.ToString()))
            .OrderBy(r => r.Name)
            .Concat(staff.Select(s => new MessageRecipient(s.Id, NameOf(s.DisplayName, s.FirstName, s.LastName), s.Email ?? "", RecipientKind.staff, s.Role))
                .OrderBy(r => r.Name))
            .ToList();
    }

    /// <summary>The named people, each of whom the member may address; a 400 on <paramref name="field"/> naming anyone else.</summary>
    public async Task<IReadOnlyList<MessageRecipient>> RequireAddressableAsync(Guid profileId, Guid me, IReadOnlyCollection<Guid> ids,
        string field, CancellationToken ct)
    {
        var allowed = (await ForMemberAsync(profileId, me, ct)).ToDictionary(r => r.UserId);
        var refused = ids.Where(id => !allowed.ContainsKey(id)).ToList();
        if (refused.Count > 0)
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [field] = [$"You can write only to your own team and to Elimu staff; {refused.Count} of the people named are neither."],
            });
        return ids.Select(id => allowed[id]).ToList();
    }

    /// <summary>Whether the user is platform staff or an admin.</summary>
    public async Task<bool> IsStaffAsync(Guid userId, CancellationToken ct) => (await StaffAsync(except: null, only: userId, ct)).Count > 0;

    /// <summary>Whether the user is (still) on the partner's team.</summary>
    public async Task<bool> IsMemberAsync(Guid partnerId, Guid userId, CancellationToken ct) =>
        (await members.OfPartnerAsync(partnerId, NotificationCategory.message, ct)).Contains(userId);

    public async Task<PersonView> PersonAsync(Guid userId, CancellationToken ct)
    {
        var u = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.FirstName, u.LastName }).FirstOrDefaultAsync(ct);
        return new PersonView(userId, u is null ? "Former user" : NameOf(u.DisplayName, u.FirstName, u.LastName));
    }

    /// <summary>Staff and admins (a user in both roles once), optionally leaving one out.</summary>
    private async Task<List<StaffRow>> StaffAsync(Guid? except, Guid? only, CancellationToken ct)
    {
        var staffRoles = db.Roles.Where(r => r.Name == Roles.Staff || r.Name == Roles.Admin).Select(r => r.Id);
        var ids = db.UserRoles.Where(ur => staffRoles.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var users = db.Users.Where(u => ids.Contains(u.Id));
        if (except is { } e) users = users.Where(u => u.Id != e);
        if (only is { } o) users = users.Where(u => u.Id == o);
        var rows = await users.Select(u => new { u.Id, u.DisplayName, u.FirstName, u.LastName, u.Email }).ToListAsync(ct);
        var admins = await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)).Select(ur => ur.UserId)
            .Where(id => users.Select(u => u.Id).Contains(id)).ToListAsync(ct);
        return rows.Select(u => new StaffRow(u.Id, u.DisplayName, u.FirstName, u.LastName, u.Email, admins.Contains(u.Id) ? Roles.Admin : Roles.Staff)).ToList();
    }

    private sealed record StaffRow(Guid Id, string DisplayName, string FirstName, string LastName, string? Email, string Role);

    internal static string NameOf(string displayName, string first, string last) =>
        string.IsNullOrWhiteSpace(displayName) ? $"{first} {last}".Trim() : displayName;
}
