using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Content.Resources;

/// <summary>The filters both lists share: status, resource type, a program it targets, and words of its title, description or file name.</summary>
public sealed record ResourceFilter(ResourceStatus? Status, ResourceType? Type, Guid? ProgramId, string? Search)
{
    public IQueryable<PartnerResource> Apply(IQueryable<PartnerResource> rows)
    {
        if (Status is { } status) rows = rows.Where(r => r.Status == status);
        if (Type is { } type) rows = rows.Where(r => r.ResourceType == type);
        if (ProgramId is { } program) rows = rows.Where(r => r.TargetPrograms.Contains(program));
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLower();
            rows = rows.Where(r => r.Title.ToLower().Contains(term) || (r.Description != null && r.Description.ToLower().Contains(term))
                || (r.OriginalFileName != null && r.OriginalFileName.ToLower().Contains(term)));
        }
        return rows;
    }

    public static ResourceFilter From(ResourceStatus? status, ResourceType? type, Guid? programId, string? search)
    {
        new Validation().Text("search", search, InputLimits.QueryText).ThrowIfInvalid();
        return new(status, type, programId, search);
    }
}

/// <summary>Turns rows into views, naming their target programs with one query per page.</summary>
public sealed class ResourceReader(SponsorshipStats programs)
{
    public async Task<IReadOnlyList<ResourceView>> ViewsAsync(IReadOnlyList<PartnerResource> rows, CancellationToken ct)
    {
        var ids = rows.SelectMany(r => r.TargetPrograms).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await programs.ProgramNamesAsync(ids, ct);
        return rows.Select(r => View(r, names)).ToList();
    }

    public async Task<ResourceView> ViewAsync(PartnerResource row, CancellationToken ct) => (await ViewsAsync([row], ct))[0];

    public static string FileUrl(Guid id) => $"{ContentEndpoints.Prefix}/resources/{id}/file";

    private static ResourceView View(PartnerResource r, Dictionary<Guid, string> names)
    {
        var format = ResourceFormats.ByMimeType(r.MimeType);
        var hasFile = r.StoredFileName is not null;
        return new ResourceView(r.Id, r.Title, r.Description, r.ResourceType, r.Status, hasFile ? format?.Name : null, hasFile ? format?.Label : null,
            r.OriginalFileName, r.FileSize, hasFile ? r.MimeType : null, hasFile ? FileUrl(r.Id) : null, r.BrandingApplied, r.UsageCount,
            r.TargetPrograms.Where(names.ContainsKey).Select(p => new ResourceProgram(p, names[p])).ToList(),
            r.Status == ResourceStatus.rejected ? r.RejectionReason : null, r.ReviewedAt, r.LessonJson is not null, r.CreatedAt, r.UpdatedAt);
    }
}

public static class ResourceQueries
{
    /// <summary>A partner's own resource; another partner's is the same 404 as one that does not exist.</summary>
    public static async Task<PartnerResource> OwnAsync(this AppDbContext db, Guid partnerId, Guid id, CancellationToken ct) =>
        await db.PartnerResources.FirstOrDefaultAsync(r => r.Id == id && r.PartnerId == partnerId, ct) ?? throw DomainException.NotFound("Resource");
}
