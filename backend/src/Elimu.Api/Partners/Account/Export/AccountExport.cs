using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using System.Text.Json;
using CsvHelper;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Account.Export;

/// <summary>
/// GET /api/v1/partner/account/export (owner only): the partner's own records as a ZIP streamed to the browser, one
/// UTF-8 CSV (with BOM, spreadsheet-safe) per table and the profile as JSON. Children are described as the dashboard
/// shows them: unless the guardians consented (and the program runs) only first name, last initial, grade and county
/// (<c>details_shared</c> says which); no learning data at all. The children
/// whose details it reveals are recorded as a read (<c>child.read.export</c>) before the first byte goes out, and the
/// export itself is audited.
/// </summary>
public static class AccountExport
{
    public static RouteGroupBuilder MapAccountExportApi(this RouteGroupBuilder account)
    {
        account.MapGet("/export", Handle).RequireAuthorization(PartnerPolicies.ExportData)
            .WithSummary("Download the partner's own records (ZIP of CSV and JSON).")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        return account;
    }

    public static async Task<IResult> Handle(ClaimsPrincipal user, HttpContext http, AppDbContext db, ConsentReader consent,
        AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var profileId = user.PartnerProfileId();
        // The consented set is fixed here: what is recorded as read is exactly what the file reveals.
        var visible = await consent.Visible(partnerId).Select(c => new { c.Id, c.StudentId }).ToListAsync(ct);
        foreach (var child in visible) consent.RecordShown(partnerId, "export", child.Id, child.StudentId);
        audit.Record(user.UserId(), "account.export", "partner_profile", profileId, $"children with details: {visible.Count}", partnerId);
        await db.SaveChangesAsync(ct);

        var revealed = visible.Select(c => c.Id).ToHashSet();
        var name = $"elimu-export-{NairobiTime.Today(clock):yyyy-MM-dd}.zip";
        // ZipArchive writes synchronously; a buffer in front of the response keeps those writes few and large.
        http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        return TypedResults.Stream(async body =>
        {
            await using var buffered = new BufferedStream(body, 64 * 1024);
            using (var zip = new ZipArchive(buffered, ZipArchiveMode.Create, leaveOpen: true))
            {
                await WriteProfileAsync(zip, db, profileId, ct);
                await WriteCsvAsync(zip, "team.csv", ["user_id", "email", "name", "role", "joined_at"],
                    db.PartnerTeamMembers.Where(m => m.PartnerProfileId == profileId).OrderBy(m => m.CreatedAt)
                        .Select(m => new { m.UserId, m.User!.Email, m.User.FirstName, m.User.LastName, m.Role, m.CreatedAt }),
                    m => [Id(m.UserId), m.Email, $"{m.FirstName} {m.LastName}".Trim(), m.Role.ToString(), Time(m.CreatedAt)], ct);
                await WriteCsvAsync(zip, "programs.csv",
                    ["id", "name", "type", "status", "billing_period", "price_per_child", "currency", "min_children", "max_children",
                        "start_date", "end_date", "created_at"],
                    db.SponsorshipPrograms.Where(p => p.PartnerId == partnerId).OrderBy(p => p.CreatedAt),
                    p => [Id(p.Id), p.Name, p.ProgramType.ToString(), p.Status.ToString(), p.BillingPeriod.ToString(),
                        p.PricePerChild.ToString(CultureInfo.InvariantCulture), p.Currency, Num(p.MinChildren), Num(p.MaxChildren),
                        p.StartDate?.ToString("yyyy-MM-dd"), p.EndDate?.ToString("yyyy-MM-dd"), Time(p.CreatedAt)], ct);
                await WriteCsvAsync(zip, "sponsored_children.csv",
                    ["id", "program_id", "program", "status", "details_shared", "first_name", "last_initial", "last_name", "grade", "county",
                        "school", "enrolled_at", "removed_at"],
                    db.SponsoredChildren.Where(c => c.PartnerId == partnerId).OrderBy(c => c.EnrolledAt).ThenBy(c => c.Id)
                        .Select(c => new { c.Id, c.ProgramId, Program = c.Program!.Name, c.Status, c.Student!.FirstName, c.Student.LastName,
                            c.Student.Grade, c.Student.County, c.Student.School, c.EnrolledAt, c.RemovedAt }),
                    c => revealed.Contains(c.Id)
                        ? [Id(c.Id), Id(c.ProgramId), c.Program, c.Status.ToString(), "yes", c.FirstName, StudentDirectory.Initial(c.LastName), c.LastName,
                            c.Grade.ToString(), c.County, c.School, Time(c.EnrolledAt), Time(c.RemovedAt)]
                        : [Id(c.Id), Id(c.ProgramId), c.Program, c.Status.ToString(), "no", c.FirstName, StudentDirectory.Initial(c.LastName), null,
                            c.Grade.ToString(), c.County, null, Time(c.EnrolledAt), Time(c.RemovedAt)], ct);
                // The guardians' answers, without the guardians' own details (name, signature, address, device).
                await WriteCsvAsync(zip, "consents.csv",
                    ["id", "sponsored_child_id", "requested_at", "answer", "answered_at", "withdrawn_at", "consent_text_version"],
                    db.SponsorshipConsents.Where(k => db.SponsoredChildren.Any(c => c.Id == k.SponsoredChildId && c.PartnerId == partnerId))
                        .OrderBy(k => k.RequestedAt).ThenBy(k => k.Id),
                    k => [Id(k.Id), Id(k.SponsoredChildId), Time(k.RequestedAt),
                        k.RevokedAt is not null ? "withdrawn" : k.ConsentGiven switch { true => "given", false => "refused", _ => "pending" },
                        Time(k.ConsentedAt), Time(k.RevokedAt), k.ConsentTextVersion], ct);
                await WriteCsvAsync(zip, "notifications.csv", ["id", "category", "title", "body", "link", "created_at", "read_at"],
                    db.Notifications.Where(n => n.UserId == partnerId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id),
                    n => [Id(n.Id), n.Category.ToString(), n.Title, n.Body, n.Link, Time(n.CreatedAt), Time(n.ReadAt)], ct);
                await WriteCsvAsync(zip, "audit_log.csv", ["id", "at", "user_id", "action", "entity_type", "entity_id", "ip_address", "details"],
                    db.AuditLog.Where(a => a.PartnerId == partnerId).OrderBy(a => a.At).ThenBy(a => a.Id),
                    a => [Id(a.Id), Time(a.At), a.UserId?.ToString(), a.Action, a.EntityType, a.EntityId, a.IpAddress, a.Details], ct);
            }
        }, "application/zip", name);
    }

    private static async Task WriteProfileAsync(ZipArchive zip, AppDbContext db, Guid profileId, CancellationToken ct)
    {
        var profile = await db.PartnerProfiles.AsNoTracking().Where(p => p.Id == profileId).Select(p => new
        {
            p.Id, p.OrganizationName, p.OrganizationType, p.DisplayName, p.Bio, p.Tagline, p.LogoUrl, p.BannerUrl, p.ContactPerson,
            p.ContactEmail, p.ContactPhone, p.Address, p.Website, p.SocialLinks, p.RegistrationNumber, p.TaxId, p.TaxExempt,
            p.Specializations, p.PartnershipTier, p.BrandingConfig, p.CreatedAt, p.UpdatedAt,
        }).FirstAsync(ct);
        await using var entry = zip.CreateEntry("profile.json", CompressionLevel.Optimal).Open();
        JsonSerializer.Serialize(entry, profile, Json);
    }

    private static async Task WriteCsvAsync<T>(ZipArchive zip, string name, string[] header, IQueryable<T> rows,
        Func<T, string?[]> cells, CancellationToken ct) where T : class
    {
        await using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var csv = SpreadsheetCsv.CreateWriter(entry);
        SpreadsheetCsv.WriteRecord(csv, header);
        await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            SpreadsheetCsv.WriteRecord(csv, cells(row));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static string Id(Guid id) => id.ToString();
    private static string? Num(int? n) => n?.ToString(CultureInfo.InvariantCulture);
    private static string? Time(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture) : null;
}
