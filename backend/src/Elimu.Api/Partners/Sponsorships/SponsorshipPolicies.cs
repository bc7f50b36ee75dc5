using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>The policy as the admin page shows it: what applies, the configured default, and who set it last (null while the default applies).</summary>
public sealed record SponsorshipPolicyResponse(int OfferToAllAfterDays, int DefaultOfferToAllAfterDays, DateTime? UpdatedAt, string? UpdatedBy);

public sealed record SponsorshipPolicyRequest(int? OfferToAllAfterDays);

/// <summary>
/// Reads and sets the platform's sponsorship policy. The configured value (<see cref="PolicyKey"/>) is the default an
/// installation starts with; what an admin saves overrides it, so the policy changes without a deployment.
/// </summary>
public sealed class SponsorshipPolicies(AppDbContext db, IConfiguration configuration)
{
    public const string PolicyKey = "Sponsorships:OfferToAllAfterDays";
    public const int BuiltInOfferToAllAfterDays = 180;
    public const int MinDays = 7, MaxDays = 1825;

    public int DefaultOfferToAllAfterDays => Math.Clamp(configuration.GetValue(PolicyKey, BuiltInOfferToAllAfterDays), MinDays, MaxDays);

    public async Task<int> OfferToAllAfterDaysAsync(CancellationToken ct) =>
        await db.SponsorshipPolicies.Where(p => p.Id == SponsorshipPolicy.SingleId).Select(p => (int?)p.OfferToAllAfterDays)
            .FirstOrDefaultAsync(ct) ?? DefaultOfferToAllAfterDays;

    public async Task<SponsorshipPolicyResponse> DescribeAsync(CancellationToken ct)
    {
        var row = await db.SponsorshipPolicies.AsNoTracking()
            .Where(p => p.Id == SponsorshipPolicy.SingleId)
            .Select(p => new { p.OfferToAllAfterDays, p.UpdatedAt, By = db.Users.Where(u => u.Id == p.UpdatedBy).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return new(row?.OfferToAllAfterDays ?? DefaultOfferToAllAfterDays, DefaultOfferToAllAfterDays, row?.UpdatedAt, row?.By);
    }

    public static async Task<Ok<SponsorshipPolicyResponse>> Get(SponsorshipPolicies policies, CancellationToken ct) =>
        TypedResults.Ok(await policies.DescribeAsync(ct));

    public static async Task<Ok<SponsorshipPolicyResponse>> Put(SponsorshipPolicyRequest request, ClaimsPrincipal user, SponsorshipPolicies policies,
        AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        new Validation().Check(request.OfferToAllAfterDays is not null, "offerToAllAfterDays", "Say how many days a child may wait.")
            .Within("offerToAllAfterDays", request.OfferToAllAfterDays, MinDays, MaxDays).ThrowIfInvalid();
        var days = request.OfferToAllAfterDays!.Value;
        var before = await policies.OfferToAllAfterDaysAsync(ct);
        var row = await db.SponsorshipPolicies.AsTracking().FirstOrDefaultAsync(p => p.Id == SponsorshipPolicy.SingleId, ct);
        if (row is null) db.SponsorshipPolicies.Add(row = new SponsorshipPolicy());
        row.OfferToAllAfterDays = days;
        row.UpdatedBy = user.UserId();
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(user.UserId(), "sponsorship_policy.update", "sponsorship_policy", null, $"offerToAllAfterDays {before} -> {days}", null);
        // Two admins saving the first policy at once: the primary key refuses the second, answered 409 by the API.
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await policies.DescribeAsync(ct));
    }
}
