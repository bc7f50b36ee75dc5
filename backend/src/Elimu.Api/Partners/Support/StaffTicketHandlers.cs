using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Support;

/// <summary>The support queue of staff and admins: every partner's tickets, to assign, answer, resolve and close.</summary>
public static class StaffTicketHandlers
{
    public static async Task<Ok<Paged<TicketSummary>>> Queue([AsParameters] TicketQueueQuery q, ClaimsPrincipal user, AppDbContext db,
        TicketReader reader, CancellationToken ct)
    {
        var tickets = TicketReader.Filter(db.PartnerTickets, q.Status, q.Category, q.Priority, q.Search);
        var me = user.UserId();
        tickets = q.Assigned switch
        {
            null or "" or "any" => tickets,
            "me" => tickets.Where(t => t.AssignedTo == me),
            "unassigned" => tickets.Where(t => t.AssignedTo == null),
            _ => throw new ValidationFailedException(new Dictionary<string, string[]> { ["assigned"] = ["Choose me, unassigned or any."] }),
        };
        return TypedResults.Ok(await reader.PageAsync(TicketReader.QueueOrder(tickets), PageRequest.From(q.Page, q.PageSize), ct));
    }

    public static async Task<Ok<IReadOnlyList<SupportAssignee>>> Assignees(AppDbContext db, CancellationToken ct)
    {
        // Plain joins: a correlated SelectMany needs SQL APPLY, which SQLite has not.
        var rows = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          join u in db.Users on ur.UserId equals u.Id
                          where r.Name == Roles.Staff || r.Name == Roles.Admin
                          orderby u.DisplayName, u.Id
                          select new { u.Id, u.DisplayName, Role = r.Name! }).Take(200).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<SupportAssignee>>(rows.GroupBy(r => r.Id)
            .Select(g => new SupportAssignee(g.Key, g.First().DisplayName, g.Any(r => r.Role == Roles.Admin) ? Roles.Admin : Roles.Staff)).ToList());
    }

    public static async Task<Ok<TicketDetail>> Get(Guid id, AppDbContext db, TicketReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DetailAsync((await FindAsync(db, id, ct)).Id, ct));

    public static async Task<Ok<TicketDetail>> Assign(Guid id, AssignTicketRequest body, ClaimsPrincipal user, AppDbContext db,
        TicketWorkflow workflow, TicketReader reader, CancellationToken ct)
    {
        await workflow.AssignAsync(await FindAsync(db, id, ct), Actor(user), body.AssigneeId, ct);
        return TypedResults.Ok(await reader.DetailAsync(id, ct));
    }

    public static async Task<Ok<TicketDetail>> Reply(Guid id, HttpRequest request, ClaimsPrincipal user, AppDbContext db,
        TicketWorkflow workflow, TicketReader reader, CancellationToken ct)
    {
        var ticket = await FindAsync(db, id, ct);
        var (body, files) = await TicketForm.ReadAsync(request, form => new TicketReplyRequest(form["body"]), ct);
        await workflow.ReplyAsync(ticket, Actor(user), body, files, ct);
        return TypedResults.Ok(await reader.DetailAsync(id, ct));
    }

    public static async Task<Ok<TicketDetail>> Resolve(Guid id, ResolveTicketRequest body, ClaimsPrincipal user, AppDbContext db,
        TicketWorkflow workflow, TicketReader reader, CancellationToken ct)
    {
        await workflow.ResolveAsync(await FindAsync(db, id, ct), Actor(user), body, ct);
        return TypedResults.Ok(await reader.DetailAsync(id, ct));
    }

    public static async Task<Ok<TicketDetail>> Close(Guid id, ClaimsPrincipal user, AppDbContext db, TicketWorkflow workflow,
        TicketReader reader, CancellationToken ct)
    {
        await workflow.CloseAsync(await FindAsync(db, id, ct), Actor(user), ct);
        return TypedResults.Ok(await reader.DetailAsync(id, ct));
    }

    public static async Task<FileContentHttpResult> Download(Guid id, Guid attachmentId, AppDbContext db, HttpResponse response, CancellationToken ct)
    {
        var file = await db.TicketAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == id, ct)
            ?? throw DomainException.NotFound("Attachment");
        return TicketDownload.Send(file, response);
    }

    private static TicketActor Actor(ClaimsPrincipal user) => new(user.UserId(), TicketParty.staff);

    private static async Task<PartnerTicket> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.PartnerTickets.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("Ticket");
}
