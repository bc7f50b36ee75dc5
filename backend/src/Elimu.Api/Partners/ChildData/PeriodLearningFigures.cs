namespace Elimu.Api.Partners.ChildData;

/// <summary>
/// The gate's answer for an impact report: aggregates over the visible children of a program (or all) for a period and
/// the one of the same length before it. Only counts, sums and averages: no child is named or identifiable in it.
/// </summary>
public sealed record PeriodLearningFigures(int VisibleChildren, int ChildrenReached, int Minutes, int Sessions, int LessonsCompleted, int Achievements,
    int Assessments, decimal? AverageScore, decimal? PreviousAverageScore, IReadOnlyList<PeriodWeek> Weeks, IReadOnlyList<PeriodArea> Areas,
    IReadOnlyList<PeriodCompetency> Competencies);

public sealed record PeriodWeek(DateOnly WeekStart, int Minutes, int ActiveChildren);

/// <summary>A learning area's assessments at each rubric level (EE, ME, AE, BE) and average score, in the period and the one before.</summary>
public sealed record PeriodArea(string LearningArea, int Exceeding, int Meeting, int Approaching, int Below, decimal? AverageScore,
    int PreviousExceeding, int PreviousMeeting, int PreviousApproaching, int PreviousBelow, decimal? PreviousAverageScore);

/// <summary>A core competency (its CBC code) rated 1 (BE) to 4 (EE): ratings in the period and averages now and before.</summary>
public sealed record PeriodCompetency(string Competency, int Ratings, decimal? Average, decimal? PreviousAverage);
