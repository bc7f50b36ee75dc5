using System.Net;
using Elimu.Api.Data.Seeding;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Partners.Content.SponsoredCourseTestKit;

namespace Elimu.Api.Tests.Partners.Content;

/// <summary>The demo seed's sponsored courses: a published one whose monitoring has figures to show, and a draft; seeding twice adds none.</summary>
public sealed class DemoSponsoredCourseTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Fact]
    public async Task The_demo_partner_has_a_published_course_with_children_taking_it()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var list = await client.GetAsync(Courses).ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var published = (await client.GetAsync($"{Courses}?status=published").ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(1, published.GetProperty("resources").GetInt32());

        var m = await client.GetAsync($"{Courses}/{published.GetProperty("id").GetGuid()}/monitoring").ExpectStatusAsync(HttpStatusCode.OK);
        Assert.True(m.GetProperty("enrolledChildren").GetInt32() > 0);
        Assert.True(m.GetProperty("minutesSpent").GetInt32() > 0);
        Assert.True(m.GetProperty("averageScore").GetDecimal() > 0);
        var first = m.GetProperty("items")[0];
        Assert.True(first.GetProperty("reached").GetInt32() > 0);

        using var scope = api.Services.CreateScope();
        Assert.False((await DemoSeeder.RunAsync(scope.ServiceProvider)).Seeded);
        Assert.Equal(2, (await client.GetAsync(Courses).ExpectStatusAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}
