using Elimu.Api.Partners.Shared;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>Children of a program by status at one instant: the end of a Monday-to-Sunday week in Nairobi, or now.</summary>
public sealed record CohortPoint(DateOnly WeekStart, DateTime AsOf, int PendingConsent, int Active, int Removed)
{
    /// <summary>Enrolled and not removed, as the minimum-of-ten rule counts.</summary>
    public int Enrolled => PendingConsent + Active;
}

public sealed record ProgramCohort(Guid ProgramId, string ProgramName, ProgramStatus Status, IReadOnlyList<CohortPoint> Weeks);

public sealed record CohortResponse(int Weeks, IReadOnlyList<ProgramCohort> Programs);

/// <summary>
/// GET /cohorts?programId=&amp;weeks=12: how each program's cohort grew and moved through consent, week by week. There is
/// no status history table, so the past is rebuilt from timestamps: a child counts from enrolled_at; it is REMOVED from
/// removed_at; before that it is ACTIVE while one of its consents is given and not yet revoked, else PENDING_CONSENT.
/// Paused and graduated have no timestamps and count as active or pending by their consent. Three queries.
/// </summary>
public static class CohortTracking
{
    public const int MaxWeeks = 104;

    public static async Task<Ok<CohortResponse>> Handle(Guid? programId, int? weeks, ClaimsPrincipal user, ProgramStore store,
        SponsoredChildReader sponsored, ConsentStats consentStats, TimeProvider clock, CancellationToken ct)
    {
        var count = weeks ?? 12;
        new Validation().Check(count is >= 1 and <= MaxWeeks, "weeks", $"Choose between 1 and {MaxWeeks} weeks.").ThrowIfInvalid();
        var partnerId = user.PartnerId();

        var programs = await store.OfPartnerAsync(partnerId, ct, programId);
        if (programId is not null && programs.Count == 0) throw DomainException.NotFound("Sponsorship program"); // or another partner's
        var children = await sponsored.OfPartner(partnerId).Where(c => programId == null || c.ProgramId == programId)
            .Select(c => new ChildSpan(c.Id, c.ProgramId, c.EnrolledAt, c.RemovedAt)).ToListAsync(ct);
        var consents = await consentStats.GivenSpansAsync(partnerId, programId, ct);

        var instants = WeekEnds(clock, count);
        var byProgram = children.ToLookup(c => c.ProgramId);
        return TypedResults.Ok(new CohortResponse(count, programs.Select(p => new ProgramCohort(p.Id, p.Name, p.Status,
            instants.Select(w => CountAt(w.WeekStart, w.AsOf, byProgram[p.Id], consents)).ToList())).ToList()));
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

    private static CohortPoint CountAt(DateOnly weekStart, DateTime t, IEnumerable<ChildSpan> children, ILookup<Guid, ConsentSpan> consents)
    {
        int pending = 0, active = 0, removed = 0;
        foreach (var c in children)
        {
            if (c.EnrolledAt >= t) continue;
            if (c.RemovedAt is { } r && r < t) { removed++; continue; }
            // A consent from before the current enrolment belongs to an earlier stint (a removed child that rejoined).
            var consented = consents[c.Id].Any(s => s.ConsentedAt >= c.EnrolledAt && s.ConsentedAt < t && (s.RevokedAt is null || s.RevokedAt >= t));
            if (consented) active++; else pending++;
        }
        return new CohortPoint(weekStart, t, pending, active, removed);
    }

    private sealed record ChildSpan(Guid Id, Guid ProgramId, DateTime EnrolledAt, DateTime? RemovedAt);
}
