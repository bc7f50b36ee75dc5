using System.Net;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Analytics;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Elimu.Api.Tests.Finance.BudgetTestKit;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Finance;

/// <summary>
/// A grant's compliance report generated for a deadline: figures checked against the hand-computed February of
/// <see cref="ImpactReportTestKit.FebruaryCohortAsync"/> (the impact reports' own test cohort), spend only from the funded
/// program and only in the reporting period, kept as the deadline's report, audited, and refused to anyone else.
/// </summary>
public sealed class GrantComplianceReportTests(FinanceApiFactory api) : IClassFixture<FinanceApiFactory>
{
    private static object Grant(string reference, Guid programId, string start = "2026-01-01") => new
    {
        funder = "Ford Foundation", reference, amount = 20_000m, currency = "KES", startDate = start, endDate = "2026-12-31", status = "active",
        allocations = new[] { new { programId, amount = 12_000m } },
        deadlines = new[] { new { dueDate = "2026-01-31", title = "January report" }, new { dueDate = "2026-02-28", title = "February report" } },
    };

    [Fact]
    public async Task The_February_report_shows_the_grant_its_program_spend_children_and_learning_of_the_period_only()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var (funded, _) = await api.FebruaryCohortAsync(partnerId, "Grant Cohort");
        await api.FebruaryCohortAsync(partnerId, "Unfunded Cohort"); // its KES 3,000 is not the grant's
        await PaidAsync(funded, 500m, NairobiUtc(2026, 1, 20)); // January: before the February period

        var grant = await client.PostAsync(Grants, Grant("FF-COMP-1", funded)).ExpectAsync(HttpStatusCode.Created);
        var (grantId, deadline) = (grant.GetProperty("id").GetGuid(), grant.GetProperty("deadlines")[1]);
        Assert.Equal("February report", deadline.GetProperty("title").GetString());

        var generated = await client.PostAsync($"{Grants}/{grantId}/deadlines/{deadline.GetProperty("id").GetGuid()}/reports/generate")
            .ExpectAsync(HttpStatusCode.Created);
        var february = generated.GetProperty("deadlines")[1];
        Assert.True(february.GetProperty("submitted").GetBoolean());
        var report = Assert.Single(february.GetProperty("reports").EnumerateArray());
        Assert.Equal(("Compliance report FF-COMP-1 2026-02-28.pdf", "application/pdf"),
            (report.GetProperty("fileName").GetString(), report.GetProperty("contentType").GetString()));
        Assert.False(generated.GetProperty("deadlines")[0].GetProperty("submitted").GetBoolean());

        var download = await client.GetAsync($"{Grants}/{grantId}/reports/{report.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var pdf = PdfDocument.Open(await download.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Reporting period 1 Feb 2026 to 28 Feb 2026", text); // the day after January's deadline to February's
        Assert.Contains("FF-COMP-1", text);
        Assert.Contains("KES 20,000.00", text);   // the grant
        Assert.Contains("KES 12,000.00", text);   // allocated to Grant Cohort
        Assert.Contains("KES 3,000.00", text);    // paid 15 February; not January's 500, not the unfunded program's 3,000
        Assert.DoesNotContain("KES 3,500.00", text);
        Assert.DoesNotContain("KES 6,000.00", text);
        Assert.Contains("25%", text);             // 3,000 of 12,000
        Assert.Contains("Grant Cohort", text);
        Assert.DoesNotContain("Unfunded Cohort", text);
        // Children: 5 sponsored, 3 with consent (Dalia never asked, Eshe withdrew), 2 reached (Amani, Baraka) = 66.7%.
        Assert.Contains("GrantCohort53266.7%", Squeeze(text));
        // Learning: 180 minutes = 3 hours, 3 sessions, 2 assessments averaging (72 + 85) / 2 = 78.5%, +18.5 on January's 60.
        Assert.Contains("78.5%", text);
        Assert.Contains("+18.5 pts", text);
        foreach (var child in new[] { "Amani", "Baraka", "Chebet", "Dalia", "Eshe" }) Assert.DoesNotContain(child, text);

        var audit = await api.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "grant_report.generated" && a.PartnerId == partnerId)
            .Select(a => new { a.EntityType, a.EntityId, a.Details }).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(("grant_deadline", deadline.GetProperty("id").GetGuid().ToString()), (entry.EntityType, entry.EntityId));
        Assert.Contains("2026-02-01 to 2026-02-28", entry.Details);
    }

    [Fact]
    public async Task Another_partner_gets_a_404_and_a_period_that_has_not_begun_is_a_409()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (ownerId, owner) = await api.PartnerAsync();
        var (programId, _) = await api.FebruaryCohortAsync(ownerId, "Owned Cohort");
        var grant = await owner.PostAsync(Grants, Grant("FF-COMP-2", programId)).ExpectAsync(HttpStatusCode.Created);
        var (grantId, deadlineId) = (grant.GetProperty("id").GetGuid(), grant.GetProperty("deadlines")[0].GetProperty("id").GetGuid());

        var (_, stranger) = await api.PartnerAsync();
        await stranger.PostAsync($"{Grants}/{grantId}/deadlines/{deadlineId}/reports/generate").ExpectAsync(HttpStatusCode.NotFound);
        var mine = await owner.GetAsync($"{Grants}/{grantId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, mine.GetProperty("deadlines")[0].GetProperty("reports").GetArrayLength());
        await owner.PostAsync($"{Grants}/{grantId}/deadlines/{Guid.NewGuid()}/reports/generate").ExpectAsync(HttpStatusCode.NotFound);

        var later = await owner.PostAsync(Grants, Grant("FF-COMP-3", programId, start: "2026-06-01")).ExpectAsync(HttpStatusCode.Created);
        var notYet = await owner.PostAsync($"{Grants}/{later.GetProperty("id").GetGuid()}/deadlines/{later.GetProperty("deadlines")[0].GetProperty("id").GetGuid()}/reports/generate")
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("report_period_not_started", notYet.GetProperty("code").GetString());
    }

    /// <summary>A completed payment for the program's subscription, paid at <paramref name="paidAt"/>.</summary>
    private Task PaidAsync(Guid programId, decimal amount, DateTime paidAt) => api.WithDbAsync(async db =>
    {
        var subscription = await db.PartnerSubscriptions.SingleAsync(s => s.ProgramId == programId);
        db.PartnerPayments.Add(new PartnerPayment
        {
            SubscriptionId = subscription.Id, PartnerId = subscription.PartnerId, Amount = amount, Currency = "KES", Status = PaymentStatus.completed,
            PaymentGateway = PaymentGateway.sandbox, PeriodStart = NairobiUtc(2026, 1, 1, 0), PeriodEnd = NairobiUtc(2026, 2, 1, 0),
            PaidAt = paidAt, CreatedAt = paidAt,
        });
        await db.SaveChangesAsync();
    });

    /// <summary>PdfPig's text of a table row, without the spaces it may or may not put between cells.</summary>
    private static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
