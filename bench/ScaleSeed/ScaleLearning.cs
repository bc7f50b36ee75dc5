using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;

namespace Elimu.Bench.ScaleSeed;

/// <summary>The demo curriculum the scale data learns from: each grade's courses with their lessons in order.</summary>
public sealed record Curriculum(IReadOnlyDictionary<CbcGrade, IReadOnlyList<Course>> ByGrade, IReadOnlyDictionary<Guid, string> AreaNames);

/// <summary>
/// A year of learning per student, one table at a time and student by student (so each table's indexes on
/// (student_id, ...) grow at their right edge): about 50 sessions, 20 assessments, 21 competency ratings, the grade's
/// course enrollments, lesson progress and the achievements they earn. Each student's rows come from generators seeded
/// by the student, so the tables agree with each other without being generated together.
/// </summary>
public sealed class ScaleLearning(ScaleWorld world, Curriculum curriculum)
{
    private const int Sessions = 10, Assessments = 11, Competencies = 12, Courses = 13;

    public IEnumerable<ActivitySession> SessionsOf(ScaleStudent s)
    {
        var rng = ScaleWorld.RngFor(Sessions, s.Index);
        var h = s.Habits;
        for (var daysAgo = ScaleWorld.Days - 1; daysAgo >= 0; daysAgo--)
        {
            if (daysAgo < h.StoppedDaysAgo) yield break;
            var day = world.Day(daysAgo);
            var weekend = ScaleWorld.IsWeekend(day);
            if (rng.NextDouble() >= (weekend ? 0.085 : 0.165) * h.Activity) continue;
            var start = world.At(day, weekend ? rng.Next(9, 17) : rng.Next(16, 20), rng.Next(60));
            var minutes = weekend ? rng.Next(20, 70) : rng.Next(15, 50);
            if (start.AddMinutes(minutes) > world.Now) yield break;
            yield return new ActivitySession
            {
                Id = _sessionIds.Next(), StudentId = s.Student.Id, StartedAt = start, DurationMinutes = minutes,
                Device = rng.NextDouble() < 0.1 ? DeviceKind.shared_lab : (DeviceKind)(int)h.Device,
                LessonsTouched = Math.Max(1, minutes / rng.Next(10, 19)),
            };
        }
    }

    public IEnumerable<Assessment> AssessmentsOf(ScaleStudent s)
    {
        var rng = ScaleWorld.RngFor(Assessments, s.Index);
        var courses = curriculum.ByGrade[s.Student.Grade];
        var days = Enumerable.Range(0, 20).Select(_ => rng.Next(1, ScaleWorld.Days)).Order().Reverse().ToList();
        foreach (var daysAgo in days)
        {
            var course = courses[rng.Next(courses.Count)];
            // A little better as the year goes on, with the usual noise of a single test.
            var score = Math.Clamp(s.Habits.Ability + (ScaleWorld.Days - daysAgo) / 40.0 + (rng.NextDouble() * 2 - 1) * 15, 0, 100);
            var rounded = Math.Round((decimal)score, 1);
            yield return new Assessment
            {
                Id = _assessmentIds.Next(), StudentId = s.Student.Id, LearningAreaId = course.LearningAreaId,
                Title = $"{curriculum.AreaNames[course.LearningAreaId]} check {rng.Next(1, 12)}", Score = rounded,
                RubricLevel = rounded switch { >= 80 => RubricLevel.EE, >= 60 => RubricLevel.ME, >= 40 => RubricLevel.AE, _ => RubricLevel.BE },
                AssessedAt = world.AtDaysAgo(rng, daysAgo, 8, 15),
            };
        }
    }

    /// <summary>Each of the seven competencies rated at the end of each of the last three terms.</summary>
    public IEnumerable<CompetencyScore> CompetencyScoresOf(ScaleStudent s)
    {
        var rng = ScaleWorld.RngFor(Competencies, s.Index);
        foreach (var daysAgo in new[] { 300, 180, 60 })
        {
            var day = world.Day(daysAgo);
            while (ScaleWorld.IsWeekend(day)) day = day.AddDays(-1);
            foreach (var competency in Enum.GetValues<CoreCompetency>())
                yield return new CompetencyScore
                {
                    Id = _competencyIds.Next(), StudentId = s.Student.Id, Competency = competency, AssessedOn = day,
                    Score = Math.Round((decimal)Math.Clamp(1 + s.Habits.Ability / 100 * 3 + (rng.NextDouble() * 2 - 1) * 0.5, 1, 4), 2),
                };
        }
    }

    /// <summary>What the student did with their grade's courses: enrollment, lessons done in order, a certificate per finished course.</summary>
    private sealed record CourseWork(Course Course, DateTime EnrolledAt, int Completed, List<DateTime> CompletedAt);

    private List<CourseWork> CourseWorkOf(ScaleStudent s)
    {
        var rng = ScaleWorld.RngFor(Courses, s.Index);
        var work = new List<CourseWork>();
        foreach (var course in curriculum.ByGrade[s.Student.Grade])
        {
            var enrolled = world.AtDaysAgo(rng, rng.Next(330, 364));
            var share = Math.Clamp(s.Habits.Activity * 0.35 + rng.NextDouble() * 0.25 - 0.1, 0, 1);
            var completed = (int)Math.Round(course.Lessons.Count * share);
            var lastDay = Math.Max(s.Habits.StoppedDaysAgo, 1);
            var times = Enumerable.Range(0, completed).Select(_ => rng.Next(lastDay, 320)).Order().Reverse()
                .Select(d => world.AtDaysAgo(rng, d, 16, 19)).ToList();
            work.Add(new CourseWork(course, enrolled, completed, times));
        }
        return work;
    }

    public IEnumerable<CourseEnrollment> EnrollmentsOf(ScaleStudent s) =>
        CourseWorkOf(s).Select(w => new CourseEnrollment
        {
            Id = _enrollmentIds.Next(), StudentId = s.Student.Id, CourseId = w.Course.Id, EnrolledAt = w.EnrolledAt,
            CompletedAt = w.Completed == w.Course.Lessons.Count && w.Completed > 0 ? w.CompletedAt[^1] : null,
        });

    public IEnumerable<LessonProgress> ProgressOf(ScaleStudent s)
    {
        var rng = ScaleWorld.RngFor(Courses + 100, s.Index);
        var rows = new List<LessonProgress>();
        foreach (var w in CourseWorkOf(s))
        {
            var lessons = w.Course.Lessons.OrderBy(l => l.Sequence).ToList();
            for (var i = 0; i < w.Completed; i++)
                rows.Add(new LessonProgress
                {
                    StudentId = s.Student.Id, LessonId = lessons[i].Id, Status = LessonStatus.completed,
                    Score = Math.Round((decimal)Math.Clamp(s.Habits.Ability + (rng.NextDouble() * 2 - 1) * 12, 0, 100), 1),
                    TimeSpentSeconds = lessons[i].DurationMinutes * 60 + rng.Next(-120, 600),
                    CompletedAt = w.CompletedAt[i], UpdatedAt = w.CompletedAt[i],
                });
            if (w.Completed < lessons.Count && w.Completed > 0)
                rows.Add(new LessonProgress
                {
                    StudentId = s.Student.Id, LessonId = lessons[w.Completed].Id, Status = LessonStatus.in_progress,
                    TimeSpentSeconds = rng.Next(60, lessons[w.Completed].DurationMinutes * 60), UpdatedAt = w.CompletedAt[^1].AddDays(1),
                });
        }
        // Sorted by lesson so the (student_id, lesson_id) index is appended to; ids follow that order.
        foreach (var row in rows.OrderBy(r => r.LessonId)) { row.Id = _progressIds.Next(); yield return row; }
    }

    public IEnumerable<Achievement> AchievementsOf(ScaleStudent s)
    {
        var work = CourseWorkOf(s);
        var awards = new List<Achievement>();
        foreach (var w in work.Where(w => w.Completed == w.Course.Lessons.Count && w.Completed > 0))
            awards.Add(new Achievement
            {
                StudentId = s.Student.Id, Kind = AchievementKind.certificate, Title = $"Certificate of completion: {w.Course.Title}",
                Description = $"Completed all {w.Completed} lessons of {w.Course.Title}.", AwardedAt = w.CompletedAt[^1],
                LearningAreaId = w.Course.LearningAreaId,
            });
        var done = work.SelectMany(w => w.CompletedAt).Order().ToList();
        foreach (var count in new[] { 1, 10, 25, 50 }.Where(c => c <= done.Count))
            awards.Add(new Achievement
            {
                StudentId = s.Student.Id, Kind = AchievementKind.milestone, AwardedAt = done[count - 1],
                Title = count == 1 ? "First lesson completed" : $"{count} lessons completed",
                Description = $"Completed {count} lesson{(count == 1 ? "" : "s")} on Elimu.",
            });
        if (s.Habits.Activity > 1.0 && done.Count > 0)
            awards.Add(new Achievement
            {
                StudentId = s.Student.Id, Kind = AchievementKind.badge, Title = "7-day streak", Description = "Learned seven days in a row.",
                AwardedAt = done[done.Count / 2],
            });
        foreach (var a in awards.OrderBy(a => a.AwardedAt)) { a.Id = _achievementIds.Next(); yield return a; }
    }

    private readonly SequentialIds _sessionIds = world.Ids(Sessions), _assessmentIds = world.Ids(Assessments),
        _competencyIds = world.Ids(Competencies), _enrollmentIds = world.Ids(Courses), _progressIds = world.Ids(Courses + 1),
        _achievementIds = world.Ids(Courses + 2);
}
