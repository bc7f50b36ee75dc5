using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Support;

/// <summary>The partner's side of support: its own tickets only; another partner's ticket is a 404, never a 403.</summary>
public static class PartnerTicketHandlers
{
    public static async Task<Ok<Paged<TicketSummary>>> List([AsParameters] TicketListQuery q, ClaimsPrincipal user, AppDbContext db,
        TicketReader reader, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var tickets = TicketReader.Filter(db.PartnerTickets.Where(t => t.PartnerId == partnerId), q.Status, q.Category, q.Priority, q.Search);
        return TypedResults.Ok(await reader.PageAsync(tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
            PageRequest.From(q.Page, q.PageSize), ct));
    }

    public static async Task<Created<TicketDetail>> Create(HttpRequest request, ClaimsPrincipal user, TicketWorkflow workflow,
        TicketReader reader, CancellationToken ct)
    {
        var (body, files) = await TicketForm.ReadAsync(request, form => new CreateTicketRequest(form["subject"], form["description"],
            TicketForm.Enum<TicketCategory>(form, "category"), TicketForm.Enum<TicketPriority>(form, "priority")), ct);
        var ticket = await workflow.CreateAsync(Actor(user), body, files, ct);
        return TypedResults.Created($"{SupportEndpoints.PartnerPrefix}/{ticket.Id}", await reader.DetailAsync(ticket.Id, ct));
    }

    public static async Task<Ok<TriageSuggestion>> TriagePreview(TriagePreviewRequest body, ClaimsPrincipal user, ITicketTriage triage, CancellationToken ct)
    {
        new Validation().Text("subject", body.Subject, TicketLimits.SubjectLength).Text("description", body.Description, TicketLimits.TextLength)
            .ThrowIfInvalid();
        return TypedResults.Ok(await triage.SuggestAsync(body.Subject ?? "", body.Description ?? "", user.PartnerId(), ct));
    }

    public static async Task<Ok<TicketDetail>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, TicketReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DetailAsync((await OwnAsync(db, user, id, ct)).Id, ct));

    public static async Task<Ok<TicketDetail>> Update(Guid id, UpdateTicketRequest body, ClaimsPrincipal user, AppDbContext db,
        TicketWorkflow workflow, TicketReader reader, CancellationToken ct)
    {
        var ticket = await OwnAsync(db, user, id, ct);
        await workflow.UpdateAsync(ticket, body, ct);
        return TypedResults.Ok(await reader.DetailAsync(id, ct));
    }

    public static async Task<Ok<TicketDetail>> Reply(Guid id, HttpRequest request, ClaimsPrincipal user, AppDbContext db,
        TicketWorkflow workflow, TicketReader reader, CancellationToken ct)
    {
        var ticket = await OwnAsync(db, user, id, ct);
        var (body, files) = await TicketForm.ReadAsync(request, form => new TicketReplyRequest(form["body"]), ct);
        await workflow.ReplyAsync(ticket, Actor(user), body, files, ct);
        return TypedResults.Ok(await reader.DetailAsync(id, ct));
    }

    public static async Task<Ok<TicketDetail>> Reopen(Guid id, ClaimsPrincipal user, AppDbContext db, TicketWorkflow workflow,
        TicketReader reader, CancellationToken ct)
    {
        await workflow.ReopenAsync(await OwnAsync(db, user, id, ct), Actor(user), ct);
        return TypedResults.Ok(await reader.DetailAsync(id, ct));
    }

    public static async Task<Ok<TicketDetail>> Close(Guid id, ClaimsPrincipal user, AppDbContext db, TicketWorkflow workflow,
        TicketReader reader, CancellationToken ct)
    {
        await workflow.CloseAsync(await OwnAsync(db, user, id, ct), Actor(user), ct);
        return TypedResults.Ok(await reader.DetailAsync(id, ct));
    }

    public static async Task<FileContentHttpResult> Download(Guid id, Guid attachmentId, ClaimsPrincipal user, AppDbContext db,
        HttpResponse response, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var file = await db.TicketAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.TicketId == id && db.PartnerTickets.Any(t => t.Id == id && t.PartnerId == partnerId))
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Attachment");
        return TicketDownload.Send(file, response);
    }

    private static TicketActor Actor(ClaimsPrincipal user) => new(user.UserId(), TicketParty.partner, user.PartnerId());

    private static async Task<PartnerTicket> OwnAsync(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        return await db.PartnerTickets.FirstOrDefaultAsync(t => t.Id == id && t.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Ticket");
    }
}

/// <summary>Sends a stored attachment as a download that no browser renders in the app's origin.</summary>
public static class TicketDownload
{
    public static FileContentHttpResult Send(TicketAttachment file, HttpResponse response)
    {
        // Even a PDF or an image opens as a download, in a sandbox, with the type its content proved.
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
