using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// Where a sponsored child's consent stands, as a partner may know it. <c>given</c> means the partner may see the child;
/// <c>program_not_active</c> means the guardians agreed but the program is not (or no longer) approved and running.
/// <c>expired</c>: every request went unanswered past its expiry (ConsentRequestOptions.ExpiryDays); the partner may ask again.
/// </summary>
public enum ChildConsentStatus { not_requested, pending, given, declined, revoked, program_not_active, expired }

/// <summary>
/// Answers "may the partner see this child?", the privacy gate of DESIGN.md §3 (rule written in docs/adr/0004).
/// A child is visible when all of these hold:
/// its status is ACTIVE, PAUSED or GRADUATED; its program is ACTIVE or PAUSED; at least one guardian's consent stands;
/// and no guardian's latest answer is a refusal or a withdrawal. Only requests made during the child's current
/// enrolment and after the program's approval count, so a request no admin had reviewed never opens anything.
/// Every child the gate lets a partner see in a request is recorded in <see cref="ReadAudit"/> (one audit entry per request).
/// </summary>
public sealed class ConsentReader(AppDbContext db, EnrolmentReader enrolments, ReadAudit reads, ConsentExpiry expiry)
{
    /// <summary>Statuses in which a child with a standing consent is visible; PENDING_CONSENT and REMOVED never are.</summary>
    public static readonly SponsoredChildStatus[] VisibleStatuses = SponsoredChildStatusChanges.ShownWithConsent;

    /// <summary>
    /// A composable filter: the partner's children whose data may be shown. The one definition of visibility. Composed on
    /// Sponsorships' <see cref="EnrolmentReader"/> rows, so the SQL reads the child and its program, never their entities.
    /// </summary>
    public IQueryable<EnrolmentRow> Visible(Guid partnerId) =>
        enrolments.OfPartner(partnerId).Where(c => VisibleStatuses.Contains(c.Status)
            && ProgramLifecycle.ExposesChildData.Contains(c.ProgramStatus))
        .Where(AnswersAllow);

    /// <summary>The ids of the partner's visible children (of those among <paramref name="ofStudents"/>, if given, and
    /// outside the programs of <paramref name="exceptPrograms"/>: the gate's programs suspended for billing); composable.</summary>
    public IQueryable<Guid> VisibleChildIds(Guid partnerId, IQueryable<Guid>? ofStudents = null, IQueryable<Guid>? exceptPrograms = null) =>
        (ofStudents is null ? Visible(partnerId, exceptPrograms) : Visible(partnerId, exceptPrograms).Where(c => ofStudents.Contains(c.StudentId))).Select(c => c.Id);

    /// <summary>
    /// The partner's children whose guardians' consent stands (<see cref="AnswersAllow"/>), whatever the child's or the
    /// program's status now: who may count in figures about past terms. A refused or withdrawn consent never does. Composable ids.
    /// </summary>
    public IQueryable<Guid> ConsentStandingChildIds(Guid partnerId) => enrolments.OfPartner(partnerId).Where(AnswersAllow).Select(c => c.Id);

    /// <summary>The students behind <see cref="ConsentStandingChildIds"/>; composable.</summary>
    public IQueryable<Guid> ConsentStandingStudentIds(Guid partnerId) => enrolments.OfPartner(partnerId).Where(AnswersAllow).Select(c => c.StudentId);

    /// <summary>The students behind the partner's visible children (outside <paramref name="exceptPrograms"/>), each once; composable.</summary>
    public IQueryable<Guid> VisibleStudentIds(Guid partnerId, IQueryable<Guid>? exceptPrograms = null) =>
        Visible(partnerId, exceptPrograms).Select(c => c.StudentId).Distinct();

    private IQueryable<EnrolmentRow> Visible(Guid partnerId, IQueryable<Guid>? exceptPrograms) =>
        exceptPrograms is null ? Visible(partnerId) : Visible(partnerId).Where(c => !exceptPrograms.Contains(c.ProgramId));

    /// <summary>Records that the partner was shown this child's data in <paramref name="view"/>, once the caller found it in <see cref="VisibleChildIds"/>.</summary>
    public void RecordShown(Guid partnerId, string view, Guid sponsoredChildId, Guid studentId) =>
        reads.Record(partnerId, view, [(sponsoredChildId, studentId)]);

    /// <summary>
    /// The guardians' side of the rule, for any child: a standing consent, and no refusal or withdrawal that the same
    /// guardian has not since replaced with a newer consent. Used by the gate and to set the child's status.
    /// </summary>
    public System.Linq.Expressions.Expression<Func<EnrolmentRow, bool>> AnswersAllow => c =>
        db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.Id && k.RequestedAt >= c.EnrolledAt
            && c.ProgramApprovedAt != null && k.RequestedAt >= c.ProgramApprovedAt
            && k.ConsentGiven == true && k.RevokedAt == null)
        && !db.SponsorshipConsents.Any(no => no.SponsoredChildId == c.Id && no.RequestedAt >= c.EnrolledAt
            && (no.ConsentGiven == false || no.RevokedAt != null)
            && !db.SponsorshipConsents.Any(yes => yes.SponsoredChildId == c.Id && yes.ParentId == no.ParentId
                && yes.ConsentGiven == true && yes.RevokedAt == null && yes.ConsentedAt > (no.RevokedAt ?? no.ConsentedAt)));

    /// <summary>Whether the guardians' answers let the child be seen (program and child status aside).</summary>
    public Task<bool> AnswersAllowAsync(Guid sponsoredChildId, CancellationToken ct) =>
        enrolments.All().Where(c => c.Id == sponsoredChildId).Where(AnswersAllow).AnyAsync(ct);

    /// <summary>
    /// The consent status of each of the partner's children (at most two queries whatever their number; one when the gate
    /// lets the partner see them all). The caller shows the data of the <c>given</c> ones, so they are recorded as read in
    /// <paramref name="view"/>.
    /// </summary>
    public async Task<Dictionary<Guid, ChildConsentStatus>> StatusesAsync(Guid partnerId, IReadOnlyCollection<Guid> childIds, string view,
        CancellationToken ct)
    {
        var ids = childIds.Distinct().ToList();
        var seen = await Visible(partnerId).Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.StudentId }).ToListAsync(ct);
        reads.Record(partnerId, view, seen.Select(c => (c.Id, c.StudentId)));
        var visible = seen.Select(c => c.Id).ToHashSet();
        // Only a hidden child's answers say why it is hidden: a page of active children needs no second query.
        var hidden = ids.Where(id => !visible.Contains(id)).ToList();
        if (hidden.Count == 0) return ids.ToDictionary(id => id, _ => ChildConsentStatus.given);
        var rows = await (
                from k in db.SponsorshipConsents
                where hidden.Contains(k.SponsoredChildId)
                join c in enrolments.All() on k.SponsoredChildId equals c.Id
                where k.RequestedAt >= c.EnrolledAt && c.ProgramApprovedAt != null && k.RequestedAt >= c.ProgramApprovedAt
                select new Answer(k.SponsoredChildId, k.ParentId, k.ConsentGiven, k.ConsentedAt, k.RevokedAt, k.RequestedAt))
            .ToListAsync(ct);
        var byChild = rows.ToLookup(r => r.ChildId);
        var expiredBefore = expiry.ExpiredBefore;
        return ids.ToDictionary(id => id, id => visible.Contains(id) ? ChildConsentStatus.given : Hidden(byChild[id].ToList(), expiredBefore));
    }

    /// <summary>Why a hidden child is hidden, from its guardians' latest answers.</summary>
    private static ChildConsentStatus Hidden(List<Answer> rows, DateTime expiredBefore)
    {
        if (rows.Count == 0) return ChildConsentStatus.not_requested;
        var latest = rows.Where(r => r.Given is not null).GroupBy(r => r.ParentId)
            .Select(g => g.MaxBy(r => r.RevokedAt ?? r.AnsweredAt)!).ToList();
        var refusal = latest.Where(r => r.Given == false || r.RevokedAt is not null).MaxBy(r => r.RevokedAt ?? r.AnsweredAt);
        if (refusal is not null) return refusal.RevokedAt is not null ? ChildConsentStatus.revoked : ChildConsentStatus.declined;
        if (rows.Any(r => r.Given is null && r.RequestedAt >= expiredBefore)) return ChildConsentStatus.pending;
        // Nobody answered before the requests expired.
        if (latest.Count == 0) return rows.Any(r => r.Given is null) ? ChildConsentStatus.expired : ChildConsentStatus.pending;
        // Guardians agreed, yet the gate said no: the program is not approved and running (or the child left it).
        return ChildConsentStatus.program_not_active;
    }

    private sealed record Answer(Guid ChildId, Guid ParentId, bool? Given, DateTime? AnsweredAt, DateTime? RevokedAt, DateTime RequestedAt);
}
