using Elimu.Api.Partners.Consent;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>Plan Step 5's sponsorships.py, plus the lifecycle actions and the admin's approval routes.</summary>
public static class SponsorshipEndpoints
{
    public const string Prefix = "/api/v1/partner/sponsorships";

    public static IEndpointRouteBuilder MapSponsorshipApi(this IEndpointRouteBuilder app)
    {
        // ReadAuditFilter writes, once per request, the children the privacy gate revealed.
        var partner = app.MapGroup(Prefix).WithTags("Partner · Partnerships").RequireAuthorization(Roles.Partner)
            .AddEndpointFilter<ReadAuditFilter>();

        partner.MapPost("/programs", ProgramHandlers.Create).WithSummary("Create a program (starts as DRAFT; at least 10 children).");
        partner.MapGet("/programs", ProgramHandlers.List).WithSummary("The partner's programs, filterable by status and search.");
        partner.MapGet("/programs/{id:guid}", ProgramHandlers.Get).WithSummary("One program with its child counts.");
        partner.MapPut("/programs/{id:guid}", ProgramHandlers.Update).WithSummary("Edit a program; terms are fixed once submitted.");
        partner.MapPost("/programs/{id:guid}/submit", ProgramStatusHandlers.Submit).WithSummary("DRAFT → PENDING_APPROVAL, once enough children are enrolled.");
        partner.MapPost("/programs/{id:guid}/pause", ProgramStatusHandlers.Pause);
        partner.MapPost("/programs/{id:guid}/resume", ProgramStatusHandlers.Resume);
        partner.MapPost("/programs/{id:guid}/complete", ProgramStatusHandlers.Complete);
        partner.MapPost("/programs/{id:guid}/cancel", ProgramStatusHandlers.Cancel);
        partner.MapPost("/programs/{id:guid}/children", AddChildren.Handle).WithSummary("Add up to 500 students, all or nothing.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        partner.MapDelete("/programs/{id:guid}/children/{studentId:guid}", RemoveChild.Handle).WithSummary("Remove a child (the minimum of a live program holds).");
        partner.MapGet("/available-students", AvailableStudents.Handle).WithSummary("Students the partner may sponsor: first name, last initial, grade and county only (school and learning needs filter, never shown).");
        partner.MapGet("/filter-options", FilterOptions.Handle).WithSummary("Counties, grades, learning needs and schools the filters offer.");
        partner.MapGet("/children", ListChildren.Handle).WithSummary("All sponsored children across programs.");
        partner.MapGet("/children/by-program", ChildCohorts.Handle).WithSummary("The cohort view's figures per program, over every child matching the filters.");
        partner.MapGet("/children/{id:guid}", ChildViews.Header).WithSummary("Who the child is, as much as consent allows.");
        partner.MapGet("/children/{id:guid}/progress", ChildViews.Progress).WithSummary("Learning journey: mastery, CBC rubric, competencies, 12 weeks, focus areas.");
        partner.MapGet("/children/{id:guid}/activity", ChildViews.Activity).WithSummary("Minutes per day, sessions, streaks, engagement (period=day|week|month).");
        partner.MapGet("/children/{id:guid}/achievements", ChildViews.Achievements).WithSummary("Certificates, badges and milestones.");
        partner.MapGet("/children/{id:guid}/goals", ChildViews.Goals).WithSummary("Partner-set goals with computed progress, and AI milestones.");
        partner.MapPut("/children/{id:guid}/goals", ChildViews.SetGoals).WithSummary("Replace the child's goals (at most 10).");
        partner.MapGet("/children/{id:guid}/ai-insights", ChildViews.Insights).WithSummary("Computed learning signals: time pattern, strongest and weakest areas, early warnings, tips.");

        partner.MapPost("/consent/request", RequestConsent.Handle).WithSummary("Ask the guardians of a child, or of a program's waiting children.");
        partner.MapGet("/consent/status", PartnerConsentStatus.Handle).WithSummary("Where each child's consent stands.");

        // The plan puts the guardian's answer under the partner prefix; only the guardian the request names may use it.
        app.MapPost($"{Prefix}/consent/{{id:guid}}/respond", AnswerConsent.Respond)
            .WithTags("Parent · Consent").RequireAuthorization(Roles.Parent)
            .WithSummary("The guardian agrees (ticked box and typed full name) or declines.");

        var parent = app.MapGroup("/api/v1/parent/consents").WithTags("Parent · Consent").RequireAuthorization(Roles.Parent);
        parent.MapGet("", ParentConsentQueries.List).WithSummary("Consent requests addressed to the signed-in guardian.");
        parent.MapGet("/{id:guid}", ParentConsentQueries.Get);
        parent.MapPost("/{id:guid}/revoke", AnswerConsent.Revoke).WithSummary("Withdraw a given consent; takes effect at once.");

        var admin = app.MapGroup("/api/v1/admin/sponsorship-programs").WithTags("Admin · Sponsorships").RequireAuthorization(Roles.Admin);
        admin.MapGet("", ProgramApprovalHandlers.ListPending).WithSummary("Programs waiting for approval (or another status).");
        admin.MapPost("/{id:guid}/approve", ProgramApprovalHandlers.Approve);
        admin.MapPost("/{id:guid}/reject", ProgramApprovalHandlers.Reject);
        return app;
    }
}
