using Elimu.Api.Data;

namespace Elimu.Api.Platform.Audit;

/// <summary>Adds audit rows to the current unit of work; they are saved with the change (or read) they describe.</summary>
public sealed class AuditTrail(AppDbContext db, IHttpContextAccessor http)
{
    public AuditLogEntry Record(Guid? userId, string action, string entityType, object? entityId, string? details = null,
        Guid? partnerId = null, IEnumerable<Guid>? studentIds = null)
    {
        var entry = new AuditLogEntry
        {
            UserId = userId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            PartnerId = partnerId,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Details = details,
        };
        if (studentIds is not null)
            entry.Students = studentIds.Distinct().Select(id => new AuditLogStudent { AuditLogEntryId = entry.Id, StudentId = id }).ToList();
        db.AuditLog.Add(entry);
        return entry;
    }

    /// <summary>For reads, which have no change of their own to ride along with.</summary>
    public async Task RecordNowAsync(Guid? userId, string action, string entityType, object? entityId, CancellationToken ct, string? details = null)
    {
        Record(userId, action, entityType, entityId, details);
        await db.SaveChangesAsync(ct);
    }
}
