using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Profiles;

/// <summary>GET, PUT and PATCH /api/v1/partner/account/profile: the organisation's own profile, read by any member, edited by owners.</summary>
public static class ProfileHandlers
{
    public static async Task<Ok<ProfileResponse>> Get(ClaimsPrincipal user, AppDbContext db, IPartnerPrograms programs, CancellationToken ct) =>
        TypedResults.Ok(await DescribeAsync(db, programs, user, await OwnAsync(db, user, ct), ct));

    /// <summary>Replaces every editable field; a field left out is cleared (PATCH changes only what it names).</summary>
    public static async Task<Ok<ProfileResponse>> Put(ProfileRequest request, ClaimsPrincipal user, AppDbContext db, IPartnerPrograms programs,
        AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var profile = await OwnAsync(db, user, ct);
        return TypedResults.Ok(await SaveAsync(profile, request, user, db, programs, audit, clock, ct));
    }

    /// <summary>A JSON merge patch (RFC 7396) over the current profile: named fields change, nested objects merge, null clears.</summary>
    public static async Task<Ok<ProfileResponse>> Patch(JsonElement patch, ClaimsPrincipal user, AppDbContext db, IPartnerPrograms programs,
        AuditTrail audit, TimeProvider clock, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (patch.ValueKind != JsonValueKind.Object)
            throw new ValidationFailedException(new Dictionary<string, string[]> { [""] = ["Send a JSON object with the fields to change."] });
        var options = json.Value.SerializerOptions;
        var profile = await OwnAsync(db, user, ct);
        var merged = JsonSerializer.SerializeToNode(ProfileValidation.ToRequest(profile), options)!.AsObject();
        var unknown = new List<string>();
        Merge(merged, JsonObject.Create(patch)!, "", unknown);
        if (unknown.Count > 0)
            throw new ValidationFailedException(unknown.ToDictionary(f => f, _ => new[] { "This field does not exist or is not changed here." }));
        ProfileRequest request;
        try
        {
            request = merged.Deserialize<ProfileRequest>(options)!;
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path[2..] : "";
            throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = ["This value is not valid here."] });
        }
        return TypedResults.Ok(await SaveAsync(profile, request, user, db, programs, audit, clock, ct));
    }

    private static async Task<ProfileResponse> SaveAsync(PartnerProfile profile, ProfileRequest request, ClaimsPrincipal user, AppDbContext db,
        IPartnerPrograms programs, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var before = ProfileValidation.ToRequest(profile);
        ProfileValidation.Apply(profile, request);
        var changed = ChangedFields(before, ProfileValidation.ToRequest(profile));
        if (changed.Count > 0)
        {
            profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(user.UserId(), "profile.update", "partner_profile", profile.Id, "changed " + string.Join(", ", changed), user.PartnerId());
            await db.SaveChangesAsync(ct);
        }
        return await DescribeAsync(db, programs, user, profile, ct);
    }

    /// <summary>The signed-in member's organisation: the id comes from their membership, so no id in a URL can name another's.</summary>
    internal static async Task<PartnerProfile> OwnAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.PartnerProfileId();
        return await db.PartnerProfiles.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("Partner profile");
    }

    internal static async Task<ProfileResponse> DescribeAsync(AppDbContext db, IPartnerPrograms programs, ClaimsPrincipal user,
        PartnerProfile p, CancellationToken ct)
    {
        var images = await db.PartnerProfileImages.Where(i => i.PartnerProfileId == p.Id)
            .Select(i => new { i.Kind, i.ETag }).ToListAsync(ct);
        string? UrlOf(ProfileImageKind kind) =>
            images.FirstOrDefault(i => i.Kind == kind) is { } i ? ProfileImages.UrlOf(kind, i.ETag) : null;
        var logo = UrlOf(ProfileImageKind.logo);
        var onboarding = await Onboarding.StateAsync(db, programs, p, logo is not null, ct);
        var canEdit = PartnerPolicies.RolesAllowed[PartnerPolicies.EditProfile].Any(r => r.ToString() == user.PartnerRole());
        return new ProfileResponse(p.Id, p.OrganizationName, p.OrganizationType, p.DisplayName, p.Bio, p.Tagline, logo,
            UrlOf(ProfileImageKind.banner), p.ContactPerson, p.ContactEmail, p.ContactPhone, p.Address, p.Website, p.SocialLinks,
            p.RegistrationNumber, p.TaxId, p.TaxExempt, p.Specializations, p.PartnershipTier, p.BrandingConfig with { LogoUrl = logo },
            p.VerificationStatus, p.VerificationNote, p.VerifiedAt, onboarding, canEdit, BrandColors.Warnings(p.BrandingConfig),
            p.CreatedAt, p.UpdatedAt);
    }

    /// <summary>Merges <paramref name="patch"/> into <paramref name="target"/>; a name the profile has no field for is listed in <paramref name="unknown"/>.</summary>
    private static void Merge(JsonObject target, JsonObject patch, string prefix, List<string> unknown)
    {
        foreach (var (key, value) in patch.ToList())
        {
            var name = target.Select(t => t.Key).FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (name is null) unknown.Add(prefix + key);
            else if (value is JsonObject inner && target[name] is JsonObject existing) Merge(existing, inner, $"{prefix}{name}.", unknown);
            else target[name] = value?.DeepClone();
        }
    }

    private static List<string> ChangedFields(ProfileRequest a, ProfileRequest b)
    {
        var (x, y) = (JsonSerializer.SerializeToNode(a)!.AsObject(), JsonSerializer.SerializeToNode(b)!.AsObject());
        return x.Where(p => !JsonNode.DeepEquals(p.Value, y[p.Key])).Select(p => p.Key).ToList();
    }
}
