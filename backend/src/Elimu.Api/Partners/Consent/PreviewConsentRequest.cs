using Elimu.Api.Partners.Shared;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// GET /consent/request/preview: what POST /consent/request would do, without doing it: how many children and guardians
/// would be asked, which children have no guardian account (first name and initial: there is no consent yet), and the
/// words the guardians would read. Refused for the same reasons as the request (409 program_not_active, …).
/// </summary>
public static class PreviewConsentRequest
{
    public const string ChildPlaceholder = "[your child's name]";
    public const string GuardianPlaceholder = "[your full name]";
    public const string ChildPlaceholderSw = "[jina la mtoto wako]";
    public const string GuardianPlaceholderSw = "[jina lako kamili]";

    public static async Task<Ok<ConsentRequestPreview>> Handle(Guid? programId, Guid? sponsoredChildId, ClaimsPrincipal user, AppDbContext db,
        PartnerNames names, ProgramStore store, EnrolmentReader enrolments, ConsentReader reader, ConsentExpiry expiry, CancellationToken ct)
    {
        var plan = await RequestConsent.PlanAsync(db, names, store, enrolments, reader, expiry, user.PartnerId(),
            new ConsentRequestBody(sponsoredChildId, programId), ct);
        int toAsk = 0, alreadyPending = 0;
        var withoutGuardian = new List<ChildWithoutGuardian>();
        foreach (var child in plan.Children)
        {
            var guardians = plan.GuardiansOf(child);
            if (guardians.Count == 0)
                withoutGuardian.Add(new ChildWithoutGuardian(child.Id, StudentDirectory.PrivateName(child.FirstName, child.LastName)));
            foreach (var guardian in guardians)
                if (plan.IsOpen(child, guardian)) alreadyPending++; else if (plan.AskAgainFrom(child) is null) toAsk++;
        }
        return TypedResults.Ok(new ConsentRequestPreview(
            plan.Children.Count,
            plan.Children.Count(c => plan.AskAgainFrom(c) is null && plan.GuardiansOf(c).Any(g => !plan.IsOpen(c, g))),
            toAsk, alreadyPending, withoutGuardian, ConsentText.Version,
            ConsentText.Render(plan.PartnerName, plan.Program.Name, ChildPlaceholder, GuardianPlaceholder),
            ConsentText.WhatThePartnerSees, ConsentText.WhatThePartnerDoesNotSee,
            ConsentText.Render(Language.sw, plan.PartnerName, plan.Program.Name, ChildPlaceholderSw, GuardianPlaceholderSw)));
    }
}
