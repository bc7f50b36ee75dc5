using System.Net;
using System.Text.Json;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Analytics;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Content.SponsoredCourseTestKit;

namespace Elimu.Api.Tests.Partners.Content;

/// <summary>A course's monitoring against figures worked out by hand: only consented children count, in a fixed number of queries.</summary>
public sealed class SponsoredCourseMonitoringTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    /// <summary>
    /// Lessons L1-L3 with the guide between L1 and L2. Amani did all three (80, 90, 70; 10 + 15 + 5 minutes); Baraka did
    /// L1 (60, 20 minutes) and is in L2 (5 minutes). Chausiku (withdrawn), Dalia (never asked) and a child no partner
    /// sponsors did everything, and count nowhere.
    /// </summary>
    private async Task<(CourseStory Story, Guid CourseId)> MonitoredCourseAsync()
    {
        var s = await api.CourseStoryAsync();
        var (l1, l2, l3) = (s.Lessons[0], s.Lessons[1], s.Lessons[2]);
        await api.ProgressAsync(s.Students["Amani"], l1, LessonStatus.completed, 80, 600);
        await api.ProgressAsync(s.Students["Amani"], l2, LessonStatus.completed, 90, 900);
        await api.ProgressAsync(s.Students["Amani"], l3, LessonStatus.completed, 70, 300);
        await api.ProgressAsync(s.Students["Baraka"], l1, LessonStatus.completed, 60, 1200);
        await api.ProgressAsync(s.Students["Baraka"], l2, LessonStatus.in_progress, null, 300);
        var outsider = await api.PlatformStudentAsync("Zawadi", CbcGrade.Grade5, "Kisumu");
        foreach (var student in new[] { s.Students["Chausiku"], s.Students["Dalia"], outsider })
            foreach (var lesson in s.Lessons)
                await api.ProgressAsync(student, lesson, LessonStatus.completed, 100, 6000);
        var id = (await s.Client.PostAsync(Courses, Body([Lesson(l1), Resource(s.ApprovedResource), Lesson(l2), Lesson(l3)], [s.ProgramId]))
            .ExpectStatusAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await s.Client.PostAsync($"{Courses}/{id}/publish").ExpectStatusAsync(HttpStatusCode.OK);
        return (s, id);
    }

    [Fact]
    public async Task The_figures_count_consented_children_only_and_the_read_is_audited()
    {
        var (s, id) = await MonitoredCourseAsync();
        var m = await s.Client.GetAsync($"{Courses}/{id}/monitoring").ExpectStatusAsync(HttpStatusCode.OK);

        Assert.Equal(2, m.GetProperty("enrolledChildren").GetInt32());
        Assert.Equal(1, m.GetProperty("completedChildren").GetInt32());
        Assert.Equal(50m, m.GetProperty("completionRate").GetDecimal());
        Assert.Equal(75m, m.GetProperty("averageScore").GetDecimal()); // (80 + 90 + 70 + 60) / 4
        Assert.Equal(55, m.GetProperty("minutesSpent").GetInt32()); // 3,300 seconds
        Assert.Equal(27.5m, m.GetProperty("averageMinutesPerChild").GetDecimal());
        var items = m.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal((true, 2, 2, 100m, 70m, 30), Figures(items[0]));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("dropOff").ValueKind);
        Assert.False(items[1].GetProperty("tracked").GetBoolean()); // the guide: no child's use of it is recorded
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("reached").ValueKind);
        Assert.Equal((true, 2, 1, 100m, 90m, 20), Figures(items[2]));
        Assert.Equal(0, items[2].GetProperty("dropOff").GetInt32());
        Assert.Equal((true, 1, 1, 50m, 70m, 5), Figures(items[3]));
        Assert.Equal(1, items[3].GetProperty("dropOff").GetInt32());

        var audit = await api.WithDbAsync(db => db.AuditLog.Include(a => a.Students)
            .SingleAsync(a => a.PartnerId == s.PartnerId && a.Action == "child.read.course-monitoring"));
        Assert.Equal(new[] { s.Students["Amani"], s.Students["Baraka"] }.Order(), audit.Students.Select(x => x.StudentId).Order());

        // Baraka's guardian withdraws: he leaves every figure at once.
        var baraka = (await api.WithDbAsync(db => db.SponsoredChildren.Where(c => c.StudentId == s.Students["Baraka"]).Select(c => c.Id).ToListAsync())).Single();
        await api.WithDbAsync(async db =>
        {
            await db.SponsorshipConsents.Where(k => k.SponsoredChildId == baraka).ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, DateTime.UtcNow));
        });
        m = await s.Client.GetAsync($"{Courses}/{id}/monitoring").ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal((1, 1, 100m, 80m, 30), (m.GetProperty("enrolledChildren").GetInt32(), m.GetProperty("completedChildren").GetInt32(),
            m.GetProperty("completionRate").GetDecimal(), m.GetProperty("averageScore").GetDecimal(), m.GetProperty("minutesSpent").GetInt32()));
    }

    [Fact]
    public async Task A_course_with_no_child_yet_shows_zeros_not_errors()
    {
        var s = await api.CourseStoryAsync();
        var id = (await s.Client.PostAsync(Courses, Body([Lesson(s.Lessons[0])], [s.ProgramId])).ExpectStatusAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await s.Client.PostAsync($"{Courses}/{id}/publish").ExpectStatusAsync(HttpStatusCode.OK);
        var m = await s.Client.GetAsync($"{Courses}/{id}/monitoring").ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(0, m.GetProperty("enrolledChildren").GetInt32());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("completionRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, m.GetProperty("averageScore").ValueKind);
        Assert.Equal(0, m.GetProperty("items")[0].GetProperty("reached").GetInt32());
    }

    [Fact]
    public async Task Monitoring_costs_the_same_number_of_queries_whatever_the_number_of_children()
    {
        var (s, id) = await MonitoredCourseAsync();
        await api.CountQueriesOfNextRequestAsync(s.Client);
        (await s.Client.GetAsync($"{Courses}/{id}/monitoring")).EnsureSuccessStatusCode();
        var few = api.Queries.Count;

        var start = new DateTime(2025, 1, 10, 7, 0, 0, DateTimeKind.Utc);
        var (program, more) = await api.AnalyticsProgramAsync(s.PartnerId, "Kakamega readers",
            [.. Enumerable.Range(1, 12).Select(i => new AnalyticsChild($"Child{i}", start, start.AddDays(1)))]);
        foreach (var student in more.Values)
            foreach (var lesson in s.Lessons)
                await api.ProgressAsync(student, lesson, LessonStatus.completed, 50, 60);
        await s.Client.PutAsync($"{Courses}/{id}", Body([Lesson(s.Lessons[0]), Resource(s.ApprovedResource), Lesson(s.Lessons[1]), Lesson(s.Lessons[2])],
            [s.ProgramId, program])).ExpectStatusAsync(HttpStatusCode.OK);

        await api.CountQueriesOfNextRequestAsync(s.Client);
        var m = await s.Client.GetAsync($"{Courses}/{id}/monitoring").ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(14, m.GetProperty("enrolledChildren").GetInt32());
        Assert.Equal(few, api.Queries.Count);
        // The course and its items, lessons, resources, programs; the gate: suspended programs, the children, per lesson, completers.
        Assert.Equal(8, few);
    }

    private static (bool Tracked, int Reached, int Completed, decimal Percent, decimal Score, int Minutes) Figures(JsonElement i) =>
        (i.GetProperty("tracked").GetBoolean(), i.GetProperty("reached").GetInt32(), i.GetProperty("completed").GetInt32(),
            i.GetProperty("reachedPercent").GetDecimal(), i.GetProperty("averageScore").GetDecimal(), i.GetProperty("minutesSpent").GetInt32());
}
