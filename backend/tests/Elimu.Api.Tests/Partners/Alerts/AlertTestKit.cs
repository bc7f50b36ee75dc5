using Elimu.Api.Partners.Alerts;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning.Rollups;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Platform.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Partners.Alerts;

/// <summary>A partner with one running program and consented children whose learning is given as hand-built daily rollups.</summary>
internal static class AlertTestKit
{
    public const string Route = "/api/v1/partner/alerts";

    /// <summary>
    /// "Today" of a test: the fake clock's Nairobi day when the test builds its world (the clock only moves forward, and a
    /// test may move it, so later tests start from where it is).
    /// </summary>
    public static DateOnly Today { get; private set; }

    public sealed record Kid(Guid ChildId, Guid StudentId, string FirstName);

    public sealed record World(AppUser Partner, Guid ProgramId, Dictionary<string, Kid> Kids);

    /// <summary>A learning day: a session of <paramref name="minutes"/> (0 for none) and optionally one assessment scored <paramref name="score"/>.</summary>
    public sealed record Day(int DaysAgo, int Minutes, decimal? Score = null);

    public static async Task<World> BuildAsync(ClockedApiFactory api, Dictionary<string, (Day[] Days, ChildGoal[] Goals)> children)
    {
        Today = Elimu.Api.Common.NairobiTime.Today(api.Time).AddDays(1);
        api.SetNairobi(Today, 12, 0);
        var partner = await api.CreateAsync(Roles.Partner);
        var parent = await api.CreateAsync(Roles.Parent);
        var start = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var kids = new Dictionary<string, Kid>();
        var programId = await api.WithDbAsync(async db =>
        {
            var program = new SponsorshipProgram
            {
                PartnerId = partner.Id, Name = "Alert cohort", ProgramType = ProgramType.cohort, Status = ProgramStatus.ACTIVE,
                BillingPeriod = BillingPeriod.monthly, PricePerChild = 1500m, ApprovedAt = start.AddDays(-200),
            };
            db.Add(program);
            foreach (var (name, (days, goals)) in children)
            {
                var student = new Student
                {
                    FirstName = name, LastName = "Alert", DateOfBirth = new DateOnly(2015, 2, 1), Grade = CbcGrade.Grade5,
                    School = "Alert School", County = "Kisumu", AdmissionNumber = Guid.NewGuid().ToString("N")[..10],
                };
                var child = new SponsoredChild { ProgramId = program.Id, StudentId = student.Id, PartnerId = partner.Id, Status = SponsoredChildStatus.ACTIVE,
                    EnrolledAt = start.AddDays(-150), PartnerGoals = [.. goals] };
                db.AddRange(student, child,
                    new Guardianship { ParentId = parent.Id, StudentId = student.Id, Relationship = GuardianRelationship.mother, IsPrimary = true },
                    new SponsorshipConsent { SponsoredChildId = child.Id, ParentId = parent.Id, ConsentGiven = true, ConsentText = "test", ConsentTextVersion = "test",
                        SignedName = "Test parent", RequestedAt = start.AddDays(-140), ConsentedAt = start.AddDays(-130) });
                foreach (var d in days) db.Add(Rollup(student.Id, d));
                kids[name] = new Kid(child.Id, student.Id, name);
            }
            await db.SaveChangesAsync();
            return program.Id;
        });
        return new World(partner, programId, kids);
    }

    public static LearningDayRollup Rollup(Guid studentId, Day d) => new()
    {
        StudentId = studentId, Day = Today.AddDays(-d.DaysAgo), LearningAreaId = LearningDayRollup.NoArea,
        Minutes = d.Minutes, Sessions = d.Minutes > 0 ? 1 : 0, MobileMinutes = d.Minutes, MobileSessions = d.Minutes > 0 ? 1 : 0,
        LastSessionAt = d.Minutes > 0 ? Today.AddDays(-d.DaysAgo).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc) : null,
        Assessments = d.Score is null ? 0 : 1, AssessmentScoreHundredths = d.Score is { } s ? (long)(s * 100) : 0,
    };

    /// <summary>What the child-alert watcher does each tick for one partner, run now.</summary>
    public static async Task<AlertScanResult> ScanAsync(ElimuApiFactory api, Guid partnerId)
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AlertScan>().ScanAsync(partnerId, CancellationToken.None);
    }

    /// <summary><see cref="ScanAsync"/> for the partner signed in as <paramref name="email"/>.</summary>
    public static async Task ScanAlertsAsync(this ElimuApiFactory api, string email) =>
        await ScanAsync(api, await api.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id)));
}
