using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// POST /programs/{id}/children: up to 500 students, all or nothing; every refused id comes back with its reason.
/// The check and the insert run under the program's lock, so parallel adds cannot pass max_children together.
/// </summary>
public static class AddChildren
{
    public const int MaxPerRequest = 500;

    public static async Task<Ok<AddChildrenResponse>> Handle(Guid id, AddChildrenRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, IConsentOptOuts optOuts, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var ids = request.StudentIds ?? [];
        new Validation()
            .Check(ids.Count > 0, "studentIds", "Choose at least one student.")
            .Check(ids.Count <= MaxPerRequest, "studentIds", $"Add at most {MaxPerRequest} students at a time.")
            .ThrowIfInvalid();

        var partnerId = user.PartnerId();
        return TypedResults.Ok(await ProgramLock.ForProgramAsync(db, partnerId, id, async () =>
        {
            var program = await store.OwnedAsync(partnerId, id, ct);
            if (ProgramLifecycle.IsEnded(program.Status))
                throw DomainException.Conflict("program_ended", $"A {program.Status} program takes no more children.");

            var plan = await EnrollmentPlanner.PlanAsync(db, program, ids, optOuts, clock.GetUtcNow().UtcDateTime, ct);
            if (plan.Refused.Count > 0)
            {
                var error = new DomainException(StatusCodes.Status422UnprocessableEntity, "children_refused",
                    "Some students cannot be added; nothing was added.",
                    $"{plan.Refused.Count} of {ids.Count} students were refused. Fix or drop them and try again.");
                error.Extensions["refused"] = plan.Refused;
                throw error;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var added = plan.Apply(db, partnerId, now);
            audit.Record(user.UserId(), "program.children.add", "sponsorship_program", program.Id, $"{added.Count} children", partnerId);
            program.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            var counts = (await store.CountsAsync([program.Id], ct))[program.Id];
            return new AddChildrenResponse(
                added.Select(c => new SponsoredChildSummary(c.Id, c.StudentId, c.ProgramId, c.Status, c.EnrolledAt)).ToList(), counts);
        }, ct));
    }
}
