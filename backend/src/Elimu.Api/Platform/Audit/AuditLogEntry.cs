namespace Elimu.Api.Platform.Audit;

/// <summary>Who did what to which entity, when, from where. Rows are only ever added.</summary>
public class AuditLogEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    public string? IpAddress { get; set; }
    public string? Details { get; set; }
    public DateTime At { get; set; }
}
