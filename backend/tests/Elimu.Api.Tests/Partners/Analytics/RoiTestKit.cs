using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Finance.Budgets;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Ai;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>
/// One partner's hand-computed story on the finance clock (today 11 March 2026): four children of one program, two with
/// consent (Amani, Baraka), one whose consent was withdrawn (Chausiku), one never asked (Dalia), their learning in the
/// rollups, payments in both spans, and a budget of 100 KES a day.
/// </summary>
internal sealed record AnalyticsStory(Guid PartnerId, ApiClient Client, Guid ProgramId, Guid MathsId, string MathsCode);

internal static class RoiTestKit
{
    public const string Roi = "/api/v1/partner/analytics/roi";
    public const string Reports = "/api/v1/partner/analytics/reports";
    public static readonly DateOnly Today = new(2026, 3, 11);
    /// <summary>The 30 days ending today, and the 30 before: 11 Jan to 9 Feb.</summary>
    public static readonly DateOnly From = new(2026, 2, 10);

    public static async Task<AnalyticsStory> StoryAsync(this AiInsightsApiFactory api)
    {
        api.SetNairobi(Today, 12);
        var (partnerId, client) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 100m,
        [
            new("Amani", NairobiUtc(2026, 1, 3), NairobiUtc(2026, 1, 4)),
            new("Baraka", NairobiUtc(2026, 1, 3), NairobiUtc(2026, 1, 4)),
            new("Chausiku", NairobiUtc(2026, 1, 3), NairobiUtc(2026, 1, 4), RevokedAt: NairobiUtc(2026, 3, 1)),
            new("Dalia", NairobiUtc(2026, 1, 3), null),
        ], name: "Kisumu readers");
        var c = await api.ChildrenAsync(programId);
        var maths = await api.LearningAreaAsync("Mathematics");
        var code = await api.WithDbAsync(db => Task.FromResult(db.LearningAreas.Single(a => a.Id == maths).Code));

        // Baselines (before both spans): Amani 50 (AE), Baraka 70 (ME), Chausiku 10.
        await api.LearnAsync(c["Amani"].StudentId, new(2026, 1, 5), area: maths, score: 50m);
        await api.LearnAsync(c["Baraka"].StudentId, new(2026, 1, 5), area: maths, score: 70m);
        await api.LearnAsync(c["Chausiku"].StudentId, new(2026, 1, 5), area: maths, score: 10m);
        // The span before (11 Jan to 9 Feb): Amani 60 minutes.
        await api.LearnAsync(c["Amani"].StudentId, new(2026, 1, 20), minutes: 60);
        // This span: Amani 2 × 60 minutes and 85 in maths (AE → EE: two levels); Baraka 60 minutes and 65 (ME, not improving).
        await api.LearnAsync(c["Amani"].StudentId, new(2026, 2, 15), minutes: 60);
        await api.LearnAsync(c["Amani"].StudentId, new(2026, 3, 1), minutes: 60);
        await api.LearnAsync(c["Amani"].StudentId, new(2026, 3, 1), area: maths, score: 85m);
        await api.LearnAsync(c["Baraka"].StudentId, new(2026, 3, 2), minutes: 60);
        await api.LearnAsync(c["Baraka"].StudentId, new(2026, 3, 2), area: maths, score: 65m);
        // Hidden children learn too; none of it may count.
        await api.LearnAsync(c["Chausiku"].StudentId, new(2026, 3, 2), minutes: 600);
        await api.LearnAsync(c["Chausiku"].StudentId, new(2026, 3, 3), area: maths, score: 90m);
        await api.LearnAsync(c["Dalia"].StudentId, new(2026, 3, 2), minutes: 300);

        var subscription = await api.SubscriptionAsync(partnerId, programId, BillingPeriod.monthly, 200m);
        await api.PaymentAsync(partnerId, subscription, 3000m, "KES", PaymentStatus.completed, NairobiUtc(2026, 2, 20));
        await api.PaymentAsync(partnerId, subscription, 1500m, "KES", PaymentStatus.completed, NairobiUtc(2026, 1, 20));
        await api.PaymentAsync(partnerId, subscription, 999m, "KES", PaymentStatus.pending, null, NairobiUtc(2026, 3, 5));
        // Fiscal year July 2025 to June 2026: 365 days, 36,500 KES, all for the program.
        await api.WithDbAsync(db =>
        {
            db.Add(new PartnerBudget
            {
                PartnerId = partnerId, FiscalYear = 2025, StartMonth = 7, Total = 36_500m, Currency = "KES",
                Allocations = [new BudgetAllocation { ProgramId = programId, Amount = 36_500m }],
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        return new(partnerId, client, programId, maths, code);
    }
}
