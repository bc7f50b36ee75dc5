using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Content.Resources;

/// <summary>
/// The admin's review of contributed resources: the queue (pending first, oldest first), the file to look at, and the
/// decision. Approving or rejecting (with a reason the partner reads) is audited and tells the partner's team.
/// Generated drafts are the partner's own until submitted, so the queue never shows them.
/// </summary>
public static class ResourceReviewHandlers
{
    public const string PartnerLink = "/dashboard/partner/resources";

    public static async Task<Ok<Paged<ReviewResourceView>>> Queue(ResourceStatus? status, ResourceType? type, Guid? partnerId, string? search,
        int? page, int? pageSize, AppDbContext db, ResourceReader reader, PartnerNames partners, CancellationToken ct)
    {
        if (status == ResourceStatus.draft)
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["status"] = ["Drafts are the partner's own until submitted."] });
        var rows = ResourceFilter.From(status, type, null, search).Apply(db.PartnerResources.AsNoTracking().Where(r => r.Status != ResourceStatus.draft));
        if (partnerId is { } p) rows = rows.Where(r => r.PartnerId == p);
        var paged = await rows.OrderBy(r => r.Status == ResourceStatus.pending_review ? 0 : 1)
            .ThenBy(r => r.Status == ResourceStatus.pending_review ? (DateTime?)r.UpdatedAt : null).ThenByDescending(r => r.ReviewedAt).ThenBy(r => r.Id)
            .ToPagedAsync(PageRequest.From(page, pageSize), ct);
        var views = await reader.ViewsAsync(paged.Items, ct);
        var names = await partners.NamesAsync(paged.Items.Select(r => r.PartnerId), ct);
        return TypedResults.Ok(new Paged<ReviewResourceView>(paged.Items.Select((r, i) =>
            new ReviewResourceView(views[i], r.PartnerId, names.GetValueOrDefault(r.PartnerId)?.Name ?? "", r.Sha256)).ToList(),
            paged.Page, paged.PageSize, paged.Total));
    }

    public static async Task<FileStreamHttpResult> Download(Guid id, bool? inline, HttpContext http, AppDbContext db, ResourceStorage storage,
        CancellationToken ct)
    {
        var resource = await db.PartnerResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Status != ResourceStatus.draft, ct)
            ?? throw DomainException.NotFound("Resource");
        return ResourceFile.Send(resource, storage, http, inline == true);
    }

    public static async Task<Ok<ReviewResourceView>> Approve(Guid id, ClaimsPrincipal user, AppDbContext db, ResourceReader reader,
        PartnerNames partners, AuditTrail audit, Notifier notifier, TimeProvider clock, CancellationToken ct)
    {
        var resource = await PendingAsync(db, id, ct);
        Decide(resource, ResourceStatus.approved, null, user, clock);
        audit.Record(user.UserId(), "resource.approve", "partner_resource", id, "pending_review -> approved", resource.PartnerId);
        await notifier.NotifyPartnerAsync(resource.PartnerId, new NotificationDraft(NotificationCategory.system, Clip($"\"{resource.Title}\" is approved"),
            "Elimu reviewed your resource and approved it for the programs you chose.", $"{PartnerLink}?resource={id}"), ct);
        return await SavedAsync(db, resource, reader, partners, ct);
    }

    public static async Task<Ok<ReviewResourceView>> Reject(Guid id, RejectResourceRequest body, ClaimsPrincipal user, AppDbContext db,
        ResourceReader reader, PartnerNames partners, AuditTrail audit, Notifier notifier, TimeProvider clock, CancellationToken ct)
    {
        var reason = body.Reason?.Trim() ?? "";
        new Validation().Check(reason.Length > 0, "reason", "Say why the resource is rejected; the partner reads it.")
            .Text("reason", reason, ResourceLimits.ReasonLength).ThrowIfInvalid();
        var resource = await PendingAsync(db, id, ct);
        Decide(resource, ResourceStatus.rejected, reason, user, clock);
        audit.Record(user.UserId(), "resource.reject", "partner_resource", id, reason, resource.PartnerId);
        await notifier.NotifyPartnerAsync(resource.PartnerId, new NotificationDraft(NotificationCategory.system, Clip($"\"{resource.Title}\" needs changes"),
            Clip(reason, 500), $"{PartnerLink}?resource={id}"), ct);
        return await SavedAsync(db, resource, reader, partners, ct);
    }

    private static async Task<PartnerResource> PendingAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var resource = await db.PartnerResources.FirstOrDefaultAsync(r => r.Id == id && r.Status != ResourceStatus.draft, ct)
            ?? throw DomainException.NotFound("Resource");
        if (resource.Status != ResourceStatus.pending_review)
            throw DomainException.Conflict("invalid_transition", $"This resource is already {resource.Status}; only a resource pending review can be decided.");
        return resource;
    }

    private static void Decide(PartnerResource resource, ResourceStatus status, string? reason, ClaimsPrincipal user, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        (resource.Status, resource.RejectionReason, resource.ReviewedBy, resource.ReviewedAt, resource.UpdatedAt) = (status, reason, user.UserId(), now, now);
    }

    private static async Task<Ok<ReviewResourceView>> SavedAsync(AppDbContext db, PartnerResource resource, ResourceReader reader, PartnerNames partners,
        CancellationToken ct)
    {
        // Saved only if nobody decided it meanwhile: two reviewers on the same resource get one decision and one 409.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decided = await db.PartnerResources.Where(r => r.Id == resource.Id && r.Status == ResourceStatus.pending_review)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, resource.Status), ct);
        if (decided == 0) throw DomainException.Conflict("invalid_transition", "Another reviewer decided this resource a moment ago.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var name = (await partners.NamesAsync([resource.PartnerId], ct)).GetValueOrDefault(resource.PartnerId)?.Name ?? "";
        return TypedResults.Ok(new ReviewResourceView(await reader.ViewAsync(resource, ct), resource.PartnerId, name, resource.Sha256));
    }

    private static string Clip(string text, int max = 200) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
