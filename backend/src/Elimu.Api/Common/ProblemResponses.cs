using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Elimu.Api.Common;

/// <summary>
/// Lists each operation's error answers in the OpenAPI document, as ProblemDetails, from what the route's metadata
/// says it can refuse: once, here, instead of by hand per route (issue 13 "API contract").
/// <list type="bullet">
/// <item>any parameter, a body, or an unsafe method (the antiforgery check) → 400</item>
/// <item>authorization required → 401; restricted to roles or a policy → 403 as well</item>
/// <item>a route value (an id) → 404</item>
/// <item>an unsafe method behind sign-in (a state it may conflict with) → 409</item>
/// <item>a JSON or form body → 415</item>
/// <item>a rate-limit policy → 429</item>
/// </list>
/// Answers a route declares itself (e.g. <c>ProducesProblem(422)</c>) are kept as declared.
/// </summary>
internal static class ProblemResponses
{
    public const string SchemaId = "ProblemDetails";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "Bad Request: a field is invalid (see errors), or the antiforgery token is missing.",
        [401] = "Unauthorized: sign in first.",
        [403] = "Forbidden: this account may not do this (role, ownership or consent).",
        [404] = "Not Found: no such resource for this account.",
        [409] = "Conflict: the request conflicts with the current state (see code).",
        [415] = "Unsupported Media Type: send the body as the content type listed.",
        [422] = "Unprocessable Content: the request was understood but refused (see code).",
        [429] = "Too Many Requests: wait and try again.",
    };

    public static IEnumerable<int> StatusesFor(OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var parameters = description.ParameterDescriptions;
        var unsafeMethod = description.HttpMethod is { } m && !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m) && !HttpMethods.IsOptions(m);
        // A body bound by a parameter, or one a handler reads itself and declares with Accepts (the uploads).
        var hasBody = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile)
            || description.SupportedRequestFormats.Count > 0;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var requiresAuth = authorize.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any();
        var restricted = requiresAuth && authorize.Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy));

        if (hasBody || unsafeMethod || parameters.Any(p => p.Source == BindingSource.Query || p.Source == BindingSource.Path)) yield return 400;
        if (requiresAuth) yield return 401;
        if (restricted) yield return 403;
        if (parameters.Any(p => p.Source == BindingSource.Path)) yield return 404;
        if (unsafeMethod && requiresAuth) yield return 409;
        if (hasBody) yield return 415;
        if (metadata.OfType<EnableRateLimitingAttribute>().Any()) yield return 429;
    }

    public static Task AddToOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.Responses ??= [];
        foreach (var status in StatusesFor(context))
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key)) continue;
            operation.Responses[key] = Problem(status, context.Document);
        }
        // A ProblemDetails answer the route declared itself gets the shared schema and a description too.
        foreach (var (key, response) in operation.Responses)
            if (response is OpenApiResponse declared && int.TryParse(key, out var code) && code >= 400 && Descriptions.TryGetValue(code, out var text)
                && (declared.Content is null || declared.Content.Keys.All(k => k.Contains("problem+json", StringComparison.Ordinal))))
            {
                declared.Description = text;
                declared.Content = Content(context.Document);
            }
        return Task.CompletedTask;
    }

    /// <summary>RFC 9457 with Elimu's two extensions: a machine-readable <c>code</c> and a per-field <c>errors</c> map.</summary>
    public static Task AddSchema(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        OpenApiSchema Text(JsonSchemaType type = JsonSchemaType.String) => new() { Type = type | JsonSchemaType.Null };
        document.Components.Schemas[SchemaId] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem: `code` says which refusal it is (validation_failed, consent_required, …); `errors` names each invalid field.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text(),
                ["title"] = Text(),
                ["status"] = Text(JsonSchemaType.Integer),
                ["detail"] = Text(),
                ["instance"] = Text(),
                ["code"] = Text(),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object | JsonSchemaType.Null,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(int status, OpenApiDocument? document) => new()
    {
        Description = Descriptions[status],
        Content = Content(document),
    };

    private static Dictionary<string, OpenApiMediaType> Content(OpenApiDocument? document) => new()
    {
        ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(SchemaId, document) },
    };
}
