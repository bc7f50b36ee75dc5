using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Consent;

/// <summary>The consent routes: the partner asks and follows, the guardian answers and withdraws.</summary>
public static class ConsentEndpoints
{
    private const string Prefix = SponsorshipEndpoints.Prefix;

    public static IEndpointRouteBuilder MapConsentApi(this IEndpointRouteBuilder app)
    {
        // ReadAuditFilter queues, once per request, the audit of the children the privacy gate revealed.
        var partner = app.MapGroup(Prefix).WithTags("Partner · Partnerships").RequireAuthorization(PartnerPolicies.Read)
            .AddEndpointFilter<ReadAuditFilter>();

        partner.MapPost("/consent/request", RequestConsent.Handle).RequireAuthorization(PartnerPolicies.ChangePrograms).RequireVerifiedPartner().WithSummary("Ask the guardians of a child, or of a program's waiting children.");
        partner.MapGet("/consent/request/preview", PreviewConsentRequest.Handle)
            .WithSummary("Who a consent request would ask and the text they would read; nothing is sent.");
        partner.MapGet("/consent/status", PartnerConsentStatus.Handle).WithSummary("Where each child's consent stands.");

        // The plan puts the guardian's answer under the partner prefix; only the guardian the request names may use it.
        app.MapPost($"{Prefix}/consent/{{id:guid}}/respond", AnswerConsent.Respond)
            .WithTags("Parent · Consent").RequireAuthorization(Roles.Parent)
            .WithSummary("The guardian agrees (ticked box and typed full name) or declines.")
            .ProducesProblem(StatusCodes.Status410Gone);

        var parent = app.MapGroup("/api/v1/parent/consents").WithTags("Parent · Consent").RequireAuthorization(Roles.Parent);
        parent.MapGet("", ParentConsentQueries.List).WithSummary("Consent requests addressed to the signed-in guardian.");
        parent.MapPost("/answer-together", AnswerConsentsTogether.Handle)
            .WithSummary("One signature for several waiting requests of one program: a record per child, all or none.")
            .WithDescription("Agree only (decline per child). 400 for repeated ids, requests of different programs or a wrong "
                + "signature; 404 when any request is not the guardian's; 409 consent_already_answered when any was answered "
                + "(its ids in requestIds); nothing is written on any refusal.")
            // No id in the route, so the document would not list the 404 a foreign request id gets.
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        parent.MapGet("/{id:guid}", ParentConsentQueries.Get);
        parent.MapPost("/{id:guid}/revoke", AnswerConsent.Revoke).WithSummary("Withdraw a given consent; takes effect at once.");
        return app;
    }
}
