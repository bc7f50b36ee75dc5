using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Scalar.AspNetCore;

namespace Elimu.Api.Common;

public static class ApiDocs
{
    /// <summary>
    /// Enums by name only, on every wire (the API's JSON and the hub's pushes): no 99, no "7" (docs/adr/0003). An undefined
    /// number would be stored and break every reader, and a page comparing names would misread a number.
    /// </summary>
    public static JsonStringEnumConverter EnumsByName() => new(allowIntegerValues: false);

    /// <summary>camelCase JSON, enums by the names the plan spells, ProblemDetails for every error.</summary>
    public static IServiceCollection AddElimuApiConventions(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(EnumsByName());
            o.SerializerOptions.TypeInfoResolver = o.SerializerOptions.TypeInfoResolver?.WithAddedModifier(NoNullListItems.Modify);
            // Numbers are numbers: no "12" accepted for 12, so the OpenAPI types say `number`, not `number | string`.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails(SpaFallback.AddStatusCodeProblems);
        // Binding failures (bad JSON, an unknown enum value) throw, so ProblemExceptionHandler can name the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Elimu Partner Dashboard API";
                doc.Info.Description = "Sponsorships, consent and monitoring for Elimu's partners. Sign in with POST /api/v1/auth/login; "
                    + "unsafe requests need the XSRF-TOKEN cookie echoed in X-XSRF-TOKEN.";
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer(ProblemResponses.AddSchema);
            o.AddOperationTransformer(ProblemResponses.AddToOperation);
        });
        return services;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and the Scalar reference at /docs (system fonts: its policy loads nothing from elsewhere).</summary>
    public static IEndpointRouteBuilder MapElimuApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Elimu API").DisableDefaultFonts().WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
