using Elimu.Api.Partners.Shared;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// Children of a program by status at one instant: the end of a Monday-to-Sunday week in Nairobi, or now.
/// <see cref="Removed"/>: taken out by the partner; <see cref="Left"/>: every child no longer in the program, removed
/// ones included (and, by name, those whose status became LEFT).
/// </summary>
public sealed record CohortPoint(DateOnly WeekStart, DateTime AsOf, int PendingConsent, int Active, int Removed)
{
    public int Paused { get; init; }
    public int Graduated { get; init; }
    public int Left { get; init; }

    /// <summary>Enrolled and not removed, as the minimum-of-ten rule counts.</summary>
    public int Enrolled => PendingConsent + Active + Paused + Graduated;
}

public sealed record ProgramCohort(Guid ProgramId, string ProgramName, ProgramStatus Status, IReadOnlyList<CohortPoint> Weeks);

public sealed record CohortResponse(int Weeks, IReadOnlyList<ProgramCohort> Programs);

/// <summary>
/// GET /cohorts?programId=&amp;weeks=12: how each program's cohort grew and moved through consent, week by week. A child
/// counts from enrolled_at. Its status history (<see cref="StatusHistoryReader"/>) says when it was PAUSED, GRADUATED or
/// left (LEFT, REMOVED); otherwise it is REMOVED from removed_at, and before that ACTIVE while one of its consents is
/// given and not yet revoked, else PENDING_CONSENT: consent times decide those two, as they did before there was a
/// history, so children enrolled before it (no rows) and after it count alike. Four queries.
/// </summary>
public static class CohortTracking
{
    public const int MaxWeeks = 104;

    public static async Task<Ok<CohortResponse>> Handle(Guid? programId, int? weeks, ClaimsPrincipal user, ProgramStore store,
        SponsoredChildReader sponsored, ConsentStats consentStats, StatusHistoryReader history, TimeProvider clock, CancellationToken ct)
    {
        var count = weeks ?? 12;
        new Validation().Check(count is >= 1 and <= MaxWeeks, "weeks", $"Choose between 1 and {MaxWeeks} weeks.").ThrowIfInvalid();
        var partnerId = user.PartnerId();

        var programs = await store.OfPartnerAsync(partnerId, ct, programId);
        if (programId is not null && programs.Count == 0) throw DomainException.NotFound("Sponsorship program"); // or another partner's
        var children = await sponsored.OfPartner(partnerId).Where(c => programId == null || c.ProgramId == programId)
            .Select(c => new ChildSpan(c.Id, c.ProgramId, c.EnrolledAt, c.RemovedAt)).ToListAsync(ct);
        var consents = await consentStats.GivenSpansAsync(partnerId, programId, ct);
        var changes = await history.OfChildrenAsync(partnerId, programId, ct);

        var instants = WeekEnds(clock, count);
        var byProgram = children.ToLookup(c => c.ProgramId);
        return TypedResults.Ok(new CohortResponse(count, programs.Select(p => new ProgramCohort(p.Id, p.Name, p.Status,
            instants.Select(w => CountAt(w.WeekStart, w.AsOf, byProgram[p.Id], consents, changes)).ToList())).ToList()));
    }

    /// <summary>The last <paramref name="count"/> Monday weeks in Nairobi, oldest first; the current week ends now.</summary>
    private static List<(DateOnly WeekStart, DateTime AsOf)> WeekEnds(TimeProvider clock, int count)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = NairobiTime.Today(clock);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return Enumerable.Range(0, count).Select(i => monday.AddDays(-7 * (count - 1 - i)))
            .Select(start =>
            {
                var end = NairobiTime.StartOfDayUtc(start.AddDays(7));
                return (start, end < now ? end : now);
            }).ToList();
    }

    private static CohortPoint CountAt(DateOnly weekStart, DateTime t, IEnumerable<ChildSpan> children, ILookup<Guid, ConsentSpan> consents,
        ILookup<Guid, StatusChangeRow> changes)
    {
        int pending = 0, active = 0, removed = 0, paused = 0, graduated = 0, left = 0;
        foreach (var c in children)
        {
            if (c.EnrolledAt >= t) continue;
            // The status the history says the child had at t (rows are oldest first); consent decides pending and active.
            var status = changes[c.Id].LastOrDefault(h => h.At < t && h.At >= c.EnrolledAt)?.ToStatus;
            if (status == nameof(SponsoredChildStatus.PAUSED)) { paused++; continue; }
            if (status == nameof(SponsoredChildStatus.GRADUATED)) { graduated++; continue; }
            if (status is not null && status != nameof(SponsoredChildStatus.REMOVED) && StatusHistoryReader.LeftStatuses.Contains(status)) { left++; continue; }
            if ((c.RemovedAt is { } r && r < t) || status == nameof(SponsoredChildStatus.REMOVED)) { removed++; left++; continue; }
            // A consent from before the current enrolment belongs to an earlier stint (a removed child that rejoined).
            var consented = consents[c.Id].Any(s => s.ConsentedAt >= c.EnrolledAt && s.ConsentedAt < t && (s.RevokedAt is null || s.RevokedAt >= t));
            if (consented) active++; else pending++;
        }
        return new CohortPoint(weekStart, t, pending, active, removed) { Paused = paused, Graduated = graduated, Left = left };
    }

    private sealed record ChildSpan(Guid Id, Guid ProgramId, DateTime EnrolledAt, DateTime? RemovedAt);
}
