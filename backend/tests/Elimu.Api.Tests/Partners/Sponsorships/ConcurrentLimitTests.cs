using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Xunit.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>
/// DESIGN.md §5: limits hold under concurrency on both databases. Each test fires its requests at once and checks the
/// database afterwards; every answer is a success or a refusal, never a 500.
/// </summary>
public sealed class ConcurrentLimitTests(SeededApiFactory api, ITestOutputHelper output) : IClassFixture<SeededApiFactory>
{
    private const int Parallel = 25;

    [Fact]
    public async Task Parallel_single_child_adds_never_pass_max_children()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await partner.CreateProgramAsync("Race to the cap", maxChildren: 10);
        var students = await api.AddStudentsAsync(Parallel);

        var responses = await Task.WhenAll(students.Select(s =>
            partner.PostAsync($"{Programs}/{program.Id}/children", new { studentIds = new[] { s } })));

        await AssertOnlyRefusalsAsync(responses);
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(10, await EnrolledAsync(program.Id));
    }

    [Fact]
    public async Task Parallel_import_commits_never_pass_max_children()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await CreateProgramAsync(partner, maxChildren: 10);
        var files = new List<byte[]>();
        for (var i = 0; i < 3; i++)
        {
            var students = await CreateStudentsAsync(api, 4, prefix: $"RACE{i}");
            files.Add(Csv([Header, .. students.Select(s => Line(s.Id.ToString(), null, null, program.ToString()))]));
        }

        var responses = await Task.WhenAll(files.Select(f => UploadAsync(partner, Commit, "race.csv", f)));

        await AssertOnlyRefusalsAsync(responses);
        var enrolled = await EnrolledAsync(program);
        Assert.True(enrolled <= 10, $"{enrolled} children in a program capped at 10");
        Assert.Equal(4 * responses.Count(r => r.StatusCode == HttpStatusCode.OK), enrolled);
    }

    [Fact]
    public async Task One_student_added_to_several_programs_at_once_is_sponsored_once()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var programs = new List<ProgramResponse>();
        for (var i = 0; i < 5; i++) programs.Add(await partner.CreateProgramAsync($"Same student {i}"));
        var student = (await api.AddStudentsAsync(1))[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            partner.PostAsync($"{Programs}/{programs[i % programs.Count].Id}/children", new { studentIds = new[] { student } })));

        await AssertOnlyRefusalsAsync(responses);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, await api.WithDbAsync(db => db.SponsoredChildren.CountAsync(c =>
            c.StudentId == student && c.Status != SponsoredChildStatus.REMOVED)));
    }

    [Fact]
    public async Task Parallel_removals_never_take_an_active_program_below_its_minimum()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        using var admin = await api.LoginAsync("admin@elimu.demo");
        var program = await api.ProgramWithChildrenAsync(partner, 14, "Race to the floor");
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"{Programs}/{program.Id}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/sponsorship-programs/{program.Id}/approve")).StatusCode);
        var children = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>(
            $"/api/v1/partner/sponsorships/children?programId={program.Id}&pageSize=100")).Items;

        var responses = await Task.WhenAll(children.Select(c => partner.DeleteAsync($"{Programs}/{program.Id}/children/{c.StudentId}")));

        await AssertOnlyRefusalsAsync(responses);
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            Assert.Equal("min_children_not_met", await refused.CodeAsync());
        Assert.Equal(10, await EnrolledAsync(program.Id));
    }

    [Fact]
    public async Task A_submit_racing_removals_never_leaves_a_submitted_program_below_its_minimum()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        for (var round = 0; round < 4; round++)
        {
            var program = await api.ProgramWithChildrenAsync(partner, 10, $"Submit race {round}");
            var children = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>(
                $"/api/v1/partner/sponsorships/children?programId={program.Id}&pageSize=100")).Items;

            // A draft may shrink; a submitted program may not be below its minimum.
            var requests = children.Take(3).Select(c => partner.DeleteAsync($"{Programs}/{program.Id}/children/{c.StudentId}"))
                .Prepend(partner.PostAsync($"{Programs}/{program.Id}/submit"));
            var responses = await Task.WhenAll(requests);

            await AssertOnlyRefusalsAsync(responses);
            var after = await partner.GetJsonAsync<ProgramResponse>($"{Programs}/{program.Id}");
            if (after.Status == ProgramStatus.PENDING_APPROVAL)
                Assert.True(after.Children.Enrolled >= after.MinChildren, $"submitted with {after.Children.Enrolled} children");
        }
    }

    [Fact]
    public async Task A_constraint_the_database_keeps_is_answered_409_by_the_one_exception_handler()
    {
        var partner = await api.WithDbAsync(db => db.Users.Where(u => u.Email == "partner2@elimu.demo").Select(u => u.Id).SingleAsync());
        using var client = await api.LoginAsync("partner2@elimu.demo");
        var first = await client.CreateProgramAsync("Constraint A");
        var second = await client.CreateProgramAsync("Constraint B");
        var student = (await api.AddStudentsAsync(1))[0];
        var failure = await api.WithDbAsync(async db =>
        {
            // Two active rows for one student and partner, as two racing requests would write them.
            db.SponsoredChildren.Add(new SponsoredChild { ProgramId = first.Id, StudentId = student, PartnerId = partner });
            db.SponsoredChildren.Add(new SponsoredChild { ProgramId = second.Id, StudentId = student, PartnerId = partner });
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        var http = new DefaultHttpContext { RequestServices = api.Services, Response = { Body = new MemoryStream() } };
        var handled = false;
        foreach (var handler in api.Services.GetServices<IExceptionHandler>())
            handled |= await handler.TryHandleAsync(http, failure, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        var problem = System.Text.Json.JsonDocument.Parse(http.Response.Body).RootElement;
        Assert.Equal("already_exists", problem.GetProperty("code").GetString());
    }

    private Task<int> EnrolledAsync(Guid programId) => api.WithDbAsync(db =>
        db.SponsoredChildren.CountAsync(c => c.ProgramId == programId && c.Status != SponsoredChildStatus.REMOVED));

    /// <summary>Every answer is a success, a conflict, or the planner's refusal list: never a 500 or a lock timeout.</summary>
    private async Task AssertOnlyRefusalsAsync(IReadOnlyCollection<HttpResponseMessage> responses)
    {
        output.WriteLine("answers: " + string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));
        foreach (var r in responses)
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
                $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }
}
