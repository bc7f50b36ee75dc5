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

public enum ChildSort { name, enrolled_at, grade, status }

public sealed record ChildListQuery(Guid? ProgramId, SponsoredChildStatus? Status, CbcGrade? Grade, string? County,
    string? Search, bool? HasAlert, ChildSort? Sort, bool? Descending, int? Page, int? PageSize);

/// <summary>The filters of the children pages, shared by the list and the cohort figures.</summary>
public sealed record ChildFilter(Guid? ProgramId, SponsoredChildStatus? Status, CbcGrade? Grade, string? County, string? Search, bool? HasAlert);

/// <summary>GET /children: the partner's sponsored children across programs, each named and summarised as consent allows.</summary>
public static class ListChildren
{
    public static async Task<Ok<Paged<SponsoredChildResponse>>> Handle([AsParameters] ChildListQuery q, ClaimsPrincipal user,
        SponsoredChildReader sponsored, ConsentReader consent, ChildLearningGate gate, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var today = NairobiTime.Today(clock);
        var children = Matching(new ChildFilter(q.ProgramId, q.Status, q.Grade, q.County, q.Search, q.HasAlert), partnerId, today, sponsored, consent, gate);

        var desc = q.Descending == true;
        var ordered = (q.Sort ?? ChildSort.name) switch
        {
            ChildSort.enrolled_at => desc ? children.OrderByDescending(c => c.EnrolledAt) : children.OrderBy(c => c.EnrolledAt),
            ChildSort.grade => desc ? children.OrderByDescending(c => c.Grade) : children.OrderBy(c => c.Grade),
            ChildSort.status => desc ? children.OrderByDescending(c => c.Status) : children.OrderBy(c => c.Status),
            _ => desc ? children.OrderByDescending(c => c.FirstName) : children.OrderBy(c => c.FirstName),
        };
        // The page in two steps: its ids in order, from the indexes alone (the partner's children by status, and each
        // one's sort and filter keys from the students' covering index), then only those rows with their program.
        var page = PageRequest.From(q.Page, q.PageSize);
        var total = await children.CountAsync(ct);
        var ids = await ordered.ThenBy(c => c.Id).Select(c => c.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var rows = (await sponsored.OfPartner(partnerId).Where(c => ids.Contains(c.Id))
            .Select(c => new Row(c.Id, c.StudentId, c.ProgramId, c.ProgramName, c.Status, c.FirstName, c.LastName,
                c.Grade, c.County, c.School, c.EnrolledAt, c.RemovedAt))
            .ToListAsync(ct)).ToDictionary(r => r.Id);
        var paged = new Paged<Row>(ids.Select(id => rows[id]).ToList(), page.Page, page.PageSize, total);

        var (statuses, figures, _) = await gate.CardsAsync(partnerId, paged.Items.Select(c => (c.Id, c.StudentId, c.ProgramId)).ToList(), "list", today, ct);
        var items = paged.Items.Select(c => Describe(c, statuses[c.Id], figures.GetValueOrDefault(c.StudentId))).ToList();
        return TypedResults.Ok(new Paged<SponsoredChildResponse>(items, paged.Page, paged.PageSize, paged.Total));
    }

    /// <summary>The partner's children that match the filters: the one definition the list and the cohort figures share.</summary>
    internal static IQueryable<SponsoredChildRow> Matching(ChildFilter f, Guid partnerId, DateOnly today, SponsoredChildReader sponsored,
        ConsentReader consent, ChildLearningGate gate)
    {
        var children = sponsored.OfPartner(partnerId);
        if (f.ProgramId is { } programId) children = children.Where(c => c.ProgramId == programId);
        children = f.Status is { } status ? children.Where(c => c.Status == status) : children.Where(c => c.Status != SponsoredChildStatus.REMOVED && c.Status != SponsoredChildStatus.LEFT);
        if (f.Grade is { } grade) children = children.Where(c => c.Grade == grade);
        if (!string.IsNullOrWhiteSpace(f.County)) children = children.Where(c => c.County == f.County);
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            // Before consent only the first name is known to the partner, so only consented children match on last name.
            var term = f.Search.Trim().ToLower();
            var visible = consent.VisibleChildIds(partnerId);
            children = children.Where(c => c.FirstName.ToLower().Contains(term)
                || (visible.Contains(c.Id) && c.LastName.ToLower().Contains(term)));
        }
        if (f.HasAlert is { } alert)
        {
            var alerting = gate.AlertingChildIds(partnerId, today);
            children = alert ? children.Where(c => alerting.Contains(c.Id)) : children.Where(c => !alerting.Contains(c.Id));
        }
        return children;
    }

    private static SponsoredChildResponse Describe(Row c, ChildConsentStatus consent, StudentCardFigures? figures)
    {
        var visible = consent == ChildConsentStatus.given;
        var initial = StudentDirectory.Initial(c.LastName);
        return new(c.Id, c.StudentId, c.ProgramId, c.ProgramName, c.Status, consent,
            StudentDirectory.NameFor(c.FirstName, c.LastName, visible),
            c.FirstName, initial, visible ? c.LastName : null, c.Grade, c.County, visible ? c.School : null,
            c.EnrolledAt, c.RemovedAt, visible && figures is not null ? Summarise(figures) : null);
    }

    private static ChildProgressSummary Summarise(StudentCardFigures f)
    {
        var trend = f.MinutesThisWeek > f.MinutesLastWeek * 1.1 ? "up" : f.MinutesThisWeek < f.MinutesLastWeek * 0.9 ? "down" : "flat";
        return new(f.MinutesThisWeek, f.MinutesLastWeek, trend, f.LastActiveAt, f.AverageScore, f.Inactive, f.Engagement);
    }

    private sealed record Row(Guid Id, Guid StudentId, Guid ProgramId, string ProgramName, SponsoredChildStatus Status,
        string FirstName, string LastName, CbcGrade Grade, string County, string School, DateTime EnrolledAt, DateTime? RemovedAt);
}
