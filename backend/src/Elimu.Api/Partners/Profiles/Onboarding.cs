using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

/// <summary>
/// A new partner's checklist: organisation details, logo and colours, the team, the first program. Whether a step is done
/// is read from the data (a logo exists, a colleague was invited ...), so the list is right however the partner got there;
/// the stored <see cref="PartnerProfile.OnboardingStep"/> is where the stepper stands, moved by POST .../profile/onboarding.
/// </summary>
public static class Onboarding
{
    public sealed record Step(string Key, string Title, string Description);

    public static readonly IReadOnlyList<Step> Steps =
    [
        new("organization", "Organisation details", "Your contact email, a Kenyan phone number and your county."),
        new("branding", "Logo and colours", "Upload your logo and choose the colours of your invoices and letters."),
        new("team", "Invite your team", "Invite colleagues who handle programs or payments."),
        new("program", "Create your first program", "Choose the children you will sponsor (once Elimu has verified your organisation)."),
    ];

    public static async Task<OnboardingState> StateAsync(AppDbContext db, IPartnerPrograms programs, PartnerProfile profile, bool hasLogo,
        CancellationToken ct)
    {
        var teamGrown = await db.PartnerTeamMembers.CountAsync(m => m.PartnerProfileId == profile.Id, ct) > 1
            || await db.PartnerTeamInvitations.AnyAsync(i => i.PartnerProfileId == profile.Id && i.RevokedAt == null, ct);
        var hasProgram = await programs.HasAnyAsync(profile.UserId, ct);
        bool[] done =
        [
            profile.ContactEmail is not null && profile.ContactPhone is not null && profile.Address.County is not null,
            hasLogo, teamGrown, hasProgram,
        ];
        var step = Math.Clamp(profile.OnboardingStep, 0, Steps.Count);
        return new OnboardingState(step, profile.OnboardingCompleted,
            Steps.Select((s, i) => new OnboardingStepState(s.Key, s.Title, s.Description, done[i], !profile.OnboardingCompleted && i == step)).ToList());
    }

    /// <summary>POST /account/profile/onboarding: complete the current step (409 while it is not done), skip it, dismiss the list or restart it.</summary>
    public static async Task<Ok<OnboardingState>> Advance(OnboardingRequest request, ClaimsPrincipal user, AppDbContext db,
        IPartnerPrograms programs, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        new Validation().Check(request.Action is not null, "action", "Say what to do: complete, skip, dismiss or restart.").ThrowIfInvalid();
        var profile = await ProfileHandlers.OwnAsync(db, user, ct);
        var hasLogo = await db.PartnerProfileImages.AnyAsync(i => i.PartnerProfileId == profile.Id && i.Kind == ProfileImageKind.logo, ct);
        var before = await StateAsync(db, programs, profile, hasLogo, ct);
        var step = before.Step;
        switch (request.Action!.Value)
        {
            case OnboardingAction.restart:
                profile.OnboardingStep = 0;
                profile.OnboardingCompleted = false;
                break;
            case OnboardingAction.dismiss:
                profile.OnboardingCompleted = true;
                break;
            case var action when profile.OnboardingCompleted || step >= Steps.Count:
                throw DomainException.Conflict("onboarding_completed", $"The checklist is already finished; restart it to {action} a step.");
            case OnboardingAction.complete when !before.Steps[step].Done:
                throw DomainException.Conflict("onboarding_step_not_done",
                    $"\"{Steps[step].Title}\" is not done yet: {Steps[step].Description} Finish it, or skip it for now.");
            default:
                profile.OnboardingStep = step + 1;
                profile.OnboardingCompleted = profile.OnboardingStep >= Steps.Count;
                break;
        }
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(user.UserId(), $"profile.onboarding.{request.Action}", "partner_profile", profile.Id,
            $"step {step} -> {profile.OnboardingStep}{(profile.OnboardingCompleted ? " (completed)" : "")}", user.PartnerId());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await StateAsync(db, programs, profile, hasLogo, ct));
    }
}
