using Elimu.Api.Ai;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Benchmarks;

/// <summary>
/// Cohort benchmarking (<c>get_cohort_benchmarking</c>): the percentiles come from the database through the gate
/// (consented children only; the platform group leaves out every child this partner sponsors); the narrative explains them.
/// </summary>
public sealed class CohortBenchmarkService(ProgramListings programs, ChildLearningGate gate, IAiOrchestrator ai, TimeProvider clock)
{
    public const int Weeks = 12;
    public const int MinPlatformChildren = 5;

    public async Task<CohortBenchmarkResponse> GetAsync(Guid partnerId, Guid programId, CancellationToken ct)
    {
        var name = await programs.OfPartner(partnerId).Where(p => p.Id == programId).Select(p => p.Name)
            .SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound("Sponsorship program");
        var today = NairobiTime.Today(clock);
        var (children, distributions, grades, counties) = await gate.BenchmarkAsync(partnerId, programId, today, Weeks, ct);

        var measures = distributions.GroupBy(d => d.LearningArea).Select(g => Measure(g.Key, g.ToList())).ToList();
        var engagement = measures.FirstOrDefault(m => m.LearningArea is null);
        var areas = measures.Where(m => m.LearningArea is not null && m.Cohort is not null)
            .OrderBy(m => m.LearningArea, StringComparer.CurrentCultureIgnoreCase).ToList();
        var gradeNames = grades.Select(g => g.ToString()).ToList();

        var facts = new BenchmarkFacts(name, children, Weeks, gradeNames, counties, engagement, areas);
        var answer = await ai.RunAsync(new CohortBenchmarkTask(facts), new AiRequest(partnerId), ct);
        return new CohortBenchmarkResponse(programId, name, children, Weeks, today.AddDays(-(7 * Weeks - 1)), today, gradeNames, counties,
            MinPlatformChildren, engagement, areas, answer.Result.Narrative, answer.Provider, answer.Model, answer.GeneratedAt);
    }

    private static BenchmarkMeasure Measure(string? area, List<BenchmarkDistribution> groups)
    {
        var cohort = groups.FirstOrDefault(g => g.Group == "cohort");
        var platform = groups.FirstOrDefault(g => g.Group == "platform" && g.Students >= MinPlatformChildren);
        return new BenchmarkMeasure(area, area is null ? "minutes_per_week" : "percent", Of(cohort), Of(platform),
            cohort is null || platform?.MedianRank is not { } rank ? null : R(rank));
    }

    private static Percentiles? Of(BenchmarkDistribution? d) => d is null ? null : new Percentiles(d.Students, R(d.P25), R(d.P50), R(d.P75));

    private static decimal R(double value) => Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero);
}
