using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Audit;

/// <param name="StudentId">Events that concern this child (every read that revealed it, every consent answer about it).</param>
/// <param name="PartnerId">Events that concern this partner's programs and children, or that the partner did.</param>
/// <param name="ActorId">Events done by this user.</param>
/// <param name="Action">An exact action (<c>child.read.list</c>) or a prefix ending in a dot (<c>consent.</c>).</param>
/// <param name="From">From this instant (inclusive).</param>
/// <param name="To">Up to this instant (exclusive).</param>
public sealed record AuditSearchQuery(Guid? StudentId, Guid? PartnerId, Guid? ActorId, string? Action, string? EntityId,
    DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

public sealed record AuditEntryResponse(Guid Id, DateTime At, Guid? ActorId, string? ActorEmail, string Action, string EntityType,
    string? EntityId, Guid? PartnerId, string? Details, string? IpAddress, IReadOnlyList<Guid> StudentIds);

/// <summary>GET /api/v1/admin/audit: the audit log searched by child, partner, actor, action and time, newest first.</summary>
public static class AuditSearch
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/audit", Handle).WithTags("Admin · Audit").RequireAuthorization(Roles.Admin)
            .WithSummary("Search the audit log by child (studentId), partner, actor, action and date range.");
        return app;
    }

    public static async Task<Ok<Paged<AuditEntryResponse>>> Handle([AsParameters] AuditSearchQuery q, AppDbContext db, CancellationToken ct)
    {
        new Validation()
            .Check(q.From is null || q.To is null || q.From < q.To, "to", "The end of the range must be after its start.")
            .Check((q.Action?.Length ?? 0) <= 80, "action", "Actions are at most 80 characters.")
            .Check((q.EntityId?.Length ?? 0) <= 80, "entityId", "Entity ids are at most 80 characters.")
            .ThrowIfInvalid();

        var rows = db.AuditLog.AsNoTracking();
        if (q.StudentId is { } student) rows = rows.Where(a => db.Set<AuditLogStudent>().Any(s => s.AuditLogEntryId == a.Id && s.StudentId == student));
        if (q.PartnerId is { } partner) rows = rows.Where(a => a.PartnerId == partner || a.UserId == partner);
        if (q.ActorId is { } actor) rows = rows.Where(a => a.UserId == actor);
        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            var action = q.Action.Trim();
            rows = action.EndsWith('.') ? rows.Where(a => a.Action.StartsWith(action)) : rows.Where(a => a.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(q.EntityId)) rows = rows.Where(a => a.EntityId == q.EntityId.Trim());
        if (q.From is { } from) { var f = from.UtcDateTime; rows = rows.Where(a => a.At >= f); }
        if (q.To is { } to) { var t = to.UtcDateTime; rows = rows.Where(a => a.At < t); }

        var paged = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id, a.At, a.UserId, Email = db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
                a.Action, a.EntityType, a.EntityId, a.PartnerId, a.Details, a.IpAddress,
            })
            .ToPagedAsync(PageRequest.From(q.Page, q.PageSize), ct);
        var ids = paged.Items.Select(a => a.Id).ToList();
        var students = (await db.Set<AuditLogStudent>().Where(s => ids.Contains(s.AuditLogEntryId)).ToListAsync(ct))
            .ToLookup(s => s.AuditLogEntryId, s => s.StudentId);
        return TypedResults.Ok(new Paged<AuditEntryResponse>(paged.Items.Select(a => new AuditEntryResponse(a.Id, a.At, a.UserId, a.Email,
            a.Action, a.EntityType, a.EntityId, a.PartnerId, a.Details, a.IpAddress, students[a.Id].ToList())).ToList(),
            paged.Page, paged.PageSize, paged.Total));
    }
}
