using System.Net;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>The demo seed has saved reports a partner can run and export (the acceptance check's contract).</summary>
public sealed class DemoCustomReportTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Fact]
    public async Task The_demo_partner_has_a_saved_report_that_runs_and_exports()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var list = await client.GetAsync(RoiTestKit.Reports).ExpectAsync(HttpStatusCode.OK);
        Assert.True(list.GetProperty("total").GetInt32() >= 1);
        var id = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        var run = await client.PostAsync($"{RoiTestKit.Reports}/{id}/run").ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(0, run.GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{RoiTestKit.Reports}/{id}/export?format=xlsx")).StatusCode);
    }
}
