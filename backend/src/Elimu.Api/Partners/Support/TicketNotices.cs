using Elimu.Api.Data;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Support;

/// <summary>
/// Every change to a ticket tells the other side, through the Notifier (in the caller's unit of work, so the change and
/// its notices commit together). The partner's side hears as a team, in the <c>ticket</c> category; staff hear in the
/// app (and by email, by their preferences): the assignee, or while nobody is assigned, every member of staff and admin.
/// </summary>
public sealed class TicketNotices(AppDbContext db, Notifier notifier)
{
    public const string PartnerLink = "/dashboard/partner/tickets";
    public const string StaffLink = "/dashboard/admin/tickets";

    public Task ToPartnerAsync(PartnerTicket ticket, string title, string body, CancellationToken ct) =>
        notifier.NotifyPartnerAsync(ticket.PartnerId,
            new NotificationDraft(NotificationCategory.ticket, Clip(title), Clip(body, 500), $"{PartnerLink}?ticket={ticket.Id}"), ct);

    public async Task ToStaffAsync(PartnerTicket ticket, string title, string body, CancellationToken ct, Guid? except = null)
    {
        var to = ticket.AssignedTo is { } assignee ? [assignee] : await SupportStaffAsync(ct);
        var draft = new NotificationDraft(NotificationCategory.ticket, Clip(title), Clip(body, 500), $"{StaffLink}?ticket={ticket.Id}");
        await notifier.NotifyAsync(to.Where(id => id != except).Select(id => (id, draft)).ToList(), ct);
    }

    /// <summary>A new assignee hears that the ticket is now theirs.</summary>
    public Task ToAssigneeAsync(PartnerTicket ticket, Guid assignee, string title, string body, CancellationToken ct) =>
        notifier.NotifyAsync(assignee, new NotificationDraft(NotificationCategory.ticket, Clip(title), Clip(body, 500), $"{StaffLink}?ticket={ticket.Id}"), ct);

    /// <summary>Everyone who works the support queue: staff and admins.</summary>
    public Task<List<Guid>> SupportStaffAsync(CancellationToken ct) =>
        db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Staff || r.Name == Roles.Admin)))
            .Select(ur => ur.UserId).Distinct().ToListAsync(ct);

    private static string Clip(string text, int max = 200) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
