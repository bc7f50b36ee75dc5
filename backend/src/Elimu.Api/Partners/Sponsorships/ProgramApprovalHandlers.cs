using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

public sealed record PendingProgramResponse(ProgramResponse Program, string PartnerName, string PartnerEmail);

/// <summary>The admin's side of the lifecycle: see what waits for approval, approve it or send it back.</summary>
public static class ProgramApprovalHandlers
{
    public static async Task<Ok<Paged<PendingProgramResponse>>> ListPending(int? page, int? pageSize, ProgramStatus? status,
        AppDbContext db, ProgramStore store, PartnerNames partners, CancellationToken ct)
    {
        var wanted = status ?? ProgramStatus.PENDING_APPROVAL;
        var paged = await db.SponsorshipPrograms.Where(p => p.Status == wanted)
            .OrderBy(p => p.SubmittedAt ?? p.UpdatedAt).ThenBy(p => p.Id)
            .Select(p => new { Program = p, Email = p.Partner!.Email })
            .ToPagedAsync(PageRequest.From(page, pageSize), ct);
        var counts = await store.CountsAsync(paged.Items.Select(x => x.Program.Id).ToList(), ct);
        var names = await partners.NamesAsync(paged.Items.Select(x => x.Program.PartnerId), ct);
        return TypedResults.Ok(new Paged<PendingProgramResponse>(paged.Items
            .Select(x => new PendingProgramResponse(ProgramResponse.From(x.Program, counts[x.Program.Id]),
                names.GetValueOrDefault(x.Program.PartnerId)?.Name ?? "", x.Email ?? ""))
            .ToList(), paged.Page, paged.PageSize, paged.Total));
    }

    public static async Task<Ok<ProgramResponse>> Approve(Guid id, ClaimsPrincipal user, AppDbContext db, ProgramStore store,
        AuditTrail audit, Notifier notifier, IPartnerCountersChanged counters, TimeProvider clock, CancellationToken ct)
    {
        // Under the program's lock: the minimum counted here must not race a removal.
        var approved = await ProgramLock.ForProgramAsync(db, id, async () =>
        {
            var program = await FindAsync(db, id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var enrolled = await store.EnrolledCountAsync(id, ct);
            ProgramLifecycle.Apply(program, ProgramLifecycle.Approve, now);
            if (enrolled < program.MinChildren) throw ProgramStatusHandlers.MinimumNotMet(program.MinChildren, enrolled, "approve the program");
            program.ApprovedBy = user.UserId();
            program.ApprovedAt = now;
            audit.Record(user.UserId(), "program.approve", "sponsorship_program", id, "PENDING_APPROVAL -> ACTIVE", program.PartnerId);
            await notifier.NotifyPartnerAsync(program.PartnerId, new NotificationDraft(NotificationCategory.program, $"\"{program.Name}\" is approved",
                "Your program is active. Request consent from the children's guardians to start following their learning.",
                $"/dashboard/partner/sponsorships/{id}"), ct);
            await db.SaveChangesAsync(ct);
            return (program.PartnerId, Response: await store.DescribeAsync(program, ct));
        }, ct);
        // The partner's bell counts the new notification at once.
        await counters.CountersChangedAsync(approved.PartnerId, ct);
        return TypedResults.Ok(approved.Response);
    }

    public static async Task<Ok<ProgramResponse>> Reject(Guid id, StatusChangeRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, AuditTrail audit, Notifier notifier, IPartnerCountersChanged counters, StatusChangeActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        new Validation().Check(!string.IsNullOrWhiteSpace(request.Reason), "reason", "Say why the program is sent back.")
            .Text("reason", request.Reason, InputLimits.LongText).ThrowIfInvalid();
        var program = await FindAsync(db, id, ct);
        ProgramLifecycle.Apply(program, ProgramLifecycle.Reject, clock.GetUtcNow().UtcDateTime);
        program.RejectionReason = request.Reason!.Trim();
        actor.Because(program.RejectionReason);
        audit.Record(user.UserId(), "program.reject", "sponsorship_program", id, program.RejectionReason, program.PartnerId);
        await notifier.NotifyPartnerAsync(program.PartnerId, new NotificationDraft(NotificationCategory.program, $"\"{program.Name}\" needs changes",
            program.RejectionReason, $"/dashboard/partner/sponsorships/{id}"), ct);
        await db.SaveChangesAsync(ct);
        await counters.CountersChangedAsync(program.PartnerId, ct);
        return TypedResults.Ok(await store.DescribeAsync(program, ct));
    }

    private static async Task<SponsorshipProgram> FindAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.SponsorshipPrograms.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("Sponsorship program");
}
