using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

/// <summary>
/// Refuses routes that reach children (creating a program, asking guardians for consent) to a partner that Elimu has not
/// verified yet: 403 partner_not_verified, saying why and what to do. Everything else (profile, team, reading) stays open
/// so a new partner can set up while it waits.
/// </summary>
public sealed class VerifiedPartnerFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var profileId = http.User.PartnerProfileId();
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var status = await db.PartnerProfiles.Where(p => p.Id == profileId)
            .Select(p => new { p.VerificationStatus, p.VerificationNote }).FirstAsync(http.RequestAborted);
        return status.VerificationStatus switch
        {
            PartnerVerification.verified => await next(context),
            PartnerVerification.rejected => throw NotVerified(
                "Elimu could not verify your organisation" + (status.VerificationNote is { } note ? $": {note}" : ".")
                + " Update your profile and contact support to be checked again."),
            _ => throw NotVerified("Your organisation is waiting for verification by Elimu (usually within two working days). "
                + "Until then you can complete your profile and invite your team; creating programs and asking guardians for consent open once you are verified."),
        };
    }

    private static DomainException NotVerified(string detail) =>
        new(StatusCodes.Status403Forbidden, "partner_not_verified", "Your organisation is not verified yet.", detail);
}

public static class VerifiedPartnerRoutes
{
    /// <summary>Only a verified partner may use this route.</summary>
    public static RouteHandlerBuilder RequireVerifiedPartner(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter<VerifiedPartnerFilter>().ProducesProblem(StatusCodes.Status403Forbidden);
}
