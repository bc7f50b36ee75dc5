using System.Net;
using System.Text.Json;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform;

public sealed class HealthAndDocsTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_tags_partner_routes_by_section()
    {
        var doc = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var overview = doc.GetProperty("paths").GetProperty("/api/v1/partner/dashboard/overview").GetProperty("get");
        Assert.Equal("Partner · Dashboard", overview.GetProperty("tags")[0].GetString());
        // The guardian's answer sits under the partner prefix (plan Step 5) but belongs to the parent's side.
        foreach (var path in doc.GetProperty("paths").EnumerateObject()
                     .Where(p => p.Name.StartsWith("/api/v1/partner/") && !p.Name.EndsWith("/respond")))
            foreach (var op in path.Value.EnumerateObject())
                Assert.StartsWith("Partner · ", op.Value.GetProperty("tags")[0].GetString());
    }

    [Fact]
    public async Task Schemas_use_camelCase_field_names()
    {
        var json = await api.CreateClient().GetStringAsync("/openapi/v1.json");
        var schemas = JsonDocument.Parse(json).RootElement.GetProperty("components").GetProperty("schemas");
        var overview = schemas.GetProperty("PartnerDashboardOverview").GetProperty("properties");
        Assert.True(overview.TryGetProperty("averageWeeklyLearningMinutes", out _));
        Assert.True(overview.TryGetProperty("pendingConsents", out _));
        Assert.False(overview.TryGetProperty("PendingConsents", out _));
    }

    [Fact]
    public async Task The_Scalar_reference_is_served_at_docs()
    {
        var response = await api.CreateClient().GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("scalar", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    [Fact]
    public async Task Unknown_api_routes_answer_404_problem_details()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not_found", (await response.JsonAsync()).GetProperty("code").GetString());
    }
}
