using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

public sealed record LeaveRequest(LeaveReason? Reason, string? Note);

public sealed record LeaveResponse(SponsoredChildSummary Child, LeaveReason Reason, string? Note, DateTime LeftAt,
    ProgramResponse Program, SubstituteOffer Offer);

/// <summary>
/// POST /programs/{id}/children/{studentId}/leave: the child leaves the program (issue 20), graduated (status GRADUATED)
/// or moved school, withdrew or other (status LEFT; other needs a note). Unlike a removal it is never refused for the
/// minimum: the child is gone whatever the partner's count, so a program left below its minimum gets a warning and a
/// substitute offer instead. The place is freed at once (<see cref="SponsoredChild.LeftAt"/>), and the status changes
/// on the tracked entity so the status history (SaveChanges) records it.
/// </summary>
public static class LeaveProgram
{
    public const int MaxNoteLength = 500;

    public static async Task<Ok<LeaveResponse>> Handle(Guid id, Guid studentId, LeaveRequest request, ClaimsPrincipal user,
        AppDbContext db, ProgramStore store, Substitutes substitutes, AuditTrail audit, Notifier notifier,
        IPartnerCountersChanged counters, StatusChangeActor actor, TimeProvider clock, CancellationToken ct)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        new Validation()
            .Check(request.Reason is not null, "reason", "Choose why the child is leaving.")
            .Check(request.Reason != LeaveReason.other || note is not null, "note", "Say why the child is leaving.")
            .Text("note", note, MaxNoteLength)
            .ThrowIfInvalid();

        var partnerId = user.PartnerId();
        var (child, program, _) = await ProgramLock.ForProgramAsync(db, partnerId, id, async () =>
        {
            var program = await store.OwnedAsync(partnerId, id, ct);
            var child = await db.SponsoredChildren.FirstOrDefaultAsync(c => c.ProgramId == id && c.StudentId == studentId
                    && c.Status != SponsoredChildStatus.REMOVED && c.LeftAt == null, ct)
                ?? throw DomainException.NotFound("Sponsored child");
            if (program.Status is not (ProgramStatus.ACTIVE or ProgramStatus.PAUSED))
                throw DomainException.Conflict("invalid_transition",
                    $"Children leave a running program; in a {program.Status} program, remove the child instead.");

            var now = clock.GetUtcNow().UtcDateTime;
            child.Status = request.Reason == LeaveReason.graduated ? SponsoredChildStatus.GRADUATED : SponsoredChildStatus.LEFT;
            (child.LeftAt, child.LeaveReason, child.LeaveNote, child.ReleasedAt) = (now, request.Reason, note, now);
            actor.Because(note is null ? $"Left the program: {request.Reason}." : $"Left the program: {request.Reason} ({note.TrimEnd('.')}).");
            // Only a running program is offered a substitute; a paused one is filled when it resumes, by hand.
            if (program.Status == ProgramStatus.ACTIVE) program.SubstitutesOffered++;
            program.UpdatedAt = now;
            audit.Record(user.UserId(), "program.children.leave", "sponsored_child", child.Id, request.Reason.ToString(), partnerId);
            var name = await db.Students.Where(s => s.Id == studentId)
                .Select(s => StudentDirectory.PrivateName(s.FirstName, s.LastName)).FirstAsync(ct);
            // Queued in the same unit of work: the team hears of the leaving exactly when it is saved.
            await notifier.NotifyPartnerAsync(partnerId, new NotificationDraft(NotificationCategory.program,
                $"{name} left \"{program.Name}\"", LeaveNote(request.Reason!.Value, note, program),
                $"/dashboard/partner/sponsorships/{program.Id}"), ct);
            await db.SaveChangesAsync(ct);
            return (child, program, name);
        }, ct);

        await counters.CountersChangedAsync(partnerId, ct);
        return TypedResults.Ok(new LeaveResponse(
            new SponsoredChildSummary(child.Id, child.StudentId, child.ProgramId, child.Status, child.EnrolledAt),
            request.Reason!.Value, note, child.LeftAt!.Value, await store.DescribeAsync(program, ct), await substitutes.OfferAsync(program, ct)));
    }

    private static string LeaveNote(LeaveReason reason, string? note, SponsorshipProgram program)
    {
        var why = reason switch
        {
            LeaveReason.graduated => "graduated",
            LeaveReason.moved_school => "moved school",
            LeaveReason.withdrew => "withdrew",
            _ => $"left ({note})",
        };
        return program.Status == ProgramStatus.ACTIVE
            ? $"The child {why}. Elimu suggests substitutes on the program page."
            : $"The child {why}.";
    }
}
