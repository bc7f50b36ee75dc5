using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Analytics;

/// <summary>An impact report's figures: the headline metrics, their breakdown, and the two average scores the narrative compares.</summary>
public sealed record ImpactFigureSet(ImpactMetrics Metrics, ImpactBreakdown Breakdown, decimal? AverageScore, decimal? PreviousAverageScore);

/// <summary>
/// How an impact report's figures are computed, for one program or all, over a period of Nairobi days: children from
/// Sponsorships, learning through the consent gate (children as the gate sees them now: a withdrawn consent leaves the
/// child out), spend from Finance's payments. The impact report run and a grant's compliance report both read them here,
/// so the same label carries the same number in both documents.
/// </summary>
public sealed class ImpactFigures(ChildLearningGate gate, SponsorshipStats programs, BillingStats billing)
{
    /// <param name="currency">The spend's currency: the program's own; null picks the one most was paid in (KES is never added to USD).</param>
    /// <param name="step">Told before each stage (progress 0–100 and what is being done), for a run that reports its progress.</param>
    public async Task<ImpactFigureSet> ComputeAsync(Guid partnerId, Guid? programId, string? currency, DateOnly from, DateOnly to,
        CancellationToken ct, Func<int, string, Task>? step = null)
    {
        step ??= (_, _) => Task.CompletedTask;
        var (fromUtc, endUtc) = (NairobiTime.StartOfDayUtc(from), NairobiTime.StartOfDayUtc(to.AddDays(1)));

        await step(10, "Counting the sponsored children");
        var sponsored = await programs.SponsoredCountAsync(partnerId, programId, endUtc, ct);
        await step(20, "Reading the learning of consented children");
        var learning = await gate.PeriodLearningAsync(partnerId, programId, from, to, ct);
        await step(55, "Adding up the spend");
        var paid = await billing.PaidAsync(partnerId, programId, fromUtc, endUtc, ct);
        var spend = paid.Where(m => m.Currency == currency).Concat(paid.OrderByDescending(m => m.Amount)).First();

        var days = to.DayNumber - from.DayNumber + 1;
        var metrics = new ImpactMetrics
        {
            PeriodStart = from, PeriodEnd = to,
            ChildrenSponsored = sponsored,
            ChildrenWithConsent = learning.VisibleChildren,
            ChildrenReached = learning.ChildrenReached,
            ActiveLearningHours = Math.Round(learning.Minutes / 60m, 1),
            AverageWeeklyMinutes = learning.VisibleChildren == 0 ? 0 : Math.Round(learning.Minutes / (learning.VisibleChildren * days / 7m), 1),
            Sessions = learning.Sessions,
            LessonsCompleted = learning.LessonsCompleted,
            Assessments = learning.Assessments,
            AverageScore = learning.AverageScore ?? 0,
            ScoreChange = learning.AverageScore is { } current && learning.PreviousAverageScore is { } before ? current - before : 0,
            RubricExceeding = learning.Areas.Sum(a => a.Exceeding), RubricMeeting = learning.Areas.Sum(a => a.Meeting),
            RubricApproaching = learning.Areas.Sum(a => a.Approaching), RubricBelow = learning.Areas.Sum(a => a.Below),
            AchievementsEarned = learning.Achievements,
            EngagementRate = learning.VisibleChildren == 0 ? 0 : Math.Round(learning.ChildrenReached * 100m / learning.VisibleChildren, 1),
            AmountSpent = spend.Amount,
            Currency = spend.Currency,
            CostPerChild = learning.ChildrenReached == 0 ? null : Math.Round(spend.Amount / learning.ChildrenReached, 2),
        };
        var breakdown = new ImpactBreakdown
        {
            Areas = learning.Areas.Select(a => new AreaMovement(a.LearningArea, a.Exceeding + a.Meeting + a.Approaching + a.Below, a.AverageScore,
                a.PreviousAverageScore, a.Exceeding, a.Meeting, a.Approaching, a.Below, a.PreviousExceeding, a.PreviousMeeting, a.PreviousApproaching,
                a.PreviousBelow)).ToList(),
            Competencies = learning.Competencies.Select(c => new CompetencyMovement(c.Competency, c.Ratings, c.Average, c.PreviousAverage)).ToList(),
            Weeks = learning.Weeks.Select(w => new WeekEngagement(w.WeekStart, w.Minutes, w.ActiveChildren)).ToList(),
        };
        return new(metrics, breakdown, learning.AverageScore, learning.PreviousAverageScore);
    }
}
