using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// POST /imports/commit: checks the file again (the data may have moved since the dry run) and adds every row or none.
/// The check and the save run under the lock of the partner's programs (<see cref="ProgramLock"/>), so parallel commits
/// cannot pass a program's max_children together; the children, the programs' timestamps and the audit row are one transaction.
/// </summary>
public static class CommitImport
{
    public static async Task<Ok<ImportCommitResponse>> Handle(HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, IConsentOptOuts optOuts, AuditTrail audit, IPartnerCountersChanged counters,
        TimeProvider clock, IImportLock imports, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        await using var slot = await imports.EnterOrConflictAsync(partnerId, ct);
        var upload = await ImportUploadForm.ReadAsync(request, ct);
        var response = await ProgramLock.ForPartnerAsync(db, partnerId, async () =>
        {
            var plan = await ImportPlan.CheckAsync(db, store, optOuts, clock.GetUtcNow().UtcDateTime, partnerId, upload.File, upload.ProgramId, ct);
            if (plan.HasErrors)
            {
                var errorRows = plan.Rows.Where(r => r.Outcome != ImportOutcome.Ok).ToList();
                var error = new DomainException(StatusCodes.Status422UnprocessableEntity, "import_has_errors",
                    "Some rows cannot be imported; nothing was added.",
                    $"{errorRows.Count} of {plan.Rows.Count} rows were refused. Fix or drop them and upload the file again.");
                // Only the refused rows: a 20,000-row file with one typo should not send 20,000 rows back.
                error.Extensions["totalRows"] = plan.Rows.Count;
                error.Extensions["okRows"] = plan.OkRows;
                error.Extensions["errorRows"] = errorRows.Count;
                error.Extensions["rows"] = errorRows;
                throw error;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var added = plan.Apply(db, partnerId, now);
            var programs = plan.ByProgram.Where(p => p.Adding > 0).ToList();
            audit.Record(user.UserId(), "enrollments.import", "sponsorship_program", programs.Count == 1 ? programs[0].ProgramId : null,
                $"{upload.File.FileName}: {added} children ({string.Join("; ", programs.Select(p => $"{p.ProgramName}: {p.Adding}"))})");
            await db.SaveChangesAsync(ct);
            return new ImportCommitResponse(added, plan.ByProgram);
        }, ct);
        await counters.CountersChangedAsync(partnerId, ct);
        return TypedResults.Ok(response);
    }
}
