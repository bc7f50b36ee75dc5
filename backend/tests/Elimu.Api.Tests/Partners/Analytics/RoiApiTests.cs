using System.Net;
using System.Text.Json;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Partners.Ai;
using static Elimu.Api.Tests.Partners.Analytics.RoiTestKit;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>GET /analytics/roi against figures worked out by hand from <see cref="RoiTestKit.StoryAsync"/>.</summary>
public sealed class RoiApiTests(AiInsightsApiFactory api) : IClassFixture<AiInsightsApiFactory>
{
    [Fact]
    public async Task The_figures_count_only_consented_children_and_compare_with_the_span_before()
    {
        var story = await api.StoryAsync();
        var roi = await story.Client.GetAsync($"{Roi}?from={From:yyyy-MM-dd}&to={Today:yyyy-MM-dd}&programId={story.ProgramId}").ExpectAsync(HttpStatusCode.OK);
        var now = roi.GetProperty("current");
        var before = roi.GetProperty("previous");

        Assert.Equal("KES", roi.GetProperty("currency").GetString());
        Assert.Equal("2026-01-11", before.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2026-02-09", before.GetProperty("period").GetProperty("to").GetString());
        // Amani and Baraka; Chausiku (withdrawn) and Dalia (never asked) count nowhere.
        Assert.Equal(2, now.GetProperty("consentedChildren").GetInt32());
        Assert.Equal(2, now.GetProperty("activeChildren").GetInt32());
        Assert.Equal(3m, now.GetProperty("learningHours").GetDecimal());
        Assert.Equal(2, now.GetProperty("rubricLevelsGained").GetInt32());
        Assert.Equal(3000m, now.GetProperty("spent").GetDecimal());
        Assert.Equal(3000m, now.GetProperty("budget").GetDecimal()); // 30 of 365 days of 36,500
        Assert.Equal(1500m, now.GetProperty("costPerChild").GetDecimal());
        Assert.Equal(1000m, now.GetProperty("costPerActiveHour").GetDecimal());
        Assert.Equal(1500m, now.GetProperty("costPerRubricLevel").GetDecimal());
        Assert.Equal(100m, now.GetProperty("budgetUsedPercent").GetDecimal());
        Assert.Equal(50m, now.GetProperty("improvingShare").GetDecimal());
        var maths = Assert.Single(now.GetProperty("areas").EnumerateArray());
        Assert.Equal("Mathematics", maths.GetProperty("name").GetString());
        Assert.Equal(2, maths.GetProperty("childrenCompared").GetInt32());
        Assert.Equal(1, maths.GetProperty("improving").GetInt32());
        var weeks = now.GetProperty("engagement").EnumerateArray().ToList();
        Assert.Equal(5, weeks.Count); // 30 days: four weeks and two days
        Assert.Equal(180, weeks.Sum(w => w.GetProperty("minutes").GetInt32()));
        Assert.Equal(60, weeks[0].GetProperty("minutes").GetInt32()); // 10 to 16 Feb: Amani on the 15th
        Assert.Equal(50m, weeks[0].GetProperty("activeShare").GetDecimal());

        Assert.Equal(2, before.GetProperty("consentedChildren").GetInt32());
        Assert.Equal(1, before.GetProperty("activeChildren").GetInt32());
        Assert.Equal(1m, before.GetProperty("learningHours").GetDecimal());
        Assert.Equal(0, before.GetProperty("rubricLevelsGained").GetInt32());
        Assert.Equal(1500m, before.GetProperty("spent").GetDecimal());
        Assert.Equal(750m, before.GetProperty("costPerChild").GetDecimal());
        Assert.Equal(1500m, before.GetProperty("costPerActiveHour").GetDecimal());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("costPerRubricLevel").ValueKind);
        Assert.Equal(50m, before.GetProperty("budgetUsedPercent").GetDecimal());
    }

    [Fact]
    public async Task A_withdrawal_takes_the_child_out_at_once_and_another_partner_is_refused()
    {
        var story = await api.StoryAsync();
        var url = $"{Roi}?from={From:yyyy-MM-dd}&to={Today:yyyy-MM-dd}";
        Assert.Equal(3m, (await story.Client.GetAsync(url).ExpectAsync(HttpStatusCode.OK)).GetProperty("current").GetProperty("learningHours").GetDecimal());

        // Baraka's guardian withdraws: his hour and his maths leave the figures.
        var baraka = (await api.ChildrenAsync(story.ProgramId))["Baraka"];
        await api.WithDbAsync(async db =>
        {
            foreach (var k in db.SponsorshipConsents.Where(k => k.SponsoredChildId == baraka.ChildId)) k.RevokedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        var now = (await story.Client.GetAsync(url).ExpectAsync(HttpStatusCode.OK)).GetProperty("current");
        Assert.Equal(1, now.GetProperty("consentedChildren").GetInt32());
        Assert.Equal(2m, now.GetProperty("learningHours").GetDecimal());
        Assert.Equal(1, Assert.Single(now.GetProperty("areas").EnumerateArray()).GetProperty("childrenCompared").GetInt32());

        var (_, stranger) = await api.PartnerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{url}&programId={story.ProgramId}")).StatusCode);
        var theirs = (await stranger.GetAsync(url).ExpectAsync(HttpStatusCode.OK)).GetProperty("current");
        Assert.Equal(0, theirs.GetProperty("consentedChildren").GetInt32());
        Assert.Equal(0m, theirs.GetProperty("spent").GetDecimal());
    }

    [Fact]
    public async Task A_backwards_or_overlong_span_is_a_400_naming_the_field()
    {
        var story = await api.StoryAsync();
        var backwards = await story.Client.GetAsync($"{Roi}?from=2026-03-10&to=2026-03-01").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("from", out _));
        var long_ = await story.Client.GetAsync($"{Roi}?from=2024-01-01&to=2026-03-01").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(long_.GetProperty("errors").TryGetProperty("to", out _));
    }
}
