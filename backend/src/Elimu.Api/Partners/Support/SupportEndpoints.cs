using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Support;

/// <summary>Plan Step 5's support.py: the partner's tickets, and the staff and admin queue that answers them.</summary>
public static class SupportEndpoints
{
    public const string PartnerPrefix = "/api/v1/partner/support/tickets";
    public const string StaffPrefix = "/api/v1/admin/support/tickets";
    /// <summary>Staff and admins both work the support queue.</summary>
    public const string SupportStaffPolicy = "support.staff";

    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(SupportStaffPolicy, p => p.RequireRole(Roles.Staff, Roles.Admin));
        services.AddScoped<ITicketTriage, AiTicketTriage>();
        services.AddScoped<TicketReader>();
        services.AddScoped<TicketNotices>();
        services.AddScoped<TicketWorkflow>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupportApi(this IEndpointRouteBuilder app)
    {
        var partner = app.MapGroup(PartnerPrefix).WithTags("Partner · Support")
            .RequireAuthorization(PartnerPolicies.Read).RequireAuthorization(PartnerPolicies.Support);
        partner.MapGet("", PartnerTicketHandlers.List).WithSummary("The partner's tickets, newest activity first; filter by status, category, priority and search.");
        partner.MapPost("", PartnerTicketHandlers.Create).AcceptsTicketForm<CreateTicketRequest>("subject", "description", "category", "priority")
            .Produces<TicketDetail>(StatusCodes.Status201Created)
            .WithSummary("Open a ticket (JSON, or a form with files). Triage stores its suggested category and priority; the partner's choices are kept.");
        partner.MapPost("/triage-preview", PartnerTicketHandlers.TriagePreview).WithSummary("What triage would suggest for this subject and description; nothing is saved.");
        partner.MapGet("/{id:guid}", PartnerTicketHandlers.Get).WithSummary("One ticket with its conversation and files.");
        partner.MapPut("/{id:guid}", PartnerTicketHandlers.Update).WithSummary("Edit an open ticket's subject, description, category or priority.");
        partner.MapPost("/{id:guid}/messages", PartnerTicketHandlers.Reply).AcceptsTicketForm<TicketReplyRequest>("body")
            .WithSummary("Reply in the thread (JSON, or a form with files); 409 on a resolved or closed ticket.");
        partner.MapPost("/{id:guid}/reopen", PartnerTicketHandlers.Reopen).WithSummary("Reopen a resolved ticket within 14 days of its resolution.");
        partner.MapPost("/{id:guid}/close", PartnerTicketHandlers.Close).WithSummary("Close the ticket: solved, or no longer needed.");
        partner.MapGet("/{id:guid}/attachments/{attachmentId:guid}", PartnerTicketHandlers.Download).WithSummary("Download a file of the ticket.");

        var staff = app.MapGroup(StaffPrefix).WithTags("Admin · Support").RequireAuthorization(SupportStaffPolicy);
        staff.MapGet("", StaffTicketHandlers.Queue).WithSummary("Every partner's tickets: open first, most urgent, longest waiting; filter by assignee (me, unassigned).");
        staff.MapGet("/assignees", StaffTicketHandlers.Assignees).WithSummary("Staff and admins a ticket can be assigned to.");
        staff.MapGet("/{id:guid}", StaffTicketHandlers.Get).WithSummary("One ticket with its conversation and files.");
        staff.MapPost("/{id:guid}/assign", StaffTicketHandlers.Assign).WithSummary("Assign to a member of staff or an admin (null: unassign); an open ticket moves to in_progress.");
        staff.MapPost("/{id:guid}/messages", StaffTicketHandlers.Reply).AcceptsTicketForm<TicketReplyRequest>("body")
            .WithSummary("Reply to the partner (JSON, or a form with files); an open ticket moves to in_progress.");
        staff.MapPost("/{id:guid}/resolve", StaffTicketHandlers.Resolve).WithSummary("Resolve with a resolution text; the partner may reopen within 14 days.");
        staff.MapPost("/{id:guid}/close", StaffTicketHandlers.Close).WithSummary("Close a resolved ticket.");
        staff.MapGet("/{id:guid}/attachments/{attachmentId:guid}", StaffTicketHandlers.Download).WithSummary("Download a file of the ticket.");
        return app;
    }
}
