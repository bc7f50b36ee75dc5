using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Alerts;

/// <summary>
/// Child alerts raised by the partner's thresholds: the list with its states, and the thresholds of a program and of a
/// child. Every member reads them and marks an alert seen; who runs programs dismisses alerts and changes thresholds.
/// Another partner's alert, program or child is a 404.
/// </summary>
public static class AlertEndpoints
{
    public const string Path = "/api/v1/partner/alerts";

    public static IServiceCollection AddChildAlerts(this IServiceCollection services)
    {
        services.AddScoped<AlertScan>();
        services.AddScoped<AlertReader>();
        services.AddScoped<AlertStateChanges>();
        services.AddScoped<AlertThresholdHandlers>();
        return services;
    }

    public static IEndpointRouteBuilder MapAlertApi(this IEndpointRouteBuilder app)
    {
        // ReadAuditFilter queues, once per request, the audit of the children whose alerts were shown.
        var group = app.MapGroup(Path).WithTags("Partner · Alerts").RequireAuthorization(PartnerPolicies.Read).AddEndpointFilter<ReadAuditFilter>();
        group.MapGet("", List).WithSummary("Alerts of the partner's monitored children, newest first; filter by state, kind, program, child and child name.");
        // Seen is the team's state of the alert, not the caller's own: a viewer may read alerts but not change them.
        group.MapPost("/{id:guid}/seen", Seen).RequireAuthorization(PartnerPolicies.ChangePrograms).WithSummary("Mark a new alert seen (an alert in another state is answered as it is).");
        group.MapPost("/{id:guid}/dismiss", Dismiss).RequireAuthorization(PartnerPolicies.ChangePrograms)
            .WithSummary("Dismiss an open alert with a note (required); 409 invalid_transition when it is resolved or already dismissed.");
        group.MapGet("/thresholds/programs/{programId:guid}", GetProgram).WithSummary("A program's thresholds: as set, the defaults, and what applies.");
        group.MapPut("/thresholds/programs/{programId:guid}", PutProgram).RequireAuthorization(PartnerPolicies.ChangePrograms)
            .WithSummary("Set a program's thresholds (null inherits the default); the partner's alerts are rescanned at once.");
        group.MapGet("/thresholds/children/{childId:guid}", GetChild).WithSummary("A child's threshold overrides, what it inherits from its program, and what applies.");
        group.MapPut("/thresholds/children/{childId:guid}", PutChild).RequireAuthorization(PartnerPolicies.ChangePrograms)
            .WithSummary("Override a child's thresholds (null inherits the program's); the partner's alerts are rescanned at once.");
        return app;
    }

    private static async Task<Ok<Paged<ChildAlertView>>> List([AsParameters] AlertListQuery q, ClaimsPrincipal user, AlertReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(user.PartnerId(), q, ct));

    private static async Task<Ok<ChildAlertView>> Seen(Guid id, ClaimsPrincipal user, AlertStateChanges changes, CancellationToken ct) =>
        TypedResults.Ok(await changes.SeenAsync(user.PartnerId(), user.UserId(), id, ct));

    private static async Task<Ok<ChildAlertView>> Dismiss(Guid id, DismissAlertRequest body, ClaimsPrincipal user, AlertStateChanges changes,
        CancellationToken ct) =>
        TypedResults.Ok(await changes.DismissAsync(user.PartnerId(), user.UserId(), id, body, ct));

    private static async Task<Ok<AlertThresholdsResponse>> GetProgram(Guid programId, ClaimsPrincipal user, AlertThresholdHandlers thresholds,
        CancellationToken ct) =>
        TypedResults.Ok(await thresholds.ProgramAsync(user.PartnerId(), programId, ct));

    private static async Task<Ok<AlertThresholdsResponse>> PutProgram(Guid programId, AlertThresholdValues body, ClaimsPrincipal user,
        AlertThresholdHandlers thresholds, CancellationToken ct) =>
        TypedResults.Ok(await thresholds.SetProgramAsync(user.PartnerId(), user.UserId(), programId, body, ct));

    private static async Task<Ok<AlertThresholdsResponse>> GetChild(Guid childId, ClaimsPrincipal user, AlertThresholdHandlers thresholds,
        CancellationToken ct) =>
        TypedResults.Ok(await thresholds.ChildAsync(user.PartnerId(), childId, ct));

    private static async Task<Ok<AlertThresholdsResponse>> PutChild(Guid childId, AlertThresholdValues body, ClaimsPrincipal user,
        AlertThresholdHandlers thresholds, CancellationToken ct) =>
        TypedResults.Ok(await thresholds.SetChildAsync(user.PartnerId(), user.UserId(), childId, body, ct));
}
