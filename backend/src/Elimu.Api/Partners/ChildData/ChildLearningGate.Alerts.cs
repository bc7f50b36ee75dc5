using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Insights;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.ChildData;

/// <summary>A monitored child as the alert thresholds measure it (Alerts' scan); nothing here is shown without the gate's say.</summary>
/// <param name="LastActiveDay">The last Nairobi day with a session within the look-back asked for; null when none in it.</param>
/// <param name="Assessments">Days with assessments within the look-back asked for: day, count, score sum in hundredths.</param>
/// <param name="Goals">Each partner goal with its progress as the goals view measures it today.</param>
public sealed record ChildAlertFigures(Guid ChildId, Guid StudentId, Guid ProgramId, DateOnly? LastActiveDay, int MinutesThisWeek,
    IReadOnlyList<(DateOnly Day, int Count, long ScoreHundredths)> Assessments, IReadOnlyList<ChildGoalStanding> Goals);

/// <summary>A goal's progress: reached or not, percent done, days to its due date (negative once past; null without one).</summary>
public sealed record ChildGoalStanding(string Kind, string Target, bool Achieved, int Percent, int? DaysLeft);

/// <summary>A child of the partner as the alerts page names it.</summary>
public sealed record MonitoredChildName(Guid ChildId, Guid StudentId, string FirstName, string LastName, Guid ProgramId, string ProgramName);

public sealed partial class ChildLearningGate
{
    /// <summary>
    /// The figures every monitored child's alerts are measured on, in a fixed number of queries whatever the number of
    /// children: the children with their goals, three rollup aggregates, and (only for children with goals) the goals
    /// measured with the goals view's own calculator. A child whose consent is withdrawn, or whose program is not running
    /// or is suspended for billing, is not among them. Not recorded as a read: the scan is a job, nobody is shown anything.
    /// </summary>
    public async Task<List<ChildAlertFigures>> AlertFiguresAsync(Guid partnerId, DateOnly today, int activeDays, int assessedDays, CancellationToken ct)
    {
        var kids = await children.WithGoalsAsync(partnerId, MonitoredChildIds(partnerId), ct);
        if (kids.Count == 0) return [];
        var figures = await learning.AlertFiguresAsync(VisibleStudents(partnerId), today, activeDays, assessedDays, ct);
        var withGoals = kids.Where(k => k.Goals.Count > 0).ToList();
        var measured = withGoals.Count == 0 ? []
            : await terms.ForStudentsAsync([.. withGoals.Select(k => new TermStudent(k.StudentId, Specs(k.Goals, k.EnrolledAt)))], today, today, ct);
        return [.. kids.Select(k =>
        {
            var f = figures.GetValueOrDefault(k.StudentId);
            var goals = measured.TryGetValue(k.StudentId, out var term)
                ? term.Goals.Select(g => new ChildGoalStanding(g.Kind, g.Target, g.Status == GoalStatus.achieved, g.Percent, g.DaysLeft)).ToList()
                : [];
            return new ChildAlertFigures(k.Id, k.StudentId, k.ProgramId, f?.LastActiveDay, f?.MinutesThisWeek ?? 0,
                f is null ? [] : [.. f.AssessedDays.Select(a => (a.Day, a.Count, a.ScoreHundredths))], goals);
        })];
    }

    /// <summary>
    /// The partner's monitored children (consent given, program running, billing in order) as a composable query, those whose
    /// name contains <paramref name="search"/> when given (last names too: the partner may see them for these children).
    /// </summary>
    public IQueryable<Guid> MonitoredChildIds(Guid partnerId, string? search)
    {
        var rows = MonitoredChildren(partnerId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            rows = rows.Where(c => c.FirstName.ToLower().Contains(term) || c.LastName.ToLower().Contains(term)
                || (c.FirstName.ToLower() + " " + c.LastName.ToLower()).Contains(term));
        }
        return rows.Select(c => c.Id);
    }

    /// <summary>The names and programs of the partner's monitored children among <paramref name="childIds"/>; one query.</summary>
    public async Task<Dictionary<Guid, MonitoredChildName>> NamesAsync(Guid partnerId, IReadOnlyCollection<Guid> childIds, CancellationToken ct) =>
        (await MonitoredChildren(partnerId).Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.StudentId, c.FirstName, c.LastName, c.ProgramId, c.ProgramName }).ToListAsync(ct))
        .ToDictionary(c => c.Id, c => new MonitoredChildName(c.Id, c.StudentId, c.FirstName, c.LastName, c.ProgramId, c.ProgramName));

    /// <summary>Records that the partner was shown these monitored children's data in <paramref name="view"/>.</summary>
    public void RecordShown(Guid partnerId, string view, IEnumerable<(Guid ChildId, Guid StudentId)> shown)
    {
        foreach (var (childId, studentId) in shown) consent.RecordShown(partnerId, view, childId, studentId);
    }

    /// <summary>The partner's child's program (404 for another partner's child or an unknown id), whatever its consent.</summary>
    public async Task<Guid> ProgramOfChildAsync(Guid partnerId, Guid childId, CancellationToken ct) =>
        await children.OfPartner(partnerId).Where(c => c.Id == childId).Select(c => (Guid?)c.ProgramId).FirstOrDefaultAsync(ct)
        ?? throw Common.DomainException.NotFound("Sponsored child");
}
