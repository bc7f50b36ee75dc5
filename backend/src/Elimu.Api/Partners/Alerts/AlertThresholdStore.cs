using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Alerts;

/// <summary>A partner's thresholds, resolved: a child's override over its program's, the program's over the defaults.</summary>
public sealed class PartnerThresholds(Dictionary<Guid, AlertThresholdValues> programs, Dictionary<Guid, AlertThresholdValues> children)
{
    /// <summary>What applies to a program's children before any override (no nulls).</summary>
    public AlertThresholdValues OfProgram(Guid programId) =>
        programs.TryGetValue(programId, out var set) ? set.Over(AlertThresholdValues.Defaults) : AlertThresholdValues.Defaults;

    /// <summary>What applies to the child (no nulls).</summary>
    public AlertThresholdValues Of(Guid programId, Guid childId) =>
        children.TryGetValue(childId, out var set) ? set.Over(OfProgram(programId)) : OfProgram(programId);

    /// <summary>The largest value any child can have, for how far back the scan reads.</summary>
    public int Largest(Func<AlertThresholdValues, int?> value) =>
        programs.Values.Concat(children.Values).Append(AlertThresholdValues.Defaults).Select(value).Max(v => v ?? 0);
}

internal static class AlertThresholdStore
{
    /// <summary>Every threshold row of the partner: one per program or child that set any, so a small read.</summary>
    public static async Task<PartnerThresholds> OfPartnerAsync(AppDbContext db, Guid partnerId, CancellationToken ct)
    {
        var rows = await db.AlertThresholds.AsNoTracking().Where(t => t.PartnerId == partnerId).ToListAsync(ct);
        return new(rows.Where(r => r.SponsoredChildId == null).ToDictionary(r => r.ProgramId, r => r.Values),
            rows.Where(r => r.SponsoredChildId != null).ToDictionary(r => r.SponsoredChildId!.Value, r => r.Values));
    }
}
