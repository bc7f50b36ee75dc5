using Elimu.Api.Partners.Shared;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.ChildData;

public sealed record ChildCohortQuery(Guid? ProgramId, SponsoredChildStatus? Status, CbcGrade? Grade, string? County, string? Search, bool? HasAlert);

/// <summary>
/// One program's group in the cohort view, over every matching child. Minutes and alerts count consented children
/// only (the others' learning is not the partner's to see), with the learning week of <see cref="LearningWeek"/>.
/// </summary>
/// <param name="AverageMinutesThisWeek">Mean of the consented children's minutes this week; null when none is consented.</param>
public sealed record ChildCohortSummary(Guid ProgramId, string ProgramName, int Children, int Consented, decimal? AverageMinutesThisWeek, int Alerts);

public sealed record ChildCohortsResponse(int Total, IReadOnlyList<ChildCohortSummary> Programs);

/// <summary>GET /children/by-program: the cohort view's figures, computed by the server over all matching children. Three queries.</summary>
public static class ChildCohorts
{
    public static async Task<Ok<ChildCohortsResponse>> Handle([AsParameters] ChildCohortQuery q, ClaimsPrincipal user,
        SponsoredChildReader sponsored, ConsentReader consent, ChildLearningGate gate, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var filter = new ChildFilter(q.ProgramId, q.Status, q.Grade, q.County, q.Search, q.HasAlert);
        return TypedResults.Ok(await ComputeAsync(filter, partnerId, NairobiTime.Today(clock), sponsored, consent, gate, ct));
    }

    /// <summary>The figures per program over the children matching <paramref name="filter"/> (the digest uses them too).</summary>
    public static async Task<ChildCohortsResponse> ComputeAsync(ChildFilter filter, Guid partnerId, DateOnly today,
        SponsoredChildReader sponsored, ConsentReader consent, ChildLearningGate gate, CancellationToken ct)
    {
        var matching = ListChildren.Matching(filter, partnerId, today, sponsored, consent, gate);
        var visible = consent.VisibleChildIds(partnerId);
        var rows = await matching
            .Select(c => new { c.ProgramId, c.ProgramName, c.StudentId, Consented = visible.Contains(c.Id) })
            .ToListAsync(ct);

        var (minutes, inactive) = await gate.CohortFiguresAsync(partnerId, matching, today, ct);
        var suspended = await gate.SuspendedProgramsAsync(partnerId, ct);

        var programs = rows.GroupBy(r => (r.ProgramId, r.ProgramName)).Select(g =>
        {
            var seen = g.Where(r => r.Consented).ToList();
            // A program suspended for billing: its consents stand, its figures are not shown.
            decimal? average = seen.Count == 0 || suspended.Contains(g.Key.ProgramId) ? null
                : Math.Round((decimal)seen.Sum(r => minutes.GetValueOrDefault(r.StudentId)) / seen.Count, 1, MidpointRounding.AwayFromZero);
            return new ChildCohortSummary(g.Key.ProgramId, g.Key.ProgramName, g.Count(), seen.Count, average, seen.Count(r => inactive.Contains(r.StudentId)));
        }).OrderBy(p => p.ProgramName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.ProgramId).ToList();
        return new ChildCohortsResponse(rows.Count, programs);
    }
}
