using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Content;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Analytics;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Content.SponsoredCourseTestKit;

namespace Elimu.Api.Tests.Partners.Content;

/// <summary>Issue 19, sponsored courses over HTTP: built from platform lessons and approved resources, published, monitored.</summary>
public sealed class SponsoredCourseApiTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    [Fact]
    public async Task A_course_is_saved_with_its_items_in_order_and_listed_with_filters()
    {
        var s = await api.CourseStoryAsync();
        var created = await s.Client.PostAsync(Courses, Body([Lesson(s.Lessons[0]), Resource(s.ApprovedResource), Lesson(s.Lessons[1])], [s.ProgramId]))
            .ExpectStatusAsync(HttpStatusCode.Created);
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal("Mathematics", created.GetProperty("learningAreaName").GetString());
        var items = created.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Fractions 1", "Reading circle guide", "Fractions 2"], items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal([1, 2, 3], items.Select(i => i.GetProperty("position").GetInt32()));
        Assert.Equal("Grade 5 Fractions · lesson 1", items[0].GetProperty("detail").GetString());
        Assert.Equal("Kisumu readers", created.GetProperty("targetPrograms")[0].GetProperty("name").GetString());
        var id = created.GetProperty("id").GetGuid();

        // Replace: fewer items, a different order.
        var updated = await s.Client.PutAsync($"{Courses}/{id}", Body([Lesson(s.Lessons[2]), Lesson(s.Lessons[0])], [s.ProgramId], "Fractions first"))
            .ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(["Fractions 3", "Fractions 1"], updated.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(2, await api.WithDbAsync(db => db.SponsoredCourseItems.CountAsync(i => i.CourseId == id)));

        await s.Client.PostAsync(Courses, Body([Lesson(s.Lessons[1])], [], "Another one")).ExpectStatusAsync(HttpStatusCode.Created);
        var list = await s.Client.GetAsync($"{Courses}?programId={s.ProgramId}").ExpectStatusAsync(HttpStatusCode.OK);
        var only = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("Fractions first", 2, 0), (only.GetProperty("title").GetString(), only.GetProperty("lessons").GetInt32(), only.GetProperty("resources").GetInt32()));
        Assert.Equal(2, (await s.Client.GetAsync(Courses).ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(1, (await s.Client.GetAsync($"{Courses}?search=ANOTHER").ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await s.Client.GetAsync($"{Courses}?status=published").ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Client.GetAsync($"{Courses}?status=live")).StatusCode);
    }

    [Fact]
    public async Task Items_and_programs_that_cannot_be_used_are_a_422_naming_each_and_nothing_is_saved()
    {
        var s = await api.CourseStoryAsync();
        var other = await api.CourseStoryAsync();
        var bad = await s.Client.PostAsync(Courses, Body(
            [Lesson(s.Lessons[0]), Resource(other.ApprovedResource), Resource(s.PendingResource), Lesson(Guid.NewGuid()), Lesson(s.Lessons[0])],
            [s.ProgramId, other.ProgramId])).ExpectStatusAsync(HttpStatusCode.UnprocessableEntity);
        var errors = bad.GetProperty("errors");
        Assert.False(errors.TryGetProperty("items[0]", out _));
        Assert.Contains("None of your resources", errors.GetProperty("items[1]")[0].GetString()); // another partner's, though approved
        Assert.Contains("Insha sheets", errors.GetProperty("items[2]")[0].GetString());
        Assert.Contains("pending review", errors.GetProperty("items[2]")[0].GetString());
        Assert.Contains("No platform lesson", errors.GetProperty("items[3]")[0].GetString());
        Assert.Contains("already", errors.GetProperty("items[4]")[0].GetString());
        Assert.False(errors.TryGetProperty("targetPrograms[0]", out _));
        Assert.True(errors.TryGetProperty("targetPrograms[1]", out _));
        Assert.Equal(0, await api.WithDbAsync(db => db.SponsoredCourses.CountAsync(c => c.PartnerId == s.PartnerId)));

        // Shape first: a 400 naming the field.
        var shape = await s.Client.PostAsync(Courses, new { title = " ", grade = "PP1", learningArea = "SST", items = new object[] { new { kind = "lesson" } } })
            .ExpectStatusAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "title", "learningArea", "items[0]" }) Assert.True(shape.GetProperty("errors").TryGetProperty(field, out _), field);

        // The same checks on a replace.
        var id = (await s.Client.PostAsync(Courses, Body([Lesson(s.Lessons[0])], [s.ProgramId])).ExpectStatusAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        bad = await s.Client.PutAsync($"{Courses}/{id}", Body([Resource(other.ApprovedResource)], [other.ProgramId])).ExpectStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(bad.GetProperty("errors").TryGetProperty("items[0]", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("targetPrograms[0]", out _));
        var kept = await s.Client.GetAsync($"{Courses}/{id}").ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(s.Lessons[0], Assert.Single(kept.GetProperty("items").EnumerateArray()).GetProperty("lessonId").GetGuid());
    }

    [Fact]
    public async Task Publish_needs_items_and_programs_and_each_state_moves_once()
    {
        var s = await api.CourseStoryAsync();
        var id = (await s.Client.PostAsync(Courses, Body([], [])).ExpectStatusAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var refused = await s.Client.PostAsync($"{Courses}/{id}/publish").ExpectStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(refused.GetProperty("errors").TryGetProperty("items", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("targetPrograms", out _));
        var draft = await s.Client.GetAsync($"{Courses}/{id}/monitoring").ExpectStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal("course_not_published", draft.GetProperty("code").GetString());

        await s.Client.PutAsync($"{Courses}/{id}", Body([Lesson(s.Lessons[0]), Resource(s.ApprovedResource)], [s.ProgramId])).ExpectStatusAsync(HttpStatusCode.OK);
        // The resource is withdrawn from review after the save: publishing names it.
        await api.WithDbAsync(async db =>
        {
            await db.PartnerResources.Where(r => r.Id == s.ApprovedResource).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ResourceStatus.rejected));
        });
        refused = await s.Client.PostAsync($"{Courses}/{id}/publish").ExpectStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("rejected", refused.GetProperty("errors").GetProperty("items[1]")[0].GetString());
        await api.WithDbAsync(async db =>
        {
            await db.PartnerResources.Where(r => r.Id == s.ApprovedResource).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ResourceStatus.approved));
        });

        var published = await s.Client.PostAsync($"{Courses}/{id}/publish").ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, published.GetProperty("publishedAt").ValueKind);
        Assert.Equal("invalid_transition", (await s.Client.PostAsync($"{Courses}/{id}/publish").ExpectStatusAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        // A published course keeps an item and a program.
        await s.Client.PutAsync($"{Courses}/{id}", Body([], [s.ProgramId])).ExpectStatusAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("archived", (await s.Client.PostAsync($"{Courses}/{id}/archive").ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        await s.Client.PutAsync($"{Courses}/{id}", Body([Lesson(s.Lessons[0])], [s.ProgramId])).ExpectStatusAsync(HttpStatusCode.Conflict);
        await s.Client.PostAsync($"{Courses}/{id}/archive").ExpectStatusAsync(HttpStatusCode.Conflict);
        await s.Client.GetAsync($"{Courses}/{id}/monitoring").ExpectStatusAsync(HttpStatusCode.OK); // an archived course's figures stay readable
    }

    [Fact]
    public async Task Another_partner_gets_404_on_every_route_and_sees_none_of_the_courses()
    {
        var s = await api.CourseStoryAsync();
        var id = (await s.Client.PostAsync(Courses, Body([Lesson(s.Lessons[0])], [s.ProgramId])).ExpectStatusAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var stranger = await api.CourseStoryAsync();
        var c = stranger.Client;
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"{Courses}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.PutAsync($"{Courses}/{id}", Body([Lesson(s.Lessons[0])], [stranger.ProgramId]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.PostAsync($"{Courses}/{id}/publish")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.PostAsync($"{Courses}/{id}/archive")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"{Courses}/{id}/monitoring")).StatusCode);
        Assert.Equal(0, (await c.GetAsync(Courses).ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await c.GetAsync($"{Courses}?programId={s.ProgramId}").ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        // The resource picker lists only the caller's approved resources.
        var picker = await c.GetAsync($"{Courses}/catalog/resources").ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal([stranger.ApprovedResource], picker.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal("draft", (await s.Client.GetAsync($"{Courses}/{id}").ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_lesson_picker_filters_by_grade_area_and_title_and_pages()
    {
        var s = await api.CourseStoryAsync();
        await api.PlatformLessonsAsync("Decimals");
        var page = await s.Client.GetAsync($"{Courses}/catalog/lessons?grade=Grade5&search=decimals&pageSize=2").ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(["Decimals 1", "Decimals 2"], page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("title").GetString()));
        Assert.Equal(0, (await s.Client.GetAsync($"{Courses}/catalog/lessons?grade=Grade9&search=decimals").ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Client.GetAsync($"{Courses}/catalog/lessons?learningArea=NOPE")).StatusCode);
        Assert.Equal(0, (await s.Client.GetAsync($"{Courses}/catalog/lessons?learningArea=MATH&search=decimals").ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}
