using System.Net;
using Elimu.Api.Partners.Enrollments;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Partners.Enrollments;

public sealed class ImportAccessTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string LakeRegion = "Lake Region Scholars 2026";

    [Fact]
    public async Task Another_partners_program_is_not_found_in_the_file_or_the_form()
    {
        var lakeRegion = await api.WithDbAsync(db => db.SponsorshipPrograms.Where(p => p.Name == LakeRegion).Select(p => p.Id).SingleAsync());
        var students = await CreateStudentsAsync(api, 1);
        using var client = await api.LoginAsync("partner2@elimu.demo");

        var byColumn = await DryRunAsync(client, "c.csv", Csv(["student_id,program", $"{students[0].Id},{lakeRegion}", $"{students[0].Id},{LakeRegion}"]));
        Assert.All(byColumn.Rows, r => Assert.Equal((ImportOutcome.ProgramNotFound, null), (r.Outcome, r.ProgramId)));

        var byForm = await UploadAsync(client, DryRun, "c.csv", Csv(["student_id", $"{students[0].Id}"]), lakeRegion.ToString());
        Assert.Equal(HttpStatusCode.NotFound, byForm.StatusCode);
        Assert.Equal("not_found", (await byForm.JsonAsync()).GetProperty("code").GetString());

        var commit = await UploadAsync(client, Commit, "c.csv", Csv(["student_id", $"{students[0].Id}"]), lakeRegion.ToString());
        Assert.Equal(HttpStatusCode.NotFound, commit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partner/enrollments/cohorts?programId={lakeRegion}")).StatusCode);
    }

    [Fact]
    public async Task Without_a_session_every_route_is_401_and_other_roles_are_403()
    {
        using var anonymous = api.CreateApiClient();
        await anonymous.GetAsync("/api/v1/auth/me"); // picks up the XSRF cookie, so the POST reaches authorization
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/partner/enrollments/template")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/partner/enrollments/cohorts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(anonymous, DryRun, "a.csv", Csv(["student_id", "x"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(anonymous, Commit, "a.csv", Csv(["student_id", "x"]))).StatusCode);

        using var parent = await api.LoginAsync("parent@elimu.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(parent, DryRun, "a.csv", Csv(["student_id", "x"]))).StatusCode);
    }

    [Fact]
    public async Task An_upload_without_the_xsrf_header_is_refused_by_the_apps_antiforgery_check()
    {
        var handler = new CookieSessionHandler();
        using var client = new ApiClient(api.CreateDefaultClient(handler));
        await client.LoginAsync("partner@elimu.demo", Elimu.Api.Data.Seeding.DemoSeeder.Password);
        handler.SendXsrfHeader = false;

        var response = await UploadAsync(client, DryRun, "a.csv", Csv(["student_id,program", $"{Guid.NewGuid()},x"]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("antiforgery_failed", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task The_template_downloads_and_parses_back(string format, string contentType)
    {
        using var client = await api.LoginAsync("partner@elimu.demo");

        var response = await client.GetAsync($"/api/v1/partner/enrollments/template?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"elimu-enrollment-template.{format}", response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var result = await DryRunAsync(client, $"template.{format}", bytes);
        Assert.Equal(2, result.TotalRows);
        // The examples name the partner's oldest open program and made-up students: the program resolves, the students do not.
        Assert.All(result.Rows, r => Assert.Equal((ImportOutcome.NotFound, LakeRegion), (r.Outcome, r.Program)));
    }

    [Fact]
    public async Task An_unknown_template_format_is_a_400_on_format()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var response = await client.GetAsync("/api/v1/partner/enrollments/template?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("format", out _));
    }
}
