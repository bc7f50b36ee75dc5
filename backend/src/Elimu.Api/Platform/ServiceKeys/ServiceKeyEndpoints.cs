using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Platform.ServiceKeys;

public sealed record CreateServiceKeyRequest(string? Name);

/// <summary>Admin routes for the platform services' API keys: create (the key is in this answer only), list, rotate, revoke.</summary>
public static class ServiceKeyEndpoints
{
    public static IEndpointRouteBuilder MapServiceKeyApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/admin/service-keys").WithTags("Admin · Service keys").RequireAuthorization(Roles.Admin);
        keys.MapGet("", List).WithSummary("Every service key (never the secret), live and revoked.");
        keys.MapPost("", Create).WithSummary("Create a key for a platform service; the key is shown in this answer only.");
        keys.MapPost("/{id:guid}/rotate", Rotate).WithSummary("A new key with the same name; the old one works until revoked.");
        keys.MapPost("/{id:guid}/revoke", Revoke).WithSummary("Revoke a key at once.");
        return app;
    }

    private static async Task<Ok<List<ServiceKeyResponse>>> List(ServiceKeyStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(ct));

    private static async Task<Created<CreatedServiceKey>> Create(CreateServiceKeyRequest request, ClaimsPrincipal user, ServiceKeyStore store,
        CancellationToken ct)
    {
        var key = await store.CreateAsync(request.Name, user.UserId(), ct);
        return TypedResults.Created($"/api/v1/admin/service-keys/{key.Id}", key);
    }

    private static async Task<Created<CreatedServiceKey>> Rotate(Guid id, ClaimsPrincipal user, ServiceKeyStore store, CancellationToken ct)
    {
        var key = await store.RotateAsync(id, user.UserId(), ct);
        return TypedResults.Created($"/api/v1/admin/service-keys/{key.Id}", key);
    }

    private static async Task<Ok<ServiceKeyResponse>> Revoke(Guid id, ClaimsPrincipal user, ServiceKeyStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.RevokeAsync(id, user.UserId(), ct));
}
