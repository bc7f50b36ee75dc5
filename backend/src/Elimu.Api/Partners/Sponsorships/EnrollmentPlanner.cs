using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// Decides, for a batch of student ids, which can join a program and why the others cannot. Used by the bulk add and
/// by file imports; four queries whatever the batch size. A student whose guardian recently said no to any partner
/// (<see cref="IConsentOptOuts"/>) is refused as "not_available", without saying why: available-students does not offer
/// them, and a partner that knows their id or admission number cannot enrol them (and ask that guardian again) either.
/// </summary>
public sealed class EnrollmentPlanner
{
    public List<RefusedStudent> Refused { get; } = [];
    private readonly List<Guid> _new = [];
    private readonly List<SponsoredChild> _rejoining = [];
    private SponsorshipProgram _program = null!;

    /// <summary>For a section that names the program by id (an import): the program is usually tracked already (<see cref="ProgramStore.OfPartnerAsync"/>).</summary>
    public static async Task<EnrollmentPlanner> PlanAsync(AppDbContext db, Guid programId, IReadOnlyList<Guid> studentIds,
        IConsentOptOuts optOuts, DateTime now, CancellationToken ct) =>
        await PlanAsync(db, db.SponsorshipPrograms.Local.FirstOrDefault(p => p.Id == programId)
            ?? await db.SponsorshipPrograms.FirstAsync(p => p.Id == programId, ct), studentIds, optOuts, now, ct);

    public static async Task<EnrollmentPlanner> PlanAsync(AppDbContext db, SponsorshipProgram program, IReadOnlyList<Guid> studentIds,
        IConsentOptOuts optOuts, DateTime now, CancellationToken ct)
    {
        var plan = new EnrollmentPlanner { _program = program };
        var distinct = studentIds.Distinct().ToList();
        var existing = (await db.Students.Where(s => distinct.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var sponsored = await db.SponsoredChildren
            .Where(c => c.PartnerId == program.PartnerId && distinct.Contains(c.StudentId))
            .Select(c => new { Child = c, ProgramName = c.Program!.Name, ProgramEnded = SponsorshipHolds.Ended.Contains(c.Program.Status) })
            .ToListAsync(ct);
        var enrolled = await db.SponsoredChildren.CountAsync(c => c.ProgramId == program.Id && c.Status != SponsoredChildStatus.REMOVED && c.LeftAt == null, ct);
        var declined = (await optOuts.OptedOutStudentIds(now).Where(id => distinct.Contains(id)).Distinct().ToListAsync(ct)).ToHashSet();

        var seen = new HashSet<Guid>();
        var accepted = new List<Guid>();
        foreach (var studentId in studentIds)
        {
            if (!seen.Add(studentId)) { plan.Refuse(studentId, "duplicate_in_request", "This student appears more than once."); continue; }
            if (!existing.Contains(studentId)) { plan.Refuse(studentId, "not_found", "No such student."); continue; }
            var mine = sponsored.Where(s => s.Child.StudentId == studentId).ToList();
            var here = mine.FirstOrDefault(s => s.Child.ProgramId == program.Id)?.Child;
            if (here is { Status: not SponsoredChildStatus.REMOVED, LeftAt: null })
            { plan.Refuse(studentId, "already_in_program", "Already in this program."); continue; }
            // A child of an ended (completed or cancelled) program, or who left one, is free to be sponsored again.
            var elsewhere = mine.FirstOrDefault(s => s.Child.ProgramId != program.Id && s.Child.Status != SponsoredChildStatus.REMOVED
                && s.Child.LeftAt == null && !s.ProgramEnded);
            if (elsewhere is not null)
            { plan.Refuse(studentId, "in_another_program", $"Already sponsored in your program \"{elsewhere.ProgramName}\"."); continue; }
            if (declined.Contains(studentId)) { plan.Refuse(studentId, "not_available", "This student cannot be sponsored now."); continue; }
            accepted.Add(studentId);
            if (here is not null) plan._rejoining.Add(here); else plan._new.Add(studentId);
        }

        if (program.MaxChildren is { } max && enrolled + accepted.Count > max)
        {
            var room = Math.Max(0, max - enrolled);
            foreach (var over in accepted.Skip(room))
                plan.Refuse(over, "over_max_children", $"The program holds at most {max} children and has {enrolled}.");
        }
        return plan;
    }

    private void Refuse(Guid id, string reason, string message) => Refused.Add(new RefusedStudent(id, reason, message));

    /// <summary>Adds the accepted students to the unit of work and marks the program changed when any; returns how many.</summary>
    public int Enroll(AppDbContext db, Guid partnerId, DateTime now)
    {
        var added = Apply(db, partnerId, now).Count;
        if (added > 0) _program.UpdatedAt = now;
        return added;
    }

    /// <summary>Adds the accepted students (a removed child, or one who left, rejoins in the same row) and returns them.</summary>
    public List<SponsoredChild> Apply(AppDbContext db, Guid partnerId, DateTime now)
    {
        var added = _new.Select(studentId => new SponsoredChild
        {
            ProgramId = _program.Id, StudentId = studentId, PartnerId = partnerId,
            Status = SponsoredChildStatus.PENDING_CONSENT, EnrolledAt = now,
        }).ToList();
        db.SponsoredChildren.AddRange(added);
        foreach (var child in _rejoining)
        {
            child.Status = SponsoredChildStatus.PENDING_CONSENT;
            child.EnrolledAt = now;
            child.RemovedAt = null;
            if (child.LeftAt is not null)
                (child.LeftAt, child.LeaveReason, child.LeaveNote, child.ReleasedAt) = (null, null, null, null);
        }
        return [.. added, .. _rejoining];
    }
}
