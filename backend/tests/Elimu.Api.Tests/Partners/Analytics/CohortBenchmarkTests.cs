using System.Net;
using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Ai;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;
using static Elimu.Api.Tests.Partners.Analytics.AnalyticsTestKit;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>
/// GET /analytics/programs/{id}/benchmark over HTTP, against percentiles computed by hand (linear interpolation between
/// ranks, position p·(n − 1)). The window is the 12 learning weeks ending 11 March 2026 (from 18 December 2025).
/// Each test uses its own county, so the platform groups of the tests do not mix.
/// </summary>
public sealed class CohortBenchmarkTests(AiInsightsApiFactory api) : IClassFixture<AiInsightsApiFactory>
{
    private static readonly DateOnly Today = new(2026, 3, 11);
    private static readonly DateTime Enrolled = NairobiUtc(2025, 11, 1);

    private static DateOnly Day(int n) => Today.AddDays(-n);

    /// <summary>
    /// Cohort (consented, Grade 5): minutes 120, 240, 360, 480 over 12 weeks (10, 20, 30, 40 a week); Mathematics
    /// averages 50, 70 (60 and 80), 90 and none. Beside them a withdrawn child and a never-asked one with huge minutes
    /// and a Mathematics score of 0. Platform peers (Grade 5, same county): 0, 12, 24, 36, 48 minutes a week and
    /// Mathematics 40, 50, 60, 80, 100; plus peers of another grade and another county who must not count.
    /// </summary>
    private async Task<(Guid ProgramId, ApiClient Partner, Guid PartnerId, Guid Maths, Dictionary<string, Guid> Students)> CohortAsync(string county)
    {
        api.SetNairobi(Today, 9);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, s) = await api.AnalyticsProgramAsync(partnerId, $"Bench {county}",
        [
            new("Amani", Enrolled, Enrolled.AddDays(1), County: county), new("Baraka", Enrolled, Enrolled.AddDays(1), County: county),
            new("Chebet", Enrolled, Enrolled.AddDays(1), County: county), new("Dalia", Enrolled, Enrolled.AddDays(1), County: county),
            new("Eshe", Enrolled, Enrolled.AddDays(1), RevokedAt: NairobiUtc(2026, 2, 1), County: county),
            new("Fumo", Enrolled, null, County: county),
        ]);
        var maths = await api.LearningAreaAsync($"Mathematics {county}");
        await api.LearnAsync(s["Amani"], Day(3), minutes: 120);
        await api.LearnAsync(s["Baraka"], Day(3), minutes: 240);
        await api.LearnAsync(s["Chebet"], Day(3), minutes: 160);
        await api.LearnAsync(s["Chebet"], Day(70), minutes: 200);
        await api.LearnAsync(s["Dalia"], Day(3), minutes: 480);
        await api.LearnAsync(s["Dalia"], Day(100), minutes: 5000); // before the window
        await api.LearnAsync(s["Amani"], Day(4), area: maths, score: 50m);
        await api.LearnAsync(s["Baraka"], Day(4), area: maths, score: 60m);
        await api.LearnAsync(s["Baraka"], Day(5), area: maths, score: 80m);
        await api.LearnAsync(s["Chebet"], Day(4), area: maths, score: 90m);
        foreach (var hidden in new[] { "Eshe", "Fumo" })
        {
            await api.LearnAsync(s[hidden], Day(2), minutes: 6000);
            await api.LearnAsync(s[hidden], Day(4), area: maths, score: 0m);
        }

        int[] weekly = [0, 12, 24, 36, 48];
        decimal[] scores = [40m, 50m, 60m, 80m, 100m];
        for (var i = 0; i < 5; i++)
        {
            var peer = await api.PlatformStudentAsync($"Peer{i}", CbcGrade.Grade5, county);
            if (weekly[i] > 0) await api.LearnAsync(peer, Day(6), minutes: weekly[i] * 12);
            await api.LearnAsync(peer, Day(7), area: maths, score: scores[i]);
        }
        foreach (var (grade, where) in new[] { (CbcGrade.Grade8, county), (CbcGrade.Grade5, county + " North") })
        {
            var outsider = await api.PlatformStudentAsync("Outsider", grade, where);
            await api.LearnAsync(outsider, Day(6), minutes: 9000);
            await api.LearnAsync(outsider, Day(7), area: maths, score: 1m);
        }
        return (programId, partner, partnerId, maths, s);
    }

    private static (int Children, decimal P25, decimal P50, decimal P75) Quartiles(JsonElement p) =>
        (p.GetProperty("children").GetInt32(), p.GetProperty("p25").GetDecimal(), p.GetProperty("p50").GetDecimal(), p.GetProperty("p75").GetDecimal());

    [Fact]
    public async Task Percentiles_match_the_hand_computed_ones_and_leave_out_children_without_consent()
    {
        var (programId, partner, partnerId, _, _) = await CohortAsync("Benchland");

        var body = await partner.GetJsonAsync<JsonElement>($"{AnalyticsPrefix}/programs/{programId}/benchmark");

        Assert.Equal(4, body.GetProperty("consentedChildren").GetInt32());
        Assert.Equal(["Grade5"], body.GetProperty("grades").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["Benchland"], body.GetProperty("counties").EnumerateArray().Select(g => g.GetString()));

        var engagement = body.GetProperty("engagement");
        Assert.Equal("minutes_per_week", engagement.GetProperty("unit").GetString());
        Assert.Equal((4, 17.5m, 25m, 32.5m), Quartiles(engagement.GetProperty("cohort")));
        Assert.Equal((5, 12m, 24m, 36m), Quartiles(engagement.GetProperty("platform")));
        Assert.Equal(60m, engagement.GetProperty("cohortMedianPercentile").GetDecimal()); // 3 of 5 peers below 25

        var maths = Assert.Single(body.GetProperty("learningAreas").EnumerateArray());
        Assert.Equal("Mathematics Benchland", maths.GetProperty("learningArea").GetString());
        Assert.Equal((3, 60m, 70m, 80m), Quartiles(maths.GetProperty("cohort")));
        Assert.Equal((5, 50m, 60m, 80m), Quartiles(maths.GetProperty("platform")));
        Assert.Equal(60m, maths.GetProperty("cohortMedianPercentile").GetDecimal()); // 40, 50, 60 below 70

        Assert.Equal("offline", body.GetProperty("provider").GetString());
        Assert.Contains("60th percentile", body.GetProperty("narrative").GetString());
        var facts = Assert.Single(api.Orchestrator.FactsOf(AiTaskType.CohortBenchmarking, partnerId));
        Assert.DoesNotContain("Amani", facts);
    }

    [Fact]
    public async Task A_withdrawn_consent_takes_the_child_out_at_once()
    {
        var (programId, partner, _, _, s) = await CohortAsync("Revokeland");
        await api.WithDbAsync(async db =>
        {
            var dalia = db.SponsoredChildren.Single(c => c.StudentId == s["Dalia"]);
            var consent = db.SponsorshipConsents.Single(k => k.SponsoredChildId == dalia.Id);
            consent.RevokedAt = api.Time.GetUtcNow().UtcDateTime.AddMinutes(-1);
            await db.SaveChangesAsync();
        });

        var body = await partner.GetJsonAsync<JsonElement>($"{AnalyticsPrefix}/programs/{programId}/benchmark");

        Assert.Equal(3, body.GetProperty("consentedChildren").GetInt32());
        // 10, 20, 30 a week: Dalia's 40 is gone from the cohort, and she is not a platform peer either.
        Assert.Equal((3, 15m, 20m, 25m), Quartiles(body.GetProperty("engagement").GetProperty("cohort")));
        Assert.Equal((5, 12m, 24m, 36m), Quartiles(body.GetProperty("engagement").GetProperty("platform")));
    }

    [Fact]
    public async Task A_small_platform_group_is_not_shown()
    {
        api.SetNairobi(Today, 9);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, s) = await api.AnalyticsProgramAsync(partnerId, "Lonely", [new("Jabari", Enrolled, Enrolled.AddDays(1), County: "Tinyland")]);
        await api.LearnAsync(s["Jabari"], Day(3), minutes: 60);
        for (var i = 0; i < 4; i++) await api.LearnAsync(await api.PlatformStudentAsync($"Few{i}", CbcGrade.Grade5, "Tinyland"), Day(3), minutes: 30);

        var body = await partner.GetJsonAsync<JsonElement>($"{AnalyticsPrefix}/programs/{programId}/benchmark");

        var engagement = body.GetProperty("engagement");
        Assert.Equal((1, 5m, 5m, 5m), Quartiles(engagement.GetProperty("cohort")));
        Assert.Equal(JsonValueKind.Null, engagement.GetProperty("platform").ValueKind);
        Assert.Equal(JsonValueKind.Null, engagement.GetProperty("cohortMedianPercentile").ValueKind);
        Assert.Contains("too few platform children", body.GetProperty("narrative").GetString());
    }

    [Fact]
    public async Task Another_partners_program_is_not_found()
    {
        var (programId, _, _, _, _) = await CohortAsync("Guardland");
        var (_, intruder, _) = await api.PartnerWithSignInAsync();

        var response = await intruder.Http.GetAsync($"{AnalyticsPrefix}/programs/{programId}/benchmark");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync($"{AnalyticsPrefix}/programs/{Guid.NewGuid()}/benchmark")).StatusCode);
    }
}
