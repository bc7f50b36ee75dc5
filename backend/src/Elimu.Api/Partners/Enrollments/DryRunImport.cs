using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// POST /imports/dry-run: reads the file and says what would become of every row, writing nothing. The partner fixes
/// the file until every row is ok, then sends the same file to /imports/commit.
/// </summary>
public static class DryRunImport
{
    public static async Task<Ok<ImportDryRunResponse>> Handle(HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, IConsentOptOuts optOuts, IImportLock imports, TimeProvider clock, CancellationToken ct)
    {
        // Entered before the body is read, so a second upload of the same partner costs nothing.
        await using var slot = await imports.EnterOrConflictAsync(user.PartnerId(), ct);
        var upload = await ImportUploadForm.ReadAsync(request, ct);
        var plan = await ImportPlan.CheckAsync(db, store, optOuts, clock.GetUtcNow().UtcDateTime, user.PartnerId(), upload.File, upload.ProgramId, ct);
        return TypedResults.Ok(plan.ToResponse());
    }
}
