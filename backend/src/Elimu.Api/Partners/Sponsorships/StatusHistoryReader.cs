using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>A status change as other sections read it (the child's timeline, the cohort history).</summary>
public sealed record StatusChangeRow(Guid SubjectId, string? FromStatus, string ToStatus, DateTime At, Guid? ActorUserId, string Actor, string? Reason);

/// <summary>
/// Sponsorships' read answer for the status history (<see cref="SponsorshipStatusChange"/>): a child's changes, and the
/// changes of a partner's children for the cohort chart. The caller has checked the partner owns what it asks about.
/// </summary>
public sealed class StatusHistoryReader(AppDbContext db)
{
    /// <summary>Names of statuses that mean the child left the program: LEFT (a child who left) and REMOVED (taken out by the partner).</summary>
    public static readonly IReadOnlySet<string> LeftStatuses = new HashSet<string>(StringComparer.Ordinal) { "LEFT", nameof(SponsoredChildStatus.REMOVED) };

    /// <summary>Every status change of the partner's child, oldest first. One query.</summary>
    public Task<List<StatusChangeRow>> OfChildAsync(Guid partnerId, Guid sponsoredChildId, CancellationToken ct) =>
        Rows(db.SponsorshipStatusChanges.Where(h => h.Subject == StatusSubject.child && h.SubjectId == sponsoredChildId && h.PartnerId == partnerId))
            .ToListAsync(ct);

    /// <summary>The status changes of the partner's children (of one program, or all), by child, oldest first. One query.</summary>
    public async Task<ILookup<Guid, StatusChangeRow>> OfChildrenAsync(Guid partnerId, Guid? programId, CancellationToken ct) =>
        (await Rows(db.SponsorshipStatusChanges.Where(h => h.Subject == StatusSubject.child && h.PartnerId == partnerId
                && (programId == null || h.ProgramId == programId))).ToListAsync(ct))
        .ToLookup(r => r.SubjectId);

    /// <summary>Every status change of the partner's program, oldest first. One query.</summary>
    public Task<List<StatusChangeRow>> OfProgramAsync(Guid partnerId, Guid programId, CancellationToken ct) =>
        Rows(db.SponsorshipStatusChanges.Where(h => h.Subject == StatusSubject.program && h.SubjectId == programId && h.PartnerId == partnerId))
            .ToListAsync(ct);

    private static IQueryable<StatusChangeRow> Rows(IQueryable<SponsorshipStatusChange> rows) =>
        rows.AsNoTracking().OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new StatusChangeRow(h.SubjectId, h.FromStatus, h.ToStatus, h.At, h.ActorUserId, h.Actor, h.Reason));
}
