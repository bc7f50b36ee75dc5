using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.ChildData;

/// <summary>The sponsored children's list, cohort figures and dashboard tabs, all behind <see cref="ChildLearningGate"/>.</summary>
public static class ChildDataEndpoints
{
    public static IEndpointRouteBuilder MapChildDataApi(this IEndpointRouteBuilder app)
    {
        // ReadAuditFilter queues, once per request, the audit of the children the privacy gate revealed.
        var partner = app.MapGroup(SponsorshipEndpoints.Prefix).WithTags("Partner · Partnerships").RequireAuthorization(PartnerPolicies.Read)
            .AddEndpointFilter<ReadAuditFilter>();

        partner.MapGet("/children", ListChildren.Handle).WithSummary("All sponsored children across programs.");
        partner.MapGet("/children/by-program", ChildCohorts.Handle).WithSummary("The cohort view's figures per program, over every child matching the filters.");
        partner.MapGet("/children/{id:guid}", ChildViews.Header).WithSummary("Who the child is, as much as consent allows.");
        partner.MapGet("/children/{id:guid}/progress", ChildViews.Progress).WithSummary("Learning journey: mastery, CBC rubric, competencies, 12 weeks, focus areas.");
        partner.MapGet("/children/{id:guid}/activity", ChildViews.Activity).WithSummary("Minutes per day, sessions, streaks, engagement (period=day|week|month).");
        partner.MapGet("/children/{id:guid}/achievements", ChildViews.Achievements).WithSummary("Certificates, badges and milestones.");
        partner.MapGet("/children/{id:guid}/goals", ChildViews.Goals).WithSummary("Partner-set goals with computed progress, and AI milestones.");
        partner.MapPut("/children/{id:guid}/goals", ChildViews.SetGoals).RequireAuthorization(PartnerPolicies.ChangePrograms).WithSummary("Replace the child's goals (at most 10).");
        partner.MapGet("/children/{id:guid}/timeline", ChildTimeline.Handle).WithSummary("The child's story, newest first: enrolment, status changes, consent asked, reminded, answered, withdrawn, expired.");
        partner.MapGet("/children/{id:guid}/ai-insights", ChildViews.Insights).WithSummary("Computed learning signals, and the AI narrative, learning style, strengths, risks and three tips written from them.");
        return app;
    }
}
