using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Finance.Budgets;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Analytics.Roi;

/// <summary>
/// Computes <see cref="RoiResponse"/>: learning from the consent gate's cohort figures (<see cref="CohortLearning"/>, which
/// counts only the children the partner may see now: a revoked child leaves both spans), money from Finance
/// (<see cref="SpendInPeriod"/>). About five queries a span whatever the number of children.
/// </summary>
public sealed class RoiMetrics(CohortLearning cohort, SpendInPeriod spend, ProgramStore programs, TimeProvider clock)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    public async Task<RoiResponse> ComputeAsync(Guid partnerId, RoiQuery q, CancellationToken ct)
    {
        var today = NairobiTime.Today(clock);
        var to = q.To ?? today;
        var from = q.From ?? to.AddDays(-(DefaultDays - 1));
        new Validation().Date("from", q.From).Date("to", q.To)
            .Check(from <= to, "from", "Choose a start on or before the end.")
            .Check(to.DayNumber - from.DayNumber < MaxDays, "to", $"Choose a span of at most {MaxDays} days.")
            .ThrowIfInvalid();
        if (q.ProgramId is { } id && (await programs.OfPartnerAsync(partnerId, ct, id)).Count == 0) throw DomainException.NotFound("Program");

        var areas = await cohort.LearningAreasAsync(ct);
        var current = new DaySpan(from, to);
        var now = await SpanAsync(partnerId, q.ProgramId, current, areas, ct);
        var before = await SpanAsync(partnerId, q.ProgramId, current.Before(), areas, ct);
        return new RoiResponse(q.ProgramId, now.Currency, now.Figures, before.Figures);
    }

    private async Task<(RoiFigures Figures, string Currency)> SpanAsync(Guid partnerId, Guid? programId, DaySpan span,
        Dictionary<Guid, (string Code, string Name)> areaNames, CancellationToken ct)
    {
        CohortLearning.Narrow filter = programId is { } id ? c => c.Where(x => x.ProgramId == id) : c => c;
        var children = await cohort.ByGroupAsync(partnerId, filter, c => 0, span.From, span.To, null, ct);
        var consented = await CountAsync(cohort.Children(partnerId, filter), ct);
        var weeks = Enumerable.Range(0, (span.Days + 6) / 7).Select(i => span.From.AddDays(7 * i)).ToList();
        var byWeek = (await cohort.ByBucketAsync(partnerId, filter, weeks, span.To, null, ct)).ToDictionary(w => w.Key);
        var scores = await cohort.AgainstBaselineAsync(partnerId, filter, span.From, span.To, ct);
        var money = await spend.ReadAsync(partnerId, programId, span.From, span.To, ct);

        var minutes = children.Sum(c => c.Minutes);
        var hours = Math.Round(minutes / 60m, 1);
        var compared = scores.Where(s => s.Baseline is not null && s.Period is not null).ToList();
        var gained = compared.Sum(s => RoiRules.LevelsGained(s.Baseline!.Value, s.Period!.Value));
        var areas = compared.GroupBy(s => s.LearningAreaId)
            .Select(g =>
            {
                var (code, name) = areaNames.GetValueOrDefault(g.Key, ("", "Unknown area"));
                var improving = g.Count(s => RoiRules.Improving(s.Baseline!.Value, s.Period!.Value));
                return new AreaImprovement(code, name, g.Count(), improving, RoiRules.Percent(improving, g.Count()));
            })
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var improvingAll = compared.Count(s => RoiRules.Improving(s.Baseline!.Value, s.Period!.Value));
        var engagement = weeks.Select((start, i) =>
        {
            var w = byWeek.GetValueOrDefault(i);
            return new EngagementWeek(start, w?.Minutes ?? 0, w?.ActiveChildren ?? 0, RoiRules.Percent(w?.ActiveChildren ?? 0, consented) ?? 0,
                RoiRules.Per(w?.Minutes ?? 0, consented) ?? 0);
        }).ToList();

        return (new RoiFigures(span, consented, children.Sum(c => c.ActiveChildren), hours, gained, money.Spent, money.Budget,
            RoiRules.Per(money.Spent, consented), RoiRules.Per(money.Spent, minutes / 60m), RoiRules.Per(money.Spent, gained),
            money.Budget is { } b ? RoiRules.Percent(money.Spent, b) : null,
            RoiRules.Percent(improvingAll, compared.Count), areas, engagement), money.Currency);
    }

    private static Task<int> CountAsync(IQueryable<SponsoredChildRow> rows, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(rows, ct);
}
