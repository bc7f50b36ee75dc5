using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>Before consent a partner sees first name, last initial, grade and county, and nothing of a child whose guardian said no.</summary>
public sealed class PreConsentPrivacyTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    [Fact]
    public async Task Available_students_never_show_school_or_learning_needs_but_can_be_filtered_by_need()
    {
        var ids = await api.AddStudentsAsync(2);
        await api.WithDbAsync(async db =>
        {
            var s = await db.Students.SingleAsync(s => s.Id == ids[0]);
            s.LearningNeeds = ["hearing impairment"];
            await db.SaveChangesAsync();
        });
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var json = await (await partner.GetAsync($"{Sponsorships}/available-students?pageSize=100")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"school\"", json);
        Assert.DoesNotContain("learningNeeds", json);
        Assert.DoesNotContain("hearing impairment", json);
        Assert.DoesNotContain("Test School", json);

        var needs = await partner.GetJsonAsync<Paged<StudentPreview>>($"{Sponsorships}/available-students?learningNeed=hearing%20impairment&pageSize=100");
        Assert.Contains(needs.Items, s => s.StudentId == ids[0]);
        Assert.DoesNotContain(needs.Items, s => s.StudentId == ids[1]);
    }

    [Fact]
    public async Task A_child_whose_guardian_declined_is_offered_to_no_partner()
    {
        using var owner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(owner, 10, $"Declined {Guid.NewGuid():N}");
        var child = (await owner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}")).Items[0];
        var parentUser = await api.CreateAsync(Roles.Parent);
        await api.WithDbAsync(async db =>
        {
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => g.StudentId == child.StudentId));
            db.Guardianships.Add(new Guardianship { ParentId = parentUser.Id, StudentId = child.StudentId, Relationship = GuardianRelationship.father, IsPrimary = true });
            await db.SaveChangesAsync();
        });
        using var other = await api.LoginAsync("partner@elimu.demo");
        var before = await other.GetJsonAsync<Paged<StudentPreview>>($"{Sponsorships}/available-students?pageSize=100&search={child.FirstName}");
        Assert.Contains(before.Items, s => s.StudentId == child.StudentId);

        await owner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = child.Id });
        using var parent = await api.LoginAsync(parentUser.Email!, TestUsers.Password);
        var asked = (await parent.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents")).Items.Single();
        await parent.PostAsync($"{Sponsorships}/consent/{asked.Id}/respond", new { agree = false, consentTextVersion = asked.ConsentTextVersion });

        var after = await other.GetJsonAsync<Paged<StudentPreview>>($"{Sponsorships}/available-students?pageSize=100&search={child.FirstName}");
        Assert.DoesNotContain(after.Items, s => s.StudentId == child.StudentId);
        // The total leaves the child out too (on PostgreSQL the count tests the opt-outs in its own statement).
        Assert.Equal(before.Total - 1, after.Total);
    }

    /// <summary>
    /// The sibling of "offered to no partner": a partner that knows the student's id, or its admission number and school,
    /// cannot enrol a child whose guardian said no (and so ask that guardian again) by adding it or importing it. The
    /// refusal does not say why: that a guardian declined is the family's business, not a stranger partner's.
    /// </summary>
    [Fact]
    public async Task A_child_whose_guardian_declined_cannot_be_added_or_imported_by_another_partner()
    {
        using var owner = await api.LoginAsync("partner2@elimu.demo");
        var (child, student) = await DeclinedChildAsync(owner);
        using var other = await api.LoginAsync("partner@elimu.demo");
        var program = await other.CreateProgramAsync($"Back door {Guid.NewGuid():N}");

        var added = await other.PostAsync($"{Programs}/{program.Id}/children", new { studentIds = new[] { child.StudentId } });
        var body = await added.Content.ReadAsStringAsync();
        Assert.True(added.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)added.StatusCode}: {body}");
        var refused = (await added.JsonAsync()).GetProperty("refused")[0];
        Assert.Equal(child.StudentId, refused.GetProperty("studentId").GetGuid());
        Assert.Equal("not_available", refused.GetProperty("reason").GetString());
        Assert.DoesNotContain("declin", body, StringComparison.OrdinalIgnoreCase);

        var csv = Enrollments.ImportTestData.Csv(Enrollments.ImportTestData.Header,
            Enrollments.ImportTestData.Line(null, student.AdmissionNumber, student.School, program.Name));
        var dryRun = await Enrollments.ImportTestData.DryRunAsync(other, "declined.csv", csv);
        var row = Assert.Single(dryRun.Rows);
        Assert.Equal(Elimu.Api.Partners.Enrollments.ImportOutcome.NotFound, row.Outcome);
        Assert.DoesNotContain("declin", row.Message, StringComparison.OrdinalIgnoreCase);
        var committed = await Enrollments.ImportTestData.UploadAsync(other, Enrollments.ImportTestData.Commit, "declined.csv", csv);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, committed.StatusCode);
        Assert.False(await api.WithDbAsync(db => db.SponsoredChildren.AnyAsync(c => c.ProgramId == program.Id)));
    }

    /// <summary>A child of <paramref name="owner"/>'s new active program whose only guardian declined the request.</summary>
    private async Task<(SponsoredChildResponse Child, Student Student)> DeclinedChildAsync(ApiClient owner)
    {
        var program = await api.ActiveProgramWithChildrenAsync(owner, 10, $"Declined {Guid.NewGuid():N}");
        var child = (await owner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}")).Items[0];
        var parentUser = await api.CreateAsync(Roles.Parent);
        var student = await api.WithDbAsync(async db =>
        {
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => g.StudentId == child.StudentId));
            db.Guardianships.Add(new Guardianship { ParentId = parentUser.Id, StudentId = child.StudentId, Relationship = GuardianRelationship.father, IsPrimary = true });
            await db.SaveChangesAsync();
            return await db.Students.AsNoTracking().SingleAsync(s => s.Id == child.StudentId);
        });
        await owner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = child.Id });
        using var parent = await api.LoginAsync(parentUser.Email!, TestUsers.Password);
        var asked = (await parent.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents")).Items.Single();
        var answered = await parent.PostAsync($"{Sponsorships}/consent/{asked.Id}/respond", new { agree = false, consentTextVersion = asked.ConsentTextVersion });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        return (child, student);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("complete")]
    public async Task Children_of_an_ended_program_can_be_sponsored_again(string end)
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Ending {Guid.NewGuid():N}");
        var children = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}&pageSize=100")).Items;
        var students = children.Select(c => c.StudentId).ToList();
        async Task<bool> OfferedAsync() => (await partner.GetJsonAsync<Paged<StudentPreview>>(
            $"{Sponsorships}/available-students?pageSize=100&search={Uri.EscapeDataString(children[0].FirstName)}")).Items.Any(s => s.StudentId == children[0].StudentId);
        Assert.False(await OfferedAsync());
        var next = await partner.CreateProgramAsync($"Next {Guid.NewGuid():N}");
        var refused = await partner.PostAsync($"{Programs}/{next.Id}/children", new { studentIds = students });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"{Programs}/{program.Id}/{end}")).StatusCode);
        Assert.True(await OfferedAsync());
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"{Programs}/{next.Id}/children", new { studentIds = students })).StatusCode);
        // The ended program keeps its record.
        var ended = await partner.GetJsonAsync<ProgramResponse>($"{Programs}/{program.Id}");
        Assert.Equal(10, ended.Children.Enrolled);
    }
}
