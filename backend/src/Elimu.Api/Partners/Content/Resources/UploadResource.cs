using System.Security.Claims;
using System.Security.Cryptography;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Content.Resources;

/// <summary>
/// <c>POST /content/resources</c>: a partner contributes a file (<see cref="ResourceUploadForm"/> streams it to disk,
/// <see cref="ResourceFormats"/> says what it is) with its title, description, type and target programs, optionally
/// branded with the partner's logo (PDFs only). It waits in the review queue as pending_review. Whatever refuses the
/// upload, the file written so far is deleted.
/// </summary>
public static class UploadResource
{
    public static async Task<Created<ResourceView>> Handle(HttpRequest request, ClaimsPrincipal user, AppDbContext db, ResourceStorage storage,
        ResourceReader reader, SponsorshipStats programs, PartnerLetterheads letterheads, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var upload = await ResourceUploadForm.ReadAsync(request, storage, ct);
        string? stored = null;
        try
        {
            var fileName = SafeName(upload.FileName);
            var format = ResourceFormats.Detect(upload.TemporaryPath, fileName);
            var form = await ReadFieldsAsync(upload.Fields, fileName, format, partnerId, programs, ct);
            var (size, sha) = (upload.Size, upload.Sha256);
            if (form.Branded)
            {
                ResourceBranding.Stamp(upload.TemporaryPath, await letterheads.ForAsync(partnerId, ct));
                (size, sha) = Measure(upload.TemporaryPath);
            }
            stored = storage.Keep(upload.TemporaryPath, format);
            var now = clock.GetUtcNow().UtcDateTime;
            var resource = new PartnerResource
            {
                PartnerId = partnerId, Title = form.Title, Description = form.Description, ResourceType = form.Type,
                Status = ResourceStatus.pending_review, BrandingApplied = form.Branded, TargetPrograms = form.Targets,
                OriginalFileName = fileName, StoredFileName = stored, FileSize = size, MimeType = format.MimeType, Sha256 = sha,
                CreatedAt = now, UpdatedAt = now,
            };
            resource.FileUrl = ResourceReader.FileUrl(resource.Id);
            db.PartnerResources.Add(resource);
            audit.Record(user.UserId(), "resource.upload", "partner_resource", resource.Id, $"{format.Name}, {size} bytes", partnerId);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"{ContentEndpoints.Prefix}/resources/{resource.Id}", await reader.ViewAsync(resource, ct));
        }
        catch
        {
            ResourceStorage.TryDelete(upload.TemporaryPath);
            storage.Delete(stored);
            throw;
        }
    }

    private sealed record Fields(string Title, string? Description, ResourceType Type, List<Guid> Targets, bool Branded);

    private static async Task<Fields> ReadFieldsAsync(Dictionary<string, List<string>> fields, string fileName, ResourceFormat format,
        Guid partnerId, SponsorshipStats programs, CancellationToken ct)
    {
        string? One(string name) => fields.TryGetValue(name, out var values) ? values.LastOrDefault()?.Trim() : null;
        var v = new Validation();
        var title = One("title") is { Length: > 0 } given ? given : Path.GetFileNameWithoutExtension(fileName);
        var description = One("description") is { Length: > 0 } d ? d : null;
        v.Check(title.Length > 0, "title", "Give the resource a title.").Text("title", title, ResourceLimits.TitleLength)
            .Text("description", description, ResourceLimits.DescriptionLength);

        var type = format.SuggestedType;
        if (One("resourceType") is { Length: > 0 } typeText)
        {
            if (!int.TryParse(typeText, out _) && Enum.TryParse<ResourceType>(typeText, out var t) && Enum.IsDefined(t)) type = t;
            else v.Add("resourceType", $"Choose one of: {string.Join(", ", Enum.GetNames<ResourceType>())}.");
        }

        var targets = new List<Guid>();
        foreach (var text in fields.GetValueOrDefault("targetPrograms") ?? [])
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (Guid.TryParse(part, out var id)) targets.Add(id);
                else v.Add("targetPrograms", $"\"{Clip(part)}\" is not a program id.");
        targets = targets.Distinct().ToList();
        v.Check(targets.Count <= ResourceLimits.MaxTargetPrograms, "targetPrograms", $"Choose at most {ResourceLimits.MaxTargetPrograms} programs.");
        if (targets.Count > 0) await CheckProgramsAsync(v, targets, partnerId, programs, ct);

        var branded = false;
        if (One("brandingApplied") is { Length: > 0 } brandText && !bool.TryParse(brandText, out branded))
            v.Add("brandingApplied", "Send true or false.");
        v.ThrowIfInvalid();
        if (branded && format != ResourceFormats.Pdf)
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["brandingApplied"] = [$"Branding stamps your logo on PDF pages; {fileName} is a {format.Label}. Upload it without branding."],
            }, StatusCodes.Status422UnprocessableEntity);
        return new Fields(title, description, type, targets, branded);
    }

    /// <summary>Every target is one of the partner's own programs; another partner's program reads as unknown.</summary>
    public static async Task CheckProgramsAsync(Validation v, IReadOnlyCollection<Guid> targets, Guid partnerId, SponsorshipStats programs, CancellationToken ct)
    {
        var own = await programs.ProgramNamesAsync(partnerId, ct);
        if (targets.Any(t => !own.ContainsKey(t))) v.Add("targetPrograms", "Choose among your own sponsorship programs.");
    }

    /// <summary>The name without any folder (so "../../etc/passwd" is "passwd"), control characters or characters no file system allows.</summary>
    public static string SafeName(string? raw)
    {
        var name = Path.GetFileName((raw ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim().TrimStart('.');
        if (name.Length == 0) name = "resource";
        if (name.Length > ResourceLimits.FileNameLength)
        {
            var extension = Path.GetExtension(name);
            if (extension.Length > 20) extension = "";
            name = name[..(ResourceLimits.FileNameLength - extension.Length)] + extension;
        }
        return name;
    }

    private static (long Size, string Sha256) Measure(string path)
    {
        using var file = File.OpenRead(path);
        return (file.Length, Convert.ToHexStringLower(SHA256.HashData(file)));
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..39] + "…";
}
