using Elimu.Api.Platform.Learning.Insights;

namespace Elimu.Api.Partners.ChildData;

/// <summary>
/// A consented child's school term as the partner's letters and term dashboard show it: the platform's
/// <see cref="TermLearning"/> in the partner's own shapes (level, movement, kind and status by their names), so Analytics
/// reads a child's figures only through this section.
/// </summary>
public sealed record ChildTermFigures(DateOnly From, DateOnly To, DateOnly AsOf, int Minutes, int Sessions, int ActiveDays, int LessonsCompleted,
    int CurrentStreak, int LongestStreak, IReadOnlyList<ChildTermArea> Areas, IReadOnlyList<ChildTermAchievement> Achievements,
    IReadOnlyList<ChildTermGoal> Goals)
{
    public static ChildTermFigures Of(TermLearning t) => new(t.From, t.To, t.AsOf, t.Minutes, t.Sessions, t.ActiveDays, t.LessonsCompleted,
        t.CurrentStreak, t.LongestStreak,
        [.. t.Areas.Select(a => new ChildTermArea(a.Code, a.Name, a.Assessments, a.AverageScore, a.Level.ToString(), a.LevelLabel, a.PreviousLevel?.ToString(),
            a.Movement?.ToString()))],
        [.. t.Achievements.Select(a => new ChildTermAchievement(a.Id, a.Kind.ToString(), a.Title, a.AwardedAt))],
        [.. t.Goals.Select(g => new ChildTermGoal(g.GoalId, g.Kind, g.LearningAreaCode, g.Target, g.Current, g.Percent, g.Status.ToString(), g.DueDate))]);
}

/// <summary>A learning area assessed in the term: rubric level (EE, ME, AE, BE) of the latest assessment, the level before the term, movement up, down or flat (null: first assessed this term).</summary>
public sealed record ChildTermArea(string Code, string Name, int Assessments, decimal AverageScore, string Level, string LevelLabel, string? PreviousLevel,
    string? Movement);

/// <summary>An achievement earned in the term (kind: certificate, badge or milestone).</summary>
public sealed record ChildTermAchievement(Guid Id, string Kind, string Title, DateTime AwardedAt);

/// <summary>A partner-set goal measured at the term's end (or today): kind rubric_level, weekly_minutes, streak_days or lessons_completed; status achieved, on_track, at_risk or overdue.</summary>
public sealed record ChildTermGoal(Guid GoalId, string Kind, string? LearningAreaCode, string Target, string? Current, int Percent, string Status,
    DateOnly? DueDate);
