using Elimu.Api.Platform.Learning;
using static System.FormattableString;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// Certificates, badges and milestones, each awarded at the moment the learner's own records earned
/// it: a certificate when the last lesson of a course was completed, a streak badge on the fifth day
/// in a row, a milestone when the tenth hour of learning was reached, and so on.
/// </summary>
internal static class DemoAchievements
{
    private static readonly int[] LessonMilestones = [1, 10, 25, 50];
    private static readonly int[] HourMilestones = [10, 25, 50];
    private static readonly int[] StreakBadges = [5, 10];

    public static void Build(DemoWorld world, DemoLearners learners, DemoCourses courses)
    {
        var achievements = new List<Achievement>();
        foreach (var learner in learners.All)
        {
            var studentId = learner.Student.Id;
            void Award(AchievementKind kind, string title, string description, DateTime at, Guid? areaId = null) =>
                achievements.Add(new Achievement
                {
                    StudentId = studentId, Kind = kind, Title = title, Description = description, AwardedAt = at, LearningAreaId = areaId,
                });

            foreach (var enrollment in learner.Enrollments.Where(e => e.CompletedAt is not null))
            {
                var course = courses.ByGrade[learner.Student.Grade].Single(c => c.Id == enrollment.CourseId);
                Award(AchievementKind.certificate, $"Certificate of completion: {course.Title}",
                    $"Completed all {course.Lessons.Count} lessons of {course.Title}.", enrollment.CompletedAt!.Value, course.LearningAreaId);
            }

            var completed = learner.Progress.Where(p => p.CompletedAt is not null).Select(p => p.CompletedAt!.Value).Order().ToList();
            foreach (var count in LessonMilestones.Where(m => m <= completed.Count))
                Award(AchievementKind.milestone, count == 1 ? "First lesson completed" : $"{count} lessons completed",
                    count == 1 ? "Completed a first lesson on Elimu." : $"Completed {count} lessons on Elimu.", completed[count - 1]);

            var minutes = 0;
            var hourMilestone = 0;
            foreach (var session in learner.Sessions)
            {
                minutes += session.DurationMinutes;
                while (hourMilestone < HourMilestones.Length && minutes >= HourMilestones[hourMilestone] * 60)
                {
                    var hours = HourMilestones[hourMilestone++];
                    Award(AchievementKind.milestone, $"{hours} hours of learning", $"Spent {hours} hours learning on Elimu.",
                        session.StartedAt.AddMinutes(session.DurationMinutes));
                }
            }

            AwardStreaks(world, learner, Award);

            foreach (var first in learner.Assessments.Where(a => a.RubricLevel == RubricLevel.EE)
                         .GroupBy(a => a.LearningAreaId).Select(g => g.MinBy(a => a.AssessedAt)!).OrderBy(a => a.AssessedAt).Take(3))
            {
                var area = courses.Areas.Single(a => a.Id == first.LearningAreaId);
                Award(AchievementKind.badge, $"{area.Name} star", Invariant($"Exceeding Expectations in {area.Name} ({first.Score:0.#}%)."),
                    first.AssessedAt, area.Id);
            }
        }
        world.Db.Achievements.AddRange(achievements);
    }

    private static void AwardStreaks(DemoWorld world, DemoLearner learner, Action<AchievementKind, string, string, DateTime, Guid?> award)
    {
        var streak = 0;
        var previousDay = -1;
        var next = 0;
        foreach (var session in learner.Sessions)
        {
            var dayNumber = world.Today.DayNumber - world.DaysAgoOf(session.StartedAt);
            if (dayNumber == previousDay) continue;
            streak = dayNumber == previousDay + 1 ? streak + 1 : 1;
            previousDay = dayNumber;
            if (next < StreakBadges.Length && streak == StreakBadges[next])
            {
                award(AchievementKind.badge, $"{StreakBadges[next]}-day streak",
                    $"Learned on Elimu {StreakBadges[next]} days in a row.", session.StartedAt, null);
                next++;
            }
        }
    }
}
