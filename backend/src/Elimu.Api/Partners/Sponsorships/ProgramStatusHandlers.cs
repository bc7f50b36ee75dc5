using Elimu.Api.Partners.Shared;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>The partner's lifecycle actions: submit, pause, resume, complete, cancel.</summary>
public static class ProgramStatusHandlers
{
    public static Task<Ok<ProgramResponse>> Submit(Guid id, ClaimsPrincipal user, AppDbContext db, ProgramStore store,
        AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        Change(id, ProgramLifecycle.Submit, user, db, store, audit, clock, ct, async program =>
        {
            var enrolled = await store.EnrolledCountAsync(program.Id, ct);
            if (enrolled < program.MinChildren) throw MinimumNotMet(program.MinChildren, enrolled, "submit the program");
            program.RejectionReason = null;
            program.SubmittedAt = program.UpdatedAt;
        });

    public static Task<Ok<ProgramResponse>> Pause(Guid id, ClaimsPrincipal user, AppDbContext db, ProgramStore store,
        AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        Change(id, ProgramLifecycle.Pause, user, db, store, audit, clock, ct);

    public static Task<Ok<ProgramResponse>> Resume(Guid id, ClaimsPrincipal user, AppDbContext db, ProgramStore store,
        AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        Change(id, ProgramLifecycle.Resume, user, db, store, audit, clock, ct, async program =>
        {
            // A paused program may have shrunk below the minimum; it cannot go live again like that.
            var enrolled = await store.EnrolledCountAsync(program.Id, ct);
            if (enrolled < program.MinChildren) throw MinimumNotMet(program.MinChildren, enrolled, "resume the program");
        });

    public static Task<Ok<ProgramResponse>> Complete(Guid id, ClaimsPrincipal user, AppDbContext db, ProgramStore store,
        AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        Change(id, ProgramLifecycle.Complete, user, db, store, audit, clock, ct);

    public static Task<Ok<ProgramResponse>> Cancel(Guid id, ClaimsPrincipal user, AppDbContext db, ProgramStore store,
        AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        Change(id, ProgramLifecycle.Cancel, user, db, store, audit, clock, ct);

    public static DomainException MinimumNotMet(int minimum, int enrolled, string action)
    {
        var missing = minimum - enrolled;
        var error = DomainException.Conflict("min_children_not_met",
            $"This program needs at least {minimum} children to {action}; {enrolled} enrolled, {missing} more needed.");
        error.Extensions["minChildren"] = minimum;
        error.Extensions["enrolled"] = enrolled;
        error.Extensions["missing"] = missing;
        return error;
    }

    private static async Task<Ok<ProgramResponse>> Change(Guid id, string action, ClaimsPrincipal user, AppDbContext db,
        ProgramStore store, AuditTrail audit, TimeProvider clock, CancellationToken ct, Func<SponsorshipProgram, Task>? guard = null)
    {
        var partnerId = user.PartnerId();
        // Under the program's lock: a submit or resume counting the minimum must not race a removal.
        return TypedResults.Ok(await ProgramLock.ForProgramAsync(db, partnerId, id, async () =>
        {
            var program = await store.OwnedAsync(partnerId, id, ct);
            var from = program.Status;
            var now = clock.GetUtcNow().UtcDateTime;
            ProgramLifecycle.Apply(program, action, now);
            if (guard is not null) await guard(program);
            if (ProgramLifecycle.IsEnded(program.Status)) await ReleaseChildrenAsync(db, program.Id, now, ct);
            audit.Record(user.UserId(), $"program.{action}", "sponsorship_program", program.Id, $"{from} -> {program.Status}", partnerId);
            await db.SaveChangesAsync(ct);
            return await store.DescribeAsync(program, ct);
        }, ct));
    }

    /// <summary>
    /// An ended program frees its children's places, so the partner (or another) can sponsor them again; the rows stay
    /// for the record. Inside the program's lock and transaction, so the release and the status change land together.
    /// </summary>
    private static Task<int> ReleaseChildrenAsync(AppDbContext db, Guid programId, DateTime now, CancellationToken ct) =>
        db.SponsoredChildren.Where(c => c.ProgramId == programId && c.ReleasedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReleasedAt, now), ct);
}
