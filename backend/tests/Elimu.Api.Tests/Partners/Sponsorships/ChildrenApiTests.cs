using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Sponsorships;

public sealed class ChildrenApiTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    [Fact]
    public async Task A_bulk_add_with_one_bad_id_adds_nothing_and_names_each_refusal()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await partner.CreateProgramAsync("Bulk test", maxChildren: 200);
        var good = await api.AddStudentsAsync(30);
        var missing = Guid.NewGuid();
        var ids = good.Append(missing).Append(good[0]).ToList();

        var response = await partner.PostAsync($"{Programs}/{program.Id}/children", new { studentIds = ids });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("children_refused", problem.GetProperty("code").GetString());
        var refused = problem.GetProperty("refused").EnumerateArray()
            .Select(r => (r.GetProperty("studentId").GetGuid(), r.GetProperty("reason").GetString())).ToList();
        Assert.Contains((missing, "not_found"), refused);
        Assert.Contains((good[0], "duplicate_in_request"), refused);
        Assert.Equal(2, refused.Count);
        Assert.Equal(0, await api.WithDbAsync(db => db.SponsoredChildren.CountAsync(c => c.ProgramId == program.Id)));

        var ok = await partner.PostAsync($"{Programs}/{program.Id}/children", new { studentIds = good });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var added = (await ok.Content.ReadFromJsonAsyncWeb<AddChildrenResponse>())!;
        Assert.Equal(30, added.Added.Count);
        Assert.All(added.Added, c => Assert.Equal(SponsoredChildStatus.PENDING_CONSENT, c.Status));
        Assert.Equal(30, added.Children.PendingConsent);
    }

    [Fact]
    public async Task Students_already_sponsored_or_over_the_maximum_are_refused()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var first = await api.ProgramWithChildrenAsync(partner, 10, "Max test A");
        var inFirst = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={first.Id}")).Items[0].StudentId;
        var second = await partner.CreateProgramAsync("Max test B", maxChildren: 12);
        var fresh = await api.AddStudentsAsync(13);

        var response = await partner.PostAsync($"{Programs}/{second.Id}/children", new { studentIds = fresh.Append(inFirst) });
        var reasons = (await response.JsonAsync()).GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("reason").GetString()).ToList();
        Assert.Contains("in_another_program", reasons);
        Assert.Single(reasons, "over_max_children");

        var again = await partner.PostAsync($"{Programs}/{first.Id}/children", new { studentIds = new[] { inFirst } });
        Assert.Equal("already_in_program", (await again.JsonAsync()).GetProperty("refused")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsync($"{Programs}/{second.Id}/children", new { studentIds = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()) })).StatusCode);
    }

    [Fact]
    public async Task Removing_below_the_minimum_is_refused_while_live_but_allowed_when_paused()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        using var admin = await api.LoginAsync("admin@elimu.demo");
        var program = await api.ProgramWithChildrenAsync(partner, 10, "Remove test");
        var children = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}")).Items;
        await partner.PostAsync($"{Programs}/{program.Id}/submit");
        await admin.PostAsync($"/api/v1/admin/sponsorship-programs/{program.Id}/approve");

        var refused = await partner.DeleteAsync($"{Programs}/{program.Id}/children/{children[0].StudentId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("min_children_not_met", await refused.CodeAsync());

        await partner.PostAsync($"{Programs}/{program.Id}/pause");
        var removed = await partner.DeleteAsync($"{Programs}/{program.Id}/children/{children[0].StudentId}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(9, (await removed.Content.ReadFromJsonAsyncWeb<ProgramResponse>())!.Children.Enrolled);
        var resume = await partner.PostAsync($"{Programs}/{program.Id}/resume");
        Assert.Equal("min_children_not_met", await resume.CodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await partner.DeleteAsync($"{Programs}/{program.Id}/children/{children[0].StudentId}")).StatusCode);
    }

    [Fact]
    public async Task Available_students_show_only_what_a_stranger_may_see_and_exclude_the_partners_own()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var page = await partner.GetJsonAsync<Paged<StudentPreview>>($"{Sponsorships}/available-students?pageSize=100");
        var mine = await api.WithDbAsync(async db =>
        {
            var partnerId = await db.Users.Where(u => u.Email == "partner@elimu.demo").Select(u => u.Id).SingleAsync();
            return await db.SponsoredChildren.Where(c => c.PartnerId == partnerId && c.Status != SponsoredChildStatus.REMOVED).Select(c => c.StudentId).ToListAsync();
        });
        Assert.NotEmpty(page.Items);
        Assert.DoesNotContain(page.Items, s => mine.Contains(s.StudentId));
        Assert.All(page.Items, s => Assert.Matches(@"^\S+ [A-Z]\.$", s.DisplayName));
        var json = await (await partner.GetAsync($"{Sponsorships}/available-students")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("lastName", json);
        Assert.DoesNotContain("dateOfBirth", json);

        var county = page.Items[0].County;
        var filtered = await partner.GetJsonAsync<Paged<StudentPreview>>($"{Sponsorships}/available-students?county={Uri.EscapeDataString(county)}&pageSize=100");
        Assert.All(filtered.Items, s => Assert.Equal(county, s.County));
        var grade = await partner.GetJsonAsync<Paged<StudentPreview>>($"{Sponsorships}/available-students?grade=Grade5&pageSize=100");
        Assert.All(grade.Items, s => Assert.Equal(CbcGrade.Grade5, s.Grade));
    }

    [Fact]
    public async Task Available_students_are_found_by_whole_surname_admission_number_or_full_name_never_a_part_of_the_surname()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (studentId, admission) = await api.WithDbAsync(async db =>
        {
            var s = new Elimu.Api.Platform.Students.Student
            {
                FirstName = "Zawadi", LastName = $"Kilonzo{tag}", DateOfBirth = new DateOnly(2015, 1, 1), Grade = CbcGrade.Grade5,
                School = $"Search School {tag}", County = "Machakos", AdmissionNumber = $"ADM-{tag}",
            };
            db.Students.Add(s);
            await db.SaveChangesAsync();
            return (s.Id, s.AdmissionNumber);
        });
        async Task<List<Guid>> Find(string term) =>
            (await partner.GetJsonAsync<Paged<StudentPreview>>($"{Sponsorships}/available-students?search={Uri.EscapeDataString(term)}&pageSize=100"))
            .Items.Select(s => s.StudentId).ToList();

        Assert.Equal([studentId], await Find($"kilonzo{tag}"));
        Assert.Equal([studentId], await Find(admission.ToLowerInvariant()));
        Assert.Equal([studentId], await Find($"Zawadi Kilonzo{tag}"));
        // Part of a surname or admission number finds nothing: the preview shows only the initial.
        Assert.Empty(await Find($"Kilonzo{tag[..4]}"));
        Assert.Empty(await Find($"ADM-{tag[..4]}"));
        var json = await (await partner.GetAsync($"{Sponsorships}/available-students?search=kilonzo{tag}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"Kilonzo{tag}", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(admission, json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_children_list_filters_and_hides_what_consent_does_not_allow()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var all = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100");
        Assert.True(all.Total >= 20);
        Assert.All(all.Items.Where(c => c.ConsentStatus != Elimu.Api.Partners.Consent.ChildConsentStatus.given), c =>
        {
            Assert.Null(c.School);
            Assert.Null(c.LastName);
            Assert.Null(c.Progress);
        });
        Assert.Contains(all.Items, c => c.Progress is not null && c.School is not null);

        var pending = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?status=PENDING_CONSENT&pageSize=100");
        Assert.All(pending.Items, c => Assert.Equal(SponsoredChildStatus.PENDING_CONSENT, c.Status));
        var alerts = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?hasAlert=true&pageSize=100");
        // The card's "inactive 7 days" is the stored inactivity alert under the default threshold (the demo partner sets none).
        await Elimu.Api.Tests.Partners.Alerts.AlertTestKit.ScanAlertsAsync(api, "partner@elimu.demo");
        var inactive = await partner.GetJsonAsync<Paged<Elimu.Api.Partners.Alerts.ChildAlertView>>("/api/v1/partner/alerts?kind=inactive&state=new");
        Assert.Equal(inactive.Total, alerts.Total);
        Assert.All(alerts.Items, c => Assert.True(c.Progress!.HasAlert));

        var paged = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=5&page=2&sort=grade");
        Assert.Equal(5, paged.Items.Count);
        Assert.Equal(all.Total, paged.Total);
    }

    [Fact]
    public async Task Child_views_answer_for_a_consented_child_with_figures_from_its_records()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var child = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100"))
            .Items.First(c => c.Progress is { MinutesThisWeek: > 0 });
        var activity = await partner.GetJsonAsync<Elimu.Api.Platform.Learning.Insights.ActivitySummary>($"{Sponsorships}/children/{child.Id}/activity?period=week");
        Assert.Equal(7, activity.Days.Count);
        var from = Elimu.Api.Common.NairobiTime.StartOfDayUtc(activity.From);
        var expected = await api.WithDbAsync(db => db.ActivitySessions
            .Where(s => s.StudentId == child.StudentId && s.StartedAt >= from).SumAsync(s => s.DurationMinutes));
        Assert.Equal(expected, activity.TotalMinutes);
        Assert.Equal(expected, activity.Days.Sum(d => d.Minutes));

        var journey = await partner.GetJsonAsync<Elimu.Api.Platform.Learning.Insights.LearningJourney>($"{Sponsorships}/children/{child.Id}/progress");
        Assert.Equal(7, journey.Competencies.Count);
        Assert.Equal(12, journey.WeeklyProgress.Count);
        var assessments = await api.WithDbAsync(db => db.Assessments.CountAsync(a => a.StudentId == child.StudentId));
        Assert.Equal(assessments, journey.RubricDistribution.Sum(r => r.Count));
    }

    [Fact]
    public async Task Goals_are_validated_stored_and_measured()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var child = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100"))
            .Items.First(c => c.ConsentStatus == Elimu.Api.Partners.Consent.ChildConsentStatus.given);
        var url = $"{Sponsorships}/children/{child.Id}/goals";

        var bad = await partner.PutAsync(url, new { goals = new object[] { new { kind = "rubric_level", target = "XX" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("goals[0].target", out _));
        Assert.True(errors.TryGetProperty("goals[0].learningAreaCode", out _));

        var set = await partner.PutAsync(url, new
        {
            goals = new object[]
            {
                new { kind = "weekly_minutes", target = "150", dueDate = "2027-03-31" },
                new { kind = "rubric_level", learningAreaCode = "MATH", target = "ME", dueDate = "2027-03-31" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var goals = await partner.GetJsonAsync<ChildGoalsResponse>(url);
        Assert.Equal(2, goals.Goals.Count);
        Assert.Equal(child.Progress!.MinutesThisWeek, (int)goals.Goals[0].Progress.CurrentValue);
    }
}
