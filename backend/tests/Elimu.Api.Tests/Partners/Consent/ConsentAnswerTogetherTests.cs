using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Consent;

/// <summary>
/// POST /api/v1/parent/consents/answer-together: one signature for the guardian's children waiting in one program, a record
/// per child, all or nothing, each request answered once even when signatures race (run on PostgreSQL too).
/// </summary>
public sealed class ConsentAnswerTogetherTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";
    private const string Together = "/api/v1/parent/consents/answer-together";

    private sealed record Family(ApiClient Partner, ApiClient Parent, AppUser User, ProgramResponse Program, List<Guid> ChildIds)
    {
        public string ParentName => User.FullName;
    }

    /// <summary>A new parent who is the only guardian of <paramref name="children"/> children of a new active program, all asked.</summary>
    private async Task<Family> FamilyAsync(int children, AppUser? parentUser = null)
    {
        var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Together test {Guid.NewGuid():N}");
        parentUser ??= await api.CreateAsync(Roles.Parent);
        var rows = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}&pageSize=100"))
            .Items.Take(children).ToList();
        var guardian = parentUser.Id;
        await api.WithDbAsync(async db =>
        {
            var students = rows.Select(r => r.StudentId).ToList();
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => students.Contains(g.StudentId)));
            db.Guardianships.AddRange(students.Select(s => new Guardianship
                { ParentId = guardian, StudentId = s, Relationship = GuardianRelationship.mother, IsPrimary = true }));
            await db.SaveChangesAsync();
        });
        foreach (var row in rows)
            Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = row.Id })).StatusCode);
        var parent = await api.LoginAsync(parentUser.Email!, TestUsers.Password);
        return new Family(partner, parent, parentUser, program, rows.Select(r => r.Id).ToList());
    }

    private static async Task<IReadOnlyList<ParentConsentResponse>> WaitingAsync(Family f) =>
        (await f.Parent.GetJsonAsync<Paged<ParentConsentResponse>>($"/api/v1/parent/consents?status=pending&programId={f.Program.Id}&pageSize=100")).Items;

    private static Task<HttpResponseMessage> SignAsync(ApiClient parent, string name, IEnumerable<ParentConsentResponse> requests) =>
        parent.PostAsync(Together, new { requestIds = requests.Select(r => r.Id), agree = true, signedName = name, consentTextVersion = ConsentText.Version });

    private Task<int> AnsweredAsync(IEnumerable<Guid> requestIds)
    {
        var ids = requestIds.ToList();
        return api.WithDbAsync(db => db.SponsorshipConsents.CountAsync(c => ids.Contains(c.Id) && c.ConsentGiven != null));
    }

    [Fact]
    public async Task One_signature_writes_one_record_per_child_with_its_own_text_and_opens_each_child()
    {
        var f = await FamilyAsync(3);
        var waiting = await WaitingAsync(f);
        Assert.Equal(3, waiting.Count);
        Assert.All(waiting, w => Assert.Equal(f.Program.Id, w.ProgramId));
        f.Parent.Http.DefaultRequestHeaders.UserAgent.ParseAdd("CheapPhone/1.0");

        var signed = await SignAsync(f.Parent, f.ParentName.ToLowerInvariant(), waiting);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var answered = (await signed.Content.ReadFromJsonAsyncWeb<ConsentsAnsweredTogether>())!.Answered;
        Assert.Equal(waiting.Select(w => w.Id), answered.Select(a => a.Id));
        Assert.All(answered, a => Assert.Equal(ConsentStatus.given, a.Status));
        Assert.Equal(3, answered.Select(a => a.ChildName).Distinct().Count());
        Assert.All(answered, a => Assert.Contains($"a parent or guardian of {a.ChildName}.", a.ConsentText));
        Assert.Empty(await WaitingAsync(f));

        var ids = waiting.Select(w => w.Id).ToList();
        var (rows, audits) = await api.WithDbAsync(async db => (
            await db.SponsorshipConsents.Where(c => f.ChildIds.Contains(c.SponsoredChildId)).ToListAsync(),
            await db.AuditLog.Where(a => a.Action == "consent.give").Select(a => a.EntityId).ToListAsync()));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.True(r.ConsentGiven);
            Assert.Equal(f.ParentName.ToLowerInvariant(), r.SignedName);
            Assert.Equal("CheapPhone/1.0", r.UserAgent);
            Assert.Equal(f.Program.Name, r.Shown!.ProgramName);
            Assert.Null(r.ChangesAnswerId);
        });
        Assert.Single(rows.Select(r => r.ConsentedAt).Distinct());
        Assert.All(ids, id => Assert.Single(audits, a => a == id.ToString()));
        foreach (var child in f.ChildIds)
            Assert.Equal(HttpStatusCode.OK, (await f.Partner.GetAsync($"{Sponsorships}/children/{child}/progress")).StatusCode);
    }

    [Fact]
    public async Task A_second_parent_cannot_sign_anothers_requests_even_beside_their_own()
    {
        var f = await FamilyAsync(2);
        var stranger = await FamilyAsync(1);
        var theirs = await WaitingAsync(f);
        var own = await WaitingAsync(stranger);

        var alone = await SignAsync(stranger.Parent, stranger.ParentName, theirs);
        Assert.Equal(HttpStatusCode.NotFound, alone.StatusCode);
        var mixed = await SignAsync(stranger.Parent, stranger.ParentName, own.Concat(theirs));
        Assert.Equal(HttpStatusCode.NotFound, mixed.StatusCode);
        Assert.Equal(theirs.Select(t => t.Id.ToString()).Order(),
            (await mixed.JsonAsync()).GetProperty("requestIds").EnumerateArray().Select(e => e.GetString()!).Order());
        // All or nothing: the stranger's own request was not signed either.
        Assert.Equal(0, await AnsweredAsync(theirs.Concat(own).Select(r => r.Id)));
    }

    [Fact]
    public async Task Requests_of_two_programs_are_not_signed_together()
    {
        var first = await FamilyAsync(1);
        var second = await FamilyAsync(1, first.User);
        var both = (await WaitingAsync(first)).Concat(await WaitingAsync(second)).ToList();
        Assert.Equal(2, both.Count);

        var refused = await SignAsync(first.Parent, first.ParentName, both);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("different programs", (await refused.JsonAsync()).GetProperty("errors").GetProperty("requestIds")[0].GetString());
        Assert.Equal(0, await AnsweredAsync(both.Select(r => r.Id)));
    }

    [Fact]
    public async Task A_request_already_answered_refuses_the_whole_signature_with_409()
    {
        var f = await FamilyAsync(3);
        var waiting = await WaitingAsync(f);
        var declined = await f.Parent.PostAsync($"{Sponsorships}/consent/{waiting[1].Id}/respond",
            new { agree = false, consentTextVersion = ConsentText.Version });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        var refused = await SignAsync(f.Parent, f.ParentName, waiting);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("consent_already_answered", problem.GetProperty("code").GetString());
        Assert.Equal([waiting[1].Id.ToString()], problem.GetProperty("requestIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, (await WaitingAsync(f)).Count);
        Assert.Equal(1, await AnsweredAsync(waiting.Select(r => r.Id)));
    }

    [Fact]
    public async Task Repeated_ids_a_wrong_signature_or_no_ticked_box_are_400_and_write_nothing()
    {
        var f = await FamilyAsync(2);
        var waiting = await WaitingAsync(f);
        var ids = waiting.Select(w => w.Id).ToList();

        var repeated = await f.Parent.PostAsync(Together, new { requestIds = ids.Append(ids[0]), agree = true, signedName = f.ParentName, consentTextVersion = ConsentText.Version });
        Assert.True((await repeated.JsonAsync()).GetProperty("errors").TryGetProperty("requestIds", out _));
        var wrongName = await SignAsync(f.Parent, "Someone Else", waiting);
        Assert.True((await wrongName.JsonAsync()).GetProperty("errors").TryGetProperty("signedName", out _));
        var notTicked = await f.Parent.PostAsync(Together, new { requestIds = ids, agree = false, signedName = f.ParentName, consentTextVersion = ConsentText.Version });
        Assert.True((await notTicked.JsonAsync()).GetProperty("errors").TryGetProperty("agree", out _));
        var oldText = await f.Parent.PostAsync(Together, new { requestIds = ids, agree = true, signedName = f.ParentName, consentTextVersion = "1999-01" });
        Assert.True((await oldText.JsonAsync()).GetProperty("errors").TryGetProperty("consentTextVersion", out _));
        var none = await f.Parent.PostAsync(Together, new { requestIds = Array.Empty<Guid>(), agree = true, signedName = f.ParentName, consentTextVersion = ConsentText.Version });
        Assert.All(new[] { repeated, wrongName, notTicked, oldText, none }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(0, await AnsweredAsync(ids));
    }

    [Fact]
    public async Task Signatures_and_single_answers_racing_answer_each_request_exactly_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var f = await FamilyAsync(3);
            var w = await WaitingAsync(f);
            // Two batches over the same children in opposite orders, a smaller one, and single answers, all at once.
            var attempts = new (IReadOnlyList<ParentConsentResponse> Requests, Task<HttpResponseMessage> Call)[]
            {
                (w, SignAsync(f.Parent, f.ParentName, w)),
                (w.AsEnumerable().Reverse().ToList(), SignAsync(f.Parent, f.ParentName, w.AsEnumerable().Reverse())),
                ([w[1], w[2]], SignAsync(f.Parent, f.ParentName, [w[1], w[2]])),
                ([w[1]], f.Parent.PostAsync($"{Sponsorships}/consent/{w[1].Id}/respond",
                    new { agree = true, signedName = f.ParentName, consentTextVersion = ConsentText.Version })),
                ([w[0]], f.Parent.PostAsync($"{Sponsorships}/consent/{w[0].Id}/respond",
                    new { agree = false, consentTextVersion = ConsentText.Version })),
            };
            await Task.WhenAll(attempts.Select(a => a.Call));
            var statuses = attempts.Select(a => a.Call.Result.StatusCode).ToList();
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, $"round {round}: {s}"));
            Assert.Contains(HttpStatusCode.OK, statuses);

            var won = attempts.Where(a => a.Call.Result.StatusCode == HttpStatusCode.OK).SelectMany(a => a.Requests.Select(r => r.Id)).ToList();
            Assert.Equal(won.Count, won.Distinct().Count());
            var wonIds = won.Select(id => id.ToString()).ToList();
            var (rows, answers) = await api.WithDbAsync(async db => (
                await db.SponsorshipConsents.Where(c => f.ChildIds.Contains(c.SponsoredChildId)).ToListAsync(),
                await db.AuditLog.CountAsync(a => (a.Action == "consent.give" || a.Action == "consent.decline") && wonIds.Contains(a.EntityId!))));
            // One row per child (no second record), answered exactly by the calls that succeeded, each audited once.
            Assert.Equal(3, rows.Count);
            Assert.Equal(won.Order(), rows.Where(r => r.ConsentGiven != null).Select(r => r.Id).Order());
            Assert.Equal(won.Count, answers);
        }
    }
}
