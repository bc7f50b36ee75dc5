using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Support;

/// <summary>Tickets as the pages show them: filtered pages of summaries, and one ticket with its thread and files.</summary>
public sealed class TicketReader(AppDbContext db, PartnerNames names, TimeProvider clock)
{
    public static IQueryable<PartnerTicket> Filter(IQueryable<PartnerTicket> tickets, TicketStatus? status, TicketCategory? category,
        TicketPriority? priority, string? search)
    {
        if (status is { } s) tickets = tickets.Where(t => t.Status == s);
        if (category is { } c) tickets = tickets.Where(t => t.Category == c);
        if (priority is { } p) tickets = tickets.Where(t => t.Priority == p);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            tickets = tickets.Where(t => t.Subject.ToLower().Contains(term) || t.Description.ToLower().Contains(term));
        }
        return tickets;
    }

    /// <summary>Most urgent first, then the longest waiting: the order support works through.</summary>
    public static IQueryable<PartnerTicket> QueueOrder(IQueryable<PartnerTicket> tickets) =>
        tickets.OrderBy(t => t.Status == TicketStatus.open ? 0 : t.Status == TicketStatus.in_progress ? 1 : t.Status == TicketStatus.resolved ? 2 : 3)
            .ThenByDescending(t => t.Priority == TicketPriority.urgent ? 3 : t.Priority == TicketPriority.high ? 2 : t.Priority == TicketPriority.medium ? 1 : 0)
            .ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);

    /// <summary>One page of summaries in three queries, whatever the page size.</summary>
    public async Task<Paged<TicketSummary>> PageAsync(IQueryable<PartnerTicket> ordered, PageRequest request, CancellationToken ct)
    {
        var page = await ordered
            .Select(t => new
            {
                t.Id, t.Subject, t.Category, t.Priority, t.Status, t.AiTriageCategory, t.AiTriagePriority, t.PartnerId, t.AssignedTo,
                AssigneeName = t.Assignee != null ? t.Assignee.DisplayName : null,
                Messages = db.TicketMessages.Count(m => m.TicketId == t.Id && m.Event == null),
                t.CreatedAt, t.UpdatedAt, t.ResolvedAt,
            })
            .ToPagedAsync(request, ct);
        var partners = await names.NamesAsync(page.Items.Select(t => t.PartnerId), ct);
        return new Paged<TicketSummary>(page.Items.Select(t => new TicketSummary(
            t.Id, t.Subject, t.Category, t.Priority, t.Status, t.AiTriageCategory, t.AiTriagePriority, t.PartnerId,
            partners.TryGetValue(t.PartnerId, out var n) ? n.Name : "", t.AssignedTo, t.AssigneeName, t.Messages,
            t.CreatedAt, t.UpdatedAt, t.ResolvedAt)).ToList(), page.Page, page.PageSize, page.Total);
    }

    public async Task<TicketDetail> DetailAsync(Guid ticketId, CancellationToken ct)
    {
        var t = await db.PartnerTickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new
            {
                Ticket = t,
                AssigneeName = t.Assignee != null ? t.Assignee.DisplayName : null,
                OpenedByName = db.Users.Where(u => u.Id == t.OpenedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstAsync(ct);
        var messages = await db.TicketMessages.AsNoTracking().Where(m => m.TicketId == ticketId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Party, m.Event, m.AuthorId, AuthorName = m.Author!.DisplayName, m.Body, m.CreatedAt })
            .ToListAsync(ct);
        var files = await db.TicketAttachments.AsNoTracking().Where(a => a.TicketId == ticketId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Position)
            .Select(a => new { a.MessageId, View = new TicketAttachmentView(a.Id, a.FileName, a.ContentType, a.SizeBytes) })
            .ToListAsync(ct);
        var partnerName = await names.OrganizationNameAsync(t.Ticket.PartnerId, ct);
        var ticket = t.Ticket;
        var reopenUntil = ReopenUntil(ticket);
        return new TicketDetail(
            ticket.Id, ticket.Subject, ticket.Description, ticket.Category, ticket.Priority, ticket.Status,
            ticket.AiTriageCategory, ticket.AiTriagePriority, ticket.AiTriageSource, ticket.AiTriageModel,
            ticket.PartnerId, partnerName, ticket.OpenedBy, t.OpenedByName, ticket.AssignedTo, t.AssigneeName,
            ticket.Resolution, ticket.CreatedAt, ticket.UpdatedAt, ticket.ResolvedAt, ticket.ClosedAt,
            reopenUntil, reopenUntil is { } until && clock.GetUtcNow().UtcDateTime <= until,
            files.Where(f => f.MessageId == null).Select(f => f.View).ToList(),
            messages.Select(m => new TicketMessageView(m.Id, m.Party, m.Event, m.AuthorId, m.AuthorName, m.Body, m.CreatedAt,
                files.Where(f => f.MessageId == m.Id).Select(f => f.View).ToList())).ToList());
    }

    public static DateTime? ReopenUntil(PartnerTicket ticket) =>
        ticket is { Status: TicketStatus.resolved, ResolvedAt: { } at } ? at + TicketLimits.ReopenWindow : null;
}
