using System.Net;
using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Enrollments;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Partners.Enrollments;

public sealed class CohortTrackingTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Cohorts = "/api/v1/partner/enrollments/cohorts";

    /// <summary>Noon on a weekday of the Monday week <paramref name="weeksAgo"/> before this one, in UTC (Nairobi is UTC+3).</summary>
    private static DateTime InWeek(int weeksAgo, int day = 3)
    {
        var today = NairobiTime.Today(TimeProvider.System);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7 * weeksAgo);
        return DateTime.SpecifyKind(monday.AddDays(day).ToDateTime(new TimeOnly(12, 0)), DateTimeKind.Utc).AddHours(-3);
    }

    [Fact]
    public async Task Counts_per_week_are_rebuilt_from_enrolment_removal_and_consent_times()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var parent = await api.CreateAsync(Roles.Parent);
        var other = await api.CreateAsync(Roles.Partner);
        var students = await ImportTestData.CreateStudentsAsync(api, 5);
        var program = new SponsorshipProgram
        {
            PartnerId = partner.Id, Name = "Cohort under test", ProgramType = ProgramType.cohort, Status = ProgramStatus.ACTIVE,
            BillingPeriod = BillingPeriod.monthly, PricePerChild = 1500m, CreatedAt = InWeek(8),
        };
        var elsewhere = new SponsorshipProgram { PartnerId = other.Id, Name = "Someone else's", ProgramType = ProgramType.cohort, BillingPeriod = BillingPeriod.monthly };
        SponsoredChild Child(int i, int enrolledWeeksAgo, int? removedWeeksAgo = null) => new()
        {
            ProgramId = program.Id, PartnerId = partner.Id, StudentId = students[i].Id, EnrolledAt = InWeek(enrolledWeeksAgo),
            RemovedAt = removedWeeksAgo is { } r ? InWeek(r) : null,
            Status = removedWeeksAgo is null ? SponsoredChildStatus.PENDING_CONSENT : SponsoredChildStatus.REMOVED,
        };
        SponsorshipConsent Consent(SponsoredChild child, bool given, DateTime at, DateTime? revoked = null) => new()
        {
            SponsoredChildId = child.Id, ParentId = parent.Id, ConsentGiven = given, ConsentedAt = at, RevokedAt = revoked,
            ConsentText = "text", ConsentTextVersion = "v1", RequestedAt = at.AddHours(-1),
        };
        var a = Child(0, 5);                      // consent given in week 4, never revoked
        var b = Child(1, 3, removedWeeksAgo: 1);  // never consented, removed in week 1
        var c = Child(2, 2);                      // consent given later in week 2, revoked in week 1
        var d = Child(3, 7);                      // enrolled before the window; the guardian declined
        var e = Child(4, 3);                      // a consent from an earlier stint (before this enrolment) does not count
        await api.WithDbAsync(async db =>
        {
            db.SponsorshipPrograms.AddRange(program, elsewhere);
            db.SponsoredChildren.AddRange(a, b, c, d, e,
                new SponsoredChild { ProgramId = elsewhere.Id, PartnerId = other.Id, StudentId = students[0].Id, EnrolledAt = InWeek(4) });
            db.SponsorshipConsents.AddRange(Consent(a, true, InWeek(4)), Consent(c, true, InWeek(2, day: 4), revoked: InWeek(1)),
                Consent(d, false, InWeek(6)), Consent(e, true, InWeek(6)));
            await db.SaveChangesAsync();
        });
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);

        await api.CountQueriesOfNextRequestAsync(client);
        var result = await client.GetJsonAsync<CohortResponse>($"{Cohorts}?weeks=6");
        // Programs, children, consents, status history: whatever the number of children or weeks.
        Assert.Equal(4, api.Queries.Count);

        var cohort = Assert.Single(result.Programs);
        Assert.Equal(program.Id, cohort.ProgramId);
        Assert.Equal(6, cohort.Weeks.Count);
        // (pending, active, removed) at the end of weeks 5, 4, 3, 2, 1 ago and now.
        Assert.Equal([(2, 0, 0), (1, 1, 0), (3, 1, 0), (3, 2, 0), (3, 1, 1), (3, 1, 1)],
            cohort.Weeks.Select(w => (w.PendingConsent, w.Active, w.Removed)));
        Assert.Equal(DateOnly.FromDateTime(InWeek(5, day: 0).AddHours(3)), cohort.Weeks[0].WeekStart);
        Assert.Equal(DayOfWeek.Monday, cohort.Weeks[^1].WeekStart.DayOfWeek);
        Assert.Equal(4, cohort.Weeks[^1].Enrolled);

        var one = await client.GetJsonAsync<CohortResponse>($"{Cohorts}?programId={program.Id}&weeks=1");
        Assert.Equal((3, 1, 1), (one.Programs[0].Weeks[0].PendingConsent, one.Programs[0].Weeks[0].Active, one.Programs[0].Weeks[0].Removed));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Cohorts}?programId={elsewhere.Id}")).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(105)]
    public async Task Weeks_out_of_range_is_a_400_on_weeks(int weeks)
    {
        var partner = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var response = await client.GetAsync($"{Cohorts}?weeks={weeks}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("weeks", out _));
    }
}
