using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Collaboration;

/// <summary>
/// Whose messages a caller sees: those they wrote or that were addressed to them, and for a partner's team member only
/// within that partner. Nobody else's, whatever the id they send: a message outside the mailbox is a 404.
/// </summary>
/// <param name="PartnerId">The partner the member works for; null for staff, who see their conversations with any partner.</param>
/// <param name="LinkBase">Where this caller's routes live, for attachment links.</param>
public sealed record Mailbox(Guid UserId, Guid? PartnerId, string LinkBase)
{
    public IQueryable<PartnerMessage> Of(AppDbContext db)
    {
        var q = db.PartnerMessages.Where(m => m.SenderId == UserId || m.RecipientId == UserId);
        return PartnerId is { } p ? q.Where(m => m.PartnerId == p) : q;
    }
}

/// <summary>Lists, threads and read receipts of one mailbox.</summary>
public sealed class MailboxReader(AppDbContext db, PartnerNames partners, SessionStateCache userState, TimeProvider clock)
{
    public async Task<Paged<MessageSummary>> ListAsync(Mailbox box, MessageListQuery q, CancellationToken ct)
    {
        new Validation().Text("search", q.Search, InputLimits.QueryText).ThrowIfInvalid();
        var page = PageRequest.From(q.Page, q.PageSize);
        var messages = box.Of(db);
        messages = q.Box == MessageBox.sent ? messages.Where(m => m.SenderId == box.UserId) : messages.Where(m => m.RecipientId == box.UserId);
        if (q.Unread is { } unread) messages = unread ? messages.Where(m => m.ReadAt == null) : messages.Where(m => m.ReadAt != null);
        if (q.Search?.Trim() is { Length: > 0 } term)
        {
            var t = term.ToLowerInvariant();
            messages = messages.Where(m => m.Subject.ToLower().Contains(t) || m.Body.ToLower().Contains(t));
        }
        var rows = await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new
            {
                m.Id, m.ThreadId, m.Subject, m.Body, m.SenderId, m.RecipientId, m.Attachments, m.ReadAt, m.CreatedAt, m.PartnerId,
            })
            .ToPagedAsync(page, ct);
        var names = await NamesAsync(rows.Items.SelectMany(r => new[] { r.SenderId, r.RecipientId }), ct);
        var organisations = await partners.NamesAsync(rows.Items.Select(r => r.PartnerId), ct);
        return new Paged<MessageSummary>(rows.Items.Select(r => new MessageSummary(r.Id, r.ThreadId, r.Subject, Preview(r.Body),
                Person(names, r.SenderId), Person(names, r.RecipientId), r.Attachments.Count > 0, r.ReadAt, r.CreatedAt,
                organisations.GetValueOrDefault(r.PartnerId)?.Name ?? "Former partner")).ToList(),
            rows.Page, rows.PageSize, rows.Total);
    }

    /// <summary>The thread holding message <paramref name="id"/>; opening it is reading it: it sets the caller's read receipts.</summary>
    public async Task<(MessageThread Thread, bool MarkedRead)> OpenThreadAsync(Mailbox box, Guid id, CancellationToken ct)
    {
        var threadId = await box.Of(db).Where(m => m.Id == id).Select(m => (Guid?)m.ThreadId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("Message");
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await box.Of(db).Where(m => m.ThreadId == threadId && m.RecipientId == box.UserId && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        // A bulk update passes no SessionStateWatcher: the reader's held unread count (MemberUnreadFigures) is dropped here.
        if (marked > 0) userState.Evict(box.UserId);
        var messages = await box.Of(db).AsNoTracking().Where(m => m.ThreadId == threadId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var names = await NamesAsync(messages.SelectMany(m => new[] { m.SenderId, m.RecipientId }), ct);
        var first = messages[0];
        var other = first.SenderId == box.UserId ? first.RecipientId : first.SenderId;
        return (new MessageThread(threadId, first.Subject, Person(names, other), messages.Select(m => new MessageView(m.Id,
            Person(names, m.SenderId), Person(names, m.RecipientId), m.Body,
            m.Attachments.Select((a, i) => new AttachmentView(i, a.FileName, a.SizeBytes, a.MimeType ?? "application/octet-stream",
                $"{box.LinkBase}/messages/{m.Id}/attachments/{i}")).ToList(),
            m.ReadAt, m.CreatedAt, m.SenderId == box.UserId)).ToList(), await partners.OrganizationNameAsync(first.PartnerId, ct)), marked > 0);
    }

    /// <summary>An attachment of a message in the mailbox (sender or recipient only); 404 otherwise.</summary>
    public async Task<(Attachment Meta, byte[] Content)> AttachmentAsync(Mailbox box, Guid messageId, int position, CancellationToken ct)
    {
        var attachments = await box.Of(db).Where(m => m.Id == messageId).Select(m => m.Attachments).FirstOrDefaultAsync(ct);
        if (attachments is null || position < 0 || position >= attachments.Count) throw DomainException.NotFound("Attachment");
        var content = await db.PartnerMessageFiles.Where(f => f.MessageId == messageId && f.Position == position).Select(f => f.Content)
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Attachment");
        return (attachments[position], content);
    }

    private async Task<Dictionary<Guid, PersonView>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Users.Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.FirstName, u.LastName }).ToListAsync(ct);
        return rows.ToDictionary(u => u.Id, u => new PersonView(u.Id, MessageParties.NameOf(u.DisplayName, u.FirstName, u.LastName)));
    }

    private static string Preview(string body) => body.Length <= 160 ? body : body[..160] + "…";

    private static PersonView Person(Dictionary<Guid, PersonView> names, Guid id) => names.GetValueOrDefault(id) ?? new PersonView(id, "Former user");
}

/// <summary>The unread count behind the realtime counters: messages addressed to the user and not opened yet.</summary>
public sealed class MessageStats(AppDbContext db)
{
    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct) =>
        db.PartnerMessages.CountAsync(m => m.RecipientId == userId && m.ReadAt == null, ct);
}
