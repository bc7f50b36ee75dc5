using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Identity.Sessions;

/// <param name="Current">The session of the browser asking ("this device").</param>
public sealed record UserSessionResponse(Guid Id, string? UserAgent, string? IpAddress, DateTime SignedInAt, DateTime LastSeenAt, bool Current);

public sealed record SessionsEnded(int Ended);

/// <summary>
/// The signed-in user's own sessions, for every role: list them, end one, or end all but this one. Another user's
/// session id is "not found", never ended.
/// </summary>
public static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder auth)
    {
        var sessions = auth.MapGroup("/sessions").RequireAuthorization();
        sessions.MapGet("", List);
        sessions.MapDelete("/{id:guid}", End);
        sessions.MapPost("/end-others", EndOthers);
        return auth;
    }

    private static async Task<Ok<Paged<UserSessionResponse>>> List(int? page, int? pageSize, ClaimsPrincipal user, UserSessions sessions,
        CancellationToken ct)
    {
        var current = UserSessions.IdOf(user);
        var paged = await sessions.ActiveOf(user.UserId()).OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenAt)
            .ThenBy(s => s.Id)
            .Select(s => new UserSessionResponse(s.Id, s.UserAgent, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Id == current))
            .ToPagedAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(paged);
    }

    /// <summary>Ending this browser's own session signs it out.</summary>
    private static async Task<NoContent> End(Guid id, HttpContext http, UserSessions sessions, SignInManager<AppUser> signIn,
        AuditTrail audit, CancellationToken ct)
    {
        var userId = http.User.UserId();
        if (!await sessions.EndAsync(userId, id, ct)) throw DomainException.NotFound("Session");
        await audit.RecordNowAsync(userId, "auth.session_ended", "user_session", id, ct);
        if (UserSessions.IdOf(http.User) == id)
        {
            await signIn.SignOutAsync();
            http.User = new();
        }
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SessionsEnded>> EndOthers(ClaimsPrincipal user, UserSessions sessions, AuditTrail audit, CancellationToken ct)
    {
        var userId = user.UserId();
        var ended = await sessions.EndAllAsync(userId, except: UserSessions.IdOf(user), ct);
        await audit.RecordNowAsync(userId, "auth.sessions_ended", "user", userId, ct, $"other sessions ended: {ended}");
        return TypedResults.Ok(new SessionsEnded(ended));
    }
}
