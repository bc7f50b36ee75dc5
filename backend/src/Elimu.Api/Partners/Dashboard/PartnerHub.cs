using Elimu.Api.Common;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Account.Team;
using Microsoft.AspNetCore.Authorization;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.SignalR;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>
/// Pushes each partner's counters to their open dashboards (event "counters"), and each member's own unread count to
/// that member alone (event "unread").
/// </summary>
[Authorize(Policy = PartnerPolicies.Read)]
public sealed class PartnerHub(PartnerCounters counters) : Hub
{
    public const string Path = "/hubs/partner";
    public const string CountersEvent = "counters";
    public const string UnreadEvent = "unread";

    public static string GroupOf(Guid partnerId) => $"partner:{partnerId}";

    // The partner the signed-in member works for, as resolved at connect (PartnerMemberClaims), never an id the client
    // sends, so a connection only ever joins its own partner's group. A removed member's connections are closed.
    private Guid PartnerId => Context.User!.PartnerId();

    public override async Task OnConnectedAsync()
    {
        var partnerId = PartnerId;
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(partnerId));
        var now = await counters.ComputeAsync(partnerId, Context.User!.UserId(), Context.ConnectionAborted);
        await Clients.Caller.SendAsync(CountersEvent, now);
    }
}

/// <summary>
/// Pushes a partner's new counters after a section committed a change (<see cref="IPartnerCountersChanged"/>). The
/// one place that runs this side effect after the commit: a failure (database, SignalR backplane) is logged and
/// swallowed, because the request that raised it has already committed and must still answer with its result.
/// </summary>
public sealed class PartnerCountersPublisher(PartnerCounters counters, IHubContext<PartnerHub> hub,
    ILogger<PartnerCountersPublisher> log) : IPartnerCountersChanged
{
    public async Task CountersChangedAsync(Guid partnerId, CancellationToken ct = default)
    {
        try
        {
            var now = await counters.ComputeAsync(partnerId, memberId: null, ct);
            await SendAsync(partnerId, now, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller went away; the change is committed and the next push or reconnect shows it.
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not push the counters of partner {PartnerId} after a committed change", partnerId);
        }
    }

    public Task SendAsync(Guid partnerId, RealtimeCounters now, CancellationToken ct) =>
        hub.Clients.Group(PartnerHub.GroupOf(partnerId)).SendAsync(PartnerHub.CountersEvent, now, ct);
}

/// <summary>A member's unread count, to their own connections (SignalR's user is the signed-in user's id).</summary>
public sealed class PartnerHubUnreadCountPush(IHubContext<PartnerHub> hub) : IUnreadCountPush
{
    public Task SendAsync(Guid userId, int unread, CancellationToken ct) =>
        hub.Clients.User(userId.ToString()).SendAsync(PartnerHub.UnreadEvent, new UnreadCount(unread), ct);
}

public sealed record UnreadCount(int UnreadNotifications);
