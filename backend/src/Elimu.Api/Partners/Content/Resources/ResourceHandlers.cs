using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Content.Resources;

/// <summary>
/// The partner's contributed resources: the list (uploads and generated drafts together), one resource, its file,
/// changes to its title, description, type and programs, and deleting one that is not approved. Another partner's
/// resource is a 404 everywhere.
/// </summary>
public static class ResourceHandlers
{
    public static async Task<Ok<Paged<ResourceView>>> List(ResourceStatus? status, ResourceType? type, Guid? programId, string? search,
        int? page, int? pageSize, ClaimsPrincipal user, AppDbContext db, ResourceReader reader, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var rows = ResourceFilter.From(status, type, programId, search).Apply(db.PartnerResources.AsNoTracking().Where(r => r.PartnerId == partnerId));
        var paged = await rows.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).ToPagedAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<ResourceView>(await reader.ViewsAsync(paged.Items, ct), paged.Page, paged.PageSize, paged.Total));
    }

    public static async Task<Ok<ResourceView>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, ResourceReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ViewAsync(await db.OwnAsync(user.PartnerId(), id, ct), ct));

    /// <summary>
    /// Streams the file with the type its content proved and the partner's file name. A download (not <c>inline</c>)
    /// counts once in usage_count: a request for the start of the file, not a media player's later range requests.
    /// </summary>
    public static async Task<FileStreamHttpResult> Download(Guid id, bool? inline, ClaimsPrincipal user, HttpContext http, AppDbContext db,
        ResourceStorage storage, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var resource = await db.PartnerResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.PartnerId == partnerId, ct)
            ?? throw DomainException.NotFound("Resource");
        var result = ResourceFile.Send(resource, storage, http, inline == true);
        if (inline != true && ResourceFile.StartsAtBeginning(http.Request))
            await db.PartnerResources.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.UsageCount, r => r.UsageCount + 1), ct);
        return result;
    }

    public static async Task<Ok<ResourceView>> Update(Guid id, UpdateResourceRequest body, ClaimsPrincipal user, AppDbContext db,
        ResourceReader reader, SponsorshipStats programs, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var title = body.Title?.Trim();
        var v = new Validation()
            .Check(body.Title is null || title!.Length > 0, "title", "Give the resource a title.")
            .Text("title", title, ResourceLimits.TitleLength)
            .Text("description", body.Description, ResourceLimits.DescriptionLength)
            .Check(body.ResourceType is null || Enum.IsDefined(body.ResourceType.Value), "resourceType", "Choose a resource type.")
            .Check((body.TargetPrograms?.Count ?? 0) <= ResourceLimits.MaxTargetPrograms, "targetPrograms",
                $"Choose at most {ResourceLimits.MaxTargetPrograms} programs.");
        var targets = body.TargetPrograms?.Distinct().ToList();
        if (targets is { Count: > 0 }) await UploadResource.CheckProgramsAsync(v, targets, partnerId, programs, ct);
        v.ThrowIfInvalid();

        var resource = await db.OwnAsync(partnerId, id, ct);
        if (resource.Status == ResourceStatus.approved)
            throw DomainException.Conflict("already_approved", "An approved resource cannot be changed; upload a new version instead.");
        if (title is not null) resource.Title = title;
        if (body.Description is not null) resource.Description = body.Description.Trim() is { Length: > 0 } d ? d : null;
        if (body.ResourceType is { } type) resource.ResourceType = type;
        if (targets is not null) resource.TargetPrograms = targets;
        // A changed rejected resource is the partner's answer to the reviewer: it goes back into the queue.
        if (resource.Status == ResourceStatus.rejected)
        {
            (resource.Status, resource.RejectionReason, resource.ReviewedAt, resource.ReviewedBy) = (ResourceStatus.pending_review, null, null, null);
            audit.Record(user.UserId(), "resource.resubmit", "partner_resource", id, null, partnerId);
        }
        resource.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await reader.ViewAsync(resource, ct));
    }

    public static async Task<NoContent> Delete(Guid id, ClaimsPrincipal user, AppDbContext db, ResourceStorage storage, AuditTrail audit,
        CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var resource = await db.OwnAsync(partnerId, id, ct);
        if (resource.Status == ResourceStatus.approved)
            throw DomainException.Conflict("already_approved", "An approved resource is in use by learners and cannot be deleted; ask Elimu support to withdraw it.");
        db.PartnerResources.Remove(resource);
        audit.Record(user.UserId(), "resource.delete", "partner_resource", id, resource.OriginalFileName ?? resource.Title, partnerId);
        await db.SaveChangesAsync(ct);
        storage.Delete(resource.StoredFileName);
        return TypedResults.NoContent();
    }
}

/// <summary>Serving a stored resource file: the partner's download and the reviewer's.</summary>
public static class ResourceFile
{
    public static FileStreamHttpResult Send(PartnerResource resource, ResourceStorage storage, HttpContext http, bool inline)
    {
        if (resource.StoredFileName is null || ResourceFormats.ByMimeType(resource.MimeType) is not { } format)
            throw DomainException.NotFound("Resource file");
        FileStream stream;
        try
        {
            stream = new FileStream(storage.PathOf(resource.StoredFileName), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            throw DomainException.NotFound("Resource file");
        }
        http.Response.Headers.CacheControl = "private, no-store";
        var name = DownloadName(resource.OriginalFileName, format);
        if (inline)
        {
            // Shown in the page (image, audio, video) or a new tab (PDF): the name stays, the browser does not save it.
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(name);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            return TypedResults.Stream(stream, format.MimeType, enableRangeProcessing: true);
        }
        return TypedResults.Stream(stream, format.MimeType, name, enableRangeProcessing: true);
    }

    /// <summary>The partner's name with the extension of what the file is, so "notes.pdf" that is a PNG downloads as "notes.png".</summary>
    public static string DownloadName(string? original, ResourceFormat format)
    {
        var name = string.IsNullOrEmpty(original) ? "resource" : original;
        var extension = Path.GetExtension(name);
        var sameKind = extension.Equals(format.Extension, StringComparison.OrdinalIgnoreCase)
            || (format == ResourceFormats.Jpeg && extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase));
        return sameKind ? name : Path.GetFileNameWithoutExtension(name) + format.Extension;
    }

    public static bool StartsAtBeginning(HttpRequest request) =>
        request.Headers.Range.ToString() is not { Length: > 0 } range || range.Replace(" ", "").StartsWith("bytes=0-", StringComparison.OrdinalIgnoreCase);
}
