using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Support;

/// <summary>Who acts on a ticket: a partner's team member (for that partner) or a member of support staff.</summary>
public sealed record TicketActor(Guid UserId, TicketParty Party, Guid? PartnerId = null);

/// <summary>
/// The ticket's life: open → in_progress → resolved → closed. Staff take a ticket on (assigning or replying moves it to
/// in_progress) and resolve it with a resolution; the partner may reopen a resolved ticket within
/// <see cref="TicketLimits.ReopenWindow"/> of its resolution, and either side may close it. Each change adds an entry to the
/// thread and notifies the other side (<see cref="TicketNotices"/>) in the same SaveChanges.
/// </summary>
public sealed class TicketWorkflow(AppDbContext db, ITicketTriage triage, TicketNotices notices, IPartnerCountersChanged counters, TimeProvider clock)
{
    public async Task<PartnerTicket> CreateAsync(TicketActor partner, CreateTicketRequest request, IReadOnlyList<TicketFile> files, CancellationToken ct)
    {
        var v = new Validation();
        var subject = Required(v, "subject", request.Subject, TicketLimits.SubjectLength);
        var description = Required(v, "description", request.Description, TicketLimits.TextLength);
        v.ThrowIfInvalid();

        var suggestion = await triage.SuggestAsync(subject, description, partner.PartnerId, ct);
        var now = Now();
        var ticket = new PartnerTicket
        {
            PartnerId = partner.PartnerId!.Value, OpenedBy = partner.UserId, Subject = subject, Description = description,
            // The partner's own choices stand; triage fills only what they left to it.
            Category = request.Category ?? suggestion.Category, Priority = request.Priority ?? suggestion.Priority,
            AiTriageCategory = suggestion.Category, AiTriagePriority = suggestion.Priority, AiTriageSource = suggestion.Source,
            AiTriageModel = suggestion.Model,
            Status = TicketStatus.open, CreatedAt = now, UpdatedAt = now,
        };
        db.PartnerTickets.Add(ticket);
        Attach(ticket, null, partner, files, now);
        await notices.ToStaffAsync(ticket, $"New {ticket.Priority} ticket: {ticket.Subject}",
            $"{ticket.Category} · triage suggests {suggestion.Category}, {suggestion.Priority}.", ct);
        await SaveAsync(ticket, ct);
        return ticket;
    }

    public async Task UpdateAsync(PartnerTicket ticket, UpdateTicketRequest request, CancellationToken ct)
    {
        if (ticket.Status is not (TicketStatus.open or TicketStatus.in_progress))
            throw DomainException.Conflict("invalid_transition", "Only an open or in-progress ticket can be edited.");
        var v = new Validation();
        var subject = request.Subject is null ? ticket.Subject : Required(v, "subject", request.Subject, TicketLimits.SubjectLength);
        var description = request.Description is null ? ticket.Description : Required(v, "description", request.Description, TicketLimits.TextLength);
        v.ThrowIfInvalid();
        (ticket.Subject, ticket.Description) = (subject, description);
        ticket.Category = request.Category ?? ticket.Category;
        ticket.Priority = request.Priority ?? ticket.Priority;
        ticket.UpdatedAt = Now();
        await SaveAsync(ticket, ct);
    }

    public async Task ReplyAsync(PartnerTicket ticket, TicketActor actor, TicketReplyRequest request, IReadOnlyList<TicketFile> files, CancellationToken ct)
    {
        var v = new Validation();
        var body = (request.Body ?? "").Trim();
        v.Check(body.Length > 0 || files.Count > 0, "body", "Write a reply or attach a file.");
        v.Text("body", body, TicketLimits.TextLength);
        v.ThrowIfInvalid();
        if (ticket.Status == TicketStatus.closed)
            throw DomainException.Conflict("ticket_closed", "This ticket is closed; open a new ticket to continue.");
        if (ticket.Status == TicketStatus.resolved && actor.Party == TicketParty.partner)
            throw DomainException.Conflict("ticket_resolved", "This ticket is resolved; reopen it to continue the conversation.");

        var now = Now();
        var message = AddMessage(ticket, actor, null, body, now);
        Attach(ticket, message.Id, actor, files, now);
        if (actor.Party == TicketParty.staff)
        {
            if (ticket.Status == TicketStatus.open) ticket.Status = TicketStatus.in_progress;
            await notices.ToPartnerAsync(ticket, $"Support replied: {ticket.Subject}", Preview(body, files), ct);
        }
        else
        {
            await notices.ToStaffAsync(ticket, $"Partner replied: {ticket.Subject}", Preview(body, files), ct);
        }
        ticket.UpdatedAt = now;
        await SaveAsync(ticket, ct);
    }

    public async Task AssignAsync(PartnerTicket ticket, TicketActor staff, Guid? assigneeId, CancellationToken ct)
    {
        if (ticket.Status == TicketStatus.closed) throw DomainException.Conflict("ticket_closed", "A closed ticket cannot be assigned.");
        string? assigneeName = null;
        if (assigneeId is { } id)
        {
            assigneeName = await db.Users.Where(u => u.Id == id
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Staff || r.Name == Roles.Admin))))
                .Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (assigneeName is null)
            {
                var v = new Validation();
                v.Add("assigneeId", "Assign the ticket to a member of staff or an admin.");
                v.ThrowIfInvalid();
            }
        }
        if (ticket.AssignedTo == assigneeId) return;

        var now = Now();
        ticket.AssignedTo = assigneeId;
        if (assigneeId is { } who)
        {
            if (ticket.Status == TicketStatus.open) ticket.Status = TicketStatus.in_progress;
            AddMessage(ticket, staff, TicketEvent.assigned, $"Assigned to {assigneeName}.", now);
            if (who != staff.UserId)
                await notices.ToAssigneeAsync(ticket, who, $"Ticket assigned to you: {ticket.Subject}", $"{ticket.Priority} · {ticket.Category}", ct);
            await notices.ToPartnerAsync(ticket, $"Your ticket is being handled: {ticket.Subject}", $"{assigneeName} is looking into it.", ct);
        }
        else
        {
            AddMessage(ticket, staff, TicketEvent.unassigned, "Taken off its assignee; back in the queue.", now);
        }
        ticket.UpdatedAt = now;
        await SaveAsync(ticket, ct);
    }

    public async Task ResolveAsync(PartnerTicket ticket, TicketActor staff, ResolveTicketRequest request, CancellationToken ct)
    {
        var v = new Validation();
        var resolution = Required(v, "resolution", request.Resolution, TicketLimits.TextLength);
        v.ThrowIfInvalid();
        if (ticket.Status is not (TicketStatus.open or TicketStatus.in_progress))
            throw DomainException.Conflict("invalid_transition", $"A {ticket.Status} ticket cannot be resolved.");
        var now = Now();
        (ticket.Status, ticket.Resolution, ticket.ResolvedAt, ticket.UpdatedAt) = (TicketStatus.resolved, resolution, now, now);
        ticket.AssignedTo ??= staff.UserId;
        AddMessage(ticket, staff, TicketEvent.resolved, resolution, now);
        await notices.ToPartnerAsync(ticket, $"Ticket resolved: {ticket.Subject}",
            $"{resolution} You can reopen it within {TicketLimits.ReopenWindow.TotalDays:0} days.", ct);
        await SaveAsync(ticket, ct);
    }

    public async Task ReopenAsync(PartnerTicket ticket, TicketActor partner, CancellationToken ct)
    {
        if (ticket.Status != TicketStatus.resolved)
            throw DomainException.Conflict("invalid_transition", $"Only a resolved ticket can be reopened; this one is {ticket.Status}.");
        var now = Now();
        if (TicketReader.ReopenUntil(ticket) is { } until && now > until)
            throw DomainException.Conflict("reopen_window_passed",
                $"A ticket can be reopened within {TicketLimits.ReopenWindow.TotalDays:0} days of its resolution; open a new ticket instead.");
        (ticket.Status, ticket.ResolvedAt, ticket.UpdatedAt) = (TicketStatus.open, null, now);
        AddMessage(ticket, partner, TicketEvent.reopened, "Reopened: the problem is not solved.", now);
        await notices.ToStaffAsync(ticket, $"Ticket reopened: {ticket.Subject}", "The partner reopened the ticket.", ct);
        await SaveAsync(ticket, ct);
    }

    public async Task CloseAsync(PartnerTicket ticket, TicketActor actor, CancellationToken ct)
    {
        if (ticket.Status == TicketStatus.closed) throw DomainException.Conflict("invalid_transition", "The ticket is already closed.");
        // Staff close what is resolved; the partner may also withdraw a ticket they no longer need.
        if (actor.Party == TicketParty.staff && ticket.Status != TicketStatus.resolved)
            throw DomainException.Conflict("invalid_transition", "Resolve the ticket before closing it.");
        var now = Now();
        (ticket.Status, ticket.ClosedAt, ticket.UpdatedAt) = (TicketStatus.closed, now, now);
        AddMessage(ticket, actor, TicketEvent.closed, "Closed.", now);
        if (actor.Party == TicketParty.staff) await notices.ToPartnerAsync(ticket, $"Ticket closed: {ticket.Subject}", "Support closed the ticket.", ct);
        else await notices.ToStaffAsync(ticket, $"Ticket closed by the partner: {ticket.Subject}", "The partner closed the ticket.", ct);
        await SaveAsync(ticket, ct);
    }

    private TicketMessage AddMessage(PartnerTicket ticket, TicketActor actor, TicketEvent? kind, string body, DateTime now)
    {
        var message = new TicketMessage { TicketId = ticket.Id, AuthorId = actor.UserId, Party = actor.Party, Event = kind, Body = body, CreatedAt = now };
        db.TicketMessages.Add(message);
        return message;
    }

    private void Attach(PartnerTicket ticket, Guid? messageId, TicketActor actor, IReadOnlyList<TicketFile> files, DateTime now)
    {
        foreach (var (f, position) in files.Select((f, i) => (f, i)))
        {
            var stored = new TicketAttachment
            {
                TicketId = ticket.Id, MessageId = messageId, UploadedBy = actor.UserId, FileName = f.FileName, ContentType = f.ContentType,
                SizeBytes = f.Content.LongLength, Content = f.Content, CreatedAt = now, Position = position,
            };
            db.TicketAttachments.Add(stored);
            if (messageId is null)
                ticket.Attachments.Add(new Attachment
                {
                    FileName = f.FileName, SizeBytes = stored.SizeBytes, MimeType = f.ContentType,
                    Url = $"{SupportEndpoints.PartnerPrefix}/{ticket.Id}/attachments/{stored.Id}",
                });
        }
    }

    private async Task SaveAsync(PartnerTicket ticket, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        // Open tickets and unread notifications are on the partner's live counters.
        await counters.CountersChangedAsync(ticket.PartnerId, ct);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Required(Validation v, string field, string? value, int max)
    {
        var text = (value ?? "").Trim();
        v.Check(text.Length > 0, field, "This field is required.");
        v.Text(field, text, max);
        return text;
    }

    private static string Preview(string body, IReadOnlyList<TicketFile> files) =>
        body.Length > 0 ? body : $"{files.Count} file{(files.Count == 1 ? "" : "s")} attached.";
}
