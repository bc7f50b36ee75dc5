using Elimu.Api.Common;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>Pushes each partner's counters to their open dashboards (event "counters").</summary>
[Authorize(Roles = Roles.Partner)]
public sealed class PartnerHub(PartnerCounters counters, ConnectedPartners connected) : Hub
{
    public const string Path = "/hubs/partner";
    public const string CountersEvent = "counters";

    public static string GroupOf(Guid partnerId) => $"partner:{partnerId}";

    // The partner is the signed-in user the cookie named at connect (Identity's name identifier), never an id the
    // client sends, so a connection only ever joins its own partner's group.
    private Guid PartnerId => Guid.Parse(Context.UserIdentifier!);

    public override async Task OnConnectedAsync()
    {
        var partnerId = PartnerId;
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(partnerId));
        connected.Connected(partnerId);
        var now = await counters.ComputeAsync(partnerId, Context.ConnectionAborted);
        connected.Changed(partnerId, now);
        await Clients.Caller.SendAsync(CountersEvent, now);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connected.Disconnected(PartnerId);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>Called by features after a change that moves a partner's counters (consent given or revoked, a new alert).</summary>
public sealed class PartnerCountersPublisher(PartnerCounters counters, IHubContext<PartnerHub> hub, ConnectedPartners connected)
{
    public async Task PublishAsync(Guid partnerId, CancellationToken ct = default)
    {
        var now = await counters.ComputeAsync(partnerId, ct);
        connected.Changed(partnerId, now);
        await SendAsync(partnerId, now, ct);
    }

    public Task SendAsync(Guid partnerId, RealtimeCounters now, CancellationToken ct) =>
        hub.Clients.Group(PartnerHub.GroupOf(partnerId)).SendAsync(PartnerHub.CountersEvent, now, ct);
}
