using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Profiles;

/// <summary>Plan Step 5's account.py, profile part; the public partner sign-up; and the admin's verification of new partners.</summary>
public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var profile = app.MapGroup(ProfileImages.Path).WithTags("Partner · Account").RequireAuthorization(PartnerPolicies.Read);
        profile.MapGet("", ProfileHandlers.Get).WithSummary("The organisation's profile, its onboarding checklist and its verification status.");
        profile.MapPut("", ProfileHandlers.Put).RequireAuthorization(PartnerPolicies.EditProfile)
            .WithSummary("Replace every editable field (owners only). 400 names each wrong field; warnings flag hard-to-read brand colours.");
        profile.MapPatch("", ProfileHandlers.Patch).RequireAuthorization(PartnerPolicies.EditProfile)
            .Accepts<ProfileRequest>("application/merge-patch+json", "application/json")
            .WithSummary("Change some fields (a JSON merge patch; owners only).");
        profile.MapPost("/onboarding", Onboarding.Advance).RequireAuthorization(PartnerPolicies.EditProfile)
            .WithSummary("Complete the current onboarding step (409 while it is not done), skip it, dismiss the checklist or restart it.");
        // The form is read by hand (ProfileImages says why): no IFormFile binding, the app's X-XSRF-TOKEN check guards it.
        profile.MapPost("/logo", ProfileImages.UploadLogo).RequireAuthorization(PartnerPolicies.EditProfile).AcceptsPicture()
            .WithSummary("Upload the logo: PNG, JPEG or WebP by content, at most 2 MB, at least 64 × 64; re-encoded without metadata.");
        profile.MapGet("/logo", ProfileImages.GetLogo).CacheableResponse().Produces(StatusCodes.Status200OK, typeof(byte[]), "image/png", "image/jpeg", "image/webp")
            .WithSummary("The logo, with an ETag (304 when unchanged).");
        profile.MapDelete("/logo", ProfileImages.DeleteLogo).RequireAuthorization(PartnerPolicies.EditProfile);
        profile.MapPost("/banner", ProfileImages.UploadBanner).RequireAuthorization(PartnerPolicies.EditProfile).AcceptsPicture()
            .WithSummary("Upload the banner: PNG, JPEG or WebP, at most 2 MB, at least 600 × 150 and twice as wide as tall.");
        profile.MapGet("/banner", ProfileImages.GetBanner).CacheableResponse().Produces(StatusCodes.Status200OK, typeof(byte[]), "image/png", "image/jpeg", "image/webp")
            .WithSummary("The banner, with an ETag (304 when unchanged).");
        profile.MapDelete("/banner", ProfileImages.DeleteBanner).RequireAuthorization(PartnerPolicies.EditProfile);

        app.MapPost("/api/v1/auth/signup/partner", PartnerSignUp.Handle).WithTags("Auth").AllowAnonymous()
            .RequireRateLimiting(Platform.Identity.IdentityServiceCollectionExtensions.LoginRateLimit)
            .WithSummary("Create a partner organisation and its owner's account (pending verification by an admin), and sign in. 409 email_taken.");

        var admin = app.MapGroup("/api/v1/admin/partners").WithTags("Admin · Partners").RequireAuthorization(Roles.Admin);
        admin.MapGet("", PartnerVerificationHandlers.List).WithSummary("Partner organisations by verification status (pending by default), oldest first.");
        admin.MapPost("/{id:guid}/verify", PartnerVerificationHandlers.Verify).WithSummary("Verify an organisation (it may then create programs); the partner is notified.");
        admin.MapPost("/{id:guid}/reject", PartnerVerificationHandlers.Reject).WithSummary("Turn an organisation down with a reason; the partner is notified.");
        return app;
    }

    private static RouteHandlerBuilder AcceptsPicture(this RouteHandlerBuilder route) =>
        route.AcceptsMultipartForm(["file"], new() { ["file"] = MultipartFormDocs.File("A PNG, JPEG or WebP picture.") })
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
