using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>Issue 20: children who leave, the substitutes offered for them, and ranking by a program's preferences.</summary>
public sealed class LeaveAndSubstituteTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    private static string Leave(Guid program, Guid student) => $"{Programs}/{program}/children/{student}/leave";

    private async Task<List<Guid>> StudentsOfAsync(ApiClient partner, Guid programId) =>
        (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={programId}&pageSize=100"))
            .Items.Select(c => c.StudentId).ToList();

    [Fact]
    public async Task Each_reason_keeps_status_reason_note_and_date_frees_the_place_and_notifies_the_partner()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 12, $"Leaving {Guid.NewGuid():N}");
        var students = await StudentsOfAsync(partner, program.Id);
        var cases = new (string Reason, string? Note, SponsoredChildStatus Status)[]
        {
            ("graduated", null, SponsoredChildStatus.GRADUATED), ("moved_school", null, SponsoredChildStatus.LEFT),
            ("withdrew", "Family asked", SponsoredChildStatus.LEFT), ("other", "Moved abroad.", SponsoredChildStatus.LEFT),
        };
        LeaveResponse? last = null;
        for (var i = 0; i < cases.Length; i++)
        {
            var response = await partner.PostAsync(Leave(program.Id, students[i]), new { reason = cases[i].Reason, note = cases[i].Note });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = (await response.Content.ReadFromJsonAsyncWeb<LeaveResponse>())!;
            Assert.Equal(cases[i].Status, last.Child.Status);
        }

        var rows = await api.WithDbAsync(db => db.SponsoredChildren.Where(c => c.ProgramId == program.Id && c.LeftAt != null).ToListAsync());
        Assert.Equal(4, rows.Count);
        foreach (var (reason, note, status) in cases)
        {
            var row = rows.Single(r => r.LeaveReason.ToString() == reason);
            Assert.Equal(status, row.Status);
            Assert.Equal(note, row.LeaveNote);
            Assert.Equal(row.LeftAt, row.ReleasedAt);
        }
        // The reason goes into the child's history as a sentence: a note's own full stop is not doubled.
        var other = rows.Single(r => r.LeaveReason == LeaveReason.other).Id;
        var history = await api.WithDbAsync(db => db.SponsorshipStatusChanges.Where(c => c.SubjectId == other).Select(c => c.Reason).ToListAsync());
        Assert.Contains("Left the program: other (Moved abroad).", history);
        // Eight children remain, two short of the minimum: an ACTIVE program, warned and offered four substitutes, not cancelled.
        Assert.Equal(8, last!.Program.Children.Enrolled);
        Assert.Equal(3, last.Program.Children.Left);
        Assert.Equal(ProgramStatus.ACTIVE, last.Program.Status);
        Assert.Equal(4, last.Offer.Offered);
        Assert.Equal(2, last.Offer.Missing);
        Assert.NotEmpty(last.Offer.Candidates);
        // A child who left is gone: leaving twice is not found, and the child is offered to the partner again.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsync(Leave(program.Id, students[0]), new { reason = "withdrew" })).StatusCode);
        var notes = await api.WithDbAsync(db => db.Notifications.CountAsync(n =>
            n.Category == NotificationCategory.program && n.Link == $"/dashboard/partner/sponsorships/{program.Id}" && n.Title.Contains("left")));
        Assert.True(notes >= 4, $"{notes} leave notifications");
    }

    [Fact]
    public async Task Other_needs_a_note_a_viewer_is_refused_and_another_partner_finds_nothing()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Refusals {Guid.NewGuid():N}");
        var student = (await StudentsOfAsync(partner, program.Id))[0];

        var noNote = await partner.PostAsync(Leave(program.Id, student), new { reason = "other", note = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.True((await noNote.JsonAsync()).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsync(Leave(program.Id, student), new { note = "x" })).StatusCode);

        var owner = await api.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "partner2@elimu.demo"));
        var viewer = await api.AddMemberAsync(owner, TeamRole.viewer);
        using var viewerClient = await api.LoginAsync(viewer.Email!, TestUsers.Password);
        var refused = await viewerClient.PostAsync(Leave(program.Id, student), new { reason = "withdrew" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.PostAsync($"{Programs}/{program.Id}/substitutes", new { studentId = student })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync($"{Programs}/{program.Id}/substitutes")).StatusCode);

        using var other = await api.LoginAsync("partner@elimu.demo");
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
        {
            () => other.PostAsync(Leave(program.Id, student), new { reason = "withdrew" }),
            () => other.GetAsync($"{Programs}/{program.Id}/substitutes"),
            () => other.PostAsync($"{Programs}/{program.Id}/substitutes", new { studentId = student }),
            () => other.PostAsync($"{Programs}/{program.Id}/substitutes/decline"),
            () => other.GetAsync($"{Programs}/{program.Id}/preferences"),
            () => other.PutAsync($"{Programs}/{program.Id}/preferences", new { grades = new[] { "Grade5" } }),
            () => other.GetAsync($"{Sponsorships}/available-students?rankFor={program.Id}"),
        })
            Assert.Equal(HttpStatusCode.NotFound, (await call()).StatusCode);
        // Nothing changed for the owner.
        Assert.Equal(10, (await partner.GetJsonAsync<ProgramResponse>($"{Programs}/{program.Id}")).Children.Enrolled);
    }

    [Fact]
    public async Task Ranking_follows_the_preferences_the_wait_policy_and_the_longest_wait_with_reasons()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await partner.CreateProgramAsync($"Ranking {Guid.NewGuid():N}");
        // 0: every preference; 1: grade only, waiting 50 days; 2: county only, waiting 20 days; 3: nothing, past the
        // 180-day policy; 4 and 5: nothing, waiting 100 and 10 days.
        var (school, ids) = await api.HandBuiltStudentsAsync(
            (CbcGrade.Grade5, "Nairobi", Gender.female, 5), (CbcGrade.Grade5, "Kisumu", Gender.male, 50),
            (CbcGrade.Grade3, "Nairobi", Gender.male, 20), (CbcGrade.Grade3, "Mombasa", Gender.male, 400),
            (CbcGrade.Grade3, "Mombasa", Gender.male, 100), (CbcGrade.Grade3, "Mombasa", Gender.male, 10));
        var put = await partner.PutAsync($"{Programs}/{program.Id}/preferences",
            new { grades = new[] { "Grade5" }, counties = new[] { "Nairobi" }, gender = "female", greatestNeed = "longest_wait" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PutAsync($"{Programs}/{program.Id}/preferences", new { counties = new[] { "Atlantis" } })).StatusCode);

        var ranked = await partner.GetJsonAsync<Paged<StudentPreview>>(
            $"{Sponsorships}/available-students?school={Uri.EscapeDataString(school)}&rankFor={program.Id}");
        Assert.Equal([ids[3], ids[0], ids[1], ids[2], ids[4], ids[5]], ranked.Items.Select(s => s.StudentId).ToList());
        Assert.Equal(6, ranked.Total);
        Assert.Equal(3, ranked.Items[1].MatchScore);
        Assert.Equal(["Grade 5 — preferred", "Nairobi — preferred", "Girl — preferred", "Waiting 5 days"], ranked.Items[1].MatchReasons);
        Assert.Contains(ranked.Items[0].MatchReasons!, r => r.StartsWith("Waiting 400 days: offered to every partner first"));
        Assert.Equal(["Waiting 100 days"], ranked.Items[4].MatchReasons);
        // Without rankFor: the usual order and no scores.
        var plain = await partner.GetJsonAsync<Paged<StudentPreview>>($"{Sponsorships}/available-students?school={Uri.EscapeDataString(school)}");
        Assert.All(plain.Items, s => Assert.Null(s.MatchScore));
        Assert.Equal(6, plain.Total);
    }

    [Fact]
    public async Task Accepting_a_substitute_enrols_them_and_asks_their_guardian_at_once()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Substitute {Guid.NewGuid():N}");
        var leaving = (await StudentsOfAsync(partner, program.Id))[0];
        var left = await partner.PostAsync(Leave(program.Id, leaving), new { reason = "moved_school" });
        var offer = (await left.Content.ReadFromJsonAsyncWeb<LeaveResponse>())!.Offer;
        Assert.Equal((1, 1), (offer.Offered, offer.Missing));

        var substitute = (await api.FreeStudentsAsync(1))[0];
        var parentUser = await api.CreateAsync(Roles.Parent);
        await api.WithDbAsync(async db =>
        {
            db.Guardianships.Add(new Guardianship { ParentId = parentUser.Id, StudentId = substitute, Relationship = GuardianRelationship.mother, IsPrimary = true });
            await db.SaveChangesAsync();
        });
        var accepted = await partner.PostAsync($"{Programs}/{program.Id}/substitutes", new { studentId = substitute });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var result = (await accepted.Content.ReadFromJsonAsyncWeb<SubstituteAccepted>())!;
        Assert.Equal(1, result.ConsentRequests);
        Assert.Equal((0, 0), (result.Offer.Offered, result.Offer.Missing));
        Assert.Empty(result.Offer.Candidates);

        using var parent = await api.LoginAsync(parentUser.Email!, TestUsers.Password);
        var pending = await parent.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents?status=pending");
        Assert.Single(pending.Items);
        // Taking the same child again is a conflict, not a second enrolment.
        var again = await partner.PostAsync($"{Programs}/{program.Id}/substitutes", new { studentId = substitute });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("substitute_taken", await SponsorshipScenario.CodeAsync(again));
    }

    [Fact]
    public async Task A_program_short_of_its_minimum_is_warned_until_filled_and_a_decline_keeps_the_warning()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Short {Guid.NewGuid():N}");
        var students = await StudentsOfAsync(partner, program.Id);
        foreach (var s in students.Take(2))
            Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync(Leave(program.Id, s), new { reason = "withdrew" })).StatusCode);

        var declined = (await (await partner.PostAsync($"{Programs}/{program.Id}/substitutes/decline")).Content.ReadFromJsonAsyncWeb<SubstituteOffer>())!;
        Assert.Equal(0, declined.Offered);
        Assert.Equal(2, declined.Missing);
        Assert.Equal(8, declined.Enrolled);
        Assert.NotEmpty(declined.Candidates);
        Assert.Equal(ProgramStatus.ACTIVE, (await partner.GetJsonAsync<ProgramResponse>($"{Programs}/{program.Id}")).Status);
        // Removing is still held to the minimum (counted without the children who left).
        var remove = await partner.DeleteAsync($"{Programs}/{program.Id}/children/{students[5]}");
        Assert.Equal("min_children_not_met", await SponsorshipScenario.CodeAsync(remove));
    }

    [Fact]
    public async Task A_child_who_left_or_whose_program_ended_can_be_sponsored_again()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var first = await api.ActiveProgramWithChildrenAsync(partner, 10, $"First {Guid.NewGuid():N}");
        var students = await StudentsOfAsync(partner, first.Id);
        var next = await partner.CreateProgramAsync($"Next {Guid.NewGuid():N}");

        // Still held: refused by the planner.
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await partner.PostAsync($"{Programs}/{next.Id}/children", new { studentIds = new[] { students[0] } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync(Leave(first.Id, students[0]), new { reason = "moved_school" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await partner.PostAsync($"{Programs}/{next.Id}/children", new { studentIds = new[] { students[0] } })).StatusCode);

        // A cancelled program frees all of its children (and the unique index of held places agrees).
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"{Programs}/{first.Id}/cancel", new { reason = "Funding ended" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await partner.PostAsync($"{Programs}/{next.Id}/children", new { studentIds = students.Skip(1).Take(3).ToArray() })).StatusCode);
        Assert.Equal(4, (await partner.GetJsonAsync<ProgramResponse>($"{Programs}/{next.Id}")).Children.Enrolled);
    }

    [Fact]
    public async Task The_same_substitute_accepted_twice_at_once_joins_once_and_the_other_gets_409()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 11, $"Race {Guid.NewGuid():N}");
        var students = await StudentsOfAsync(partner, program.Id);
        foreach (var s in students.Take(2))
            await partner.PostAsync(Leave(program.Id, s), new { reason = "withdrew" });
        var substitute = (await api.AddStudentsAsync(1))[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            partner.PostAsync($"{Programs}/{program.Id}/substitutes", new { studentId = substitute })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await api.WithDbAsync(db => db.SponsoredChildren.CountAsync(c => c.StudentId == substitute)));
        Assert.Equal(1, (await partner.GetJsonAsync<SubstituteOffer>($"{Programs}/{program.Id}/substitutes")).Offered);
    }
}
