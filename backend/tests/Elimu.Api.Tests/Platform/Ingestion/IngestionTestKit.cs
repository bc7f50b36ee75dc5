using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Rollups;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Platform.Ingestion;

/// <summary>Service keys, event batches and an independent recomputation of the rollups for the ingestion tests.</summary>
internal static class IngestionTestKit
{
    public const string Route = "/api/v1/learning/events";

    /// <summary>A fresh service key, created through the admin route.</summary>
    public static async Task<(Guid Id, string Key)> CreateKeyAsync(ElimuApiFactory api, string name = "learning app")
    {
        using var admin = await api.LoginAsync("admin@elimu.demo");
        var response = await admin.PostAsync("/api/v1/admin/service-keys", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }

    /// <summary>A client that speaks as a service: the key in a header, no cookies, no antiforgery token.</summary>
    public static HttpClient Service(ElimuApiFactory api, string key, bool bearer = false)
    {
        var client = api.CreateClient();
        if (bearer) client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        else client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, IEnumerable<object> events) =>
        client.PostAsJsonAsync(Route, new { events }, ApiClient.Json);

    public static async Task<(List<Guid> Students, string AreaCode, Guid LessonId)> DemoReferencesAsync(ElimuApiFactory api, int students = 5) =>
        await api.WithDbAsync(async db => (
            await db.Students.OrderBy(s => s.Id).Select(s => s.Id).Take(students).ToListAsync(),
            await db.LearningAreas.OrderBy(a => a.Code).Select(a => a.Code).FirstAsync(),
            await db.Lessons.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync()));

    public static object Session(Guid student, DateTimeOffset at, int minutes, string device = "tablet", string? area = null, Guid? id = null) =>
        new { id = id ?? Guid.NewGuid(), kind = "session", studentId = student, occurredAt = at, durationMinutes = minutes, device, lessonsTouched = 2, learningAreaCode = area };

    public static object Assessment(Guid student, DateTimeOffset at, string area, decimal score, Guid? id = null) =>
        new { id = id ?? Guid.NewGuid(), kind = "assessment", studentId = student, occurredAt = at, learningAreaCode = area, title = "Weekly check", score, rubricLevel = "ME" };

    public static object Achievement(Guid student, DateTimeOffset at, string? area = null) =>
        new { id = Guid.NewGuid(), kind = "achievement", studentId = student, occurredAt = at, achievementKind = "badge", title = "Seven-day streak", learningAreaCode = area };

    public static object Lesson(Guid student, Guid lesson, DateTimeOffset at, string status, Guid? id = null) =>
        new { id = id ?? Guid.NewGuid(), kind = "lesson_progress", studentId = student, occurredAt = at, lessonId = lesson, status, score = 80m, timeSpentSeconds = 600 };

    public static async Task<LearningEventBatchResultDto> ResultAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<LearningEventBatchResultDto>(ApiClient.Json))!;
    }

    public sealed record LearningEventBatchResultDto(int Received, int Stored, int Duplicates);

    /// <summary>The stored rollups, without rows that hold nothing (a lesson completion that moved leaves one behind).</summary>
    public static async Task<List<string>> StoredRollupsAsync(AppDbContext db) =>
        Describe(await db.LearningDayRollups.AsNoTracking().ToListAsync());

    /// <summary>
    /// The rollups recomputed from the raw rows here, independently of the product's tally: plain LINQ over every row.
    /// </summary>
    public static async Task<List<string>> RecomputedRollupsAsync(AppDbContext db)
    {
        static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(NairobiTime.ToNairobi(utc));
        var rows = new Dictionary<(Guid, DateOnly, Guid), LearningDayRollup>();
        LearningDayRollup Row(Guid s, DateTime at, Guid? area)
        {
            var key = (s, Day(at), area ?? Guid.Empty);
            return rows.TryGetValue(key, out var r) ? r : rows[key] = new LearningDayRollup { StudentId = s, Day = key.Item2, LearningAreaId = key.Item3 };
        }
        foreach (var s in await db.ActivitySessions.AsNoTracking().ToListAsync())
        {
            var r = Row(s.StudentId, s.StartedAt, s.LearningAreaId);
            r.Minutes += s.DurationMinutes; r.Sessions++;
            r.LastSessionAt = r.LastSessionAt is { } l && l > s.StartedAt ? l : s.StartedAt;
            switch (s.Device)
            {
                case DeviceKind.mobile: r.MobileMinutes += s.DurationMinutes; r.MobileSessions++; break;
                case DeviceKind.tablet: r.TabletMinutes += s.DurationMinutes; r.TabletSessions++; break;
                case DeviceKind.desktop: r.DesktopMinutes += s.DurationMinutes; r.DesktopSessions++; break;
                case DeviceKind.shared_lab: r.SharedLabMinutes += s.DurationMinutes; r.SharedLabSessions++; break;
            }
        }
        var areaOfLesson = await db.Lessons.AsNoTracking().Select(l => new { l.Id, l.Course!.LearningAreaId }).ToDictionaryAsync(l => l.Id, l => l.LearningAreaId);
        foreach (var p in await db.LessonProgress.AsNoTracking().Where(p => p.Status == LessonStatus.completed && p.CompletedAt != null).ToListAsync())
            Row(p.StudentId, p.CompletedAt!.Value, areaOfLesson[p.LessonId]).LessonsCompleted++;
        foreach (var a in await db.Assessments.AsNoTracking().ToListAsync())
        {
            var r = Row(a.StudentId, a.AssessedAt, a.LearningAreaId);
            r.Assessments++; r.AssessmentScoreHundredths += (long)(a.Score * 100);
        }
        foreach (var a in await db.Achievements.AsNoTracking().ToListAsync()) Row(a.StudentId, a.AwardedAt, a.LearningAreaId).Achievements++;
        return Describe(rows.Values);
    }

    private static List<string> Describe(IEnumerable<LearningDayRollup> rows) =>
        [.. rows.Where(r => r.Sessions != 0 || r.LessonsCompleted != 0 || r.Assessments != 0 || r.Achievements != 0)
            .Select(r => JsonSerializer.Serialize(Truncated(r))).Order()];

    // Times compare to the microsecond: PostgreSQL keeps microseconds, .NET ticks are a tenth of that.
    private static LearningDayRollup Truncated(LearningDayRollup r)
    {
        if (r.LastSessionAt is { } t) r.LastSessionAt = new DateTime(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
        return r;
    }
}
