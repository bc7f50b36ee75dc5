using Elimu.Api.Partners.Dashboard;
using Microsoft.AspNetCore.SignalR;

namespace Elimu.Api.Partners.Analytics;

/// <summary>
/// Pushes a report's progress to the partner's open pages (event "impactReport" on the partner hub). Best effort: the
/// row is the truth and the page polls it when the push does not arrive, so a failed push is logged and dropped.
/// </summary>
public sealed class ImpactReportPush(IHubContext<PartnerHub> hub, ILogger<ImpactReportPush> log)
{
    public const string Event = "impactReport";

    public async Task SendAsync(Guid partnerId, ImpactReportProgress progress, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Group(PartnerHub.GroupOf(partnerId)).SendAsync(Event, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not push the progress of impact report {ReportId}", progress.Id);
        }
    }
}
