using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.ChildData;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Alerts;

public sealed record AlertScanResult(int Children, int Raised, int Resolved);

/// <summary>
/// Measures every monitored child of a partner against its thresholds and brings the stored alerts in line: one open alert
/// per condition that holds (raised once: the open-alert unique index refuses a second, whoever inserts it), and every
/// open alert whose condition cleared, or whose child is no longer monitored (consent withdrawn, program stopped or
/// suspended), resolved. A fixed number of queries whatever the number of children (<see cref="ChildLearningGate.AlertFiguresAsync"/>).
/// Safe to run twice at once: the losing side of a race reloads and tries again.
/// </summary>
public sealed class AlertScan(AppDbContext db, ChildLearningGate gate, TimeProvider clock)
{
    private const int Attempts = 3;

    public async Task<AlertScanResult> ScanAsync(Guid partnerId, CancellationToken ct)
    {
        var measuredAt = clock.GetUtcNow().UtcDateTime;
        var today = NairobiTime.Today(clock);
        var thresholds = await AlertThresholdStore.OfPartnerAsync(db, partnerId, ct);
        var lookback = thresholds.Largest(t => t.DaysInactive);
        var weeks = thresholds.Largest(t => t.ScoreFallWeeks);
        var figures = await gate.AlertFiguresAsync(partnerId, today, lookback, 14 * weeks, ct);
        var holding = figures
            .SelectMany(f => AlertRules.Evaluate(f, thresholds.Of(f.ProgramId, f.ChildId), today, lookback).Select(c => (Child: f, Condition: c)))
            .ToDictionary(x => (x.Child.ChildId, x.Condition.Kind));

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var open = await db.ChildAlerts.Where(a => a.PartnerId == partnerId && a.ResolvedAt == null).ToListAsync(ct);
                // An alert raised after this scan measured, by a scan running alongside, is not this scan's to clear: its
                // figures are older than the alert (a watcher tick and a rescan raced so, raising and clearing at once).
                var cleared = open.Where(a => a.RaisedAt <= measuredAt && !holding.ContainsKey((a.SponsoredChildId, a.Kind))).ToList();
                foreach (var alert in cleared)
                {
                    alert.State = ChildAlertState.resolved;
                    alert.ResolvedAt = now;
                }
                var known = open.Select(a => (a.SponsoredChildId, a.Kind)).ToHashSet();
                var raised = holding.Where(h => !known.Contains(h.Key)).Select(h => new ChildAlert
                {
                    PartnerId = partnerId, ProgramId = h.Value.Child.ProgramId, SponsoredChildId = h.Key.ChildId, Kind = h.Key.Kind,
                    Summary = h.Value.Condition.Summary, Value = h.Value.Condition.Value, Threshold = h.Value.Condition.Threshold, RaisedAt = now,
                }).ToList();
                db.ChildAlerts.AddRange(raised);
                await db.SaveChangesAsync(ct);
                return new(figures.Count, raised.Count, cleared.Count);
            }
            catch (DbUpdateException e) when (attempt < Attempts && (e is DbUpdateConcurrencyException || DatabaseConflicts.IsUniqueViolation(e)))
            {
                // Another scan raised or resolved some of the same alerts first: start again from what it stored.
                db.ChangeTracker.Clear();
            }
        }
    }
}
