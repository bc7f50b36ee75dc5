using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Alerts;

public sealed record DismissAlertRequest(string? Note);

/// <summary>The partner's moves on an alert: seen (from new), dismissed with a note (from new or seen). Resolution is the scan's.</summary>
public sealed class AlertStateChanges(AppDbContext db, AlertReader reader, AuditTrail audit, IPartnerCountersChanged counters, TimeProvider clock)
{
    /// <summary>Marks a new alert seen; an alert already seen, dismissed or resolved is answered as it is.</summary>
    public async Task<ChildAlertView> SeenAsync(Guid partnerId, Guid userId, Guid id, CancellationToken ct)
    {
        var (alert, child) = await reader.FindAsync(partnerId, id, ct);
        if (alert.State != ChildAlertState.@new) return AlertReader.Describe(alert, child);
        alert.State = ChildAlertState.seen;
        alert.SeenAt = clock.GetUtcNow().UtcDateTime;
        alert.SeenBy = userId;
        await SaveAsync(ct);
        await counters.CountersChangedAsync(partnerId, ct);
        return AlertReader.Describe(alert, child);
    }

    public async Task<ChildAlertView> DismissAsync(Guid partnerId, Guid userId, Guid id, DismissAlertRequest body, CancellationToken ct)
    {
        var note = body.Note?.Trim();
        if (string.IsNullOrEmpty(note))
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["note"] = ["Say why the alert is dismissed (a note is required)."] });
        if (note.Length > ChildAlert.NoteLength)
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["note"] = [$"The note can be at most {ChildAlert.NoteLength} characters."] });
        var (alert, child) = await reader.FindAsync(partnerId, id, ct);
        if (alert.State == ChildAlertState.resolved)
            throw DomainException.Conflict("invalid_transition", "This alert is resolved: its condition has cleared, so there is nothing to dismiss.");
        if (alert.State == ChildAlertState.dismissed)
            throw DomainException.Conflict("invalid_transition", "This alert is already dismissed.");
        var now = clock.GetUtcNow().UtcDateTime;
        var wasNew = alert.State == ChildAlertState.@new;
        alert.State = ChildAlertState.dismissed;
        alert.SeenAt ??= now;
        alert.SeenBy ??= userId;
        alert.DismissedAt = now;
        alert.DismissedBy = userId;
        alert.DismissNote = note;
        audit.Record(userId, "alert.dismiss", nameof(ChildAlert), alert.Id, $"{alert.Kind}: {note}", partnerId);
        await SaveAsync(ct);
        if (wasNew) await counters.CountersChangedAsync(partnerId, ct);
        return AlertReader.Describe(alert, child);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("invalid_transition", "This alert was resolved a moment ago: its condition has cleared.");
        }
    }
}
