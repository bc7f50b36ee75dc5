using Elimu.Api.Common;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Account.Team;
using Microsoft.AspNetCore.Authorization;
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
        var now = await counters.ForMemberAsync(partnerId, Context.User!.UserId(), Context.ConnectionAborted);
        await Clients.Caller.SendAsync(CountersEvent, now);
    }
}

/// <summary>
/// Pushes a partner's new counters after a section committed a change (<see cref="IPartnerCountersChanged"/>). The
/// one place that runs this side effect after the commit: a failure (database, SignalR backplane) is logged and
/// swallowed, because the request that raised it has already committed and must still answer with its result.
/// </summary>
public sealed class PartnerCountersPublisher(PartnerCounters counters, IHubContext<PartnerHub> hub, INotificationRecipients members,
    ILogger<PartnerCountersPublisher> log) : IPartnerCountersChanged
{
    public async Task CountersChangedAsync(Guid partnerId, CancellationToken ct = default)
    {
        try
        {
            var now = await counters.ComputeAsync(partnerId, ct);
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

    /// <summary>
    /// Sends each member of the partner the shared counters with their own unread figures, to that member's connections
    /// (SignalR's user is the signed-in user id); two small counts per member, and a team is small.
    /// </summary>
    public async Task SendAsync(Guid partnerId, RealtimeCounters now, CancellationToken ct)
    {
        foreach (var member in await members.OfPartnerAsync(partnerId, NotificationCategory.message, ct))
            await hub.Clients.User(member.ToString()).SendAsync(PartnerHub.CountersEvent,
                PartnerCounters.OfMember(now, await counters.PersonalAsync(member, ct)), ct);
    }
}

/// <summary>A member's own unread figures, to their own connections (SignalR's user is the signed-in user's id).</summary>
public sealed class PartnerHubUnreadCountPush(IHubContext<PartnerHub> hub, PartnerCounters counters) : IUnreadCountPush
{
    public async Task SendAsync(Guid userId, CancellationToken ct)
    {
        var (notifications, messages) = await counters.PersonalAsync(userId, ct);
        await hub.Clients.User(userId.ToString()).SendAsync(PartnerHub.UnreadEvent, new UnreadCount(notifications, messages), ct);
    }
}

public sealed record UnreadCount(int UnreadNotifications, int UnreadMessages);
