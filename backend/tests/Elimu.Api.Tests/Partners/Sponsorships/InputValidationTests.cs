using System.Net;
using System.Text;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>DESIGN.md §5: bad input is a 400/415 naming the field, never a 500, and changes nothing.</summary>
public sealed class InputValidationTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    private static Dictionary<string, object?> GoodProgram() => new()
    {
        ["name"] = "Validation program", ["description"] = "Fine", ["programType"] = "direct", ["minChildren"] = 10,
        ["billingPeriod"] = "termly", ["pricePerChild"] = 4000.50m, ["currency"] = "KES",
        ["startDate"] = "2027-01-06", ["endDate"] = "2027-11-27", ["goals"] = new[] { new { title = "Read", metric = "ME", target = 80 } },
    };

    [Theory]
    [InlineData("programType", 99)]
    [InlineData("programType", 0)]
    [InlineData("programType", "7")]
    [InlineData("billingPeriod", 42)]
    [InlineData("billingPeriod", "1")]
    [InlineData("goals", new[] { (object?)null })]
    [InlineData("description", null, 1_000_000)]
    [InlineData("customPricingNotes", null, 100_000)]
    [InlineData("name", null, 201)]
    [InlineData("pricePerChild", 0.001)]
    [InlineData("pricePerChild", 10.005)]
    [InlineData("pricePerChild", -5)]
    [InlineData("pricePerChild", 1e15)]
    [InlineData("minChildren", 2_000_000_000)]
    [InlineData("maxChildren", 2_000_000_000)]
    [InlineData("startDate", "0001-01-01")]
    [InlineData("endDate", "9999-12-31")]
    [InlineData("currency", "kes1")]
    public async Task A_program_with_a_bad_field_is_a_400_naming_it_and_stores_nothing(string field, object? value, int textLength = 0)
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var body = GoodProgram();
        body[field] = textLength > 0 ? new string('x', textLength) : value;
        var before = await api.WithDbAsync(db => db.SponsorshipPrograms.CountAsync());

        var created = await partner.PostAsync(Programs, body);

        await AssertFieldRefusedAsync(created, field);
        Assert.Equal(before, await api.WithDbAsync(db => db.SponsorshipPrograms.CountAsync()));
        var program = await partner.CreateProgramAsync("Edit target");
        await AssertFieldRefusedAsync(await partner.PutAsync($"{Programs}/{program.Id}", body), field);
    }

    [Fact]
    public async Task A_good_program_with_cents_and_an_open_end_is_accepted()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var body = GoodProgram();
        body["endDate"] = null;
        var response = await partner.PostAsync(Programs, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(4000.50m, (await response.JsonAsync()).GetProperty("pricePerChild").GetDecimal());
    }

    [Theory]
    [InlineData("{\"goals\":[null]}", "goals[0]")]
    [InlineData("{\"goals\":[{\"kind\":2,\"target\":\"150\"}]}", "goals[0].kind")]
    [InlineData("{\"goals\":[{\"kind\":\"weekly_minutes\",\"target\":\"150\",\"dueDate\":\"0001-01-01\"}]}", "goals[0].dueDate")]
    [InlineData("{\"goals\":[{\"kind\":\"weekly_minutes\",\"target\":\"150\",\"dueDate\":\"2030-01-01\",\"learningAreaCode\":\"" + "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ" + "\"}]}", "goals[0].learningAreaCode")]
    public async Task Bad_child_goals_are_a_400_naming_the_field(string json, string field)
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var child = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100"))
            .Items.First(c => c.ConsentStatus == ChildConsentStatus.given);

        var response = await partner.Http.PutAsync($"{Sponsorships}/children/{child.Id}/goals",
            new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertFieldRefusedAsync(response, field);
    }

    [Fact]
    public async Task A_null_student_id_is_a_400()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await partner.CreateProgramAsync("Null ids");
        var response = await partner.Http.PostAsync($"{Programs}/{program.Id}/children",
            new StringContent("{\"studentIds\":[null]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/programs?status=99", "status")]
    [InlineData("/programs?status=2", "status")]
    [InlineData("/programs?status=draft_ish", "status")]
    [InlineData("/children?status=99", "status")]
    [InlineData("/children?sort=1", "sort")]
    [InlineData("/children?grade=3", "grade")]
    [InlineData("/available-students?grade=99", "grade")]
    [InlineData("/consent/status?status=99", "status")]
    [InlineData("/programs?page=2147483647", "page")]
    [InlineData("/programs?page=abc", "page")]
    [InlineData("/children?hasAlert=maybe", "hasAlert")]
    [InlineData("/children?programId=not-a-uuid", "programId")]
    [InlineData("/children?page=1000000000&pageSize=100", "page")]
    [InlineData("/programs?search=" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij"
        + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij"
        + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij"
        + "abcdefghij" + "x", "search")]
    public async Task Bad_query_values_are_a_400_naming_the_parameter(string query, string field)
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        await AssertFieldRefusedAsync(await partner.GetAsync(Sponsorships + query), field);
    }

    [Fact]
    public async Task Query_enums_by_name_still_work_and_numbers_are_refused_on_admin_and_child_routes()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        using var admin = await api.LoginAsync("admin@elimu.demo");
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"{Sponsorships}/programs?status=ACTIVE")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/admin/sponsorship-programs?status=DRAFT")).StatusCode);
        await AssertFieldRefusedAsync(await admin.GetAsync("/api/v1/admin/sponsorship-programs?status=99"), "status");

        var child = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100"))
            .Items.First(c => c.ConsentStatus == ChildConsentStatus.given);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"{Sponsorships}/children/{child.Id}/activity?period=month")).StatusCode);
        await AssertFieldRefusedAsync(await partner.GetAsync($"{Sponsorships}/children/{child.Id}/activity?period=99"), "period");
        await AssertFieldRefusedAsync(await partner.GetAsync($"{Sponsorships}/children/{child.Id}/activity?period=1"), "period");
    }

    [Theory]
    [InlineData("POST", "/api/v1/partner/sponsorships/programs", "text/plain")]
    [InlineData("POST", "/api/v1/partner/sponsorships/programs", "application/x-www-form-urlencoded")]
    [InlineData("PUT", "/api/v1/partner/sponsorships/programs/{program}", "text/plain")]
    [InlineData("POST", "/api/v1/partner/sponsorships/programs/{program}/children", "application/xml")]
    [InlineData("POST", "/api/v1/auth/login", "text/plain")]
    [InlineData("POST", "/api/v1/partner/sponsorships/programs", null)]
    public async Task A_json_route_answers_415_to_another_content_type(string method, string url, string? contentType)
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await partner.CreateProgramAsync("Content types");
        var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{program}", program.Id.ToString()))
        {
            Content = contentType is null ? new ByteArrayContent("name=x"u8.ToArray()) : new StringContent("name=x", Encoding.UTF8, contentType),
        };

        var response = await partner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unsupported_media_type", await response.CodeAsync());
    }

    [Fact]
    public async Task Unknown_api_routes_are_404_and_wrong_methods_405_both_as_problems()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var missing = await partner.GetAsync("/api/v1/partner/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", await missing.CodeAsync());

        var wrongMethod = await partner.Http.PatchAsync($"{Programs}", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("method_not_allowed", await wrongMethod.CodeAsync());
    }

    private static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var errors = (await response.JsonAsync()).GetProperty("errors");
        // "goals" also matches "goals[0]": the item that is wrong, under the list that holds it.
        Assert.True(errors.EnumerateObject().Any(e => e.Name == field || e.Name.StartsWith(field + "[")), $"errors.{field} expected in {body}");
    }
}
