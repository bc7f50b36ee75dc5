using Elimu.Api.Data.Seeding;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Elimu.Api.Tests.Data;

public sealed class DemoSeedTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Fact]
    public async Task A_second_run_adds_nothing()
    {
        var before = await CountsAsync();
        using var scope = api.Services.CreateScope();
        var again = await DemoSeeder.RunAsync(scope.ServiceProvider);
        Assert.False(again.Seeded);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_accounts_of_the_readme_exist_with_their_roles()
    {
        var roles = await api.WithDbAsync(db => db.Users
            .Select(u => new { u.Email, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList() })
            .ToDictionaryAsync(u => u.Email!, u => u.Roles));
        Assert.Equal(["admin"], roles["admin@elimu.demo"]);
        Assert.Equal(["staff"], roles["staff@elimu.demo"]);
        Assert.Equal(["partner"], roles["partner@elimu.demo"]);
        Assert.Equal(["partner"], roles["partner2@elimu.demo"]);
        Assert.Equal(["parent"], roles["parent@elimu.demo"]);
        for (var i = 2; i <= 8; i++) Assert.Equal(["parent"], roles[$"parent{i}@elimu.demo"]);
        using var client = await api.LoginAsync("parent8@elimu.demo", DemoSeeder.Password);
    }

    [Fact]
    public async Task Every_student_has_a_guardian_and_the_spread_is_wide()
    {
        var (students, orphans, grades, counties) = await api.WithDbAsync(async db => (
            await db.Students.CountAsync(),
            await db.Students.CountAsync(s => !db.Guardianships.Any(g => g.StudentId == s.Id)),
            await db.Students.Select(s => s.Grade).Distinct().CountAsync(),
            await db.Students.Select(s => s.County).Distinct().CountAsync()));
        Assert.True(students >= 60);
        Assert.Equal(0, orphans);
        Assert.True(grades >= 6, $"{grades} grades");
        Assert.True(counties >= 10, $"{counties} counties");
    }

    [Fact]
    public async Task The_demo_partner_has_programs_and_consents_in_every_state()
    {
        var (programs, children, consents) = await api.WithDbAsync(async db =>
        {
            var partnerId = await db.Users.Where(u => u.Email == "partner@elimu.demo").Select(u => u.Id).SingleAsync();
            return (
                await db.SponsorshipPrograms.Where(p => p.PartnerId == partnerId)
                    .Select(p => new { p.Status, Children = p.Children.Count(c => c.Status != SponsoredChildStatus.REMOVED) }).ToListAsync(),
                await db.SponsoredChildren.CountAsync(c => c.PartnerId == partnerId),
                await db.SponsorshipConsents.Where(k => db.SponsoredChildren.Any(c => c.Id == k.SponsoredChildId && c.PartnerId == partnerId))
                    .ToListAsync());
        });
        Assert.Contains(programs, p => p.Status == ProgramStatus.ACTIVE && p.Children >= 12);
        Assert.Contains(programs, p => p.Status == ProgramStatus.PENDING_APPROVAL);
        Assert.Contains(programs, p => p.Status == ProgramStatus.DRAFT);
        Assert.InRange(children, 15, 40);
        Assert.Contains(consents, c => c.Status == ConsentStatus.given);
        Assert.Contains(consents, c => c.Status == ConsentStatus.pending);
        Assert.Contains(consents, c => c.Status == ConsentStatus.revoked);
    }

    [Fact]
    public async Task Activity_spans_four_months_and_money_and_support_are_in_every_state()
    {
        var (first, last, payments, subscriptions, tickets, reports, meetings, messages) = await api.WithDbAsync(async db => (
            await db.ActivitySessions.MinAsync(s => s.StartedAt),
            await db.ActivitySessions.MaxAsync(s => s.StartedAt),
            await db.PartnerPayments.Select(p => p.Status).Distinct().ToListAsync(),
            await db.PartnerSubscriptions.CountAsync(),
            await db.PartnerTickets.Select(t => t.Status).Distinct().ToListAsync(),
            await db.PartnerImpactReports.CountAsync(),
            await db.PartnerMeetings.CountAsync(),
            await db.PartnerMessages.CountAsync()));
        Assert.True((last - first).TotalDays >= 110, $"activity spans {(last - first).TotalDays:F0} days");
        Assert.True(last > DateTime.UtcNow.AddDays(-2), "activity reaches today");
        Assert.Equal(Enum.GetValues<PaymentStatus>().Order(), payments.Order());
        Assert.True(subscriptions >= 2);
        Assert.Contains(TicketStatus.open, tickets);
        Assert.Equal(2, reports);
        Assert.True(meetings >= 2 && messages >= 2);
    }

    [Fact]
    public async Task Invoice_numbers_run_without_gaps()
    {
        // One invoice per period; the attempts at paying it (a declined card, then M-Pesa) carry its number.
        var numbers = await api.WithDbAsync(db => db.PartnerInvoices.Select(i => i.Number).ToListAsync());
        Assert.All(numbers, n => Assert.Matches(@"^INV-\d{4}-\d{6}$", n));
        foreach (var year in numbers.GroupBy(n => n[4..8]))
            Assert.Equal(Enumerable.Range(1, year.Count()), year.Select(n => int.Parse(n[9..])).Order());
        var counters = await api.WithDbAsync(db => db.InvoiceCounters.ToDictionaryAsync(c => c.Year.ToString(), c => c.LastNumber));
        Assert.Equal(numbers.GroupBy(n => n[4..8]).ToDictionary(g => g.Key, g => g.Count()), counters);
        var payments = await api.WithDbAsync(db => db.PartnerPayments.Select(p => new { p.InvoiceNumber, Invoice = p.Invoice!.Number, p.Amount, p.Invoice.Total }).ToListAsync());
        Assert.All(payments, p => { Assert.Equal(p.Invoice, p.InvoiceNumber); Assert.Equal(p.Total, p.Amount); });
    }

    [Fact]
    public async Task Production_refuses_the_demo_seed()
    {
        await using var production = new ProductionFactory();
        await production.InitializeAsync();
        using var scope = production.Services.CreateScope();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DemoSeeder.RunAsync(scope.ServiceProvider));
        Assert.Contains("Production", error.Message);
        Assert.Equal(0, await production.WithDbAsync(db => db.Students.CountAsync()));
    }

    private sealed class ProductionFactory : ElimuApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(Environments.Production);
        }
    }

    private Task<int[]> CountsAsync() => api.WithDbAsync(async db => new[]
    {
        await db.Users.CountAsync(), await db.Students.CountAsync(), await db.SponsorshipPrograms.CountAsync(),
        await db.SponsoredChildren.CountAsync(), await db.ActivitySessions.CountAsync(), await db.PartnerPayments.CountAsync(),
        await db.SponsorshipConsents.CountAsync(), await db.Notifications.CountAsync(),
    });
}
