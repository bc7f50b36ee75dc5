using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Alerts;

/// <summary>
/// The thresholds of a program and of a child. Another partner's program or child is a 404. A change is applied at once
/// (the partner's alerts are scanned again before the answer), so the alerts page agrees with the thresholds it shows.
/// </summary>
public sealed class AlertThresholdHandlers(AppDbContext db, ProgramStore programs, ChildLearningGate gate, AlertScan scan, AuditTrail audit,
    TimeProvider clock)
{
    public async Task<AlertThresholdsResponse> ProgramAsync(Guid partnerId, Guid programId, CancellationToken ct)
    {
        await EnsureProgramAsync(partnerId, programId, ct);
        var all = await AlertThresholdStore.OfPartnerAsync(db, partnerId, ct);
        var set = await SetAsync(programId, ct);
        return new("program", programId, null, set, AlertThresholdValues.Defaults, all.OfProgram(programId));
    }

    public async Task<AlertThresholdsResponse> ChildAsync(Guid partnerId, Guid childId, CancellationToken ct)
    {
        var programId = await gate.ProgramOfChildAsync(partnerId, childId, ct);
        var all = await AlertThresholdStore.OfPartnerAsync(db, partnerId, ct);
        return new("child", programId, childId, await SetAsync(childId, ct), all.OfProgram(programId), all.Of(programId, childId));
    }

    public async Task<AlertThresholdsResponse> SetProgramAsync(Guid partnerId, Guid userId, Guid programId, AlertThresholdValues body, CancellationToken ct)
    {
        body.EnsureValid();
        await EnsureProgramAsync(partnerId, programId, ct);
        await SaveAsync(partnerId, userId, programId, programId, null, body, ct);
        return await ProgramAsync(partnerId, programId, ct);
    }

    public async Task<AlertThresholdsResponse> SetChildAsync(Guid partnerId, Guid userId, Guid childId, AlertThresholdValues body, CancellationToken ct)
    {
        body.EnsureValid();
        var programId = await gate.ProgramOfChildAsync(partnerId, childId, ct);
        await SaveAsync(partnerId, userId, childId, programId, childId, body, ct);
        return await ChildAsync(partnerId, childId, ct);
    }

    private async Task EnsureProgramAsync(Guid partnerId, Guid programId, CancellationToken ct)
    {
        if ((await programs.OfPartnerAsync(partnerId, ct, programId)).Count == 0) throw DomainException.NotFound("Sponsorship program");
    }

    private async Task<AlertThresholdValues> SetAsync(Guid ownerId, CancellationToken ct) =>
        (await db.AlertThresholds.AsNoTracking().FirstOrDefaultAsync(t => t.OwnerId == ownerId, ct))?.Values ?? AlertThresholdValues.None;

    /// <summary>Stores the values (a row with nothing set is removed: all inherit), audits the change, and rescans the partner.</summary>
    private async Task SaveAsync(Guid partnerId, Guid userId, Guid ownerId, Guid programId, Guid? childId, AlertThresholdValues values,
        CancellationToken ct)
    {
        var row = await db.AlertThresholds.FirstOrDefaultAsync(t => t.OwnerId == ownerId, ct);
        if (values.IsEmpty)
        {
            if (row is not null) db.AlertThresholds.Remove(row);
        }
        else
        {
            if (row is null) db.AlertThresholds.Add(row = new AlertThresholdSet { OwnerId = ownerId, PartnerId = partnerId, ProgramId = programId, SponsoredChildId = childId });
            (row.DaysInactive, row.ScoreFallPoints, row.ScoreFallWeeks, row.WeeklyMinutesBelow, row.GoalDaysLeft) =
                (values.DaysInactive, values.ScoreFallPoints, values.ScoreFallWeeks, values.WeeklyMinutesBelow, values.GoalDaysLeft);
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            row.UpdatedBy = userId;
        }
        audit.Record(userId, "alert_thresholds.update", childId is null ? "SponsorshipProgram" : "SponsoredChild", ownerId,
            System.Text.Json.JsonSerializer.Serialize(values), partnerId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e))
        {
            throw DomainException.Conflict("thresholds_changed", "The thresholds were saved by someone else at the same time; reload and try again.");
        }
        db.ChangeTracker.Clear();
        await scan.ScanAsync(partnerId, ct);
    }
}
