using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Elimu.Api.Common;

public static class MultipartFormDocs
{
    /// <summary>
    /// Describes a multipart form in the OpenAPI document. Routes that read their form by hand (to answer a wrong body
    /// with a plain 400 and keep the app's own antiforgery check) have no parameter the document could describe.
    /// </summary>
    public static RouteHandlerBuilder AcceptsMultipartForm(this RouteHandlerBuilder route, IReadOnlyCollection<string> required,
        Dictionary<string, IOpenApiSchema> fields) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Required = required.ToHashSet(), Properties = fields },
                    },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>A file field of a multipart form.</summary>
    public static OpenApiSchema File(string description) => new() { Type = JsonSchemaType.String, Format = "binary", Description = description };
}
