using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Microsoft.OpenApi;

namespace Elimu.Api.Partners.Content.Resources;

/// <summary>Plan Step 5's content.py resources: the partner's contributions and the admin's review queue.</summary>
public static class ResourceEndpoints
{
    public const string AdminPrefix = "/api/v1/admin/resources";

    public static IServiceCollection AddResourceContributions(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration("Uploads");
        services.AddSingleton<ResourceStorage>();
        services.AddScoped<ResourceReader>();
        return services;
    }

    public static IEndpointRouteBuilder MapResourceApi(this IEndpointRouteBuilder app)
    {
        var partner = app.MapGroup($"{ContentEndpoints.Prefix}/resources").WithTags("Partner · Content").RequireAuthorization(PartnerPolicies.Read);
        partner.MapPost("", UploadResource.Handle).RequireAuthorization(PartnerPolicies.ContributeContent).AcceptsResourceUpload()
            .Produces<ResourceView>(StatusCodes.Status201Created)
            .WithSummary("Contribute a file (at most 50 MB; its type is read from its bytes) for review; pending_review until an admin decides.");
        partner.MapGet("", ResourceHandlers.List).WithSummary("The partner's resources, uploads and generated drafts, last changed first; filter by status, type, program and search.");
        partner.MapGet("/{id:guid}", ResourceHandlers.Get).WithSummary("One resource with its review status and, when rejected, the reason.");
        partner.MapGet("/{id:guid}/file", ResourceHandlers.Download)
            .WithSummary("The resource's file under its original name; a download (not inline=true) counts once in usageCount.");
        partner.MapPut("/{id:guid}", ResourceHandlers.Update).RequireAuthorization(PartnerPolicies.ContributeContent)
            .WithSummary("Change the title, description, type or target programs; a rejected resource goes back to review; 409 once approved.");
        partner.MapDelete("/{id:guid}", ResourceHandlers.Delete).RequireAuthorization(PartnerPolicies.ContributeContent)
            .WithSummary("Delete a resource and its file; 409 once approved.");

        var admin = app.MapGroup(AdminPrefix).WithTags("Admin · Content").RequireAuthorization(Roles.Admin);
        admin.MapGet("", ResourceReviewHandlers.Queue).WithSummary("Contributed resources of every partner: pending review first, oldest first; filter by status, type, partner and search.");
        admin.MapGet("/{id:guid}/file", ResourceReviewHandlers.Download).WithSummary("The resource's file, to review it.");
        admin.MapPost("/{id:guid}/approve", ResourceReviewHandlers.Approve).WithSummary("Approve a pending resource; the partner is notified.");
        admin.MapPost("/{id:guid}/reject", ResourceReviewHandlers.Reject).WithSummary("Reject a pending resource with a reason the partner reads.");
        return app;
    }

    private static RouteHandlerBuilder AcceptsResourceUpload(this RouteHandlerBuilder route) =>
        route.AcceptsMultipartForm(["file"], new()
        {
            ["file"] = MultipartFormDocs.File($"{ResourceFormats.Allowed}; at most {ResourceUploadForm.MaxFileBytes / (1024 * 1024)} MB."),
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Defaults to the file's name without its extension." },
            ["description"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["resourceType"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Description = "lesson, material, video or document; defaults to what the file is.",
            },
            ["targetPrograms"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                Description = "The partner's programs whose children may use it (repeat the field, or separate ids with commas).",
            },
            ["brandingApplied"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Stamp the partner's logo on every page (PDF only)." },
        });
}
