using Elimu.Api.Data;
using Elimu.Api.Platform.Notifications.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Notifications;

/// <summary>What to tell someone: the in-app notification, which is also the email's subject, text and link.</summary>
public sealed record NotificationDraft(NotificationCategory Category, string Title, string Body, string? Link)
{
    /// <summary>A short text message as well, to recipients with a phone number: for what should not wait for a login.</summary>
    public string? Text { get; init; }
}

/// <summary>
/// Tells people about what happened, in the current unit of work: the caller's SaveChanges commits the change, the
/// in-app notifications and the queued emails and texts together, and <see cref="OutboxDispatcher"/> sends them later.
/// Each recipient's preferences (<see cref="NotificationPreferences"/>) decide in-app and email per category; who a
/// partner's recipients are is <see cref="INotificationRecipients"/>' answer alone. Two queries per call, whatever the
/// number of recipients.
/// </summary>
public sealed class Notifier(AppDbContext db, INotificationRecipients recipients, NotificationPreferences preferences, MailContent mail)
{
    public const string PartnerPreferencesPath = "/dashboard/partner/notifications";

    /// <summary>One person (a guardian, an admin, a member of staff).</summary>
    public Task NotifyAsync(Guid userId, NotificationDraft draft, CancellationToken ct) => DeliverAsync([(userId, draft)], ct);

    /// <summary>Several people at once.</summary>
    public Task NotifyAsync(IReadOnlyList<(Guid UserId, NotificationDraft Draft)> notes, CancellationToken ct) => DeliverAsync(notes, ct);

    /// <summary>A partner organisation: whoever <see cref="INotificationRecipients"/> names for the category.</summary>
    public Task NotifyPartnerAsync(Guid partnerId, NotificationDraft draft, CancellationToken ct) => NotifyPartnerAsync(partnerId, [draft], ct);

    public async Task NotifyPartnerAsync(Guid partnerId, IReadOnlyList<NotificationDraft> drafts, CancellationToken ct)
    {
        var notes = new List<(Guid, NotificationDraft)>();
        foreach (var category in drafts.Select(d => d.Category).Distinct())
        {
            var to = await recipients.OfPartnerAsync(partnerId, category, ct);
            notes.AddRange(drafts.Where(d => d.Category == category).SelectMany(d => to.Select(u => (u, d))));
        }
        await DeliverAsync(notes, ct);
    }

    private async Task DeliverAsync(IReadOnlyList<(Guid UserId, NotificationDraft Draft)> notes, CancellationToken ct)
    {
        if (notes.Count == 0) return;
        var ids = notes.Select(n => n.UserId).Distinct().ToList();
        var people = await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.PhoneNumber, Name = (u.FirstName + " " + u.LastName).Trim() })
            .ToDictionaryAsync(u => u.Id, ct);
        var choices = await preferences.ForUsersAsync(ids, ct);
        foreach (var (userId, draft) in notes)
        {
            if (!people.TryGetValue(userId, out var person)) continue;
            var choice = choices[(userId, draft.Category)];
            if (choice.InApp)
                db.Notifications.Add(new Notification { UserId = userId, Category = draft.Category, Title = draft.Title, Body = draft.Body, Link = draft.Link });
            if (choice.Email && !string.IsNullOrWhiteSpace(person.Email))
                db.OutboxMessages.Add(mail.Email(userId, person.Email, person.Name, new MailDraft(draft.Title, draft.Title, [draft.Body], draft.Link)
                {
                    PreferencesPath = draft.Link?.StartsWith("/dashboard/partner", StringComparison.Ordinal) == true ? PartnerPreferencesPath : null,
                }));
            if (draft.Text is { } text && !string.IsNullOrWhiteSpace(person.PhoneNumber))
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Channel = OutboxChannel.sms, UserId = userId, To = person.PhoneNumber, ToName = person.Name, Subject = draft.Title,
                    TextBody = draft.Link is { } link ? $"{text} {mail.Url(link)}" : text,
                });
        }
    }
}
