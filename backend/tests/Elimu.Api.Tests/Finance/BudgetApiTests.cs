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
/// The budget against hand-computed figures, on the clocked host (Wednesday 11 March 2026, Nairobi): fiscal year
/// 2025/26 runs 1 July 2025 to 30 June 2026, so July–February are past, March is current, April–June the forecast.
/// </summary>
public sealed class BudgetApiTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    [Fact]
    public async Task Allocated_spent_committed_and_remaining_match_the_hand_computed_figures()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var other = await api.CreateAsync(Roles.Partner);
        var a = await api.ProgramAsync(partner.Id, "A Reading");
        var b = await api.ProgramAsync(partner.Id, "B Maths");
        var theirs = await api.ProgramAsync(other.Id, "Theirs");

        var subA = await api.SubscriptionAsync(partner.Id, a, BillingPeriod.monthly, 25_000m, nextBillingUtc: Nairobi(2026, 4, 1, 0));
        var subB = await api.SubscriptionAsync(partner.Id, b, BillingPeriod.termly, 40_000m, nextBillingUtc: Nairobi(2026, 4, 27, 0));
        await api.SubscriptionAsync(partner.Id, b, BillingPeriod.monthly, 99_999m, status: SubscriptionStatus.CANCELLED, nextBillingUtc: Nairobi(2026, 4, 1, 0));
        var subTheirs = await api.SubscriptionAsync(other.Id, theirs, BillingPeriod.monthly, 77_777m, nextBillingUtc: Nairobi(2026, 4, 1, 0));

        await api.PaymentAsync(partner.Id, subA, 50_000m, "KES", PaymentStatus.completed, Nairobi(2025, 8, 10));
        // 01:00 on 1 March in Nairobi is still 28 February in UTC: the month is Nairobi's.
        await api.PaymentAsync(partner.Id, subA, 50_000m, "KES", PaymentStatus.completed, Nairobi(2026, 3, 1, 1));
        await api.PaymentAsync(partner.Id, subB, 20_000m, "KES", PaymentStatus.completed, Nairobi(2025, 6, 30)); // the year before
        await api.PaymentAsync(partner.Id, subB, 100m, "USD", PaymentStatus.completed, Nairobi(2025, 9, 1)); // never added to KES
        await api.PaymentAsync(partner.Id, subA, 10_000m, "KES", PaymentStatus.pending, null, Nairobi(2026, 3, 5)); // invoiced, unpaid
        await api.PaymentAsync(partner.Id, subA, 5_000m, "KES", PaymentStatus.failed, Nairobi(2026, 1, 5));
        await api.PaymentAsync(other.Id, subTheirs, 66_666m, "KES", PaymentStatus.completed, Nairobi(2025, 12, 1));

        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var saved = await client.PutAsync(Budget, new
        {
            year = 2025, total = 1_000_000m, currency = "KES",
            allocations = new[] { new { programId = a, amount = 600_000m }, new { programId = b, amount = 300_000m } },
        }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(7, saved.GetProperty("startMonth").GetInt32()); // July unless chosen

        var o = await client.GetAsync($"{Budget}?year=2025").ExpectAsync(HttpStatusCode.OK);
        Assert.True(o.GetProperty("exists").GetBoolean());
        Assert.Equal("2025/26", o.GetProperty("label").GetString());
        Assert.Equal("2025-07-01", o.GetProperty("startDate").GetString());
        Assert.Equal("2026-06-30", o.GetProperty("endDate").GetString());
        Assert.Equal(100_000m, o.Dec("unallocated"));

        var programs = o.GetProperty("programs").EnumerateArray().ToDictionary(p => p.GetProperty("programId").GetGuid());
        Assert.Equal([a, b], programs.Keys.Order());
        // A: spent 50,000 (Aug) + 50,000 (Mar); committed 10,000 pending + renewals 1 Apr, 1 May, 1 Jun × 25,000 (1 Jul is next year).
        Assert.Equal((600_000m, 100_000m, 85_000m, 415_000m), Figures(programs[a]));
        // B: the June 2025 payment is last year's, USD stays apart; committed: the 27 April term (24 August is next year).
        Assert.Equal((300_000m, 0m, 40_000m, 260_000m), Figures(programs[b]));
        Assert.Equal((900_000m, 100_000m, 125_000m, 675_000m), Figures(o.GetProperty("totals")));

        var months = o.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        string Month(JsonElement m) => m.GetProperty("month").GetString()!;
        var byMonth = months.ToDictionary(Month, m => (m.Dec("actual"), m.Dec("forecast"), m.GetProperty("kind").GetString()));
        Assert.Equal((50_000m, 0m, "past"), byMonth["2025-08-01"]);
        Assert.Equal((0m, 0m, "past"), byMonth["2026-02-01"]);
        Assert.Equal((50_000m, 10_000m, "current"), byMonth["2026-03-01"]);
        Assert.Equal((0m, 65_000m, "future"), byMonth["2026-04-01"]);
        Assert.Equal((0m, 25_000m, "future"), byMonth["2026-05-01"]);
        Assert.Equal((0m, 25_000m, "future"), byMonth["2026-06-01"]);
        Assert.Equal(o.GetProperty("totals").Dec("spent"), months.Sum(m => m.Dec("actual")));
        Assert.Equal(o.GetProperty("totals").Dec("committed"), months.Sum(m => m.Dec("forecast")));

        var usd = Assert.Single(o.GetProperty("otherCurrencies").EnumerateArray());
        Assert.Equal(("USD", 100m, 0m), (usd.GetProperty("currency").GetString(), usd.Dec("spent"), usd.Dec("committed")));

        // The second partner sees its own (empty) year: none of the first partner's programs or money.
        using var second = await api.LoginAsync(other.Email!, TestUsers.Password);
        var theirsView = await second.GetAsync($"{Budget}?year=2025").ExpectAsync(HttpStatusCode.OK);
        Assert.False(theirsView.GetProperty("exists").GetBoolean());
        Assert.Equal([theirs], theirsView.GetProperty("programs").EnumerateArray().Select(p => p.GetProperty("programId").GetGuid()));
        Assert.Equal(66_666m, theirsView.GetProperty("totals").Dec("spent"));
    }

    private static (decimal, decimal, decimal, decimal) Figures(JsonElement e) => (e.Dec("allocated"), e.Dec("spent"), e.Dec("committed"), e.Dec("remaining"));

    [Fact]
    public async Task Without_a_year_the_current_fiscal_year_is_shown_and_a_chosen_first_month_is_kept()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var current = await client.GetAsync(Budget).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2025, current.GetProperty("year").GetInt32()); // 11 March 2026 is in the July 2025 year
        Assert.False(current.GetProperty("exists").GetBoolean());

        await client.PutAsync(Budget, new { year = 2026, startMonth = 1, total = 500_000m, allocations = Array.Empty<object>() }).ExpectAsync(HttpStatusCode.OK);
        var calendar = await client.GetAsync(Budget).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((2026, "2026", "2026-12-31"), (calendar.GetProperty("year").GetInt32(), calendar.GetProperty("label").GetString(), calendar.GetProperty("endDate").GetString()));
        // Another year with a different first month would overlap this one.
        var overlap = await client.PutAsync(Budget, new { year = 2027, startMonth = 7, total = 1m }).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(overlap.GetProperty("errors").TryGetProperty("startMonth", out _));
    }

    [Fact]
    public async Task Allocations_beyond_the_total_or_to_another_partners_program_are_refused_and_nothing_is_saved()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var other = await api.CreateAsync(Roles.Partner);
        var mine = await api.ProgramAsync(partner.Id, "Mine");
        var theirs = await api.ProgramAsync(other.Id, "Theirs");
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);

        var over = await client.PutAsync(Budget, new { year = 2025, total = 100m, allocations = new[] { new { programId = mine, amount = 100.01m } } })
            .ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("budget_refused", over.GetProperty("code").GetString());
        Assert.True(over.GetProperty("errors").TryGetProperty("allocations", out _));

        var foreign = await client.PutAsync(Budget, new { year = 2025, total = 100m, allocations = new[] { new { programId = theirs, amount = 1m } } })
            .ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(foreign.GetProperty("errors").TryGetProperty("allocations[0].programId", out _));

        var bad = await client.PutAsync(Budget, new { year = 2025, startMonth = 13, currency = "KESH",
            allocations = new[] { new { programId = mine, amount = -1m }, new { programId = mine, amount = 1m } } }).ExpectAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "total", "startMonth", "currency", "allocations[0].amount", "allocations[1].programId" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        Assert.False((await client.GetAsync($"{Budget}?year=2025").ExpectAsync(HttpStatusCode.OK)).GetProperty("exists").GetBoolean());
        await client.GetAsync($"{Budget}?year=99999").ExpectAsync(HttpStatusCode.BadRequest);

        // Exactly the total is fine, and a later save replaces the set.
        await client.PutAsync(Budget, new { year = 2025, total = 100m, allocations = new[] { new { programId = mine, amount = 100m } } }).ExpectAsync(HttpStatusCode.OK);
        var cleared = await client.PutAsync(Budget, new { year = 2025, total = 100m, allocations = Array.Empty<object>() }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(100m, cleared.Dec("unallocated"));
    }
}
