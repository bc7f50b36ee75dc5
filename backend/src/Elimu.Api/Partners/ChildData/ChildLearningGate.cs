using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Platform.Learning.Rollups;
using Elimu.Api.Platform.Students;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.ChildData;

/// <summary>
/// The one way from the partner dashboard to a child's learning data (DESIGN.md §3). Every figure it hands back is
/// for children the consent gate (<see cref="ChildAccess"/>, <see cref="ConsentReader"/>: guardians' answers and
/// program state) lets the partner see, and it is the only Partners type that calls the Platform.Learning readers;
/// ArchitectureTests hold that. Billing joins the rule here: a program whose monitoring is suspended for unpaid billing
/// (Finance's <see cref="BillingStanding"/>) shows no figures, its children counted like unconsented ones, while their
/// consents and enrolments stay as they are.
/// </summary>
public sealed partial class ChildLearningGate(ChildAccess access, ConsentReader consent, SponsoredChildReader children, ChildLearningInsights insights,
    LearningStats learning, BillingStanding billing, PeriodLearningStats periods, LearningBenchmarks benchmarks, LessonSequenceStats sequences,
    TermLearningReports terms)
{
    /// <summary>The partner's children whose figures may be shown: consent allows it and the program's monitoring runs.</summary>
    private IQueryable<Guid> MonitoredChildIds(Guid partnerId, IQueryable<Guid>? ofStudents = null) =>
        consent.VisibleChildIds(partnerId, ofStudents, billing.SuspendedProgramIds(partnerId));

    /// <summary>The partner's children whose figures may be shown, as composable rows (analytics groups and filters them).</summary>
    public IQueryable<SponsoredChildRow> MonitoredChildren(Guid partnerId) =>
        children.OfPartner(partnerId).Where(c => MonitoredChildIds(partnerId).Contains(c.Id));

    public async Task<LearningJourney> JourneyAsync(Guid partnerId, Guid childId, CancellationToken ct) =>
        await insights.GetJourneyAsync((await access.VisibleAsync(partnerId, childId, "progress", ct)).StudentId, ct);

    public async Task<ActivitySummary> ActivityAsync(Guid partnerId, Guid childId, ActivityPeriod period, CancellationToken ct) =>
        await insights.GetActivityAsync((await access.VisibleAsync(partnerId, childId, "activity", ct)).StudentId, period, ct);

    public async Task<AchievementList> AchievementsAsync(Guid partnerId, Guid childId, CancellationToken ct) =>
        await insights.GetAchievementsAsync((await access.VisibleAsync(partnerId, childId, "achievements", ct)).StudentId, ct);

    /// <summary>The visible child's learning signals, and the first name the page shows in place of its AI pseudonym.</summary>
    public async Task<(LearningSignals Signals, string FirstName)> SignalsAsync(Guid partnerId, Guid childId, CancellationToken ct)
    {
        var child = await access.VisibleAsync(partnerId, childId, "ai-insights", ct);
        return (await insights.GetSignalsAsync(child.StudentId, Specs(child), ct), child.Student.FirstName);
    }

    /// <summary>
    /// The visible child's goals with their progress; <paramref name="replace"/> (if any) builds the new goals, once the
    /// child is known to be visible (so a bad body for a hidden child still answers 403/404), and they are saved first.
    /// </summary>
    public async Task<(SponsoredChildDetails Child, IReadOnlyList<GoalProgress> Progress)> GoalsAsync(Guid partnerId, Guid childId, string view,
        Func<List<ChildGoal>>? replace, CancellationToken ct)
    {
        var child = await access.VisibleAsync(partnerId, childId, view, ct);
        if (replace is not null) child = await children.ReplaceGoalsAsync(partnerId, child.Id, replace(), ct);
        return (child, await insights.GetGoalProgressAsync(child.StudentId, Specs(child), ct));
    }

    /// <summary>
    /// A page of children: each one's consent status, and card figures for the visible ones only (recorded as read in
    /// <paramref name="view"/>), none for the children of a program suspended for billing (listed in Suspended).
    /// </summary>
    public async Task<(Dictionary<Guid, ChildConsentStatus> Statuses, Dictionary<Guid, StudentCardFigures> Figures, HashSet<Guid> Suspended)> CardsAsync(
        Guid partnerId, IReadOnlyCollection<(Guid ChildId, Guid StudentId, Guid ProgramId)> page, string view, DateOnly today, CancellationToken ct)
    {
        var statuses = await consent.StatusesAsync(partnerId, page.Select(c => c.ChildId).ToList(), view, ct);
        var suspended = (await billing.SuspendedProgramsAsync(partnerId, ct)).ToHashSet();
        var seen = page.Where(c => statuses[c.ChildId] == ChildConsentStatus.given && !suspended.Contains(c.ProgramId)).Select(c => c.StudentId).ToList();
        return (statuses, await learning.CardFiguresAsync(seen, today, ct), suspended);
    }

    /// <summary>The partner's programs whose monitoring is suspended for unpaid billing (their figures are not shown).</summary>
    public async Task<HashSet<Guid>> SuspendedProgramsAsync(Guid partnerId, CancellationToken ct) =>
        (await billing.SuspendedProgramsAsync(partnerId, ct)).ToHashSet();

    /// <summary>The partner's visible children with no session in the current learning week; a composable query.</summary>
    public IQueryable<Guid> AlertingChildIds(Guid partnerId, DateOnly today)
    {
        var inactive = learning.Inactive(VisibleStudents(partnerId), today);
        return MonitoredChildIds(partnerId, inactive);
    }

    /// <summary>This week's minutes and the inactive students, over the visible ones among <paramref name="matching"/>.</summary>
    public async Task<(Dictionary<Guid, int> Minutes, HashSet<Guid> Inactive)> CohortFiguresAsync(Guid partnerId,
        IQueryable<SponsoredChildRow> matching, DateOnly today, CancellationToken ct)
    {
        var visible = MonitoredChildIds(partnerId);
        var students = matching.Where(c => visible.Contains(c.Id)).Select(c => c.StudentId);
        var minutes = await learning.MinutesThisWeekAsync(students, today, ct);
        var inactive = (await learning.Inactive(students, today).ToListAsync(ct)).ToHashSet();
        return (minutes, inactive);
    }

    /// <summary>Average weekly learning minutes of the visible children over the last <paramref name="weeks"/> learning weeks.</summary>
    public Task<decimal> AverageWeeklyMinutesAsync(Guid partnerId, DateOnly today, int weeks, CancellationToken ct) =>
        learning.AverageWeeklyMinutesAsync(VisibleStudents(partnerId), today, weeks, ct);

    /// <summary>Week on week per program, over the partner's visible children only (the dashboard's AI highlights).</summary>
    public async Task<List<ProgramLearningWeek>> ProgramWeekOnWeekAsync(Guid partnerId, DateOnly today, CancellationToken ct) =>
        (await learning.WeekOnWeekAsync(children.OfPartner(partnerId).Where(c => MonitoredChildIds(partnerId).Contains(c.Id))
            .Select(c => new StudentInGroup { StudentId = c.StudentId, GroupId = c.ProgramId }),
            today, ct))
        .Select(g => new ProgramLearningWeek(g.GroupId, g.Students, g.MinutesThisWeek, g.MinutesLastWeek, g.Inactive, g.NewlyInactive)).ToList();

    /// <summary>Average score per learning area, recent window against the one before, over the visible children only.</summary>
    public async Task<List<LearningAreaMovement>> AreaMovementAsync(Guid partnerId, DateOnly today, int days, CancellationToken ct) =>
        (await learning.AreaScoreMovementAsync(VisibleStudents(partnerId), today, days, ct))
        .Select(a => new LearningAreaMovement(a.Name, a.Previous, a.Recent, a.RecentAssessments)).ToList();

    /// <summary>
    /// An impact report's learning figures: the visible children of one program (or all the partner's) as the gate
    /// sees them now, so a withdrawn consent takes the child out of every report generated after it, over a period and
    /// the one before it. Returns how many children were counted with their aggregates.
    /// </summary>
    public async Task<PeriodLearningFigures> PeriodLearningAsync(Guid partnerId, Guid? programId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var suspended = billing.SuspendedProgramIds(partnerId);
        var students = consent.Visible(partnerId).Where(c => (programId == null || c.ProgramId == programId) && !suspended.Contains(c.ProgramId))
            .Select(c => c.StudentId).Distinct();
        var count = await students.CountAsync(ct);
        var p = await periods.ForPeriodAsync(students, from, to, ct);
        return new PeriodLearningFigures(count, p.StudentsReached, p.Minutes, p.Sessions, p.LessonsCompleted, p.Achievements, p.Assessments,
            p.AverageScore, p.PreviousAverageScore,
            p.Weeks.Select(w => new PeriodWeek(w.WeekStart, w.Minutes, w.Students)).ToList(),
            p.Areas.Select(a => new PeriodArea(a.LearningArea, a.Levels.Exceeding, a.Levels.Meeting, a.Levels.Approaching, a.Levels.Below, a.AverageScore,
                a.PreviousLevels.Exceeding, a.PreviousLevels.Meeting, a.PreviousLevels.Approaching, a.PreviousLevels.Below, a.PreviousAverageScore)).ToList(),
            p.Competencies.Select(c => new PeriodCompetency(c.Competency.ToString(), c.Ratings, c.Average, c.PreviousAverage)).ToList());
    }

    /// <summary>
    /// The partner's children (of <paramref name="programId"/>, or of every program) whose guardians' consent stands, with
    /// when they were enrolled and when they left (removed, or released at the end of their program): the enrolment
    /// history figures about past terms count.
    /// </summary>
    public async Task<List<ConsentedEnrolment>> ConsentedEnrolmentsAsync(Guid partnerId, Guid? programId, CancellationToken ct)
    {
        var standing = consent.ConsentStandingChildIds(partnerId);
        return await children.OfPartner(partnerId).Where(c => (programId == null || c.ProgramId == programId) && standing.Contains(c.Id))
            .Select(c => new ConsentedEnrolment(c.StudentId, c.EnrolledAt, c.RemovedAt ?? c.ReleasedAt)).ToListAsync(ct);
    }

    /// <summary>
    /// How many of <paramref name="students"/> learned from <paramref name="from"/> to <paramref name="to"/>, counting only
    /// the partner's children whose guardians' consent stands (a refused or withdrawn one never counts, even for a past term).
    /// </summary>
    public Task<int> LearnersAsync(Guid partnerId, IReadOnlyCollection<Guid> students, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var allowed = consent.ConsentStandingStudentIds(partnerId).Where(s => students.Contains(s));
        return benchmarks.LearnersAsync(allowed, from, to, ct);
    }

    /// <summary>
    /// The program's visible children (consent given, monitoring not suspended) against platform children of the same
    /// grades and counties, except any child sponsored by this partner (so a child whose guardian said no is in neither
    /// group). <paramref name="weeks"/> learning weeks ending today.
    /// </summary>
    public async Task<(int Children, List<BenchmarkDistribution> Distributions, List<CbcGrade> Grades, List<string> Counties)> BenchmarkAsync(
        Guid partnerId, Guid programId, DateOnly today, int weeks, CancellationToken ct)
    {
        var visible = MonitoredChildIds(partnerId);
        var cohort = await children.OfPartner(partnerId).Where(c => c.ProgramId == programId && visible.Contains(c.Id))
            .Select(c => new { c.StudentId, c.Grade, c.County }).ToListAsync(ct);
        var grades = cohort.Select(c => c.Grade).Distinct().Order().ToList();
        var counties = cohort.Select(c => c.County).Distinct().Order(StringComparer.Ordinal).ToList();
        var partnerStudents = cohort.Count == 0 ? []
            : await children.OfPartner(partnerId).Where(c => grades.Contains(c.Grade) && counties.Contains(c.County)).Select(c => c.StudentId).Distinct().ToListAsync(ct);
        var distributions = await benchmarks.DistributionsAsync(cohort.Select(c => c.StudentId).Distinct().ToList(), grades, counties, partnerStudents, today, weeks, ct);
        var names = await benchmarks.AreaNamesAsync(distributions.Select(d => d.Area).Where(a => a != LearningDayRollup.NoArea).Distinct().ToList(), ct);
        return (cohort.Count, [.. distributions.Select(d => new BenchmarkDistribution(d.Group,
            d.Area == LearningDayRollup.NoArea ? null : names.GetValueOrDefault(d.Area, "Learning area"), d.Students, d.P25, d.P50, d.P75, d.MedianRank))],
            grades, counties);
    }

    /// <summary>
    /// A school term of every monitored child of the program (consent given now, program running, billing in order: a
    /// revoked or declined child is not among them), in a fixed number of queries; each child is recorded as read in
    /// <paramref name="view"/> (the caller flushes the read audit). Ordered by first name.
    /// </summary>
    public async Task<List<ChildTerm>> ProgramTermAsync(Guid partnerId, Guid programId, DateOnly from, DateOnly to, string view, CancellationToken ct)
    {
        var visible = MonitoredChildIds(partnerId);
        var kids = await children.WithGoalsAsync(partnerId,
            children.OfPartner(partnerId).Where(c => c.ProgramId == programId && visible.Contains(c.Id)).Select(c => c.Id), ct);
        return await TermsAsync(partnerId, kids, from, to, view, ct);
    }

    /// <summary>
    /// The term of one student who is a monitored child of the partner (its latest enrolment when it was enrolled twice);
    /// null for a student who is not: another partner's child, an unconsented one and an unknown id all look the same.
    /// </summary>
    public async Task<ChildTerm?> StudentTermAsync(Guid partnerId, Guid studentId, DateOnly from, DateOnly to, string view, CancellationToken ct)
    {
        var visible = MonitoredChildIds(partnerId);
        var kids = await children.WithGoalsAsync(partnerId,
            children.OfPartner(partnerId).Where(c => c.StudentId == studentId && visible.Contains(c.Id)).Select(c => c.Id), ct);
        var latest = kids.OrderByDescending(k => k.EnrolledAt).ThenByDescending(k => k.Id).Take(1).ToList();
        return latest.Count == 0 ? null : (await TermsAsync(partnerId, latest, from, to, view, ct)).Single();
    }

    private async Task<List<ChildTerm>> TermsAsync(Guid partnerId, List<ChildWithGoals> kids, DateOnly from, DateOnly to, string view, CancellationToken ct)
    {
        var figures = await terms.ForStudentsAsync(kids.Select(k => new TermStudent(k.StudentId, Specs(k.Goals, k.EnrolledAt))).ToList(), from, to, ct);
        foreach (var k in kids) consent.RecordShown(partnerId, view, k.Id, k.StudentId);
        return [.. kids.Where(k => figures.ContainsKey(k.StudentId)).Select(k => new ChildTerm(k.Id, k.StudentId, k.ProgramId, k.FirstName,
            ChildTermFigures.Of(figures[k.StudentId])))];
    }

    /// <summary>The term's last day, or today while it runs.</summary>
    public DateOnly TermAsOf(DateOnly to) => terms.AsOf(to);

    private IQueryable<Guid> VisibleStudents(Guid partnerId) => consent.VisibleStudentIds(partnerId, billing.SuspendedProgramIds(partnerId));

    private static List<GoalSpec> Specs(SponsoredChildDetails child) => Specs(child.PartnerGoals, child.EnrolledAt);

    private static List<GoalSpec> Specs(IReadOnlyList<ChildGoal> goals, DateTime enrolledAt) =>
        [.. goals.Select(g => new GoalSpec(g.Id, g.Kind.ToString(), g.LearningAreaCode, g.Target, g.DueDate, DateOnly.FromDateTime(enrolledAt)))];
}

/// <summary>A monitored child's school term: who (first name only: letters and the dashboard greet the child by it), and its figures (goals measured among them).</summary>
public sealed record ChildTerm(Guid ChildId, Guid StudentId, Guid ProgramId, string FirstName, ChildTermFigures Term);
