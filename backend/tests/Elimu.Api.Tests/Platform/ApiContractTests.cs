using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;

namespace Elimu.Api.Tests.Platform;

/// <summary>The OpenAPI document lists each operation's error answers as ProblemDetails; filter options come from the API.</summary>
public sealed class ApiContractTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private async Task<JsonElement> DocumentAsync() => JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

    private static HashSet<string> Errors(JsonElement doc, string path, string method) =>
        doc.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject()
            .Select(r => r.Name).Where(code => code[0] is '4' or '5').ToHashSet();

    [Theory]
    [InlineData("/api/v1/partner/sponsorships/programs", "post", new[] { "400", "401", "403", "409", "415" })]
    [InlineData("/api/v1/partner/sponsorships/programs/{id}", "get", new[] { "400", "401", "403", "404" })]
    [InlineData("/api/v1/partner/sponsorships/programs/{id}/children", "post", new[] { "400", "401", "403", "404", "409", "415", "422" })]
    [InlineData("/api/v1/partner/dashboard/overview", "get", new[] { "401", "403" })]
    [InlineData("/api/v1/auth/login", "post", new[] { "400", "415", "429" })]
    [InlineData("/api/v1/auth/me", "get", new[] { "401" })]
    // The upload reads its form by hand and answers a wrong content type with 400 on `file`, so no 415 is listed.
    [InlineData("/api/v1/partner/enrollments/imports/commit", "post", new[] { "400", "401", "403", "409", "422" })]
    public async Task Each_operation_lists_the_errors_its_route_can_answer(string path, string method, string[] expected)
    {
        var errors = Errors(await DocumentAsync(), path, method);
        Assert.Equal(expected.Order(), errors.Order());
    }

    [Fact]
    public async Task Every_error_answer_is_a_ProblemDetails()
    {
        var doc = await DocumentAsync();
        Assert.True(doc.GetProperty("components").GetProperty("schemas").TryGetProperty("ProblemDetails", out var schema));
        Assert.True(schema.GetProperty("properties").TryGetProperty("code", out _));
        var checkedCount = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var errors = op.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] == '4').ToList();
                if (path.Name.StartsWith("/api/v1/partner") || path.Name.StartsWith("/api/v1/admin") || path.Name.StartsWith("/api/v1/parent"))
                    Assert.Contains(errors, r => r.Name == "401");
                foreach (var error in errors)
                {
                    var reference = error.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
                    Assert.Equal("#/components/schemas/ProblemDetails", reference);
                    checkedCount++;
                }
            }
        Assert.True(checkedCount > 100, $"only {checkedCount} error answers documented");
    }

    [Fact]
    public async Task Filter_options_come_from_the_API()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var options = await partner.GetJsonAsync<StudentFilterOptions>("/api/v1/partner/sponsorships/filter-options");
        Assert.Equal(47, options.Counties.Count);
        Assert.Equal(options.Counties.Order(StringComparer.Ordinal), options.Counties);
        Assert.Equal(Enum.GetValues<CbcGrade>(), options.Grades);
        var (needs, schools) = await api.WithDbAsync(async db =>
        {
            var students = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Students);
            return (students.SelectMany(s => s.LearningNeeds).Distinct().Order().ToList(), students.Select(s => s.School).Distinct().Order().ToList());
        });
        Assert.NotEmpty(needs);
        Assert.Equal(needs.Order(StringComparer.OrdinalIgnoreCase), options.LearningNeeds);
        Assert.Equal(schools.Order(StringComparer.Ordinal).Take(StudentDirectory.MaxSchoolOptions), options.Schools.Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync("/api/v1/partner/sponsorships/filter-options")).StatusCode);
        using var parent = await api.LoginAsync("parent@elimu.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync("/api/v1/partner/sponsorships/filter-options")).StatusCode);
    }

    [Fact]
    public async Task Cohort_figures_cover_every_matching_child_not_a_page()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var all = new List<SponsoredChildResponse>();
        for (var page = 1; ; page++)
        {
            var answer = await partner.GetJsonAsync<Elimu.Api.Common.Paged<SponsoredChildResponse>>($"/api/v1/partner/sponsorships/children?pageSize=100&page={page}");
            all.AddRange(answer.Items);
            if (all.Count >= answer.Total || answer.Items.Count == 0) break;
        }
        var cohorts = await partner.GetJsonAsync<ChildCohortsResponse>("/api/v1/partner/sponsorships/children/by-program");

        Assert.Equal(all.Count, cohorts.Total);
        foreach (var group in all.GroupBy(c => c.ProgramId))
        {
            var figures = cohorts.Programs.Single(p => p.ProgramId == group.Key);
            var seen = group.Where(c => c.Progress is not null).ToList();
            Assert.Equal(group.Count(), figures.Children);
            Assert.Equal(group.Count(c => c.ConsentStatus == Elimu.Api.Partners.Consent.ChildConsentStatus.given), figures.Consented);
            Assert.Equal(seen.Count(c => c.Progress!.HasAlert), figures.Alerts);
            Assert.Equal(seen.Count == 0 ? null : Math.Round((decimal)seen.Sum(c => c.Progress!.MinutesThisWeek) / seen.Count, 1, MidpointRounding.AwayFromZero),
                figures.AverageMinutesThisWeek);
        }

        // Filters narrow the figures as they narrow the list.
        var grade5 = await partner.GetJsonAsync<ChildCohortsResponse>("/api/v1/partner/sponsorships/children/by-program?grade=Grade5");
        Assert.Equal(all.Count(c => c.Grade == CbcGrade.Grade5), grade5.Total);

        // Another partner's children never count.
        var stranger = await api.CreateAsync(Roles.Partner);
        using var other = await api.LoginAsync(stranger.Email!, TestUsers.Password);
        Assert.Equal(0, (await other.GetJsonAsync<ChildCohortsResponse>("/api/v1/partner/sponsorships/children/by-program")).Total);
    }
}
