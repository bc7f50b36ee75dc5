namespace Elimu.Api.Partners.Shared;

/// <summary>
/// A program's learning week on week over its consented children (from the gate, ChildLearningGate): minutes this
/// learning week and the one before, children with no session this week, and those who had one last week but not this.
/// </summary>
public sealed record ProgramLearningWeek(Guid ProgramId, int Children, int MinutesThisWeek, int MinutesLastWeek, int Inactive, int NewlyInactive);

/// <summary>A learning area's average assessment score over a recent window and the one before, over consented children.</summary>
public sealed record LearningAreaMovement(string LearningArea, decimal? PreviousAverage, decimal? RecentAverage, int RecentAssessments);

/// <summary>A child whose guardians' consent stands: the student, when enrolled, and when they left the program (if they did).</summary>
public sealed record ConsentedEnrolment(Guid StudentId, DateTime EnrolledAt, DateTime? LeftAt);

/// <summary>
/// One group's distribution of a measure in cohort benchmarking (from the gate): a learning area's average score per
/// student (<see cref="LearningArea"/> named), or engagement in minutes per week (<see cref="LearningArea"/> null).
/// </summary>
/// <param name="Group">cohort or platform.</param>
/// <param name="MedianRank">Platform rows: the percentile rank of the cohort's median among the platform's values.</param>
public sealed record BenchmarkDistribution(string Group, string? LearningArea, int Students, double P25, double P50, double P75, double? MedianRank);
