using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// 120 days of sessions per learner (after school 16:00-20:00 on weekdays, the odd lab period at
/// school, fewer and longer sessions at weekends), enrollments in their grade's courses, and lesson
/// progress completed on days the learner was actually on the platform.
/// </summary>
internal static class DemoLearningActivity
{
    public static void Build(DemoWorld world, DemoLearners learners, DemoCourses courses)
    {
        foreach (var learner in learners.All)
        {
            AddSessions(world, learner);
            AddProgress(world, learner, courses.ByGrade[learner.Student.Grade]);
        }
        world.Db.ActivitySessions.AddRange(learners.All.SelectMany(l => l.Sessions));
        world.Db.CourseEnrollments.AddRange(learners.All.SelectMany(l => l.Enrollments));
        world.Db.LessonProgress.AddRange(learners.All.SelectMany(l => l.Progress));
    }

    private static void AddSessions(DemoWorld world, DemoLearner learner)
    {
        var youngFactor = learner.Student.Grade switch { <= CbcGrade.PP2 => 0.6, <= CbcGrade.Grade3 => 0.8, _ => 1.0 };
        for (var daysAgo = DemoWorld.ActivityDays - 1; daysAgo >= 0; daysAgo--)
        {
            var engagement = learner.Engagement(daysAgo);
            if (engagement <= 0) continue;
            var day = world.Day(daysAgo);
            var p = learner.Diligence * engagement;

            void Add(int hour, DeviceKind device, int minutes)
            {
                var start = world.At(day, hour, world.Rng.Next(60));
                var duration = Math.Max(5, (int)Math.Round(minutes * (0.55 + 0.45 * engagement) * youngFactor));
                if (start.AddMinutes(duration) > world.Now) return;
                learner.Sessions.Add(new ActivitySession
                {
                    StudentId = learner.Student.Id, StartedAt = start, DurationMinutes = duration, Device = device,
                    LessonsTouched = Math.Max(1, (int)Math.Round(duration / world.Between(10.0, 18.0))),
                });
            }
            DeviceKind Home() => world.Chance(0.85) ? learner.HomeDevice : DeviceKind.mobile;

            if (DemoWorld.IsWeekend(day))
            {
                if (world.Chance(0.4 * p)) Add(world.Between(9, 16), Home(), world.Between(20, 70));
                continue;
            }
            if (world.Chance(0.12 * p)) Add(world.Between(10, 13), DeviceKind.shared_lab, world.Between(20, 40));
            if (world.Chance(0.78 * p))
            {
                var second = world.Chance(0.2 * p);
                Add(second ? world.Between(16, 17) : world.Between(16, 19), Home(), world.Between(15, 50));
                if (second) Add(19, Home(), world.Between(15, 35));
            }
        }
    }

    private static void AddProgress(DemoWorld world, DemoLearner learner, IReadOnlyList<Course> courses)
    {
        var sessions = learner.Sessions;
        var enrolledAt = world.AtDaysAgo(world.Between(121, 135), 8, 10);
        foreach (var course in courses)
        {
            var enrollment = new CourseEnrollment { StudentId = learner.Student.Id, CourseId = course.Id, EnrolledAt = enrolledAt };
            learner.Enrollments.Add(enrollment);
            var lessons = course.Lessons;
            var done = Math.Min(sessions.Count, (int)Math.Round(lessons.Count * CompletionRate(world, learner.Pattern)));
            var picks = SortedSample(world, sessions.Count, done);

            for (var i = 0; i < done; i++)
            {
                var session = sessions[picks[i]];
                var when = session.StartedAt.AddMinutes(world.Between(3, Math.Max(3, session.DurationMinutes)));
                var score = world.Chance(0.85)
                    ? Math.Round((decimal)Math.Clamp(learner.ExpectedScore(world.DaysAgoOf(when), course.LearningAreaId) + 4 + world.Noise(10), 30, 100), 1)
                    : (decimal?)null;
                learner.Progress.Add(new LessonProgress
                {
                    StudentId = learner.Student.Id, LessonId = lessons[i].Id, Status = LessonStatus.completed, Score = score,
                    TimeSpentSeconds = (int)(lessons[i].DurationMinutes * 60 * world.Between(0.7, 1.5)),
                    CompletedAt = when, UpdatedAt = when,
                });
            }

            var last = done > 0 ? picks[done - 1] : -1;
            if (done == lessons.Count && done > 0)
                enrollment.CompletedAt = learner.Progress[^1].CompletedAt;
            else if (last < sessions.Count - 1)
            {
                var session = sessions[world.Rng.Next(last + 1, sessions.Count)];
                learner.Progress.Add(new LessonProgress
                {
                    StudentId = learner.Student.Id, LessonId = lessons[done].Id, Status = LessonStatus.in_progress,
                    TimeSpentSeconds = (int)(lessons[done].DurationMinutes * 60 * world.Between(0.2, 0.6)),
                    UpdatedAt = session.StartedAt.AddMinutes(Math.Min(session.DurationMinutes, 10)),
                });
            }
        }
    }

    private static double CompletionRate(DemoWorld world, LearnerPattern pattern) => pattern switch
    {
        LearnerPattern.Star => world.Between(0.85, 1.0),
        LearnerPattern.Improving => world.Between(0.5, 0.85),
        LearnerPattern.Struggling => world.Between(0.3, 0.5),
        LearnerPattern.Disengaging => world.Between(0.45, 0.7),
        LearnerPattern.Inactive => world.Between(0.35, 0.6),
        _ => world.Between(0.55, 0.9),
    };

    /// <summary><paramref name="count"/> distinct indices below <paramref name="size"/>, ascending.</summary>
    private static int[] SortedSample(DemoWorld world, int size, int count)
    {
        var indices = Enumerable.Range(0, size).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = world.Rng.Next(i, size);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        var sample = indices[..count];
        Array.Sort(sample);
        return sample;
    }
}
