using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Platform.Figures;
using static Elimu.Api.Tests.Finance.BudgetTestKit;

namespace Elimu.Api.Tests.Finance;

/// <summary>
/// The budget's forecast follows billing's school calendar (Billing:Terms), the one calendar in configuration: when the
/// Ministry moves term 2 of 2026 to 11 May, a termly renewal is committed in May, not on the 27 April of the usual calendar.
/// </summary>
public sealed class BudgetTermCalendarTests(BudgetTermCalendarTests.MovedTermApi api) : IClassFixture<BudgetTermCalendarTests.MovedTermApi>
{
    public sealed class MovedTermApi : ClockedApiFactory
    {
        // Billing:Terms index 4 is 2026's term 2 in appsettings.json (2025's three terms, then 2026's).
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Billing:Terms:4:Year"] = "2026", ["Billing:Terms:4:Term"] = "2", ["Billing:Terms:4:Start"] = "2026-05-11", ["Billing:Terms:4:End"] = "2026-08-07",
        };
    }

    [Fact]
    public async Task A_termly_renewal_is_committed_on_the_configured_term_start()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var program = await api.ProgramAsync(partner.Id, "Termly program");
        // Billed for term 1 already: the next billing date is before today, so it is owed today, then the next term start.
        await api.SubscriptionAsync(partner.Id, program, BillingPeriod.termly, 40_000m, nextBillingUtc: Nairobi(2026, 1, 5, 0));
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        await client.PutAsync(Budget, new { year = 2025, total = 500_000m, currency = "KES", allocations = new[] { new { programId = program, amount = 200_000m } } })
            .ExpectAsync(HttpStatusCode.OK);

        var o = await client.GetAsync($"{Budget}?year=2025").ExpectAsync(HttpStatusCode.OK);
        var forecast = o.GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!, m => m.Dec("forecast"));
        Assert.Equal(40_000m, forecast["2026-03-01"]); // owed since 5 January: today
        Assert.Equal(0m, forecast["2026-04-01"]);      // not the 27 April of the usual calendar
        Assert.Equal(40_000m, forecast["2026-05-01"]); // 11 May, as configured
        Assert.Equal(0m, forecast["2026-06-01"]);
    }
}
