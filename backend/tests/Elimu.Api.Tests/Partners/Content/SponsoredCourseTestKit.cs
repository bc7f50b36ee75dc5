using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Content;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Analytics;

namespace Elimu.Api.Tests.Partners.Content;

/// <summary>A platform course of lessons, a partner with one program and resources, for the sponsored-course tests.</summary>
public sealed record CourseStory(Guid PartnerId, ApiClient Client, Guid ProgramId, Dictionary<string, Guid> Students, Guid[] Lessons,
    Guid ApprovedResource, Guid PendingResource);

public static class SponsoredCourseTestKit
{
    public const string Courses = "/api/v1/partner/content/courses";

    /// <summary>Three platform lessons (Grade 5), in a course of their own area.</summary>
    public static Task<Guid[]> PlatformLessonsAsync(this ElimuApiFactory api, string title = "Fractions") => api.WithDbAsync(async db =>
    {
        var area = new LearningArea { Code = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), Name = "Test Mathematics" };
        var course = new Course { LearningAreaId = area.Id, Title = $"Grade 5 {title}", Grade = CbcGrade.Grade5, CreatedAt = DateTime.UtcNow };
        for (var i = 1; i <= 3; i++) course.Lessons.Add(new Lesson { CourseId = course.Id, Title = $"{title} {i}", Sequence = i, DurationMinutes = 20 + i });
        db.LearningAreas.Add(area);
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course.Lessons.Select(l => l.Id).ToArray();
    });

    public static Task<Guid> ResourceAsync(this ElimuApiFactory api, Guid partnerId, string title, ResourceStatus status) => api.WithDbAsync(async db =>
    {
        var resource = new PartnerResource
        {
            PartnerId = partnerId, Title = title, ResourceType = ResourceType.document, Status = status, FileUrl = "https://cdn.test/" + title,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.PartnerResources.Add(resource);
        await db.SaveChangesAsync();
        return resource.Id;
    });

    /// <summary>
    /// A partner with an ACTIVE program: Amani and Baraka consented, Chausiku consented then withdrew, Dalia was never asked;
    /// three platform lessons, one approved and one pending resource of the partner's.
    /// </summary>
    public static async Task<CourseStory> CourseStoryAsync(this ElimuApiFactory api)
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var long_ago = new DateTime(2025, 1, 10, 7, 0, 0, DateTimeKind.Utc);
        var (programId, students) = await api.AnalyticsProgramAsync(partner.Id, "Kisumu readers",
        [
            new AnalyticsChild("Amani", long_ago, long_ago.AddDays(1)),
            new AnalyticsChild("Baraka", long_ago, long_ago.AddDays(1)),
            new AnalyticsChild("Chausiku", long_ago, long_ago.AddDays(1), RevokedAt: long_ago.AddDays(30)),
            new AnalyticsChild("Dalia", long_ago, null),
        ]);
        var lessons = await api.PlatformLessonsAsync();
        var approved = await api.ResourceAsync(partner.Id, "Reading circle guide", ResourceStatus.approved);
        var pending = await api.ResourceAsync(partner.Id, "Insha sheets", ResourceStatus.pending_review);
        return new CourseStory(partner.Id, client, programId, students, lessons, approved, pending);
    }

    public static Task ProgressAsync(this ElimuApiFactory api, Guid studentId, Guid lessonId, LessonStatus status, decimal? score, int seconds) =>
        api.WithDbAsync(async db =>
        {
            db.LessonProgress.Add(new LessonProgress
            {
                StudentId = studentId, LessonId = lessonId, Status = status, Score = score, TimeSpentSeconds = seconds,
                CompletedAt = status == LessonStatus.completed ? DateTime.UtcNow.AddDays(-2) : null, UpdatedAt = DateTime.UtcNow.AddDays(-2),
            });
            await db.SaveChangesAsync();
        });

    public static object Lesson(Guid id) => new { kind = "lesson", lessonId = id };

    public static object Resource(Guid id) => new { kind = "resource", resourceId = id };

    public static object Body(object[] items, Guid[] programs, string title = "Numbers and stories") =>
        new { title, description = "Core lessons", grade = "Grade5", learningArea = "MATH", items, targetPrograms = programs };

    public static async Task<JsonElement> ExpectStatusAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }
}
