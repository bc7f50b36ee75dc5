using System.Security.Claims;
using System.Security.Cryptography;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Elimu.Api.Partners.Profiles;

/// <summary>
/// POST, GET and DELETE /account/profile/logo and /banner. The form is read by hand, as the enrollment import does
/// (ImportUploadForm says why), with the body cut off just past <see cref="ProfileImageRules.MaxBytes"/>. The picture is
/// served to the partner's own members only, with an ETag; its URL carries the ETag as ?v=, so a browser may keep it.
/// </summary>
public static class ProfileImages
{
    public const string Path = "/api/v1/partner/account/profile";

    public static string UrlOf(ProfileImageKind kind, string etag) => $"{Path}/{kind}?v={etag[..16]}";

    public static Task<Ok<ProfileImageResponse>> UploadLogo(HttpRequest request, ClaimsPrincipal user, AppDbContext db, AuditTrail audit,
        TimeProvider clock, CancellationToken ct) => UploadAsync(ProfileImageKind.logo, request, user, db, audit, clock, ct);

    public static Task<Ok<ProfileImageResponse>> UploadBanner(HttpRequest request, ClaimsPrincipal user, AppDbContext db, AuditTrail audit,
        TimeProvider clock, CancellationToken ct) => UploadAsync(ProfileImageKind.banner, request, user, db, audit, clock, ct);

    public static Task<IResult> GetLogo(HttpContext http, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        ServeAsync(ProfileImageKind.logo, http, user, db, ct);

    public static Task<IResult> GetBanner(HttpContext http, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        ServeAsync(ProfileImageKind.banner, http, user, db, ct);

    public static Task<NoContent> DeleteLogo(ClaimsPrincipal user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        DeleteAsync(ProfileImageKind.logo, user, db, audit, clock, ct);

    public static Task<NoContent> DeleteBanner(ClaimsPrincipal user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        DeleteAsync(ProfileImageKind.banner, user, db, audit, clock, ct);

    private static async Task<Ok<ProfileImageResponse>> UploadAsync(ProfileImageKind kind, HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var upload = await ReadFileAsync(request, ct);
        var clean = await ProfileImageInspector.CleanAsync(upload, kind, ct);
        var profileId = user.PartnerProfileId();
        var now = clock.GetUtcNow().UtcDateTime;
        var etag = Convert.ToHexStringLower(SHA256.HashData(clean.Content));
        var image = await db.PartnerProfileImages.FirstOrDefaultAsync(i => i.PartnerProfileId == profileId && i.Kind == kind, ct);
        if (image is null) db.PartnerProfileImages.Add(image = new PartnerProfileImage { PartnerProfileId = profileId, Kind = kind });
        image.Content = clean.Content;
        image.ContentType = clean.ContentType;
        image.Width = clean.Width;
        image.Height = clean.Height;
        image.ETag = etag;
        image.UploadedBy = user.UserId();
        image.UploadedAt = now;
        await TouchAsync(db, profileId, kind, now, ct);
        audit.Record(user.UserId(), $"profile.{kind}.upload", "partner_profile", profileId,
            $"{clean.ContentType} {clean.Width}x{clean.Height}, {clean.Content.Length} bytes (uploaded {upload.Length})", user.PartnerId());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ProfileImageResponse(kind, UrlOf(kind, etag), clean.ContentType, clean.Width, clean.Height, clean.Content.Length));
    }

    private static async Task<IResult> ServeAsync(ProfileImageKind kind, HttpContext http, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct)
    {
        var profileId = user.PartnerProfileId();
        var found = await db.PartnerProfileImages.AsNoTracking().Where(i => i.PartnerProfileId == profileId && i.Kind == kind)
            .Select(i => new { i.ETag, i.ContentType }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(kind == ProfileImageKind.logo ? "Logo" : "Banner");
        var etag = new EntityTagHeaderValue($"\"{found.ETag}\"");
        // Private: the picture is served to the partner's own members; a shared cache must not keep it.
        http.Response.Headers.CacheControl = "private, max-age=86400";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            http.Response.Headers.ETag = etag.ToString();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var content = await db.PartnerProfileImages.AsNoTracking().Where(i => i.PartnerProfileId == profileId && i.Kind == kind)
            .Select(i => i.Content).FirstAsync(ct);
        return Results.File(content, found.ContentType, entityTag: etag);
    }

    private static async Task<NoContent> DeleteAsync(ProfileImageKind kind, ClaimsPrincipal user, AppDbContext db, AuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        var profileId = user.PartnerProfileId();
        var removed = await db.PartnerProfileImages.Where(i => i.PartnerProfileId == profileId && i.Kind == kind).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await TouchAsync(db, profileId, kind, clock.GetUtcNow().UtcDateTime, ct);
            audit.Record(user.UserId(), $"profile.{kind}.delete", "partner_profile", profileId, null, user.PartnerId());
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    /// <summary>Keeps the profile's logo_url and banner_url columns (the plan's fields) pointing at the current picture.</summary>
    private static async Task TouchAsync(AppDbContext db, Guid profileId, ProfileImageKind kind, DateTime now, CancellationToken ct)
    {
        var profile = await db.PartnerProfiles.FirstAsync(p => p.Id == profileId, ct);
        var image = db.PartnerProfileImages.Local.FirstOrDefault(i => i.PartnerProfileId == profileId && i.Kind == kind
            && db.Entry(i).State != EntityState.Deleted);
        var url = image is null ? null : UrlOf(kind, image.ETag);
        if (kind == ProfileImageKind.logo)
        {
            profile.LogoUrl = url;
            profile.BrandingConfig = profile.BrandingConfig with { LogoUrl = url };
        }
        else profile.BannerUrl = url;
        profile.UpdatedAt = now;
    }

    private static async Task<byte[]> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) Fail("Send the picture as multipart/form-data, in a field named file.");
        const long slack = 16 * 1024;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = ProfileImageRules.MaxBytes + slack;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = ProfileImageRules.MaxBytes + slack, ValueCountLimit = 4, MultipartHeadersCountLimit = 8,
        }));
        IFormCollection form = FormCollection.Empty;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                                    || (e is InvalidDataException && e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase)))
        {
            TooBig();
        }
        catch (InvalidDataException)
        {
            Fail("The upload could not be read as multipart/form-data.");
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) Fail("Choose a picture to upload.");
        if (file!.Length > ProfileImageRules.MaxBytes) TooBig();
        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

    private static void TooBig() => throw new DomainException(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "The picture is too large.",
        $"Upload a picture of at most {ProfileImageRules.MaxBytes / (1024 * 1024)} MB.")
    {
        Extensions = { ["errors"] = new Dictionary<string, string[]> { ["file"] = [$"The picture is larger than {ProfileImageRules.MaxBytes / (1024 * 1024)} MB."] } },
    };

    private static void Fail(string message) => throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [message] });
}
