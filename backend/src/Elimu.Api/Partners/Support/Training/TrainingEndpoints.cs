using Elimu.Api.Partners.Account.Team;

namespace Elimu.Api.Partners.Support.Training;

/// <summary>
/// Issue 16, Support: the training hub. Every member may read it, take or give back their own webinar seat and mark
/// their own modules; only owners see the whole team's completion table.
/// </summary>
public static class TrainingEndpoints
{
    public const string Prefix = "/api/v1/partner/support/training";

    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var training = app.MapGroup(Prefix).WithTags("Partner · Support").RequireAuthorization(PartnerPolicies.Read);
        training.MapGet("/webinars", Webinars.List).WithSummary("Upcoming webinars (soonest first, a live one included) or past ones (latest first, with recordings).");
        training.MapPut("/webinars/{id:guid}/registration", Webinars.Register)
            .WithSummary("Take a seat for the signed-in member (again: no change). 409 webinar_full, 409 webinar_over.");
        training.MapDelete("/webinars/{id:guid}/registration", Webinars.Unregister).WithSummary("Give the member's seat back (none held: no change).");
        training.MapGet("/courses", Courses.List).WithSummary("Certification courses with the signed-in member's progress.");
        training.MapGet("/courses/{slug}", Courses.Get).WithSummary("A course's modules in markdown, with the member's completions and certificate.");
        training.MapPut("/courses/{slug}/modules/{module}/completion", Courses.Complete).WithSummary("Mark a module finished for the signed-in member (again: no change).");
        training.MapDelete("/courses/{slug}/modules/{module}/completion", Courses.Undo).WithSummary("Mark a module not finished.");
        training.MapGet("/team-progress", Courses.Team).RequireAuthorization(PartnerPolicies.ManageTeam)
            .WithSummary("Owners: each team member's completed modules and certificates, per course.");
        return app;
    }
}
