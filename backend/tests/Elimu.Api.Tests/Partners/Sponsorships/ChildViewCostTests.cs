using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>
/// What a child view costs the request, in queries: the gate (the child, its student and program, and whether consent
/// lets the partner see it) is one query, and each tab adds a fixed few. At 10,000 children these views are measured
/// against a 30 ms p99 (bench/targets.sh), and every query is a round trip and, on SQLite, a statement prepared anew;
/// a test that counts them fails if a view gains a query per goal, per area or per lesson.
/// </summary>
public sealed class ChildViewCostTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Children = "/api/v1/partner/sponsorships/children";

    private async Task<int> QueriesOfAsync(ApiClient partner, string path)
    {
        await api.CountQueriesOfNextRequestAsync(partner);
        (await partner.GetAsync(path)).EnsureSuccessStatusCode();
        return api.Queries.Count;
    }

    [Fact]
    public async Task Each_child_tab_costs_the_gate_and_a_fixed_few_queries()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var list = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Children}?pageSize=100&status=ACTIVE");
        var child = list.Items.First(c => c.ConsentStatus == ChildConsentStatus.given);

        Assert.Equal(1, await QueriesOfAsync(partner, $"{Children}/{child.Id}"));
        Assert.Equal(2, await QueriesOfAsync(partner, $"{Children}/{child.Id}/achievements"));
        // The goals' progress: the child's days, assessments and completed lessons, whatever the number of goals.
        var goals = new { goals = new object[]
        {
            new { kind = "weekly_minutes", target = "120" }, new { kind = "streak_days", target = "3" },
            new { kind = "lessons_completed", target = "5" }, new { kind = "rubric_level", learningAreaCode = "MATH", target = "ME" },
        } };
        (await partner.PutAsync($"{Children}/{child.Id}/goals", goals)).EnsureSuccessStatusCode();
        Assert.Equal(4, await QueriesOfAsync(partner, $"{Children}/{child.Id}/goals"));
        (await partner.PutAsync($"{Children}/{child.Id}/goals", new { goals = Array.Empty<object>() })).EnsureSuccessStatusCode();
        Assert.Equal(1, await QueriesOfAsync(partner, $"{Children}/{child.Id}/goals"));
        // Journey: assessments, competency scores, 12 weeks of rollups, recent lessons.
        Assert.Equal(5, await QueriesOfAsync(partner, $"{Children}/{child.Id}/progress"));
    }

    [Fact]
    public async Task Activity_reads_last_active_from_the_rollup_days_it_already_has()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var list = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Children}?pageSize=100&status=ACTIVE");
        var child = list.Items.First(c => c.ConsentStatus == ChildConsentStatus.given && c.Progress?.LastActiveAt is not null
            && c.Progress.LastActiveAt > DateTime.UtcNow.AddDays(-60));

        Assert.Equal(2, await QueriesOfAsync(partner, $"{Children}/{child.Id}/activity"));
    }

    /// <summary>
    /// The queries a children list page adds for what it holds: one for the answers of its hidden children (why they are
    /// hidden), one for the last session of its visible children with no session in the two learning weeks it loads.
    /// </summary>
    internal static int ListQueriesForContent(IEnumerable<SponsoredChildResponse> page)
    {
        var loadedFrom = LearningWeek.Previous(NairobiTime.Today(TimeProvider.System)).From;
        bool Quiet(SponsoredChildResponse c) => c.ConsentStatus == ChildConsentStatus.given && c.Progress is { } p
            && (p.LastActiveAt is not { } at || DateOnly.FromDateTime(NairobiTime.ToNairobi(at)) < loadedFrom);
        var children = page.ToList();
        return (children.Any(c => c.ConsentStatus != ChildConsentStatus.given) ? 1 : 0) + (children.Any(Quiet) ? 1 : 0);
    }

    [Fact]
    public async Task The_children_list_asks_why_only_for_hidden_children_and_last_sessions_only_for_quiet_ones()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var all = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Children}?pageSize=100");
        var recent = all.Items.First(c => c.ConsentStatus == ChildConsentStatus.given && c.Progress is not null && ListQueriesForContent([c]) == 0);
        var quiet = all.Items.FirstOrDefault(c => c.ConsentStatus == ChildConsentStatus.given && ListQueriesForContent([c]) == 1);
        string[] paths =
        [
            $"{Children}?pageSize=100",
            $"{Children}?pageSize=100&status=ACTIVE",
            $"{Children}?pageSize=100&status=ACTIVE&search={Uri.EscapeDataString(recent.FirstName)}",
            .. quiet is null ? Array.Empty<string>() : [$"{Children}?pageSize=100&status=ACTIVE&search={Uri.EscapeDataString(quiet.FirstName)}"],
        ];

        // Each page costs the same queries, plus those its content asks for.
        var costs = new List<(int Extra, int Queries)>();
        foreach (var path in paths)
        {
            var page = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>(path)).Items;
            Assert.Contains(page, c => c.ConsentStatus == ChildConsentStatus.given);
            costs.Add((ListQueriesForContent(page), await QueriesOfAsync(partner, path)));
        }
        Assert.Single(costs.Select(c => c.Queries - c.Extra).Distinct());
        Assert.True(costs.Select(c => c.Extra).Distinct().Count() > 1, $"the demo pages all cost the same extras: {string.Join(", ", costs)}");
        Assert.Contains(costs, c => c.Extra == 0);
    }
}
