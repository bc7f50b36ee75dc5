using Elimu.Api.Partners.Analytics;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Platform.Learning;
using static System.FormattableString;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// Two impact reports for the Lake Region cohort, over its billing months: a termly one for the first
/// three (exported as PDF) and a monthly one for the month that ended yesterday. As in the product, code computes every figure, here from the seeded records of the
/// children whose guardians had consented, and the offline provider writes the words around them.
/// </summary>
internal static class DemoImpactReports
{
    public static IReadOnlyList<PartnerImpactReport> Build(DemoWorld world, DemoPrograms programs, DemoCourses courses, IReadOnlyList<PartnerPayment> payments)
    {
        var cohort = programs.Cohort;
        var months = payments.Where(p => p.PartnerId == cohort.Partner.Id).Select(p => p.PeriodStart).Distinct().Order().ToList();
        var termly = Report(world, cohort, courses, payments, ReportType.termly, months[0], months[3], months[3].AddHours(world.Between(30, 40)));
        termly.ExportedAt = termly.GeneratedAt.AddMinutes(12);
        termly.ExportFormat = ExportFormat.pdf;
        termly.ExportUrl = $"/api/v1/partner/analytics/impact-reports/{termly.Id}/export?format=pdf";
        var monthly = Report(world, cohort, courses, payments, ReportType.monthly, months[3], months[4], world.Now.AddHours(-5));
        world.Db.PartnerImpactReports.AddRange(termly, monthly);
        return [termly, monthly];
    }

    private static PartnerImpactReport Report(DemoWorld world, DemoProgram program, DemoCourses courses, IReadOnlyList<PartnerPayment> payments,
        ReportType type, DateTime start, DateTime end, DateTime generatedAt)
    {
        var first = DateOnly.FromDateTime(start + DemoWorld.NairobiOffset);
        var last = DateOnly.FromDateTime(end + DemoWorld.NairobiOffset).AddDays(-1);
        var length = end - start;
        bool In(DateTime t, DateTime from, DateTime to) => t >= from && t < to;

        var sponsored = program.Children.Where(c => c.Child.EnrolledAt < end).ToList();
        var visible = sponsored.Where(c => c.ConsentedAt(end)).Select(c => c.Learner).ToList();
        var weeks = (decimal)length.TotalDays / 7;
        var assessments = visible.SelectMany(l => l.Assessments).Where(a => In(a.AssessedAt, start, end)).ToList();
        // Change on the previous period of the same length, or, before there was one, from the first weeks of this one.
        var previous = visible.SelectMany(l => l.Assessments).Where(a => In(a.AssessedAt, start - length, start)).ToList();
        var since = previous.Count > 0 ? "on the previous period" : "since the start of the period";
        if (previous.Count == 0) previous = assessments.Where(a => a.AssessedAt < start + length / 4).ToList();
        var average = assessments.Count == 0 ? 0 : Math.Round(assessments.Average(a => a.Score), 1);
        var baseline = previous.Count == 0 ? average : previous.Average(a => a.Score);
        var change = Math.Round(average - baseline, 1);
        int Rubric(RubricLevel level) => assessments.Count(a => a.RubricLevel == level);

        var metrics = new ImpactMetrics
        {
            PeriodStart = first, PeriodEnd = last,
            ChildrenSponsored = sponsored.Count,
            ChildrenWithConsent = visible.Count,
            LessonsCompleted = visible.Sum(l => l.Progress.Count(p => p.CompletedAt is { } at && In(at, start, end))),
            AverageWeeklyMinutes = visible.Count == 0 ? 0
                : Math.Round(visible.Sum(l => l.Sessions.Where(s => In(s.StartedAt, start, end)).Sum(s => s.DurationMinutes)) / (visible.Count * weeks), 1),
            AverageScore = average,
            ScoreChange = change,
            RubricExceeding = Rubric(RubricLevel.EE), RubricMeeting = Rubric(RubricLevel.ME),
            RubricApproaching = Rubric(RubricLevel.AE), RubricBelow = Rubric(RubricLevel.BE),
            AmountSpent = payments.Where(p => p.PartnerId == program.Partner.Id && p.Status == PaymentStatus.completed
                && p.PaidAt is { } paid && In(paid, start, end)).Sum(p => p.Amount),
            Currency = program.Program.Currency,
        };

        // Who went quiet in the last fortnight of the period, and which area is weakest: inputs for the narrative.
        var quiet = visible.Count(l => l.Sessions.Where(s => In(s.StartedAt, end.AddDays(-14), end)).Sum(s => s.DurationMinutes) < 60);
        var weakest = assessments.GroupBy(a => a.LearningAreaId).Select(g => (Area: courses.Areas.Single(a => a.Id == g.Key).Name, Average: g.Average(a => a.Score)))
            .OrderBy(g => g.Average).FirstOrDefault();
        var atOrAbove = metrics.RubricExceeding + metrics.RubricMeeting;

        return new PartnerImpactReport
        {
            PartnerId = program.Partner.Id, ProgramId = program.Program.Id, ReportType = type, GeneratedAt = generatedAt,
            Status = ImpactReportStatus.completed, Progress = 100, CompletedAt = generatedAt,
            Title = Invariant($"{program.Program.Name}: {type} impact report, {first:d MMM} to {last:d MMM yyyy}"),
            Metrics = metrics,
            Summary = Invariant($"Between {first:d MMMM} and {last:d MMMM yyyy}, {visible.Count} of the {sponsored.Count} children in ")
                + Invariant($"{program.Program.Name} shared their progress. Together they completed {metrics.LessonsCompleted} lessons and each ")
                + Invariant($"spent on average {metrics.AverageWeeklyMinutes:0} minutes a week learning on Elimu. The average assessment score was ")
                + Invariant($"{average:0.0}% ({change:+0.0;-0.0;0.0} points {since}), and {atOrAbove} of {assessments.Count} ")
                + "assessments were at Meeting or Exceeding Expectations.",
            AiInsights = new ImpactInsights
            {
                Provider = "offline", Model = "elimu-offline-templates", GeneratedAt = generatedAt,
                Highlights =
                [
                    $"{metrics.LessonsCompleted} lessons completed by {visible.Count} children",
                    Invariant($"Average score {average:0.0}% ({change:+0.0;-0.0;0.0} points)"),
                    $"{metrics.RubricExceeding} assessments at Exceeding Expectations",
                    Invariant($"KES {metrics.AmountSpent:N0} invested in the period"),
                ],
                Recommendations =
                [
                    quiet == 0 ? "Every child stayed active through the last two weeks: keep the reading circle schedule."
                        : $"Follow up with the {quiet} {(quiet == 1 ? "child" : "children")} who spent under an hour on Elimu in the last two weeks; a call with the guardian usually helps.",
                    weakest.Area is null ? "Keep assessing fortnightly to see trends."
                        : Invariant($"{weakest.Area} had the lowest average ({weakest.Average:0.0}%): consider a focused club session or a partner resource for it."),
                ],
            },
        };
    }
}
