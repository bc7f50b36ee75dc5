using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>A child of an analytics test program: grade and county, and when enrolled, consented, withdrawn, removed.</summary>
public sealed record AnalyticsChild(string FirstName, DateTime EnrolledAt, DateTime? ConsentAt, DateTime? RevokedAt = null,
    CbcGrade Grade = CbcGrade.Grade5, string County = "Kisumu", DateTime? RemovedAt = null);

public static class AnalyticsTestKit
{
    public const string AnalyticsPrefix = "/api/v1/partner/analytics";

    /// <summary>An ACTIVE program approved long ago (so consents of any test date stand), children written straight to the database.</summary>
    public static Task<(Guid ProgramId, Dictionary<string, Guid> Students)> AnalyticsProgramAsync(this ElimuApiFactory api, Guid partnerId, string name,
        IReadOnlyList<AnalyticsChild> children) => api.WithDbAsync(async db =>
    {
        var parent = await api.CreateAsync(Roles.Parent);
        var approved = FinanceApiFactory.NairobiUtc(2024, 6, 1);
        var program = new SponsorshipProgram
        {
            PartnerId = partnerId, Name = name, ProgramType = ProgramType.cohort, Status = ProgramStatus.ACTIVE, BillingPeriod = BillingPeriod.termly,
            PricePerChild = 500m, Currency = "KES", StartDate = new DateOnly(2024, 6, 1), ApprovedAt = approved, SubmittedAt = approved,
        };
        db.SponsorshipPrograms.Add(program);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var students = new Dictionary<string, Guid>();
        foreach (var c in children)
        {
            var student = new Student
            {
                FirstName = c.FirstName, LastName = "Otieno", DateOfBirth = new DateOnly(2015, 1, 1), Grade = c.Grade, School = $"Analytics School {batch}",
                County = c.County, AdmissionNumber = $"A{batch}{c.FirstName}",
            };
            db.Students.Add(student);
            students[c.FirstName] = student.Id;
            var child = new SponsoredChild
            {
                ProgramId = program.Id, StudentId = student.Id, PartnerId = partnerId, EnrolledAt = c.EnrolledAt, RemovedAt = c.RemovedAt,
                Status = c.RemovedAt is not null ? SponsoredChildStatus.REMOVED : c.ConsentAt is not null && c.RevokedAt is null
                    ? SponsoredChildStatus.ACTIVE : SponsoredChildStatus.PENDING_CONSENT,
            };
            db.SponsoredChildren.Add(child);
            if (c.ConsentAt is { } given)
                db.SponsorshipConsents.Add(new SponsorshipConsent
                {
                    SponsoredChildId = child.Id, ParentId = parent.Id, ConsentGiven = true, ConsentText = "Test consent", ConsentTextVersion = "test",
                    SignedName = "Test Parent", RequestedAt = given.AddHours(-1), ConsentedAt = given, RevokedAt = c.RevokedAt,
                });
        }
        await db.SaveChangesAsync();
        return (program.Id, students);
    });

    /// <summary>A platform student no partner sponsors.</summary>
    public static Task<Guid> PlatformStudentAsync(this ElimuApiFactory api, string firstName, CbcGrade grade, string county) => api.WithDbAsync(async db =>
    {
        var student = new Student
        {
            FirstName = firstName, LastName = "Wanjiru", DateOfBirth = new DateOnly(2015, 1, 1), Grade = grade, School = "Peer School",
            County = county, AdmissionNumber = "P" + Guid.NewGuid().ToString("N")[..10],
        };
        db.Students.Add(student);
        await db.SaveChangesAsync();
        return student.Id;
    });
}
