using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// DELETE /programs/{id}/children/{studentId}: the child is marked REMOVED (the row and its consent history stay).
/// A live program (pending approval or active) may not drop below its minimum; a paused or draft one may. The count and
/// the removal run under the program's lock, so parallel removals cannot each see one child to spare.
/// </summary>
public static class RemoveChild
{
    public static async Task<Ok<ProgramResponse>> Handle(Guid id, Guid studentId, ClaimsPrincipal user, AppDbContext db,
        ProgramStore store, AuditTrail audit, IPartnerCountersChanged counters, StatusChangeActor actor, TimeProvider clock,
        CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var response = await ProgramLock.ForProgramAsync(db, partnerId, id, async () =>
        {
            var program = await store.OwnedAsync(partnerId, id, ct);
            var child = await db.SponsoredChildren.FirstOrDefaultAsync(
                    c => c.ProgramId == id && c.StudentId == studentId && c.Status != SponsoredChildStatus.REMOVED, ct)
                ?? throw DomainException.NotFound("Sponsored child");
            if (ProgramLifecycle.IsEnded(program.Status))
                throw DomainException.Conflict("program_ended", $"Children of a {program.Status} program stay on its record.");

            if (program.Status is ProgramStatus.ACTIVE or ProgramStatus.PENDING_APPROVAL)
            {
                var enrolled = await store.EnrolledCountAsync(id, ct);
                if (enrolled - 1 < program.MinChildren)
                {
                    var error = DomainException.Conflict("min_children_not_met",
                        $"Removing this child would leave {enrolled - 1} children, below this program's minimum of {program.MinChildren}. "
                        + "Add another child first, or pause the program.");
                    error.Extensions["minChildren"] = program.MinChildren;
                    error.Extensions["enrolled"] = enrolled;
                    throw error;
                }
            }

            var now = clock.GetUtcNow().UtcDateTime;
            child.Status = SponsoredChildStatus.REMOVED;
            actor.Because("Removed from the program by the partner.");
            child.RemovedAt = now;
            program.UpdatedAt = now;
            audit.Record(user.UserId(), "program.children.remove", "sponsored_child", child.Id, partnerId: partnerId);
            await db.SaveChangesAsync(ct);
            return await store.DescribeAsync(program, ct);
        }, ct);
        await counters.CountersChangedAsync(partnerId, ct);
        return TypedResults.Ok(response);
    }
}
