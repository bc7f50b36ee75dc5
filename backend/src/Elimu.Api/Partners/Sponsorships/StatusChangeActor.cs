using System.Security.Claims;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// Who is changing statuses in this scope, and why: the signed-in user of the request unless a job said otherwise
/// (<see cref="ActAs"/>); the reason a use case gives (<see cref="Because"/>). Read by <see cref="StatusHistoryRecorder"/>
/// when the change is saved. One per scope (request or job run).
/// </summary>
public sealed class StatusChangeActor(IHttpContextAccessor http)
{
    public const string System = "system";

    private string? _job;

    /// <summary>The reason written with the next status changes saved in this scope; null when none was given.</summary>
    public string? Reason { get; private set; }

    /// <summary>A job acting: its name is the actor of the changes it saves.</summary>
    public StatusChangeActor ActAs(string job)
    {
        _job = job;
        return this;
    }

    public StatusChangeActor Because(string? reason)
    {
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return this;
    }

    public (Guid? UserId, string Actor) Current()
    {
        if (_job is { } job) return (null, job);
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(id, out var user) ? (user, user.ToString()) : (null, System);
    }
}
