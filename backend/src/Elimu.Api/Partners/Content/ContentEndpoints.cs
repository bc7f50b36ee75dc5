using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Content.Resources;
using Elimu.Api.Partners.Content.Courses;

namespace Elimu.Api.Partners.Content;

/// <summary>Plan Step 5's content routes, the AI-generated lessons and the contributed resources (<see cref="ResourceEndpoints"/>).</summary>
public static class ContentEndpoints
{
    public const string Prefix = "/api/v1/partner/content";

    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder app)
    {
        var content = app.MapGroup(Prefix).WithTags("Partner · Content").RequireAuthorization(PartnerPolicies.Read);
        content.MapPost("/ai-generate", AiResourceHandlers.Generate).RequireAuthorization(PartnerPolicies.ContributeContent)
            .RequireRateLimiting(AiGenerationLimit.Policy)
            .WithSummary("Generate a CBC lesson or material from a prompt, grade and learning area; it is saved as the partner's draft.");
        content.MapGet("/ai-resources/options", AiResourceHandlers.Options).WithSummary("The grades and CBC learning areas the generator accepts.");
        content.MapGet("/ai-resources", AiResourceHandlers.List).WithSummary("The partner's generated resources, last changed first.");
        content.MapGet("/ai-resources/{id:guid}", AiResourceHandlers.Get).WithSummary("One generated resource with its lesson and provenance.");
        content.MapPut("/ai-resources/{id:guid}", AiResourceHandlers.Update).RequireAuthorization(PartnerPolicies.ContributeContent)
            .WithSummary("Edit a draft's lesson fields; 409 once it is submitted for review.");
        content.MapPost("/ai-resources/{id:guid}/submit", AiResourceHandlers.Submit).RequireAuthorization(PartnerPolicies.ContributeContent)
            .WithSummary("Send a draft to Elimu's review queue (pending_review).");
        app.MapResourceApi();
        content.MapSponsoredCourseApi();
        return app;
    }
}
