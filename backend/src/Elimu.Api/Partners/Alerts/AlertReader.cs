using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Platform.Students;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Alerts;

/// <param name="ChildId">One sponsored child's alerts (the child page links here), as a name search may match two children.</param>
public sealed record AlertListQuery(ChildAlertState? State, ChildAlertKind? Kind, Guid? ProgramId, Guid? ChildId, string? Search, int? Page,
    int? PageSize);

/// <summary>A stored alert as the alerts page shows it: the child named in full (only monitored children's alerts are listed).</summary>
public sealed record ChildAlertView(Guid Id, Guid ChildId, string ChildName, Guid ProgramId, string ProgramName, ChildAlertKind Kind,
    ChildAlertState State, string Summary, decimal Value, decimal Threshold, DateTime RaisedAt, DateTime? SeenAt, DateTime? DismissedAt,
    string? DismissNote, DateTime? ResolvedAt);

/// <summary>
/// Reads the stored alerts, always through the gate: an alert is shown, listed and counted only while its child is
/// monitored, so a withdrawn consent takes it off every view at once, before the next scan resolves it.
/// </summary>
public sealed class AlertReader(AppDbContext db, ChildLearningGate gate)
{
    public const string View = "alerts";

    /// <summary>New alerts of monitored children: the realtime counter and the dashboard's alert figure.</summary>
    public Task<int> NewCountAsync(Guid partnerId, CancellationToken ct)
    {
        var monitored = gate.MonitoredChildIds(partnerId, null);
        return db.ChildAlerts.CountAsync(a => a.PartnerId == partnerId && a.State == ChildAlertState.@new && monitored.Contains(a.SponsoredChildId), ct);
    }

    /// <summary>A page of alerts, newest first; the children on it are recorded as shown. Three queries.</summary>
    public async Task<Paged<ChildAlertView>> ListAsync(Guid partnerId, AlertListQuery q, CancellationToken ct)
    {
        var monitored = gate.MonitoredChildIds(partnerId, q.Search);
        var alerts = db.ChildAlerts.AsNoTracking().Where(a => a.PartnerId == partnerId && monitored.Contains(a.SponsoredChildId));
        if (q.State is { } state) alerts = alerts.Where(a => a.State == state);
        if (q.Kind is { } kind) alerts = alerts.Where(a => a.Kind == kind);
        if (q.ProgramId is { } programId) alerts = alerts.Where(a => a.ProgramId == programId);
        if (q.ChildId is { } childId) alerts = alerts.Where(a => a.SponsoredChildId == childId);
        var page = PageRequest.From(q.Page, q.PageSize);
        var total = await alerts.CountAsync(ct);
        var rows = await alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var names = await gate.NamesAsync(partnerId, [.. rows.Select(r => r.SponsoredChildId).Distinct()], ct);
        gate.RecordShown(partnerId, View, names.Values.Select(n => (n.ChildId, n.StudentId)));
        return new([.. rows.Select(r => Describe(r, names[r.SponsoredChildId]))], page.Page, page.PageSize, total);
    }

    /// <summary>
    /// The open alerts (new or seen) of monitored children, newest first, at most <paramref name="take"/>: what a digest
    /// lists. Nothing is recorded as shown, as the digest runs without a signed-in reader.
    /// </summary>
    public async Task<IReadOnlyList<ChildAlertView>> OpenAsync(Guid partnerId, int take, CancellationToken ct)
    {
        var monitored = gate.MonitoredChildIds(partnerId, null);
        var rows = await db.ChildAlerts.AsNoTracking()
            .Where(a => a.PartnerId == partnerId && (a.State == ChildAlertState.@new || a.State == ChildAlertState.seen)
                && monitored.Contains(a.SponsoredChildId))
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct);
        var names = await gate.NamesAsync(partnerId, [.. rows.Select(r => r.SponsoredChildId).Distinct()], ct);
        return [.. rows.Where(r => names.ContainsKey(r.SponsoredChildId)).Select(r => Describe(r, names[r.SponsoredChildId]))];
    }

    /// <summary>One of the partner's alerts whose child is monitored, tracked for a change; 404 otherwise (another partner's too).</summary>
    public async Task<(ChildAlert Alert, MonitoredChildName Child)> FindAsync(Guid partnerId, Guid id, CancellationToken ct)
    {
        var monitored = gate.MonitoredChildIds(partnerId, null);
        // Found first, loaded second: the gate's query reads without tracking, and a query that composes it would too.
        if (!await db.ChildAlerts.AnyAsync(a => a.Id == id && a.PartnerId == partnerId && monitored.Contains(a.SponsoredChildId), ct))
            throw DomainException.NotFound("Alert");
        var alert = await db.ChildAlerts.AsTracking().SingleAsync(a => a.Id == id, ct);
        var names = await gate.NamesAsync(partnerId, [alert.SponsoredChildId], ct);
        gate.RecordShown(partnerId, View, names.Values.Select(n => (n.ChildId, n.StudentId)));
        return (alert, names[alert.SponsoredChildId]);
    }

    public static ChildAlertView Describe(ChildAlert a, MonitoredChildName child) => new(a.Id, a.SponsoredChildId,
        StudentDirectory.NameFor(child.FirstName, child.LastName, visible: true), child.ProgramId, child.ProgramName, a.Kind, a.State, a.Summary,
        a.Value, a.Threshold, a.RaisedAt, a.SeenAt, a.DismissedAt, a.DismissNote, a.ResolvedAt);
}
