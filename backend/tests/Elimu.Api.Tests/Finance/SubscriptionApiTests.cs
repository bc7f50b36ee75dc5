using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Finance;

/// <summary>GET/POST/PUT/DELETE /finance/subscriptions: derived totals, custom pricing, termly across a year boundary, period changes.</summary>
public sealed class SubscriptionApiTests(FinanceApiFactory api) : IClassFixture<FinanceApiFactory>
{
    private const string Subscriptions = FinanceTestKit.Prefix + "/subscriptions";

    [Fact]
    public async Task Totals_are_children_with_consent_on_the_periods_first_day_times_the_price_and_the_client_cannot_type_them()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 1500m,
        [
            new("Amani", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)),
            new("Baraka", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)),
            new("Chebet", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 10)),
            new("Dalia", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 11, 9)),      // consent this morning: after the first day began
            new("Eshe", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1), RevokedAt: NairobiUtc(2026, 3, 5)),
            new("Faraji", NairobiUtc(2026, 2, 1), null),
            new("Gakii", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1), RemovedAt: NairobiUtc(2026, 3, 8)),
        ]);

        var response = await client.PostAsync(Subscriptions, new { programId, billingPeriod = "monthly", totalChildren = 99, totalAmount = 1m });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await response.JsonAsync();
        Assert.Equal("ACTIVE", item.Str("status"));
        Assert.Equal("monthly", item.Str("billingPeriod"));
        Assert.Equal(1500m, item.Dec("amountPerChild"));
        Assert.Equal(3, item.GetProperty("totalChildren").GetInt32()); // Amani, Baraka, Chebet at 00:00 on 11 March
        Assert.Equal(4500m, item.Dec("totalAmount"));
        Assert.Equal("KES", item.Str("currency"));
        Assert.Equal("2026-03-11", item.Str("currentPeriodStart"));
        Assert.Equal("2026-04-11", item.Str("nextBillingDate"));

        var listed = (await client.GetJsonAsync<JsonElement>(Subscriptions)).EnumerateArray().Single();
        foreach (var field in new[] { "id", "status", "billingPeriod", "amountPerChild", "totalChildren", "totalAmount", "currency", "nextBillingDate" })
            Assert.True(listed.TryGetProperty(field, out _), field);
        Assert.Equal("Billing cohort", listed.Str("programName"));

        // A second running subscription of the same program is refused.
        var again = await client.PostAsync(Subscriptions, new { programId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("subscription_exists", await again.CodeAsync());
    }

    [Fact]
    public async Task The_list_costs_the_same_few_queries_for_one_subscription_or_four_and_each_keeps_its_own_figures()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        async Task<Guid> ProgramAsync(string name, decimal price, int consented, int waiting)
        {
            var children = Enumerable.Range(0, consented).Select(i => new TestChild($"{name}C{i}", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)))
                .Concat(Enumerable.Range(0, waiting).Select(i => new TestChild($"{name}W{i}", NairobiUtc(2026, 2, 1), null))).ToList();
            var id = await api.ActiveProgramAsync(partnerId, price, children, name: name);
            await client.SubscribeAsync(id, "monthly");
            return id;
        }
        async Task<(int Queries, Dictionary<string, (int Children, decimal Total)> Rows)> ListAsync()
        {
            await api.CountQueriesOfNextRequestAsync(client);
            var list = await client.GetJsonAsync<JsonElement>(Subscriptions);
            var queries = api.Queries.Count;
            return (queries, list.EnumerateArray().ToDictionary(s => s.Str("programName"),
                s => (s.GetProperty("totalChildren").GetInt32(), s.Dec("totalAmount"))));
        }

        await ProgramAsync("Kisumu", 1500m, 3, 1);
        var one = await ListAsync();
        await ProgramAsync("Busia", 800m, 2, 0);
        await ProgramAsync("Narok", 1200m, 0, 2);
        await ProgramAsync("Kitui", 950m, 5, 1);
        var four = await ListAsync();

        Assert.Equal(one.Queries, four.Queries);
        Assert.Equal((3, 4500m), one.Rows["Kisumu"]);
        Assert.Equal(new Dictionary<string, (int, decimal)>
        {
            ["Kisumu"] = (3, 4500m), ["Busia"] = (2, 1600m), ["Narok"] = (0, 0m), ["Kitui"] = (5, 4750m),
        }, four.Rows);
    }

    [Fact]
    public async Task Only_the_partners_own_active_programs_can_be_subscribed()
    {
        var (partnerId, client) = await api.PartnerAsync();
        var draft = await api.WithDbAsync(async db =>
        {
            var p = new SponsorshipProgram { PartnerId = partnerId, Name = "Draft", ProgramType = ProgramType.cohort, Status = ProgramStatus.DRAFT, PricePerChild = 100 };
            db.SponsorshipPrograms.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var response = await client.PostAsync(Subscriptions, new { programId = draft });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("program_not_active", await response.CodeAsync());

        var (otherId, _) = await api.PartnerAsync();
        var others = await api.ActiveProgramAsync(otherId, 1000m, [new("Hawi", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 2, 2))]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(Subscriptions, new { programId = others })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(Subscriptions, new { })).StatusCode);
    }

    [Fact]
    public async Task Custom_pricing_of_the_partner_overrides_the_programs_price_while_it_is_valid()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 1500m,
            [new("Imani", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)), new("Jabari", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))]);
        await api.WithDbAsync(async db =>
        {
            db.PartnerPricing.Add(new PartnerPricing { PartnerId = partnerId, PricePerChild = 1300m, Currency = "KES", Notes = "All programs", ValidFrom = new(2026, 1, 1) });
            db.PartnerPricing.Add(new PartnerPricing { PartnerId = partnerId, ProgramId = programId, PricePerChild = 1200m, Currency = "KES",
                Notes = "NGO rate agreed 2026", ValidFrom = new(2026, 3, 1), ValidTo = new(2026, 12, 31) });
            db.PartnerPricing.Add(new PartnerPricing { PartnerId = partnerId, ProgramId = programId, PricePerChild = 900m, Currency = "KES",
                Notes = "Expired", ValidFrom = new(2025, 1, 1), ValidTo = new(2025, 12, 31) });
            await db.SaveChangesAsync();
        });
        var item = await client.SubscribeAsync(programId);
        Assert.Equal(1200m, item.Dec("amountPerChild"));
        Assert.True(item.GetProperty("customPricing").GetBoolean());
        Assert.Equal(2400m, item.Dec("totalAmount"));
    }

    [Fact]
    public async Task Termly_billing_follows_the_configured_terms_across_the_year_boundary()
    {
        api.SetNairobi(new DateOnly(2026, 10, 1), 12); // term 3 of 2026: 24 Aug to 30 Oct
        var (partnerId, client) = await api.PartnerAsync();
        var inTerm = await api.ActiveProgramAsync(partnerId, 4000m, [new("Kamau", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))], BillingPeriod.termly, "Term 3");
        var item = await client.SubscribeAsync(inTerm);
        Assert.Equal("termly", item.Str("billingPeriod"));
        Assert.Equal("2026-08-24", item.Str("currentPeriodStart"));
        Assert.Equal("2026-10-31", item.Str("currentPeriodEnd"));
        Assert.Equal("2027-01-04", item.Str("nextBillingDate")); // term 1 of 2027, not the holidays

        api.SetNairobi(new DateOnly(2026, 11, 15), 12); // the long holidays: the next term is the period
        client = await api.LoginAsync((await api.WithDbAsync(db => Task.FromResult(db.Users.First(u => u.Id == partnerId).Email!))), TestUsers.Password);
        var holidays = await api.ActiveProgramAsync(partnerId, 4000m, [new("Lulu", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))], BillingPeriod.termly, "Holidays");
        var next = await client.SubscribeAsync(holidays);
        Assert.Equal("2027-01-04", next.Str("currentPeriodStart"));
        Assert.Equal("2027-04-02", next.Str("currentPeriodEnd"));
        Assert.Equal("2027-04-26", next.Str("nextBillingDate"));

        // The first subscription rolls into term 1 of 2027 once term 3 is over.
        api.SetNairobi(new DateOnly(2027, 1, 10), 12);
        client = await api.LoginAsync((await api.WithDbAsync(db => Task.FromResult(db.Users.First(u => u.Id == partnerId).Email!))), TestUsers.Password);
        var rolled = (await client.GetJsonAsync<JsonElement>(Subscriptions)).EnumerateArray().Single(s => s.Id() == item.Id());
        Assert.Equal("2027-01-04", rolled.Str("currentPeriodStart"));
        Assert.Equal("2027-04-26", rolled.Str("nextBillingDate"));
    }

    [Fact]
    public async Task A_period_change_takes_effect_next_period_and_cancel_keeps_the_history()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var email = await api.WithDbAsync(db => Task.FromResult(db.Users.First(u => u.Id == partnerId).Email!));
        var programId = await api.ActiveProgramAsync(partnerId, 1500m, [new("Malaika", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))]);
        var id = (await client.SubscribeAsync(programId)).Id();

        var changed = await (await client.PutAsync($"{Subscriptions}/{id}", new { billingPeriod = "annual", autoRenew = false })).JsonAsync();
        Assert.Equal("monthly", changed.Str("billingPeriod"));
        Assert.Equal("annual", changed.Str("pendingBillingPeriod"));
        Assert.False(changed.GetProperty("autoRenew").GetBoolean());
        Assert.Equal("2026-04-11", changed.Str("nextBillingDate"));

        api.SetNairobi(new DateOnly(2026, 4, 12), 9);
        client = await api.LoginAsync(email, TestUsers.Password);
        var next = (await client.GetJsonAsync<JsonElement>(Subscriptions)).EnumerateArray().Single();
        Assert.Equal("annual", next.Str("billingPeriod"));
        Assert.Equal(JsonValueKind.Null, next.GetProperty("pendingBillingPeriod").ValueKind);
        Assert.Equal("2026-04-11", next.Str("currentPeriodStart"));
        Assert.Equal("2027-04-11", next.Str("currentPeriodEnd"));

        var cancelled = await (await client.DeleteAsync($"{Subscriptions}/{id}")).JsonAsync();
        Assert.Equal("CANCELLED", cancelled.Str("status"));
        Assert.Equal("CANCELLED", (await client.GetJsonAsync<JsonElement>(Subscriptions)).EnumerateArray().Single().Str("status"));
        var closed = await client.PutAsync($"{Subscriptions}/{id}", new { autoRenew = true });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("subscription_closed", await closed.CodeAsync());
        // A new subscription of the program may start once the old one is cancelled.
        Assert.NotEqual(id, (await client.SubscribeAsync(programId)).Id());
    }
}
