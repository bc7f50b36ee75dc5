using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Dashboard;

/// <summary>
/// "Children with consent" is one figure: the dashboard, the realtime counters and the children list (rows marked
/// "Consent given") agree, and a child of an ended program leaves it even while its enrolment still reads ACTIVE.
/// Its own fixture: the test ends a program.
/// </summary>
public sealed class ChildrenWithConsentTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Children = "/api/v1/partner/sponsorships/children";

    [Fact]
    public async Task A_completed_programs_children_leave_the_figure_and_it_stays_the_lists_count()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var before = await GivenRowsAsync(client);
        Assert.Equal(before.Count, (await client.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters")).ChildrenWithConsent);

        // End one program behind the API's back, the way time ends it: its children keep their ACTIVE enrolment.
        var programId = before.GroupBy(c => c.ProgramId).OrderByDescending(g => g.Count()).First().Key;
        var ended = before.Count(c => c.ProgramId == programId);
        await api.WithDbAsync(async db =>
        {
            var program = await db.SponsorshipPrograms.SingleAsync(p => p.Id == programId);
            program.Status = ProgramStatus.COMPLETED;
            await db.SaveChangesAsync();
        });
        var stillActive = await api.WithDbAsync(db => db.SponsoredChildren.CountAsync(c => c.ProgramId == programId && c.Status == SponsoredChildStatus.ACTIVE));
        Assert.True(stillActive > 0, "the ended program still has children whose enrolment reads ACTIVE");

        var after = await GivenRowsAsync(client);
        var overview = await client.GetJsonAsync<PartnerDashboardOverview>("/api/v1/partner/dashboard/overview");
        var counters = await client.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters");
        Assert.Equal(before.Count - ended, after.Count);
        Assert.Equal(after.Count, overview.Counters.ChildrenWithConsent);
        Assert.Equal(after.Count, counters.ChildrenWithConsent);
    }

    /// <summary>Every row of the partner's children list that reads "Consent given", page by page.</summary>
    private static async Task<List<SponsoredChildResponse>> GivenRowsAsync(ApiClient client)
    {
        var given = new List<SponsoredChildResponse>();
        for (var page = 1; ; page++)
        {
            var rows = await client.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Children}?pageSize=100&page={page}");
            given.AddRange(rows.Items.Where(c => c.ConsentStatus == ChildConsentStatus.given));
            if (page * rows.PageSize >= rows.Total) return given;
        }
    }
}
