using System.Net;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Elimu.Api.Tests.Platform;

/// <summary>The SPA's deep links get index.html; API paths never do, so the router's 404, 405 and 415 stand.</summary>
public sealed class SpaFallbackTests(SpaFallbackTests.WithSpaFactory api) : IClassFixture<SpaFallbackTests.WithSpaFactory>
{
    public sealed class WithSpaFactory : ElimuApiFactory
    {
        private readonly string _webRoot = Directory.CreateTempSubdirectory("elimu-spa-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            File.WriteAllText(Path.Combine(_webRoot, "index.html"), "<!doctype html><title>Elimu SPA</title>");
            builder.UseWebRoot(_webRoot);
            base.ConfigureWebHost(builder);
        }
    }

    [Theory]
    [InlineData("/dashboard/partner/sponsorships")]
    [InlineData("/login")]
    [InlineData("/apis-are-not-api")]
    public async Task A_deep_link_of_the_spa_gets_index_html(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Elimu SPA", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/no-such-route")]
    [InlineData("/api")]
    [InlineData("/API/v1/no-such-route")]
    public async Task An_unknown_api_path_is_a_404_problem_not_the_spa(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
