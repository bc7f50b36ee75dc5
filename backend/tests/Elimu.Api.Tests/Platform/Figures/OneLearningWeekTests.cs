using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Platform.Figures;

/// <summary>
/// "Minutes this week" and "inactive for 7 days" are one figure each (ADR 0005: the last 7 Nairobi calendar days).
/// Around Nairobi midnight every surface must move together: the list's card, the activity view, engagement, the
/// weekly-minutes goal, the early warnings, the overview's alerts, the counters and what the alert watcher computes.
/// </summary>
public sealed class OneLearningWeekTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    private const string Children = "/api/v1/partner/sponsorships/children";

    [Fact]
    public async Task Every_surface_agrees_at_2359_and_at_0001_Nairobi()
    {
        // Wednesday 18 March 2026. The child's only session started at 00:30 on Thursday the 12th, 6 days earlier.
        var day = new DateOnly(2026, 3, 18);
        // 23:59: the 12th is still one of the last 7 Nairobi days (12th–18th).
        api.SetNairobi(day, 23, 59);
        var (partnerEmail, childId) = await ChildWithOneSessionAsync(Eat(day.AddDays(-6), 0, 30), minutes: 45);
        using var partner = await api.LoginAsync(partnerEmail, TestUsers.Password);
        var put = await partner.PutAsync($"{Children}/{childId}/goals", new { goals = new[] { new { kind = "weekly_minutes", target = "150" } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var late = await SurfacesAsync(partner, partnerEmail, childId);
        Assert.All(late.Minutes, m => Assert.Equal(45, m.Value));
        Assert.All(late.Inactive, i => Assert.False(i.Value, i.Key));
        Assert.True(late.CardEngagement > 0);
        Assert.Equal(late.ViewEngagement, late.CardEngagement);

        // 00:01 on the 19th: the week is the 13th–19th, so the session is no longer in it, on every surface at once.
        // (The old card counted the last 168 hours and still showed 45 minutes and no alert here.)
        api.SetNairobi(day.AddDays(1), 0, 1);
        var early = await SurfacesAsync(partner, partnerEmail, childId);
        Assert.All(early.Minutes, m => Assert.Equal(0, m.Value));
        Assert.All(early.Inactive, i => Assert.True(i.Value, i.Key));
        Assert.Equal(0, early.CardEngagement);
        Assert.Equal(early.ViewEngagement, early.CardEngagement);
    }

    private sealed record Surfaces(Dictionary<string, int> Minutes, Dictionary<string, bool> Inactive, int CardEngagement, int ViewEngagement);

    private async Task<Surfaces> SurfacesAsync(ApiClient partner, string partnerEmail, Guid childId)
    {
        // The counters and the overview count the stored alerts: the watcher's scan stores them (run here as it would).
        var partnerUserId = (await api.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == partnerEmail)))).Id;
        using (var scan = api.Services.CreateScope())
            await scan.ServiceProvider.GetRequiredService<Elimu.Api.Partners.Alerts.AlertScan>().ScanAsync(partnerUserId, CancellationToken.None);
        var list = await partner.GetJsonAsync<JsonElement>($"{Children}?pageSize=100");
        var card = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == childId).GetProperty("progress");
        var alerting = await partner.GetJsonAsync<JsonElement>($"{Children}?hasAlert=true");
        var activity = await partner.GetJsonAsync<JsonElement>($"{Children}/{childId}/activity?period=week");
        var goals = await partner.GetJsonAsync<JsonElement>($"{Children}/{childId}/goals");
        var insights = await partner.GetJsonAsync<JsonElement>($"{Children}/{childId}/ai-insights");
        var cohorts = await partner.GetJsonAsync<ChildCohortsResponse>($"{Children}/by-program");
        var overview = await partner.GetJsonAsync<PartnerDashboardOverview>("/api/v1/partner/dashboard/overview");
        var counters = await partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters");
        // What ChildAlertWatcher pushes: it computes PartnerCounters in a fresh scope on the same clock.
        var partnerId = (await api.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == partnerEmail)))).Id;
        RealtimeCounters watched;
        using (var scope = api.Services.CreateScope())
            watched = await scope.ServiceProvider.GetRequiredService<PartnerCounters>().ComputeAsync(partnerId, CancellationToken.None);

        var goal = goals.GetProperty("goals")[0].GetProperty("progress");
        var warnings = insights.GetProperty("signals").GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();
        return new(
            new()
            {
                ["card"] = card.GetProperty("minutesThisWeek").GetInt32(),
                ["activity week"] = activity.GetProperty("totalMinutes").GetInt32(),
                ["engagement"] = activity.GetProperty("engagement").GetProperty("minutesLast7Days").GetInt32(),
                ["goal"] = (int)goal.GetProperty("currentValue").GetDecimal(),
                ["cohort average"] = (int)(cohorts.Programs.Single().AverageMinutesThisWeek ?? -1),
            },
            new()
            {
                ["card"] = card.GetProperty("hasAlert").GetBoolean(),
                ["list filter"] = alerting.GetProperty("total").GetInt32() == 1,
                ["activity"] = activity.GetProperty("daysSinceLastActive").GetInt32() >= LearningWeek.Days,
                ["warning"] = warnings.Contains("inactive_7_days"),
                ["cohort"] = cohorts.Programs.Single().Alerts == 1,
                ["overview"] = overview.Counters.ChildAlerts == 1,
                ["counters"] = counters.ChildAlerts == 1,
                ["watcher"] = watched.ChildAlerts == 1,
            },
            card.GetProperty("engagement").GetInt32(),
            activity.GetProperty("engagement").GetProperty("score").GetInt32());
    }

    private static DateTime Eat(DateOnly day, int hour, int minute) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc).AddHours(-3);

    /// <summary>A fresh partner with one ACTIVE program and one child whose guardian agreed; the child learned once.</summary>
    private async Task<(string PartnerEmail, Guid ChildId)> ChildWithOneSessionAsync(DateTime sessionUtc, int minutes)
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var parent = await api.CreateAsync(Roles.Parent);
        var childId = await api.WithDbAsync(async db =>
        {
            var student = new Student
            {
                FirstName = "Achieng", LastName = "Week", DateOfBirth = new DateOnly(2015, 2, 1), Grade = CbcGrade.Grade5,
                School = "Week Test School", County = "Kisumu", AdmissionNumber = Guid.NewGuid().ToString("N")[..10],
            };
            var program = new SponsorshipProgram
            {
                PartnerId = partner.Id, Name = "Week cohort", ProgramType = ProgramType.cohort, Status = ProgramStatus.ACTIVE,
                BillingPeriod = BillingPeriod.monthly, PricePerChild = 1500m, ApprovedAt = sessionUtc.AddDays(-50),
            };
            // The gate counts only a consent asked during this enrolment and after the program's approval (ADR 0004).
            var child = new SponsoredChild { ProgramId = program.Id, StudentId = student.Id, PartnerId = partner.Id, Status = SponsoredChildStatus.ACTIVE,
                EnrolledAt = sessionUtc.AddDays(-60) };
            db.AddRange(student, program, child,
                new Guardianship { ParentId = parent.Id, StudentId = student.Id, Relationship = GuardianRelationship.mother, IsPrimary = true },
                new SponsorshipConsent { SponsoredChildId = child.Id, ParentId = parent.Id, ConsentGiven = true, ConsentText = "test", ConsentTextVersion = "test",
                    SignedName = "Test parent", RequestedAt = sessionUtc.AddDays(-40), ConsentedAt = sessionUtc.AddDays(-30) },
                new ActivitySession { StudentId = student.Id, StartedAt = sessionUtc, DurationMinutes = minutes, Device = DeviceKind.mobile, LessonsTouched = 1 });
            await db.SaveChangesAsync();
            await Elimu.Api.Platform.Learning.Rollups.LearningRollups.RebuildAsync(db, [student.Id]);
            return child.Id;
        });
        return (partner.Email!, childId);
    }
}
