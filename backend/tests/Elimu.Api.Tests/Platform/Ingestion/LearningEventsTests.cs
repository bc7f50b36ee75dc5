using System.Net;
using Elimu.Api.Platform.Learning.Rollups;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Platform.Ingestion.IngestionTestKit;

namespace Elimu.Api.Tests.Platform.Ingestion;

/// <summary>POST /api/v1/learning/events: service-key authentication, whole-batch validation, de-duplication, rollups.</summary>
public sealed class LearningEventsTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private static DateTimeOffset HoursAgo(double hours) => DateTimeOffset.UtcNow.AddHours(-hours);

    [Fact]
    public async Task Only_a_live_service_key_may_send_events_and_a_user_session_is_not_one()
    {
        var (students, _, _) = await DemoReferencesAsync(api);
        object[] batch = [Session(students[0], HoursAgo(1), 10)];

        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(anonymous, batch)).StatusCode);
        using var wrong = Service(api, "elk_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(wrong, batch)).StatusCode);

        // A signed-in admin's cookie (and its antiforgery token) does not make a service.
        using var admin = await api.LoginAsync("admin@elimu.demo");
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.PostAsync(Route, new { events = batch })).StatusCode);

        var (_, key) = await CreateKeyAsync(api);
        using var bearer = Service(api, key, bearer: true);
        Assert.Equal(1, (await ResultAsync(await SendAsync(bearer, batch))).Received);
    }

    [Fact]
    public async Task Only_an_admin_manages_keys_and_the_secret_is_shown_once_and_stored_as_a_hash()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync("/api/v1/admin/service-keys", new { name = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/admin/service-keys")).StatusCode);

        var (id, key) = await CreateKeyAsync(api, "hash check");
        using var admin = await api.LoginAsync("admin@elimu.demo");
        var list = await (await admin.GetAsync("/api/v1/admin/service-keys")).Content.ReadAsStringAsync();
        Assert.Contains(id.ToString(), list);
        Assert.DoesNotContain(key, list);
        var stored = await api.WithDbAsync(db => db.ServiceApiKeys.SingleAsync(k => k.Id == id));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), stored.KeyHash);
        Assert.True(key.Length >= 40); // 256 random bits
    }

    [Fact]
    public async Task A_rotated_key_keeps_working_until_revoked_and_the_new_one_works_at_once()
    {
        var (students, _, _) = await DemoReferencesAsync(api);
        var (oldId, oldKey) = await CreateKeyAsync(api, "rotating app");
        using var admin = await api.LoginAsync("admin@elimu.demo");
        var rotated = await (await admin.PostAsync($"/api/v1/admin/service-keys/{oldId}/rotate")).JsonAsync();
        var newKey = rotated.GetProperty("key").GetString()!;
        Assert.Equal("rotating app", rotated.GetProperty("name").GetString());

        using var oldClient = Service(api, oldKey);
        using var newClient = Service(api, newKey);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(oldClient, [Session(students[0], HoursAgo(2), 5)])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(newClient, [Session(students[0], HoursAgo(2), 5)])).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/service-keys/{oldId}/revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(oldClient, [Session(students[0], HoursAgo(2), 5)])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(newClient, [Session(students[0], HoursAgo(2), 5)])).StatusCode);
        var used = await api.WithDbAsync(db => db.ServiceApiKeys.Where(k => k.Id == oldId).Select(k => k.LastUsedAt).SingleAsync());
        Assert.NotNull(used);

        // Each change of a key is in the audit log with the admin who made it; revoking twice records it once.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/service-keys/{oldId}/revoke")).StatusCode);
        var newId = rotated.GetProperty("id").GetGuid();
        var adminId = await api.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@elimu.demo").Select(u => u.Id).SingleAsync());
        var audited = await api.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.EntityType == "service_api_key" && (e.EntityId == oldId.ToString() || e.EntityId == newId.ToString()))
            .Select(e => new { e.Action, e.EntityId, e.UserId }).ToListAsync());
        Assert.Equal(3, audited.Count);
        Assert.All(audited, e => Assert.Equal(adminId, e.UserId));
        Assert.Contains(audited, e => e.Action == "service_key.create" && e.EntityId == oldId.ToString());
        Assert.Contains(audited, e => e.Action == "service_key.rotate" && e.EntityId == newId.ToString() && e.UserId == adminId);
        Assert.Single(audited, e => e.Action == "service_key.revoke" && e.EntityId == oldId.ToString() && e.UserId == adminId);
        Assert.DoesNotContain(rotated.GetProperty("key").GetString()!, string.Join(' ', await api.WithDbAsync(db =>
            db.AuditLog.AsNoTracking().Where(e => e.EntityType == "service_api_key").Select(e => e.Details).ToListAsync())));
    }

    [Fact]
    public async Task A_resent_or_overlapping_batch_stores_nothing_twice()
    {
        var (students, area, lesson) = await DemoReferencesAsync(api);
        var (_, key) = await CreateKeyAsync(api);
        using var client = Service(api, key);
        var first = new List<object>
        {
            Session(students[1], HoursAgo(3), 25, area: area), Assessment(students[1], HoursAgo(3), area, 72.5m),
            Achievement(students[1], HoursAgo(3)), Lesson(students[1], lesson, HoursAgo(3), "completed"),
        };
        var before = await CountsAsync();

        Assert.Equal(new(4, 4, 0), await ResultAsync(await SendAsync(client, first)));
        Assert.Equal(new(4, 0, 4), await ResultAsync(await SendAsync(client, first)));
        var overlapping = first.Skip(2).Append(Session(students[1], HoursAgo(2), 15)).ToList();
        Assert.Equal(new(3, 1, 2), await ResultAsync(await SendAsync(client, overlapping)));

        var after = await CountsAsync();
        Assert.Equal(before.Sessions + 2, after.Sessions);
        Assert.Equal(before.Assessments + 1, after.Assessments);
        Assert.Equal(before.Achievements + 1, after.Achievements);
        Assert.Equal(before.Receipts + 5, after.Receipts);
        await AssertRollupsMatchRawRowsAsync();
    }

    [Fact]
    public async Task Parallel_sends_of_overlapping_batches_store_each_event_once()
    {
        var (students, area, _) = await DemoReferencesAsync(api);
        var (_, key) = await CreateKeyAsync(api);
        var events = Enumerable.Range(0, 60).Select(i => (Id: Guid.NewGuid(), Student: students[i % students.Count], Minutes: 5 + i)).ToList();
        var before = await CountsAsync();

        // Eight senders, each with a window of the same events that overlaps its neighbours'.
        var sends = Enumerable.Range(0, 8).Select(async s =>
        {
            using var client = Service(api, key);
            var window = events.Skip(s * 5).Take(30).Select(e => Session(e.Student, HoursAgo(4), e.Minutes, area: area, id: e.Id));
            return await ResultAsync(await SendAsync(client, window));
        });
        var results = await Task.WhenAll(sends);

        var distinct = Enumerable.Range(0, 8).SelectMany(s => events.Skip(s * 5).Take(30)).Select(e => e.Id).Distinct().Count();
        Assert.Equal(distinct, results.Sum(r => r.Stored));
        var after = await CountsAsync();
        Assert.Equal(before.Sessions + distinct, after.Sessions);
        await AssertRollupsMatchRawRowsAsync();
    }

    [Fact]
    public async Task A_bad_event_refuses_the_whole_batch_naming_its_index_and_reason()
    {
        var (students, area, lesson) = await DemoReferencesAsync(api);
        var (_, key) = await CreateKeyAsync(api);
        using var client = Service(api, key);
        var before = await CountsAsync();

        async Task Refused(object bad, string field, string reasonPart)
        {
            var response = await SendAsync(client, [Session(students[0], HoursAgo(1), 10), Assessment(students[0], HoursAgo(1), area, 50m), bad]);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.JsonAsync();
            Assert.Equal("invalid_event_batch", problem.GetProperty("code").GetString());
            Assert.Equal(2, problem.GetProperty("index").GetInt32());
            Assert.Contains(reasonPart, problem.GetProperty("reason").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty($"events[2].{field}", out _), problem.ToString());
        }

        await Refused(Session(Guid.NewGuid(), HoursAgo(1), 10), "studentId", "No student");
        await Refused(Session(students[0], DateTimeOffset.UtcNow.AddHours(2), 10), "occurredAt", "future");
        await Refused(Session(students[0], DateTimeOffset.UtcNow.AddDays(-400), 10), "occurredAt", "days ago");
        await Refused(Session(students[0], HoursAgo(1), 0), "durationMinutes", "minutes");
        await Refused(Assessment(students[0], HoursAgo(1), "NO-SUCH-AREA", 50m), "learningAreaCode", "No learning area");
        await Refused(Assessment(students[0], HoursAgo(1), area, 100.5m), "score", "0 to 100");
        await Refused(Lesson(students[0], Guid.NewGuid(), HoursAgo(1), "completed"), "lessonId", "No lesson");
        var duplicate = Guid.NewGuid();
        var twice = await SendAsync(client, [Session(students[0], HoursAgo(1), 10, id: duplicate), Session(students[0], HoursAgo(1), 11, id: duplicate)]);
        Assert.Equal(1, (await twice.JsonAsync()).GetProperty("index").GetInt32());

        var tooMany = await SendAsync(client, Enumerable.Range(0, 1001).Select(_ => Session(students[0], HoursAgo(1), 10)));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(before, await CountsAsync()); // nothing of any refused batch was stored
    }

    [Fact]
    public async Task A_lesson_completion_counts_once_on_its_day_and_moves_with_a_newer_state()
    {
        var (students, _, lesson) = await DemoReferencesAsync(api, 8);
        var student = students[^1];
        var (_, key) = await CreateKeyAsync(api);
        using var client = Service(api, key);
        await ResultAsync(await SendAsync(client, [Lesson(student, lesson, HoursAgo(30), "completed")]));
        await ResultAsync(await SendAsync(client, [Lesson(student, lesson, HoursAgo(50), "in_progress")])); // older: ignored
        await AssertRollupsMatchRawRowsAsync();
        await ResultAsync(await SendAsync(client, [Lesson(student, lesson, HoursAgo(1), "completed")])); // completed again, later
        await AssertRollupsMatchRawRowsAsync();
        var state = await api.WithDbAsync(db => db.LessonProgress.SingleAsync(p => p.StudentId == student && p.LessonId == lesson));
        Assert.True(state.CompletedAt > DateTime.UtcNow.AddHours(-2));
    }

    [Fact]
    public async Task The_rebuild_recomputes_the_same_rollups_and_can_run_twice()
    {
        var (students, area, _) = await DemoReferencesAsync(api);
        var (_, key) = await CreateKeyAsync(api);
        using var client = Service(api, key);
        await ResultAsync(await SendAsync(client, [Session(students[2], HoursAgo(26), 40, "desktop", area), Assessment(students[2], HoursAgo(26), area, 61.25m)]));
        var live = await api.WithDbAsync(StoredRollupsAsync);

        await api.WithDbAsync(db => LearningRollups.RebuildAsync(db, studentsPerBatch: 7));
        Assert.Equal(live, await api.WithDbAsync(StoredRollupsAsync));
        await api.WithDbAsync(db => LearningRollups.RebuildAsync(db));
        Assert.Equal(live, await api.WithDbAsync(StoredRollupsAsync));
        await AssertRollupsMatchRawRowsAsync();
    }

    [Fact]
    public async Task Every_rollup_column_and_area_row_matches_a_recomputation_live_and_after_a_rebuild_of_all_or_some()
    {
        var (students, _, _) = await DemoReferencesAsync(api);
        // A student of their own, so every figure below is this test's.
        var student = await api.WithDbAsync(async db =>
        {
            var s = new Elimu.Api.Platform.Students.Student
            {
                FirstName = "Rollup", LastName = "Check", DateOfBirth = new DateOnly(2015, 3, 1), School = "Test School",
                County = "Nairobi", AdmissionNumber = $"RC-{Guid.NewGuid():N}"[..20], CreatedAt = DateTime.UtcNow,
            };
            db.Students.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var areas = await api.WithDbAsync(db => db.LearningAreas.OrderBy(a => a.Code).Select(a => a.Code).Take(2).ToListAsync());
        var lesson = await api.WithDbAsync(db => db.Lessons.OrderByDescending(l => l.Id).Select(l => l.Id).FirstAsync());
        var (_, key) = await CreateKeyAsync(api);
        using var client = Service(api, key);
        // Either side of a Nairobi midnight (21:00 UTC), with fractions of a second that order differently as text and as numbers.
        var midnight = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-2).AddHours(21), TimeSpan.Zero);
        var beforeMidnight = midnight.AddTicks(-1);
        await ResultAsync(await SendAsync(client, [
            Session(student, beforeMidnight, 11, "mobile", areas[0]), Session(student, beforeMidnight.AddSeconds(-1).AddMilliseconds(250), 12, "tablet", areas[0]),
            Session(student, midnight, 13, "desktop", areas[0]), Session(student, midnight.AddMilliseconds(500), 14, "shared_lab", areas[1]),
            Session(student, midnight.AddMinutes(5), 15, "mobile"), Session(student, midnight.AddMinutes(6), 16, "shared_lab"),
            Assessment(student, beforeMidnight, areas[0], 61.25m), Assessment(student, midnight, areas[0], 99.99m), Assessment(student, midnight, areas[1], 0.01m),
            Achievement(student, midnight, areas[1]), Achievement(student, beforeMidnight),
            Lesson(student, lesson, midnight.AddMinutes(1), "completed"),
        ]));

        var mine = await api.WithDbAsync(db => db.LearningDayRollups.AsNoTracking().Where(r => r.StudentId == student).ToListAsync());
        // The fixture's rows are spread so every column and kind of row is exercised: the comparison below cannot pass on zeros.
        Assert.Equal(2, mine.Select(r => r.Day).Distinct().Count());
        Assert.Contains(mine, r => r.LearningAreaId == LearningDayRollup.NoArea && r.Sessions == 2 && r.MobileMinutes == 15 && r.SharedLabMinutes == 16);
        Assert.Contains(mine, r => r.TabletSessions == 1 && r.MobileSessions == 1 && r.Assessments == 1 && r.AssessmentScoreHundredths == 6125);
        Assert.Contains(mine, r => r.DesktopMinutes == 13 && r.AssessmentScoreHundredths == 9999);
        Assert.Contains(mine, r => r.SharedLabSessions == 1 && r.Achievements == 1 && r.AssessmentScoreHundredths == 1);
        Assert.Equal(1, mine.Sum(r => r.LessonsCompleted));
        Assert.Contains(mine, r => r.LastSessionAt is { } last && Math.Abs((last - beforeMidnight.UtcDateTime).Ticks) < 10); // PostgreSQL keeps microseconds
        await AssertRollupsMatchRawRowsAsync();

        var live = await api.WithDbAsync(StoredRollupsAsync);
        await api.WithDbAsync(db => LearningRollups.RebuildAsync(db, [student, students[0]]));
        Assert.Equal(live, await api.WithDbAsync(StoredRollupsAsync));
        await api.WithDbAsync(db => db.LearningDayRollups.ExecuteDeleteAsync());
        await api.WithDbAsync(db => LearningRollups.RebuildAsync(db, studentsPerBatch: 5));
        Assert.Equal(live, await api.WithDbAsync(StoredRollupsAsync));
        await AssertRollupsMatchRawRowsAsync();
    }

    private async Task AssertRollupsMatchRawRowsAsync()
    {
        var (stored, recomputed) = await api.WithDbAsync(async db => (await StoredRollupsAsync(db), await RecomputedRollupsAsync(db)));
        Assert.Equal(recomputed.Count, stored.Count);
        Assert.Equal(recomputed, stored);
    }

    private Task<(int Sessions, int Assessments, int Achievements, int Receipts)> CountsAsync() => api.WithDbAsync(async db => (
        await db.ActivitySessions.CountAsync(), await db.Assessments.CountAsync(), await db.Achievements.CountAsync(),
        await db.LearningEventReceipts.CountAsync()));
}
