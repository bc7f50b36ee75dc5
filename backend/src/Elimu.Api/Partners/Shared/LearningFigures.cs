namespace Elimu.Api.Partners.Shared;

/// <summary>
/// A program's learning week on week over its consented children (from the gate, ChildLearningGate): minutes this
/// learning week and the one before, children with no session this week, and those who had one last week but not this.
/// </summary>
public sealed record ProgramLearningWeek(Guid ProgramId, int Children, int MinutesThisWeek, int MinutesLastWeek, int Inactive, int NewlyInactive);

/// <summary>A learning area's average assessment score over a recent window and the one before, over consented children.</summary>
public sealed record LearningAreaMovement(string LearningArea, decimal? PreviousAverage, decimal? RecentAverage, int RecentAssessments);
