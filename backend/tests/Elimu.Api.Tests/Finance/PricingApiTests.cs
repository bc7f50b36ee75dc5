using System.Net;
using System.Text.Json;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Finance;

/// <summary>
/// Custom prices: admins set them under /api/v1/admin/partners/{id}/pricing (validated, audited, never two covering the same
/// days for one program), billing uses them, and the partner reads its own effective prices but cannot change them.
/// </summary>
public sealed class PricingApiTests(FinanceApiFactory api) : IClassFixture<FinanceApiFactory>
{
    private static string Admin(Guid partnerId) => $"/api/v1/admin/partners/{partnerId}/pricing";
    private const string Effective = FinanceTestKit.Prefix + "/pricing";

    private async Task<(Guid PartnerId, ApiClient Partner, Guid ProgramId, ApiClient Admin)> SetUpAsync()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 1800m, [new TestChild("Amani", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))]);
        var admin = await api.CreateAsync(Roles.Admin);
        return (partnerId, partner, programId, await api.LoginAsync(admin.Email!, TestUsers.Password));
    }

    private static object Price(Guid? programId, decimal price, string from, string? to = null, string currency = "KES", string? notes = "Agreed with the CEO") =>
        new { programId, pricePerChild = price, currency, notes, validFrom = from, validTo = to };

    [Fact]
    public async Task An_admin_sets_a_price_the_partner_then_pays_and_reads_but_cannot_change()
    {
        var (partnerId, partner, programId, admin) = await SetUpAsync();
        var created = await admin.PostAsync(Admin(partnerId), Price(programId, 1500m, "2026-03-01", notes: "Premium tier, approved by J. Mwangi"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.JsonAsync();
        Assert.Equal("current", item.Str("state"));
        Assert.Equal("Billing cohort", item.Str("programName"));

        // Billing uses it.
        var subscription = await partner.SubscribeAsync(programId);
        Assert.Equal(1500m, subscription.Dec("amountPerChild"));

        // The partner sees it, with its notes; the program's list price is not what it pays.
        var view = await partner.GetJsonAsync<JsonElement>(Effective);
        var program = Assert.Single(view.GetProperty("programs").EnumerateArray());
        Assert.Equal(1500m, program.Dec("pricePerChild"));
        Assert.True(program.GetProperty("custom").GetBoolean());
        Assert.Equal("Premium tier, approved by J. Mwangi", program.Str("notes"));
        Assert.Single(view.GetProperty("agreements").EnumerateArray());

        // ...and cannot change it: the admin routes refuse a partner, and there is no partner route that writes.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync(Admin(partnerId), Price(programId, 1m, "2026-03-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutAsync($"{Admin(partnerId)}/{item.Id()}", Price(programId, 1m, "2026-03-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(Admin(partnerId))).StatusCode);
        Assert.Contains((await partner.PostAsync(Effective, Price(programId, 1m, "2026-03-01"))).StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });

        // Audited.
        var audit = await api.WithDbAsync(db => db.AuditLog.Where(a => a.EntityId == item.Id().ToString()).Select(a => new { a.Action, a.PartnerId, a.Details }).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(("pricing.create", partnerId), (entry.Action, entry.PartnerId));
        Assert.Contains("KES 1,500.00", entry.Details);
    }

    [Fact]
    public async Task Another_partner_sees_only_its_own_prices_and_cannot_be_given_this_partners_program()
    {
        var (partnerId, _, programId, admin) = await SetUpAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync(Admin(partnerId), Price(programId, 1500m, "2026-03-01"))).StatusCode);
        var (otherId, other) = await api.PartnerAsync();

        var view = await other.GetJsonAsync<JsonElement>(Effective);
        Assert.Empty(view.GetProperty("programs").EnumerateArray());
        Assert.Empty(view.GetProperty("agreements").EnumerateArray());

        // A price for the other partner naming this partner's program is refused, naming the field.
        var crossed = await admin.PostAsync(Admin(otherId), Price(programId, 900m, "2026-03-01"));
        Assert.Equal(HttpStatusCode.BadRequest, crossed.StatusCode);
        Assert.True((await crossed.JsonAsync()).GetProperty("errors").TryGetProperty("programId", out _));
        // This partner's price is not the other partner's to change through its own address.
        var adminView = await admin.GetJsonAsync<JsonElement>(Admin(partnerId));
        var mine = adminView.GetProperty("prices").EnumerateArray().Single().Id();
        Assert.Equal(programId, adminView.GetProperty("programs").EnumerateArray().Single().Id());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync($"{Admin(otherId)}/{mine}", Price(null, 900m, "2026-03-01"))).StatusCode);
    }

    [Fact]
    public async Task Staff_and_parents_are_refused_and_a_user_who_is_not_a_partner_is_not_found()
    {
        var (partnerId, _, programId, admin) = await SetUpAsync();
        foreach (var role in new[] { Roles.Staff, Roles.Parent })
        {
            var user = await api.CreateAsync(role);
            var client = await api.LoginAsync(user.Email!, TestUsers.Password);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Admin(partnerId), Price(programId, 1500m, "2026-03-01"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Admin(partnerId))).StatusCode);
        }
        var parent = await api.CreateAsync(Roles.Parent);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(Admin(parent.Id), Price(null, 1500m, "2026-03-01"))).StatusCode);
    }

    [Fact]
    public async Task Bad_figures_and_dates_are_refused_per_field()
    {
        var (partnerId, _, programId, admin) = await SetUpAsync();
        var response = await admin.PostAsync(Admin(partnerId), new { programId, pricePerChild = -5m, currency = "XYZ", validFrom = "2026-04-01", validTo = "2026-03-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "pricePerChild", "currency", "validTo" }) Assert.True(errors.TryGetProperty(field, out _), field);
        var missing = await (await admin.PostAsync(Admin(partnerId), new { programId })).JsonAsync();
        foreach (var field in new[] { "pricePerChild", "validFrom" }) Assert.True(missing.GetProperty("errors").TryGetProperty(field, out _), field);
        // A program's price is in the program's currency.
        var usd = await admin.PostAsync(Admin(partnerId), Price(programId, 12m, "2026-03-01", currency: "USD"));
        Assert.True((await usd.JsonAsync()).GetProperty("errors").TryGetProperty("currency", out _));
    }

    [Fact]
    public async Task Overlapping_prices_for_the_same_program_are_409_and_ending_one_makes_room()
    {
        var (partnerId, partner, programId, admin) = await SetUpAsync();
        var first = await (await admin.PostAsync(Admin(partnerId), Price(programId, 1500m, "2026-01-01"))).JsonAsync();

        var overlap = await admin.PostAsync(Admin(partnerId), Price(programId, 1400m, "2026-06-01", "2026-12-31"));
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Equal("pricing_overlap", await overlap.CodeAsync());
        // A partner-wide price is another kind: it may run alongside (the program's own wins).
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync(Admin(partnerId), Price(null, 1600m, "2026-01-01"))).StatusCode);

        // Ended on 31 May, the June price fits; ending later than it already ends, or before it starts, is refused.
        var ended = await admin.PostAsync($"{Admin(partnerId)}/{first.Id()}/end", new { validTo = "2026-05-31" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("2026-05-31", (await ended.JsonAsync()).Str("validTo"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Admin(partnerId)}/{first.Id()}/end", new { validTo = "2026-07-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Admin(partnerId)}/{first.Id()}/end", new { validTo = "2025-12-31" })).StatusCode);
        var june = await admin.PostAsync(Admin(partnerId), Price(programId, 1400m, "2026-06-01", "2026-12-31"));
        Assert.Equal(HttpStatusCode.Created, june.StatusCode);
        // Moving the June price back into May collides again.
        var moved = await admin.PutAsync($"{Admin(partnerId)}/{(await june.JsonAsync()).Id()}", Price(programId, 1400m, "2026-05-15", "2026-12-31"));
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);

        var actions = await api.WithDbAsync(db => db.AuditLog.Where(a => a.PartnerId == partnerId && a.EntityType == "partner_pricing").Select(a => a.Action).ToListAsync());
        Assert.Equal(["pricing.create", "pricing.create", "pricing.create", "pricing.end"], actions.Order(StringComparer.Ordinal));
        // Ended today or earlier it stays in the admin's list as ended; the partner's page lists the June one as agreed for later.
        var agreements = (await partner.GetJsonAsync<JsonElement>(Effective)).GetProperty("agreements").EnumerateArray().ToList();
        Assert.Contains(agreements, a => a.Str("validFrom") == "2026-06-01" && a.Str("state") == "upcoming");
    }

    [Fact]
    public async Task Parallel_overlapping_prices_make_one_and_the_rest_are_409()
    {
        var (partnerId, _, programId, admin) = await SetUpAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => admin.PostAsync(Admin(partnerId), Price(programId, 1000m + i, "2026-03-01"))));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(1, await api.WithDbAsync(db => db.PartnerPricing.CountAsync(p => p.PartnerId == partnerId)));
    }
}
