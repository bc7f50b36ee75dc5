using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>Issue 20's routes: children who leave, the substitutes offered for them, a program's preferences, and the admin's policy.</summary>
public static class LeavingEndpoints
{
    public static IServiceCollection AddLeavingAndSubstitutes(this IServiceCollection services)
    {
        services.AddScoped<SponsorshipPolicies>();
        services.AddScoped<PreferenceRanking>();
        services.AddScoped<Substitutes>();
        return services;
    }

    public static IEndpointRouteBuilder MapLeavingApi(this IEndpointRouteBuilder app)
    {
        var partner = app.MapGroup(SponsorshipEndpoints.Prefix).WithTags("Partner · Partnerships").RequireAuthorization(PartnerPolicies.Read)
            .AddEndpointFilter<ReadAuditFilter>();
        partner.MapPost("/programs/{id:guid}/children/{studentId:guid}/leave", LeaveProgram.Handle).RequireAuthorization(PartnerPolicies.ChangePrograms)
            .WithSummary("A child leaves the program (graduated, moved_school, withdrew, other with a note); an ACTIVE program is offered substitutes.");
        partner.MapGet("/programs/{id:guid}/substitutes", SubstituteHandlers.Get).WithSummary("Substitutes on offer and the children missing for the minimum, with the best-ranked candidates.");
        partner.MapPost("/programs/{id:guid}/substitutes", SubstituteHandlers.Accept).RequireAuthorization(PartnerPolicies.ChangePrograms)
            .WithSummary("Take a substitute: the child joins the program and its guardians are asked for consent at once.");
        partner.MapPost("/programs/{id:guid}/substitutes/decline", SubstituteHandlers.Decline).RequireAuthorization(PartnerPolicies.ChangePrograms)
            .WithSummary("Decline the substitutes on offer (the minimum warning stays while the program is short).");
        partner.MapGet("/programs/{id:guid}/preferences", PreferenceHandlers.Get).WithSummary("Who the program would like to sponsor (ranks students; never filters).");
        partner.MapPut("/programs/{id:guid}/preferences", PreferenceHandlers.Put).RequireAuthorization(PartnerPolicies.ChangePrograms)
            .WithSummary("Set the program's preferences; allowed in any state (they only rank).");
        return app;
    }

    public static IEndpointRouteBuilder MapSponsorshipPolicyApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/sponsorship-policy").WithTags("Admin · Sponsorships").RequireAuthorization(Roles.Admin);
        admin.MapGet("", SponsorshipPolicies.Get).WithSummary("The platform's sponsorship policy: how long a child may wait before every partner is offered them first.");
        admin.MapPut("", SponsorshipPolicies.Put).WithSummary("Set the sponsorship policy (7 to 1,825 days); audited.");
        return app;
    }
}
