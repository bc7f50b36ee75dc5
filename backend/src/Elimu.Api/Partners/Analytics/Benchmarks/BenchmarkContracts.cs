namespace Elimu.Api.Partners.Analytics.Benchmarks;

/// <summary>
/// GET /analytics/programs/{id}/benchmark: the program's consented children against platform children of the same
/// grades and counties (not sponsored by this partner), over the last <see cref="Weeks"/> learning weeks.
/// </summary>
/// <param name="MinPlatformChildren">A platform group smaller than this is not shown (a handful of children could be recognised).</param>
public sealed record CohortBenchmarkResponse(Guid ProgramId, string ProgramName, int ConsentedChildren, int Weeks, DateOnly From, DateOnly To,
    IReadOnlyList<string> Grades, IReadOnlyList<string> Counties, int MinPlatformChildren, BenchmarkMeasure? Engagement,
    IReadOnlyList<BenchmarkMeasure> LearningAreas, string Narrative, string Provider, string Model, DateTimeOffset GeneratedAt);

/// <summary>One measure: engagement (minutes per week) or a learning area's average assessment score (percent).</summary>
/// <param name="Unit">minutes_per_week or percent.</param>
/// <param name="Platform">Null when fewer than the minimum platform children have a value.</param>
/// <param name="CohortMedianPercentile">Where the cohort's median falls among platform children (0–100; ties count half).</param>
public sealed record BenchmarkMeasure(string? LearningArea, string Unit, Percentiles? Cohort, Percentiles? Platform, decimal? CohortMedianPercentile);

/// <summary>The quartiles of a group, interpolated linearly between ranks.</summary>
public sealed record Percentiles(int Children, decimal P25, decimal P50, decimal P75);
