using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// Plan Step 5's sponsorships.py: programs, their lifecycle and children, and the admin's approval routes. The children's
/// views live in ChildData, the consent routes in Consent; PartnersModule maps them in between, so the document keeps its order.
/// </summary>
public static class SponsorshipEndpoints
{
    public const string Prefix = "/api/v1/partner/sponsorships";

    public static IEndpointRouteBuilder MapSponsorshipApi(this IEndpointRouteBuilder app)
    {
        // ReadAuditFilter queues, once per request, the audit of the children the privacy gate revealed.
        var partner = app.MapGroup(Prefix).WithTags("Partner · Partnerships").RequireAuthorization(PartnerPolicies.Read)
            .AddEndpointFilter<ReadAuditFilter>();

        partner.MapPost("/programs", ProgramHandlers.Create).RequireAuthorization(PartnerPolicies.ChangePrograms).RequireVerifiedPartner().WithSummary("Create a program (starts as DRAFT; at least 10 children).");
        partner.MapGet("/programs", ProgramHandlers.List).WithSummary("The partner's programs, filterable by status and search.");
        partner.MapGet("/programs/{id:guid}", ProgramHandlers.Get).WithSummary("One program with its child counts.");
        partner.MapPut("/programs/{id:guid}", ProgramHandlers.Update).RequireAuthorization(PartnerPolicies.ChangePrograms).WithSummary("Edit a program; terms are fixed once submitted.");
        partner.MapPost("/programs/{id:guid}/submit", ProgramStatusHandlers.Submit).RequireAuthorization(PartnerPolicies.ChangePrograms).WithSummary("DRAFT → PENDING_APPROVAL, once enough children are enrolled.");
        partner.MapPost("/programs/{id:guid}/pause", ProgramStatusHandlers.Pause).RequireAuthorization(PartnerPolicies.ChangePrograms);
        partner.MapPost("/programs/{id:guid}/resume", ProgramStatusHandlers.Resume).RequireAuthorization(PartnerPolicies.ChangePrograms);
        partner.MapPost("/programs/{id:guid}/complete", ProgramStatusHandlers.Complete).RequireAuthorization(PartnerPolicies.ChangePrograms);
        partner.MapPost("/programs/{id:guid}/cancel", ProgramStatusHandlers.Cancel).RequireAuthorization(PartnerPolicies.ChangePrograms);
        partner.MapPost("/programs/{id:guid}/children", AddChildren.Handle).RequireAuthorization(PartnerPolicies.ChangePrograms).WithSummary("Add up to 500 students, all or nothing.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        partner.MapDelete("/programs/{id:guid}/children/{studentId:guid}", RemoveChild.Handle).RequireAuthorization(PartnerPolicies.ChangePrograms).WithSummary("Remove a child (the minimum of a live program holds).");
        partner.MapGet("/available-students", AvailableStudents.Handle).WithSummary("Students the partner may sponsor: first name, last initial, grade and county only (school and learning needs filter, never shown).");
        partner.MapGet("/filter-options", FilterOptions.Handle).WithSummary("Counties, grades, learning needs and schools the filters offer.");
        return app;
    }

    public static IEndpointRouteBuilder MapProgramApprovalApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/sponsorship-programs").WithTags("Admin · Sponsorships").RequireAuthorization(Roles.Admin);
        admin.MapGet("", ProgramApprovalHandlers.ListPending).WithSummary("Programs waiting for approval (or another status).");
        admin.MapPost("/{id:guid}/approve", ProgramApprovalHandlers.Approve);
        admin.MapPost("/{id:guid}/reject", ProgramApprovalHandlers.Reject);
        return app;
    }
}
