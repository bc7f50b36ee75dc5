using Elimu.Api.Data;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform.Learning;

/// <summary>A clock stopped at one instant, so "today" and "this week" are the same on every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>A clock at a Nairobi wall-clock time (EAT, UTC+3).</summary>
    public static FixedClock AtNairobi(int year, int month, int day, int hour = 12, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(3)));
}

internal static class Eat
{
    /// <summary>The UTC instant of a Nairobi wall-clock time: how rows are stored.</summary>
    public static DateTime At(int year, int month, int day, int hour = 12, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-3);
}

/// <summary>Builds one student's learning records by hand; <see cref="SaveAsync"/> writes them in one go.</summary>
internal sealed class LearningTestData
{
    private readonly List<object> _rows = [];
    private readonly Dictionary<Guid, Course> _courses = [];
    private int _sequence;

    public Student Student { get; } = new()
    {
        FirstName = "Wanjiru", LastName = "Test", DateOfBirth = new DateOnly(2015, 4, 2), Gender = Gender.female,
        Grade = CbcGrade.Grade5, School = "Insights Test School", County = "Nairobi",
        AdmissionNumber = Guid.NewGuid().ToString("N")[..12],
    };

    public LearningTestData() => _rows.Add(Student);

    public Guid StudentId => Student.Id;

    /// <summary>A learning area with a unique code (the code column is unique and tests share one database).</summary>
    public LearningArea Area(string name)
    {
        var area = new LearningArea { Code = $"{name[..3].ToUpperInvariant()}-{Guid.NewGuid().ToString("N")[..8]}", Name = name };
        _rows.Add(area);
        return area;
    }

    public LearningTestData Session(DateTime startUtc, int minutes, DeviceKind device = DeviceKind.mobile)
    {
        _rows.Add(new ActivitySession { StudentId = StudentId, StartedAt = startUtc, DurationMinutes = minutes, Device = device, LessonsTouched = 1 });
        return this;
    }

    public LearningTestData Assessment(LearningArea area, decimal score, RubricLevel level, DateTime atUtc)
    {
        _rows.Add(new Assessment { StudentId = StudentId, LearningAreaId = area.Id, Title = $"{area.Name} check", Score = score, RubricLevel = level, AssessedAt = atUtc });
        return this;
    }

    public LearningTestData Competency(CoreCompetency competency, decimal score, DateOnly on)
    {
        _rows.Add(new CompetencyScore { StudentId = StudentId, Competency = competency, Score = score, AssessedOn = on });
        return this;
    }

    public Lesson Lesson(LearningArea area, string title)
    {
        if (!_courses.TryGetValue(area.Id, out var course))
        {
            course = new Course { LearningAreaId = area.Id, Title = $"{area.Name} Grade 5", Grade = CbcGrade.Grade5 };
            _courses[area.Id] = course;
            _rows.Add(course);
        }
        var lesson = new Lesson { CourseId = course.Id, Title = title, Sequence = ++_sequence, DurationMinutes = 20 };
        _rows.Add(lesson);
        return lesson;
    }

    public LearningTestData Progress(Lesson lesson, LessonStatus status, DateTime updatedAtUtc, decimal? score = null, int seconds = 600)
    {
        _rows.Add(new LessonProgress
        {
            StudentId = StudentId, LessonId = lesson.Id, Status = status, Score = score, TimeSpentSeconds = seconds,
            CompletedAt = status == LessonStatus.completed ? updatedAtUtc : null, UpdatedAt = updatedAtUtc,
        });
        return this;
    }

    public LearningTestData Award(AchievementKind kind, string title, DateTime awardedAtUtc, LearningArea? area = null)
    {
        _rows.Add(new Achievement { StudentId = StudentId, Kind = kind, Title = title, Description = $"{title}!", LearningAreaId = area?.Id, AwardedAt = awardedAtUtc });
        return this;
    }

    public async Task<Guid> SaveAsync(ElimuApiFactory api)
    {
        // Raw rows written behind the ingestion's back, as the platform's own tables would hold them; the figures read the rollups.
        await api.WithDbAsync(async db => { db.AddRange(_rows); await db.SaveChangesAsync(); await Elimu.Api.Platform.Learning.Rollups.LearningRollups.RebuildAsync(db, [StudentId]); });
        return StudentId;
    }
}

internal static class InsightsRunner
{
    /// <summary>Runs the service on a fresh scope's DbContext with a fixed clock, as the brief's tests do.</summary>
    public static Task<T> RunAsync<T>(this ElimuApiFactory api, TimeProvider clock, Func<ChildLearningInsights, Task<T>> work) =>
        api.WithDbAsync(db => work(new ChildLearningInsights(db, clock)));

    /// <summary>The number of SQL commands one call sends, on a context whose model is already built.</summary>
    public static async Task<int> CountQueriesAsync<T>(this ElimuApiFactory api, TimeProvider clock, Func<ChildLearningInsights, Task<T>> work) =>
        await api.WithDbAsync(async db =>
        {
            _ = db.Model;
            api.Queries.Reset();
            await work(new ChildLearningInsights(db, clock));
            return api.Queries.Count;
        });
}
