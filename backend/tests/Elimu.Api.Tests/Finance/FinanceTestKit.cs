using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.Extensions.Time.Testing;

namespace Elimu.Api.Tests.Finance;

/// <summary>The API on a fake clock (Wednesday 11 March 2026, 12:00 in Nairobi) with a sandbox that confirms quickly.</summary>
public class FinanceApiFactory : ElimuApiFactory
{
    public FakeTimeProvider Time { get; } = new(Nairobi(new DateOnly(2026, 3, 11), 12));

    protected override TimeProvider? Clock => Time;

    protected virtual int SandboxConfirmAfterMs => 100;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Sandbox:ConfirmAfterMs"] = SandboxConfirmAfterMs.ToString(),
    };

    public static DateTimeOffset Nairobi(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(3));

    public static DateTime NairobiUtc(int year, int month, int day, int hour = 10) =>
        Nairobi(new DateOnly(year, month, day), hour).UtcDateTime;

    /// <summary>Sets the clock to a Nairobi wall-clock time; tests of one class may go back to their own starting day.</summary>
    public void SetNairobi(DateOnly day, int hour) => Time.AdjustTime(Nairobi(day, hour));
}

/// <summary>A sandbox that never confirms by itself: the test delivers the results.</summary>
public sealed class SlowSandboxFactory : FinanceApiFactory
{
    protected override int SandboxConfirmAfterMs => 600_000;
}

/// <summary>One child of a test program: when enrolled, when consent was given and withdrawn, when removed.</summary>
public sealed record TestChild(string FirstName, DateTime EnrolledAt, DateTime? ConsentAt, DateTime? RevokedAt = null, DateTime? RemovedAt = null);

public static class FinanceTestKit
{
    public const string Prefix = "/api/v1/partner/finance";

    /// <summary>An ACTIVE program of the partner with the given children, written straight to the database (the history
    /// billing reads: enrolment, consent and removal times in the past).</summary>
    public static Task<Guid> ActiveProgramAsync(this ElimuApiFactory api, Guid partnerId, decimal price, IReadOnlyList<TestChild> children,
        BillingPeriod period = BillingPeriod.monthly, string name = "Billing cohort") => api.WithDbAsync(async db =>
    {
        var parent = await api.CreateAsync(Roles.Parent);
        var program = new SponsorshipProgram
        {
            PartnerId = partnerId, Name = name, ProgramType = ProgramType.cohort, Status = ProgramStatus.ACTIVE, BillingPeriod = period,
            PricePerChild = price, Currency = "KES", StartDate = new DateOnly(2026, 1, 5), ApprovedAt = NairobiUtcDefault, SubmittedAt = NairobiUtcDefault,
        };
        db.SponsorshipPrograms.Add(program);
        var batch = Guid.NewGuid().ToString("N")[..6];
        foreach (var c in children)
        {
            var student = new Elimu.Api.Platform.Students.Student
            {
                FirstName = c.FirstName, LastName = "Otieno", DateOfBirth = new DateOnly(2015, 1, 1), Grade = Elimu.Api.Platform.Students.CbcGrade.Grade5,
                School = $"Billing School {batch}", County = "Kisumu", AdmissionNumber = $"B{batch}{c.FirstName}",
            };
            db.Students.Add(student);
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
                    SignedName = "Test Parent", RequestedAt = given.AddDays(-1), ConsentedAt = given, RevokedAt = c.RevokedAt,
                });
        }
        await db.SaveChangesAsync();
        return program.Id;
    });

    private static readonly DateTime NairobiUtcDefault = FinanceApiFactory.NairobiUtc(2026, 1, 2);

    public static async Task<(Guid Id, ApiClient Client)> PartnerAsync(this ElimuApiFactory api)
    {
        var partner = await api.CreateAsync(Roles.Partner);
        return (partner.Id, await api.LoginAsync(partner.Email!, TestUsers.Password));
    }

    public static async Task<JsonElement> SubscribeAsync(this ApiClient client, Guid programId, string? billingPeriod = null)
    {
        var response = await client.PostAsync($"{Prefix}/subscriptions", new { programId, billingPeriod });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> PayAsync(this ApiClient client, Guid subscriptionId, string? key, string gateway = "sandbox", string? phoneNumber = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/payments")
        {
            Content = JsonContent.Create(new { subscriptionId, gateway, phoneNumber }),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return client.Http.SendAsync(request);
    }

    /// <summary>Polls the payment until it leaves pending (or the time is up) and answers its last state.</summary>
    public static async Task<JsonElement> SettledAsync(this ApiClient client, Guid paymentId, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var payment = await client.GetJsonAsync<JsonElement>($"{Prefix}/payments/{paymentId}");
            if (payment.GetProperty("status").GetString() != "pending" || DateTime.UtcNow > until) return payment;
            await Task.Delay(50);
        }
    }

    public static Guid Id(this JsonElement e) => e.GetProperty("id").GetGuid();
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).ToString();
    public static decimal Dec(this JsonElement e, string name) => e.GetProperty(name).GetDecimal();
}
