using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Collaboration;

/// <summary>Starting a conversation and answering in one: the message, its files, the recipient's notification, one commit.</summary>
public sealed class MessageSender(AppDbContext db, MessageParties parties, Notifier notifier, IPartnerCountersChanged counters)
{
    public const string PartnerPage = "/dashboard/partner/collaboration";
    public const string StaffPage = "/dashboard/admin/messages";

    /// <summary>A team member writes to a colleague or to staff; anyone else named is a 400 on recipientId.</summary>
    public async Task<PartnerMessage> StartAsync(ClaimsPrincipal user, MessageForm form, CancellationToken ct)
    {
        var v = new Validation();
        var recipientText = form.Fields.GetValueOrDefault("recipientId");
        v.Check(Guid.TryParse(recipientText, out var recipientId), "recipientId", "Choose who the message is for.");
        var subject = form.Fields.GetValueOrDefault("subject")?.Trim() ?? "";
        v.Check(subject.Length > 0, "subject", "Give the message a subject.").Text("subject", subject, InputLimits.ShortText);
        var body = CheckBody(v, form);
        v.ThrowIfInvalid();

        var me = user.UserId();
        await parties.RequireAddressableAsync(user.PartnerProfileId(), me, [recipientId], "recipientId", ct);
        var id = Guid.CreateVersion7();
        return await SaveAsync(new PartnerMessage
        {
            Id = id, ThreadId = id, PartnerId = user.PartnerId(), SenderId = me, RecipientId = recipientId, Subject = subject, Body = body,
        }, form.Files, ct);
    }

    /// <summary>An answer in the thread of message <paramref name="messageId"/>, to the thread's other person.</summary>
    public async Task<PartnerMessage> ReplyAsync(Mailbox box, Guid messageId, MessageForm form, CancellationToken ct)
    {
        var v = new Validation();
        var body = CheckBody(v, form);
        v.ThrowIfInvalid();
        var first = await box.Of(db).Where(m => m.Id == messageId)
            .Select(m => db.PartnerMessages.Where(t => t.Id == m.ThreadId).Select(t => new { t.Id, t.PartnerId, t.SenderId, t.RecipientId, t.Subject }).First())
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Message");
        var other = first.SenderId == box.UserId ? first.RecipientId : first.SenderId;
        // The other person must still be someone the caller may write to: a colleague who left the team, or staff who
        // are no longer staff, no longer receive the partner's messages.
        var stillAllowed = await parties.IsMemberAsync(first.PartnerId, other, ct) || (box.PartnerId is not null && await parties.IsStaffAsync(other, ct));
        if (!stillAllowed)
            throw DomainException.Conflict("recipient_unavailable", "The other person of this conversation can no longer receive messages here.");
        return await SaveAsync(new PartnerMessage
        {
            ThreadId = first.Id, PartnerId = first.PartnerId, SenderId = box.UserId, RecipientId = other,
            Subject = first.Subject.StartsWith("Re: ", StringComparison.Ordinal) ? first.Subject : Truncate("Re: " + first.Subject), Body = body,
        }, form.Files, ct);
    }

    private async Task<PartnerMessage> SaveAsync(PartnerMessage message, IReadOnlyList<AcceptedFile> files, CancellationToken ct)
    {
        message.Attachments = files.Select((f, i) => new Attachment
        {
            FileName = f.FileName, MimeType = f.MimeType, SizeBytes = f.Content.Length,
            Url = $"{CollaborationEndpoints.Prefix}/messages/{message.Id}/attachments/{i}",
        }).ToList();
        db.PartnerMessages.Add(message);
        db.PartnerMessageFiles.AddRange(files.Select((f, i) => new MessageAttachmentFile { MessageId = message.Id, Position = i, Content = f.Content }));
        var sender = await parties.PersonAsync(message.SenderId, ct);
        var toStaff = await parties.IsStaffAsync(message.RecipientId, ct);
        await notifier.NotifyAsync(message.RecipientId, new NotificationDraft(NotificationCategory.message,
            $"New message from {sender.Name}", message.Subject, $"{(toStaff ? StaffPage : PartnerPage)}?thread={message.ThreadId}"), ct);
        await db.SaveChangesAsync(ct);
        await counters.CountersChangedAsync(message.PartnerId, ct);
        return message;
    }

    private static string CheckBody(Validation v, MessageForm form)
    {
        var body = form.Fields.GetValueOrDefault("body")?.Trim() ?? "";
        v.Check(body.Length > 0, "body", "Write the message.").Text("body", body, InputLimits.LongText);
        return body;
    }

    private static string Truncate(string s) => s.Length <= InputLimits.ShortText ? s : s[..InputLimits.ShortText];
}
